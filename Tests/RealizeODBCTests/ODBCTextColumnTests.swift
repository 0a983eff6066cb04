import RealizeStore
import Testing

@testable import RealizeODBC

/// Text fetched as bytes becomes a dictionary-encoded column without a String per row.
struct ODBCTextColumnTests {
    private func append(_ text: String, to column: inout ODBCTextColumn) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { column.append(UnsafeRawBufferPointer($0)) }
    }

    @Test func emptyStringsNullsAndNonASCIIStayApart() {
        var column = ODBCTextColumn()
        for v in ["Seán", "", "ünïcödé ✓", "Seán", "", "中文"] { append(v, to: &column) }
        column.appendNull()
        append("", to: &column)
        let c = column.finish(name: "t")
        #expect(c.invariantViolation() == nil)
        let values = (0..<c.count).map { c.value(at: $0) }
        let expected: [Value] = [.text("Seán"), .text(""), .text("ünïcödé ✓"), .text("Seán"), .text(""), .text("中文"), .null, .text("")]
        #expect(values == expected)
        guard case .text(_, let dictionary) = c.storage else {
            Issue.record("not a text column")
            return
        }
        #expect(dictionary == ["Seán", "", "ünïcödé ✓", "中文"])
        #expect(c.nullCount == 1)
    }

    @Test func aColumnWithoutNullsHasNoValidity() {
        var column = ODBCTextColumn()
        for k in 0..<5000 { append("P\(k % 97)", to: &column) }
        let c = column.finish(name: "project_id")
        #expect(c.validity == nil)
        #expect(c.count == 5000)
        #expect(c.value(at: 4999) == .text("P\(4999 % 97)"))
        if case .text(_, let dictionary) = c.storage { #expect(dictionary.count == 97) }
    }
}
