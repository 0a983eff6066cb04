import RealizeStore
import Testing
@testable import RealizeQuery

/// The edge cases of the everyday vocabulary, each stated once with its answer.
@Suite struct VocabularyEdgeCaseTests {
    /// One row with a text `t` (null in a second row), to evaluate expressions on.
    static func value(_ expression: String, row: Int = 0) throws -> Value {
        var c = Catalog()
        c.set(
            "one",
            Table(
                columns: [
                    Column(name: "t", type: .text, values: [.text("x"), .null]), Column(name: "z", type: .int, values: [.int(0), .int(0)]),
                ], rowCount: 2))
        var s = QuerySession(catalog: c)
        let t = try runTable("one | select v = \(expression)", &s)
        return t.columns[0].value(at: row)
    }

    static func date(_ text: String) -> Value { .date(CivilCalendar.parseDate(Array(text.utf8))!) }

    @Test func monthEndsAndLeapDays() throws {
        #expect(try Self.value("add_months(2024-01-31, 1)") == Self.date("2024-02-29"))
        #expect(try Self.value("add_months(2023-01-31, 1)") == Self.date("2023-02-28"))
        #expect(try Self.value("add_months(2024-02-29, 12)") == Self.date("2025-02-28"))
        #expect(try Self.value("add_months(2024-03-31, -1)") == Self.date("2024-02-29"))
        #expect(try Self.value("months_between(2024-01-31, 2024-02-29)") == .int(1))
        #expect(try Self.value("months_between(2024-02-29, 2024-01-31)") == .int(-1))
        #expect(try Self.value("end_of(2024-02)") == Self.date("2024-02-29"))
        #expect(try Self.value("end_of(1900-02)") == Self.date("1900-02-28"))
        #expect(try Self.value("2024-03-01 - 2024-02-28") == .int(2))
    }

    @Test func datesBefore1970() throws {
        #expect(try Self.value("1969-12-31 - 1970-01-01") == .int(-1))
        #expect(try Self.value("1900-03-01 - 1") == Self.date("1900-02-28"))
        #expect(try Self.value("add_months(1969-12-15, 1)") == Self.date("1970-01-15"))
        #expect(try Self.value("date_trunc('year', 1969-07-20)") == Self.date("1969-01-01"))
        #expect(try Self.value("period_of(1969-07-20) - 1969-01") == .int(6))
    }

    @Test func emptyTextAndNullsInEveryTextFunction() throws {
        let calls = [
            "substr(X, 1, 2)", "left(X, 2)", "right(X, 2)", "trim(X)", "ltrim(X)", "rtrim(X)", "replace(X, 'a', 'b')",
            "split_part(X, '-', 1)", "lpad(X, 3)", "rpad(X, 3, '*')", "lower(X)", "upper(X)",
        ]
        for call in calls {
            let empty = try Self.value(call.replacingOccurrences(of: "X", with: "''"))
            let expected: Value = call.hasPrefix("lpad") ? .text("   ") : call.hasPrefix("rpad") ? .text("***") : .text("")
            #expect(empty == expected, "\(call) of ''")
            #expect(try Self.value(call.replacingOccurrences(of: "X", with: "t"), row: 1) == .null, "\(call) of null")
        }
        #expect(try Self.value("length('')") == .int(0))
        #expect(try Self.value("matches('', '^$')") == .bool(true))
        #expect(try Self.value("matches(t, 'x')", row: 1) == .null)
        #expect(try Self.value("concat(t, 'a', null)", row: 1) == .text("a"))
        #expect(try Self.value("t || 'a'", row: 1) == .null)
    }

    @Test func graphemeClusters() throws {
        let decomposed = "'Zu\u{308}rich'"
        #expect(try Self.value("length(\(decomposed))") == .int(6))
        #expect(try Self.value("substr(\(decomposed), 2, 1)") == .text("u\u{308}"))
        #expect(try Self.value("left(\(decomposed), 2)") == .text("Zu\u{308}"))
        #expect(try Self.value("right('Kraków', 2)") == .text("ów"))
    }

    @Test func castsOfEmptyPaddedAndScientificText() throws {
        #expect(try Self.value("to_int('')") == .null)
        #expect(try Self.value("to_int(' 12 ')") == .int(12))
        #expect(try Self.value("to_int('1e3')") == .int(1000))
        #expect(try Self.value("to_int('2.5')") == .null)
        #expect(try Self.value("to_decimal('')") == .null)
        #expect(try Self.value("to_decimal(' 12 ')") == .decimal(FixedDecimal(units: 12, scale: 0)))
        #expect(try Self.value("to_decimal('1e3')") == .decimal(FixedDecimal(units: 1000, scale: 0)))
        #expect(try Self.value("to_double('1e3')") == .double(1000))
        #expect(try Self.value("to_double(' 12 ')") == .double(12))
        #expect(try Self.value("to_date('29.02.2023', 'dd.mm.yyyy')") == .null)
        #expect(try Self.value("to_date('05-Jan-2025', 'dd-mon-yyyy')") == Self.date("2025-01-05"))
        #expect(try Self.value("to_period('12/2025', 'mm/yyyy')") == .period(CivilCalendar.period(year: 2025, month: 12)))
    }

    @Test func sharesOfAZeroTotalAreNull() throws {
        var c = Catalog()
        c.set(
            "t",
            Table(
                columns: [
                    Column(name: "g", type: .text, values: [.text("a"), .text("a"), .text("b")]),
                    Column(name: "x", type: .int, values: [.int(0), .int(0), .int(5)]),
                ], rowCount: 3))
        var s = QuerySession(catalog: c)
        let t = try runTable("t | window by g derive share = x / sum(x)", &s)
        #expect((0..<3).map { t.columns[2].value(at: $0) } == [.null, .null, .double(1)])
    }

    @Test func literalArgumentsAreCheckedFirst() throws {
        var s = Fixtures.session()
        for (q, id) in [
            ("financials | derive x = date_trunc('week', period)", "unknown-unit"),
            ("financials | derive x = matches(project_id, '(')", "invalid-pattern"),
            ("financials | derive x = period + period", "type-mismatch"),
            ("financials | derive x = to_decimal(actual_cost, 40)", "expected-literal"),
        ] {
            do throws(QueryError) {
                _ = try s.run(q)
                Issue.record("expected an error: \(q)")
            } catch {
                #expect(error.primary.id == id, "\(q): \(error.primary)")
            }
        }
    }
}
