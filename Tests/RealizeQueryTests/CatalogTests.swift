import Testing
import RealizeStore
@testable import RealizeQuery

/// The typed catalog: every entry documented and checkable, names resolved once at check time.
@Suite struct CatalogTests {
    @Test func everyEntryHasHelpAndASignature() {
        #expect(!FunctionCatalog.entries.isEmpty)
        for e in FunctionCatalog.entries {
            #expect(!e.help.isEmpty, "\(e.name) has no help")
            #expect(e.signature.hasPrefix(e.name + "("), "\(e.name): \(e.signature)")
            #expect(FunctionCatalog.resolve(e.name) != nil, "\(e.name) does not resolve")
        }
        #expect(Set(FunctionCatalog.allNames).count == FunctionCatalog.allNames.count, "a name is listed twice")
        for op in BinaryOperator.allCases { #expect(!op.help.isEmpty) }
        for op in MatchOperator.allCases { #expect(!op.help.isEmpty) }
    }

    @Test func namesResolveToTheirEntries() {
        #expect(FunctionCatalog.resolve("sum") == .aggregate(.sum))
        #expect(FunctionCatalog.resolve("mean") == .aggregate(.avg))
        #expect(FunctionCatalog.resolve("LOWER") == .scalar(.lower))
        #expect(FunctionCatalog.resolve("running_sum") == .window(.runningSum))
        #expect(FunctionCatalog.resolve("lowr") == nil)
        #expect(BinaryOperator(symbol: "==") == .equal && BinaryOperator(symbol: "<>") == .notEqual)
        #expect(Functions.allNames == FunctionCatalog.allNames)
        #expect(Functions.aggregates["mean"] != nil && Functions.scalars["round"] != nil && Functions.windows["lag"] != nil)
    }

    /// Some list of argument types, of an allowed count, that the rule accepts.
    static func accepted(_ arity: ClosedRange<Int>, _ rule: ([DataType?]) -> Result<DataType, TypeRuleError>) -> DataType? {
        for n in arity.prefix(3) {
            for t in DataType.allCases {
                if case .success(let r) = rule(Array(repeating: t, count: n)) { return r }
                // Mixed signatures (`add_days(date, int)`): the first typed, the rest untyped nulls.
                if n > 0, case .success(let r) = rule([t] + Array(repeating: nil, count: n - 1)) { return r }
            }
        }
        return nil
    }

    @Test func everyTypeRuleAcceptsSomeArgumentsAndRejectsAWrongCount() {
        for f in ScalarFunction.allCases {
            #expect(Self.accepted(f.arity) { f.resultType($0) } != nil, "\(f.name) accepts nothing")
            if case .success = f.resultType(Array(repeating: .int, count: f.arity.upperBound + 1)) {
                Issue.record("\(f.name) accepts too many arguments")
            }
        }
        for a in AggregateFunction.allCases {
            #expect(Self.accepted(1...1) { a.resultType($0[0]) } != nil, "\(a.name) accepts nothing")
        }
        for w in WindowFunction.allCases {
            let params = w.arity.upperBound - 1
            #expect(Self.accepted(1...1) { w.resultType($0[0], parameters: params) } != nil, "\(w.name) accepts nothing")
        }
        for op in BinaryOperator.allCases {
            #expect(Self.accepted(2...2) { op.resultType($0[0], $0[1]) } != nil, "\(op.symbol) accepts nothing")
        }
    }

    @Test func typeRulesGiveTheResultTypes() throws {
        #expect(try AggregateFunction.sum.resultType(.decimal).get() == .decimal)
        #expect(try AggregateFunction.count.resultType(nil).get() == .int)
        #expect(try AggregateFunction.median.resultType(.int).get() == .double)
        #expect(try ScalarFunction.coalesce.resultType([nil, .int, .decimal]).get() == .decimal)
        #expect(try ScalarFunction.fiscalYear.resultType([.date]).get() == .int)
        #expect(try WindowFunction.rollingMean.resultType(.decimal, parameters: 1).get() == .double)
        #expect(try BinaryOperator.divide.resultType(.int, .int).get() == .double)
        #expect(try BinaryOperator.add.resultType(.int, .decimal).get() == .decimal)
        #expect(throws: TypeRuleError.self) { try ScalarFunction.lower.resultType([.int]).get() }
        #expect(throws: TypeRuleError.self) { try AggregateFunction.sum.resultType(.text).get() }
        #expect(throws: TypeRuleError.self) { try BinaryOperator.less.resultType(.text, .date).get() }
    }

    @Test func anUnknownFunctionIsAnErrorAtCheckTime() {
        let s = Fixtures.session()
        for q in ["projects | derive x = lowr(project)", "explain projects | derive x = lowr(project)"] {
            expectDiagnostic(
                q, id: "unknown-function", message: "unknown function `lowr`", column: q.hasPrefix("explain") ? 31 : 23, hint: "did you mean `lower`?",
                session: s)
        }
        expectDiagnostic(
            "financials | agg x = summ(actual_cost)", id: "unknown-function", message: "unknown function `summ`", column: 22,
            hint: "did you mean `sum`?")
        expectDiagnostic(
            "financials | window order period derive c = runing_sum(actual_cost)", id: "unknown-function",
            message: "unknown function `runing_sum`", column: 45, hint: "did you mean `running_sum`?")
    }

    @Test func windowArityIsChecked() {
        expectDiagnostic(
            "financials | window order period derive c = running_sum(actual_cost, 2)", id: "wrong-arity",
            message: "`running_sum` takes 1 argument, got 2", column: 45)
    }
}
