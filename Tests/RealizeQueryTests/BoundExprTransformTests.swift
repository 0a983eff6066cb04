import Testing
import RealizeStore
@testable import RealizeQuery

/// The bottom-up rewrite the optimizer's constant folding builds on.
@Suite struct BoundExprTransformTests {
    let sum = BoundExpr.arithmetic(.add, .literal(.int(1), .int), .literal(.int(2), .int), .int)

    @Test func constantsReadNoColumn() {
        #expect(sum.isConstant)
        #expect(!BoundExpr.compare(.less, .column(0, .int), sum).isConstant)
        #expect(BoundExpr.call(.abs, [sum], .int).isConstant)
    }

    @Test func childrenAreRewrittenBeforeTheirParent() {
        var visited: [String] = []
        let folded = BoundExpr.compare(.less, .column(0, .int), sum).transformed { e in
            switch e {
            case .literal(let v, _): visited.append("\(v)")
            case .column: visited.append("column")
            case .arithmetic(.add, .literal(.int(let a), _), .literal(.int(let b), _), let t):
                visited.append("add")
                return .literal(.int(a + b), t)
            case .compare: visited.append("compare")
            default: break
            }
            return nil
        }
        #expect(visited == ["column", "1", "2", "add", "compare"])
        guard case .compare(.less, .column(0, _), .literal(.int(3), .int)) = folded else {
            Issue.record("not folded: \(folded)")
            return
        }
    }

    @Test func nilKeepsTheExpression() {
        let e = BoundExpr.conditional([(.isNull(.column(1, .text), negated: false), sum)], .literal(.null, .int), .int)
        #expect(String(describing: e.transformed { _ in nil }) == String(describing: e))
    }
}
