/// The scaled units of a decimal column: 64-bit when every value fits, else 128-bit.
///
/// Read as a collection of `Int128` (the many cold readers keep working unchanged); hot kernels look at
/// ``narrow`` or ``wide`` and loop over the buffer itself. Builders produce the narrow form whenever every
/// value fits, which halves the memory and the bytes a scan reads for ordinary money columns.
///
/// Invariant: a narrow buffer holds the exact units (nothing is lost); a wide buffer may hold values that
/// would fit 64 bits (a gather of a wide column stays wide), so the form is a storage choice, never a type.
@frozen
public struct DecimalUnits: Sendable {
    /// The buffer behind the units.
    @frozen
    public enum Storage: Sendable {
        case narrow([Int64])
        case wide([Int128])
    }

    /// The buffer behind the units.
    public let storage: Storage

    /// The units, stored as 64-bit when every value fits.
    ///
    /// - Complexity: O(n): one branch-free pass to check, and one copy when they fit.
    public init(_ units: [Int128]) {
        if let n = DecimalUnits.narrowed(units) { storage = .narrow(n) } else { storage = .wide(units) }
    }

    /// 64-bit units as they are.
    public init(narrow units: [Int64]) { storage = .narrow(units) }

    /// 128-bit units as they are (no attempt to narrow).
    public init(wide units: [Int128]) { storage = .wide(units) }

    /// The 64-bit buffer, or nil when the units are stored wide.
    @inlinable public var narrow: [Int64]? {
        if case .narrow(let a) = storage { return a }
        return nil
    }

    /// The 128-bit buffer, or nil when the units are stored narrow.
    @inlinable public var wide: [Int128]? {
        if case .wide(let a) = storage { return a }
        return nil
    }

    /// The units as a 128-bit array: the buffer itself when wide, else a widened copy.
    public var widened: [Int128] {
        switch storage {
        case .wide(let a): a
        case .narrow(let a): a.map { Int128($0) }
        }
    }

    /// Bytes the buffer takes per value (8 or 16).
    public var bytesPerValue: Int { narrow == nil ? 16 : 8 }

    /// The units as `Int64`, or nil if some value does not fit.
    public static func narrowed(_ a: [Int128]) -> [Int64]? {
        var misfit: Int64 = 0
        let out = [Int64](unsafeUninitializedCapacity: a.count) { out, count in
            a.withUnsafeBufferPointer { x in
                // Branch-free over the rows: a value fits when its high half is the sign of its low half.
                for i in 0..<x.count {
                    let low = Int64(truncatingIfNeeded: x[i])
                    out[i] = low
                    misfit |= Int64(truncatingIfNeeded: x[i] >> 64) ^ (low >> 63)
                }
            }
            count = a.count
        }
        return misfit == 0 ? out : nil
    }
}
