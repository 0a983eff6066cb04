/// The bytes of a drawn grid, appended cell by cell and made into one `String` at the end.
///
/// Hand-written rather than joining padded strings: padding each cell into a new string, joining a row and
/// appending it cost about 1,800 instructions a cell (callgrind, `nps by program quarterly`). Appending to a
/// `[UInt8]` still cost about 90 a call in `Array.append(contentsOf:)`, so the array is kept filled and written
/// through a pointer, one write a cell, growing by doubling when a cell would not fit.
struct GridText {
    /// Storage: the first `count` bytes are the text, the rest is room.
    private var storage: [UInt8]
    private var count = 0

    /// An empty grid with room for `capacity` bytes.
    init(capacity: Int = 0) { storage = [UInt8](repeating: 0, count: max(capacity, 256)) }

    /// Appends the UTF-8 of `s`.
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { write(bytes: $0, before: 0, after: 0) }
    }

    /// Appends `text`, which is `textWidth` cells wide, padded with spaces to `width` cells as `alignment` says;
    /// with `colour`, the text (not the padding) is wrapped in it and `reset`.
    mutating func cell(_ text: String, textWidth: Int, width: Int, _ alignment: Alignment, colour: String?, reset: String) {
        let gap = max(0, width - textWidth)
        let before: Int
        switch alignment {
        case .left: before = 0
        case .right: before = gap
        case .center: before = gap / 2
        }
        var text = text
        guard let colour else {
            text.withUTF8 { write(bytes: $0, before: before, after: gap - before) }
            return
        }
        write(bytes: UnsafeBufferPointer(start: nil, count: 0), before: before, after: 0)
        append(colour)
        append(text)
        append(reset)
        write(bytes: UnsafeBufferPointer(start: nil, count: 0), before: 0, after: gap - before)
    }

    /// Appends `before` spaces, `bytes` and `after` spaces.
    private mutating func write(bytes: UnsafeBufferPointer<UInt8>, before: Int, after: Int) {
        let n = before + bytes.count + after
        if count + n > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(n, storage.count)))
        }
        let at = count
        storage.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            (base + at).update(repeating: 0x20, count: before)
            if let source = bytes.baseAddress { (base + at + before).update(from: source, count: bytes.count) }
            (base + at + before + bytes.count).update(repeating: 0x20, count: after)
        }
        count += n
    }

    /// The text appended so far.
    var string: String { String(decoding: storage[..<count], as: UTF8.self) }
}
