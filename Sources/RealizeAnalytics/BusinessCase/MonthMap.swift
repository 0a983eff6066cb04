/// Amounts keyed by `YYYY-MM` period number, as a dictionary keeps them, stored densely from the earliest month
/// set: a project's or a group's flows span a few hundred consecutive months, so a lookup is an index and no
/// key is hashed. Iteration is in month order.
struct MonthMap: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The month of `values[0]`.
    private var low: Int32 = 0
    private var values: [Double] = []
    /// Whether each month has been set (an amount of 0 counts, as a dictionary's key does).
    private var present: [Bool] = []

    init() {}

    init(dictionaryLiteral elements: (Int32, Double)...) {
        for (month, value) in elements { self[month, default: 0] = value }
    }

    /// The amount of `month`, nil when none was set.
    subscript(month: Int32) -> Double? {
        let i = Int(month) - Int(low)
        return i >= 0 && i < values.count && present[i] ? values[i] : nil
    }

    /// The amount of `month`, `empty` when none was set; setting it sets the month.
    subscript(month: Int32, default empty: Double) -> Double {
        get { self[month] ?? empty }
        set {
            let i = slot(month)
            values[i] = newValue
            present[i] = true
        }
    }

    /// The months set, ascending.
    var keys: [Int32] { present.indices.filter { present[$0] }.map { low + Int32($0) } }

    /// Where `month` is stored, growing the span to hold it.
    private mutating func slot(_ month: Int32) -> Int {
        if values.isEmpty {
            low = month
            values = [0]
            present = [false]
            return 0
        }
        if month < low {
            let grow = Int(low) - Int(month)
            values.insert(contentsOf: repeatElement(0, count: grow), at: 0)
            present.insert(contentsOf: repeatElement(false, count: grow), at: 0)
            low = month
        }
        let i = Int(month) - Int(low)
        if i >= values.count {
            values.append(contentsOf: repeatElement(0, count: i - values.count + 1))
            present.append(contentsOf: repeatElement(false, count: i - present.count + 1))
        }
        return i
    }

    /// (month, amount) pairs of the months set, ascending.
    func makeIterator() -> Iterator { Iterator(map: self) }

    struct Iterator: IteratorProtocol {
        let map: MonthMap
        var i = 0

        mutating func next() -> (Int32, Double)? {
            while i < map.values.count && !map.present[i] { i += 1 }
            guard i < map.values.count else { return nil }
            defer { i += 1 }
            return (map.low + Int32(i), map.values[i])
        }
    }

    /// Equal when the same months hold the same amounts, however much span each has allocated.
    static func == (a: MonthMap, b: MonthMap) -> Bool { Array(a).elementsEqual(Array(b)) { $0.0 == $1.0 && $0.1 == $1.1 } }
}
