extension DecimalUnits: Equatable {
    /// Equal units in order, whatever the buffers' widths.
    public static func == (lhs: DecimalUnits, rhs: DecimalUnits) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.narrow(let a), .narrow(let b)): a == b
        case (.wide(let a), .wide(let b)): a == b
        default: lhs.elementsEqual(rhs)
        }
    }
}
