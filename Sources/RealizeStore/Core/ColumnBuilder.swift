/// Accumulates values into a typed column, one at a time.
///
/// Text is dictionary-encoded as it arrives. Decimals are kept at the largest scale seen that fits:
/// when aligning a value would overflow 128 bits, the column keeps the widest scale at which every
/// value fits, rounding the extra digits half away from zero.
public struct ColumnBuilder: Sendable {
    public let name: String
    public let type: DataType
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var decimals: [Int128] = []
    private var decimalScale = 0
    private var codes: [UInt32] = []
    private var dictionary: [String] = []
    private var lookup: [String: UInt32] = [:]
    private var small: [Int32] = []
    private var bools: [Bool] = []
    private var validity = Bitmap(count: 0, value: true)
    private var hasNull = false

    public init(name: String, type: DataType, capacity: Int = 0) {
        self.name = name
        self.type = type
        switch type {
        case .int: ints.reserveCapacity(capacity)
        case .decimal: decimals.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .text: codes.reserveCapacity(capacity)
        case .date, .period: small.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        }
    }

    /// Appends a null.
    public mutating func appendNull() {
        hasNull = true
        validity.append(false)
        switch type {
        case .int: ints.append(0)
        case .decimal: decimals.append(0)
        case .double: doubles.append(0)
        case .text: codes.append(0)
        case .date, .period: small.append(0)
        case .bool: bools.append(false)
        }
    }

    /// Appends a text value (text columns only).
    public mutating func appendText(_ s: String) {
        validity.append(true)
        if let c = lookup[s] { codes.append(c); return }
        let c = UInt32(dictionary.count)
        dictionary.append(s)
        lookup[s] = c
        codes.append(c)
    }

    /// Appends a value; a value of the wrong type is converted where that is lossless, or stored as null.
    public mutating func append(_ v: Value) {
        switch (type, v) {
        case (_, .null): appendNull()
        case (.text, .text(let s)): appendText(s)
        case (.text, let other): appendText(other.description)
        case (.int, .int(let x)): validity.append(true); ints.append(x)
        case (.double, _) where v.doubleValue != nil: validity.append(true); doubles.append(v.doubleValue!)
        case (.decimal, .decimal(let d)): appendDecimal(d)
        case (.decimal, .int(let x)): appendDecimal(FixedDecimal(units: Int128(x), scale: 0))
        case (.date, .date(let d)): validity.append(true); small.append(d)
        case (.period, .period(let p)): validity.append(true); small.append(p)
        case (.bool, .bool(let b)): validity.append(true); bools.append(b)
        default: appendNull()
        }
    }

    private mutating func appendDecimal(_ d: FixedDecimal) {
        validity.append(true)
        var target = max(d.scale, decimalScale)
        // The widest scale at which both the column so far and the new value fit.
        while target > 0 && (FixedDecimal.rescale(d.units, from: d.scale, to: target) == nil || !columnFits(at: target)) { target -= 1 }
        if target != decimalScale {
            for i in decimals.indices { decimals[i] = FixedDecimal.rescale(decimals[i], from: decimalScale, to: target) ?? 0 }
            decimalScale = target
        }
        decimals.append(FixedDecimal.rescale(d.units, from: d.scale, to: decimalScale) ?? 0)
    }

    /// Whether every decimal so far fits at `scale` (always true when narrowing).
    private func columnFits(at scale: Int) -> Bool {
        guard scale > decimalScale else { return true }
        let limit = Int128.max / FixedDecimal.pow10[scale - decimalScale]
        return !decimals.contains { $0 > limit || $0 < -limit }
    }

    /// The finished column.
    public func finish() -> Column {
        let storage: ColumnStorage
        switch type {
        case .int: storage = .int(ints)
        case .double: storage = .double(doubles)
        case .decimal: storage = .decimal(decimals, scale: decimalScale)
        case .text: storage = .text(codes: codes, dictionary: dictionary)
        case .date: storage = .date(small)
        case .period: storage = .period(small)
        case .bool: storage = .bool(bools)
        }
        return Column(name: name, storage: storage, validity: hasNull ? validity : nil)
    }
}
