import RealizeTestSupport
import Testing

@testable import RealizeStore

/// A text column's shortcut for a field equal to the one before it (``ColumnDecoder``): the codes and the
/// dictionary are those of interning every field, in first-seen order, with runs, nulls, quoted fields
/// (doubled quotes undone, `""` the empty string) and values that share a length.
@Suite struct TextRunsTests {
    static let values = ["P0000001", "P0000002", "P0000012", "Orion", "\"Orion\"", "\"a \"\"b\"\"\"", "\"\"", "", "x", "\"x,y\""]

    /// The field's value as the reader gives it: nil for null.
    static func expected(_ field: String) -> String? {
        if field.isEmpty { return nil }
        guard field.hasPrefix("\"") else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    @Test func runsReadAsEveryFieldInterned() throws {
        var g = SeededGenerator(seed: 1201)
        for _ in 0..<300 {
            var fields: [String] = []
            while fields.count < 80 {
                let v = Self.values[Int.random(in: 0..<Self.values.count, using: &g)]
                fields += Array(repeating: v, count: Int.random(in: 1...6, using: &g))
            }
            let csv = "k,n\n" + fields.enumerated().map { "\($0.element),\($0.offset)" }.joined(separator: "\n") + "\n"
            var options = CSVReadOptions()
            options.typeOverrides = ["k": .text]
            let table = try CSVReader.read(bytes: Array(csv.utf8), sourceName: "t.csv", options: options)
            guard case .text(let codes, let dictionary) = table.columns[0].storage else {
                Issue.record("not a text column")
                return
            }
            var firstSeen: [String] = []
            for (r, field) in fields.enumerated() {
                guard let value = Self.expected(field) else {
                    #expect(table.columns[0].isNull(r))
                    continue
                }
                if !firstSeen.contains(value) { firstSeen.append(value) }
                #expect(!table.columns[0].isNull(r) && dictionary[Int(codes[r])] == value, "row \(r) of \(csv.debugDescription)")
            }
            #expect(dictionary == firstSeen)
        }
    }
}
