import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The one-pass read of plain columns (``SpeculativeDecoder``): whenever it reads a column, it gives the
/// plan, the values (64-bit or 128-bit decimal slots alike) and the nulls of the two passes (inference
/// then decoding); otherwise it gives up and leaves the column to them.
@Suite struct SpeculativeDecoderTests {
    /// A column's outcome as comparable text: the plan, the storage and the nulls, or why it failed.
    static func describe(_ outcome: ColumnWork.Outcome) -> String {
        switch outcome {
        case .planned(let plan): return "planned \(plan)"
        case .planFailed(let failure): return "plan failed \(failure)"
        case .decodeFailed(let plan, let bad): return "\(plan) bad row \(bad.row) \(bad.cancelled)"
        case .decoded(let plan, let storage, let validity):
            let values: String
            switch storage {
            case .int(let a): values = "int \(a)"
            case .decimal(let units, let scale): values = "decimal \(scale) \(units.narrow.map { "\($0)" } ?? "wide \(units.widened)")"
            case .date(let a): values = "date \(a)"
            case .period(let a): values = "period \(a)"
            default: values = "other"
            }
            let nulls = validity.map { v in (0..<v.count).filter { !v[$0] } } ?? []
            return "\(plan) \(values) nulls \(nulls)"
        }
    }

    /// The speculative outcome (nil when it gave up) and the two passes' outcome of column 0.
    static func read(_ csv: String, pointAllowed: Bool = true) -> (fast: String?, slow: String) {
        let bytes = Array(csv.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let index = try? CSVTokenizer(bytes: buffer, file: "t.csv").tokenize(), let p = buffer.baseAddress else {
                return (nil, "no index")
            }
            let fast = SpeculativeDecoder(
                p: p, index: index, column: 0, periodYears: 1900...2100, pointAllowed: pointAllowed, shouldStop: { false }
            ).decode()
            let (type, scale) = TypeInference.infer(index, column: 0, p)
            let plan = ColumnPlan(type: type, scale: scale)
            let slow: ColumnWork.Outcome
            switch ColumnDecoder(p: p, index: index, column: 0, periodYears: 1900...2100).decode(plan) {
            case .success(let (storage, validity)): slow = .decoded(plan, storage, validity)
            case .failure(let bad): slow = .decodeFailed(plan, bad)
            }
            return (fast.map(describe), describe(slow))
        }
    }

    static func value(_ g: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<16, using: &g) {
        case 0: return ""
        case 1: return "\"\""
        case 2: return "\(Int.random(in: -99_999...99_999, using: &g))"
        case 3: return "\(Int.random(in: -999...999, using: &g)).\(Int.random(in: 0...99, using: &g))"
        case 4: return "-0.\(String(repeating: "0", count: Int.random(in: 0...3, using: &g)))5"
        case 5: return ["+7", ".5", "5.", "-.25", "007", "+", "-", ".", "1.2.3", "1e3", "1-2"].randomElement(using: &g)!
        case 6: return String(repeating: "9", count: Int.random(in: 15...20, using: &g))
        case 7: return "0.\(String(repeating: "1", count: Int.random(in: 10...19, using: &g)))"
        case 8: return "9223372036854775.807"
        case 9: return "\"\(Int.random(in: 0...999, using: &g)).25\""
        case 10: return "20\(Int.random(in: 10...29, using: &g))-0\(Int.random(in: 1...9, using: &g))"
        case 11: return "20\(Int.random(in: 10...29, using: &g))-0\(Int.random(in: 1...9, using: &g))-1\(Int.random(in: 0...9, using: &g))"
        case 12: return ["2016-13", "2016-02-30", "1850-01", "true", "x", "NaN"].randomElement(using: &g)!
        default: return "\(Int.random(in: 0...9_999, using: &g)).\(Int.random(in: 10...99, using: &g))"
        }
    }

    /// Columns of one kind of value with now and then another: every read that succeeds is the two passes'.
    @Test func aReadColumnIsTheTwoPassesColumn() {
        var g = SeededGenerator(seed: 1406)
        var fastReads = 0
        for _ in 0..<3000 {
            let rows = Int.random(in: 1...30, using: &g)
            let kind = Int.random(in: 0..<16, using: &g)
            var lines = ["x"]
            for _ in 0..<rows {
                var v = Self.value(&g)
                if Int.random(in: 0..<4, using: &g) > 0 {
                    var h = SeededGenerator(seed: UInt64(kind) &* 977 &+ UInt64(Int.random(in: 0..<5, using: &g)))
                    v = Self.value(&h)
                }
                lines.append(v)
            }
            let csv = lines.joined(separator: "\n") + "\n"
            for pointAllowed in [true, false] {
                let (fast, slow) = Self.read(csv, pointAllowed: pointAllowed)
                if let fast {
                    fastReads += 1
                    #expect(fast == slow, "\(csv.debugDescription)")
                }
            }
        }
        #expect(fastReads > 300, "many columns are read in one pass")
    }

    @Test func moneyIsReadInOnePass() throws {
        let (fast, slow) = Self.read("x\n3199.20\n\n-5\n0.125\n\"7\"\n")
        #expect(fast == slow)
        #expect(fast?.hasSuffix("decimal 3 [3199200, 0, -5000, 125, 7000] nulls [1]") == true)
    }

    @Test func aPointWithADecimalCommaIsLeftToTheFormats() {
        #expect(Self.read("x\n1.5\n", pointAllowed: false).fast == nil)
        #expect(Self.read("x\n15\n", pointAllowed: false).fast != nil)
    }

    @Test(arguments: ["x\n1\n2e3\n", "x\n2016-01\n2016-01-01\n", "x\n\n\n", "x\n1.5\nabc\n", "x\n1850-01\n", "x\n1234567890123456789\n"])
    func otherColumnsAreLeftToTheTwoPasses(csv: String) {
        #expect(Self.read(csv).fast == nil)
    }

    /// Units that no longer fit 64 bits once scaled up: the two passes keep them in 128 bits.
    @Test func anOverflowingScaleIsLeftToTheTwoPasses() {
        let (fast, slow) = Self.read("x\n999999999999999999\n0.5\n")
        #expect(fast == nil)
        #expect(slow.contains("wide"))
    }
}
