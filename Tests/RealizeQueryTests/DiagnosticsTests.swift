import Testing
import RealizeStore
@testable import RealizeQuery

/// Asserts a failing query's first diagnostic: id, message, start line/column and (optionally) end column, hint and notes.
func expectDiagnostic(
    _ q: String, id: String, message: String, line: Int = 1, column: Int, endColumn: Int? = nil,
    hint: String?? = .none, notes: [String]? = nil, session: QuerySession? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    var s = session ?? Fixtures.session()
    guard let d = diagnostic(q, &s, sourceLocation: sourceLocation) else { return }
    #expect(d.id == id, sourceLocation: sourceLocation)
    #expect(d.message == message, sourceLocation: sourceLocation)
    #expect(d.severity == .error, sourceLocation: sourceLocation)
    #expect(d.range.start.line == line, "line", sourceLocation: sourceLocation)
    #expect(d.range.start.column == column, "column", sourceLocation: sourceLocation)
    if let e = endColumn { #expect(d.range.end.column == e, "end column", sourceLocation: sourceLocation) }
    if case .some(let h) = hint { #expect(d.hint == h, sourceLocation: sourceLocation) }
    if let n = notes { #expect(d.notes == n, sourceLocation: sourceLocation) }
}

let financialsColumns = "columns in scope: project_id, period, planned_value, earned_value, actual_cost"

@Suite struct DiagnosticsTests {
    @Test func misspelledVerb() {
        expectDiagnostic(
            "financials | wher x > 1", id: "expected-verb", message: "expected a verb after `|`, found `wher`",
            column: 14, endColumn: 18, hint: "did you mean `where`?")
    }

    @Test func notAVerbListsVerbs() {
        expectDiagnostic(
            "financials | 42", id: "expected-verb", message: "expected a verb after `|`, found `42`", column: 14,
            hint: "verbs: agg, by, derive, distinct, join, left, pivot, select, sort, take, top, union, unpivot, where, window")
    }

    @Test func misspelledVerbOnSecondLine() {
        expectDiagnostic(
            "financials\n| selct project_id", id: "expected-verb", message: "expected a verb after `|`, found `selct`",
            line: 2, column: 3, endColumn: 8, hint: "did you mean `select`?")
    }

    @Test func unterminatedString() {
        expectDiagnostic(
            "financials | where project_id = 'P1", id: "unterminated-string", message: "unterminated string",
            column: 33, hint: "close it with '")
    }

    @Test func unterminatedQuotedName() {
        expectDiagnostic(
            "financials | where `actual cost > 1", id: "unterminated-string", message: "unterminated quoted name",
            column: 20, hint: "close it with `")
    }

    @Test func missingAggAfterBy() {
        expectDiagnostic(
            "financials | by project_id", id: "expected-agg",
            message: "expected `agg` after the grouping columns of `by`, found end of query", column: 27)
        expectDiagnostic(
            "financials | by project_id sum(actual_cost)", id: "expected-agg",
            message: "expected `agg` after the grouping columns of `by`, found `sum`", column: 28, endColumn: 31)
    }

    @Test func takeWithoutNumber() {
        expectDiagnostic(
            "financials | take", id: "expected-count", message: "expected a row count after `take`, found end of query",
            column: 18, hint: "for example `take 10`")
        expectDiagnostic(
            "financials | take ten", id: "expected-count", message: "expected a row count after `take`, found `ten`",
            column: 19, endColumn: 22, hint: "for example `take 10`")
        expectDiagnostic(
            "financials | top by actual_cost", id: "expected-count", message: "expected a row count after `top`, found `by`",
            column: 18, hint: "for example `top 10 by budget`")
    }

    @Test func unknownColumnSuggestsAndListsScope() {
        expectDiagnostic(
            "financials | where actul_cost > 1", id: "unknown-column", message: "unknown column `actul_cost`",
            column: 20, endColumn: 30, hint: "did you mean `actual_cost`?", notes: [financialsColumns])
    }

    @Test func unknownColumnWithoutNearName() {
        expectDiagnostic(
            "financials | select zzz", id: "unknown-column", message: "unknown column `zzz`",
            column: 21, endColumn: 24, hint: .some(nil), notes: [financialsColumns])
    }

    @Test func unknownColumnScopeFollowsThePipeline() {
        expectDiagnostic(
            "financials | derive cv = earned_value - actual_cost | select project_id, cvv", id: "unknown-column",
            message: "unknown column `cvv`", column: 74, hint: "did you mean `cv`?",
            notes: [financialsColumns + ", cv"])
        expectDiagnostic(
            "financials | by project_id agg ac = sum(actual_cost) | where actual_cost > 1", id: "unknown-column",
            message: "unknown column `actual_cost`", column: 62, notes: ["columns in scope: project_id, ac"])
    }

    @Test func unknownTable() {
        expectDiagnostic(
            "financals | take 1", id: "unknown-table", message: "unknown table `financals`", column: 1, endColumn: 10,
            hint: "did you mean `financials`?", notes: ["tables: financials, projects"])
        expectDiagnostic(
            "financials | join projets on project_id", id: "unknown-table", message: "unknown table `projets`",
            column: 19, hint: "did you mean `projects`?", notes: ["tables: financials, projects"])
    }

    @Test func lastResultBeforeAnything() {
        expectDiagnostic("_ | take 1", id: "no-last-result", message: "`_` is the last result, but nothing has run yet", column: 1)
    }

    @Test func typeMismatchTextPlusNumber() {
        expectDiagnostic(
            "financials | derive x = 'a' + 1", id: "type-mismatch", message: "`+` needs numbers, but `'a'` is text",
            column: 25, endColumn: 28, hint: "join text with `||`")
    }

    @Test func typeMismatchComparison() {
        expectDiagnostic(
            "financials | where actual_cost > 'big'", id: "type-mismatch", message: "cannot compare decimal with text",
            column: 20, hint: "text literals are written in quotes: 'Active'")
    }

    @Test func whereNeedsACondition() {
        expectDiagnostic(
            "financials | where actual_cost", id: "type-mismatch",
            message: "`where` needs a true/false condition, but this is decimal", column: 20,
            hint: "compare it, e.g. `actual_cost > 0`")
    }

    @Test func aggregateOutsideAgg() {
        expectDiagnostic(
            "financials | where sum(actual_cost) > 1", id: "aggregate-outside-agg",
            message: "aggregate `sum` can only be used in `agg` (or `by … agg`), or over a `window`'s partition", column: 20, endColumn: 36,
            hint: "for example `by program agg total = sum(…)`, or `window by program derive share = x / sum(x)`")
    }

    @Test func columnOutsideAggregate() {
        expectDiagnostic(
            "financials | by project_id agg x = actual_cost", id: "column-outside-aggregate",
            message: "column `actual_cost` must be inside an aggregate or listed in `by`", column: 36)
    }

    @Test func windowFunctionOutsideWindow() {
        expectDiagnostic(
            "financials | derive c = running_sum(actual_cost)", id: "window-outside-window",
            message: "`running_sum` is a window function: use it in a `window` stage", column: 25)
    }

    @Test func sortUndone() {
        expectDiagnostic(
            "financials | sort period | by project_id agg n = count()", id: "sort-undone",
            message: "this sort is undone by the `by` stage that follows", column: 14, endColumn: 25,
            hint: "grouping does not keep row order: sort after `by … agg` instead")
        expectDiagnostic(
            "financials | sort period | sort project_id", id: "sort-undone",
            message: "this sort is undone by the `sort` stage that follows", column: 14)
        expectDiagnostic(
            "financials | sort period | distinct", id: "sort-undone",
            message: "this sort is undone by the `distinct` stage that follows", column: 14,
            hint: "`distinct` does not keep row order: sort after it")
        expectDiagnostic(
            "financials | sort period | pivot period agg sum(actual_cost)", id: "sort-undone",
            message: "this sort is undone by the `pivot` stage that follows", column: 14)
        expectDiagnostic(
            "financials | sort period | agg n = count()", id: "sort-undone",
            message: "this sort is undone by the `agg` stage that follows", column: 14)
    }

    @Test func sortThenTakeIsFine() throws {
        let t = try runTable("financials | sort period | take 1 | by project_id agg n = count()")
        #expect(t.rowCount == 1)
    }

    @Test func expectedExpression() {
        expectDiagnostic("financials | where", id: "expected-expression", message: "expected an expression, found end of query", column: 19)
        expectDiagnostic(
            "financials | where actual_cost > | take 1", id: "expected-expression",
            message: "expected an expression, found `|`", column: 34)
        expectDiagnostic(
            "financials | where select > 1", id: "expected-expression", message: "expected an expression, found `select`",
            column: 20, hint: "`select` is a reserved word; quote a column of that name in backticks")
    }

    @Test func expectedTable() {
        expectDiagnostic(
            "where x > 1", id: "expected-table", message: "expected a table name, found `where`", column: 1,
            hint: "a pipeline starts with a table name or `_` (the last result), e.g. `financials | where …`")
    }

    @Test func unknownFunction() {
        expectDiagnostic(
            "financials | derive x = absolute(actual_cost)", id: "unknown-function", message: "unknown function `absolute`",
            column: 25, hint: .some(nil))
        expectDiagnostic(
            "financials | derive x = lowr(project_id)", id: "unknown-function", message: "unknown function `lowr`",
            column: 25, hint: "did you mean `lower`?")
    }

    @Test func duplicateColumn() {
        expectDiagnostic(
            "financials | select a = actual_cost, a = period", id: "duplicate-column", message: "column `a` appears twice",
            column: 38)
    }

    @Test func joinKeyMissingOnRight() {
        expectDiagnostic(
            "financials | join projects on period", id: "unknown-column", message: "`projects` has no column `period`",
            column: 31, notes: ["columns of projects: project_id, project, program, budget"])
    }

    @Test func unexpectedCharacter() {
        expectDiagnostic("financials | where actual_cost > 1 @", id: "unexpected-character", message: "unexpected character `@`", column: 36)
        expectDiagnostic("financials | where € > 1", id: "unknown-column", message: "unknown column `€`", column: 20, endColumn: 21)
    }

    @Test func trailingGarbageInStage() {
        expectDiagnostic(
            "financials | take 3 4", id: "unexpected-token", message: "unexpected `4` in `take` stage", column: 21,
            hint: "stages are separated by `|`")
    }

    @Test func severalErrorsAreCollected() {
        var s = Fixtures.session()
        do {
            _ = try s.run("financials | wher x | take | selct a")
            Issue.record("expected failure")
        } catch {
            #expect(error.diagnostics.map(\.id.rawValue) == ["expected-verb", "expected-count", "expected-verb"])
            #expect(error.diagnostics.map(\.range.start.column) == [14, 28, 30])
        }
    }

    @Test func failedStatementLeavesSessionUnchanged() throws {
        var s = Fixtures.session()
        _ = try runTable("financials | take 2", &s)
        _ = diagnostic("let x = financials | where nope > 1", &s)
        #expect(s.catalog["x"] == nil)
        #expect(s.lastResult?.rowCount == 2)
    }

    @Test func letCannotDefineLastResult() {
        expectDiagnostic("let _ = financials", id: "reserved-name", message: "`_` is the last result and cannot be defined", column: 5)
    }

    @Test func unclosedParenMessage() {
        expectDiagnostic(
            "financials | where (actual_cost > 1", id: "expected-closing-paren",
            message: "expected `)` (to close `(`) but found end of query", column: 36)
    }

    /// Diagnostic ids are a stable contract: lowercase words joined by dashes.
    @Test(arguments: [
        "financials | where (actual_cost > 1",
        "financials | derive x = abs(actual_cost",
        "financials | where x in (1, 2",
        "financials | where x in 1",
        "let = financials",
        "let x financials",
        "financials | join on project_id",
        "financials | join projects project_id",
        "financials | select * except",
        "financials | derive sum(actual_cost)",
        "financials | window cum = running_sum(actual_cost",
        "financials | where x.",
        "financials | where a as of foo",
        "financials | where period in last 3 fortnights",
        "financials | where case a then 1 end",
        "financials | where if a 1 else 2",
    ])
    func idsAreKebabCase(_ q: String) {
        var s = Fixtures.session()
        do {
            _ = try s.run(q)
            Issue.record("`\(q)` should fail")
        } catch {
            for d in error.diagnostics {
                #expect(d.id.rawValue.allSatisfy { $0 == "-" || ($0 >= "a" && $0 <= "z") }, "id `\(d.id)` for `\(q)`")
            }
        }
    }
}

/// The catalog of diagnostic IDs: declared once, unique, kebab-case, and what the checker really reports.
@Suite struct DiagnosticIDCatalogTests {
    @Test func idsAreUniqueAndKebabCase() {
        let raw = DiagnosticID.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        for id in raw { #expect(id.allSatisfy { $0 == "-" || ($0 >= "a" && $0 <= "z") }, "\(id)") }
        #expect(DiagnosticID(rawValue: "unknown-column") == .unknownColumn)
        #expect(DiagnosticID(rawValue: "no-such-diagnostic") == nil)
        #expect(DiagnosticID.expected("agg") == "expected-agg")
    }

    @Test func reportedIDsComeFromTheCatalog() throws {
        var s = Fixtures.session()
        for q in ["financials | wher x", "financials | where actul_cost > 0", "nosuch", "financials | derive x = lowr(project_id)"] {
            do throws(QueryError) {
                _ = try s.run(q)
                Issue.record("expected an error for \(q)")
            } catch {
                for d in error.diagnostics {
                    #expect(DiagnosticID(rawValue: d.id.rawValue) != nil, "\(d.id) is not declared")
                }
            }
        }
    }
}
