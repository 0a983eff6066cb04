extension DecimalUnits: RandomAccessCollection {
    public typealias Index = Int
    public typealias Element = Int128
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }

    @inlinable public var endIndex: Int {
        switch storage {
        case .narrow(let a): a.count
        case .wide(let a): a.count
        }
    }

    @inlinable public var indices: Range<Int> { 0..<endIndex }

    @inlinable public subscript(position: Int) -> Int128 {
        switch storage {
        case .narrow(let a): Int128(a[position])
        case .wide(let a): a[position]
        }
    }
}
