import Synchronization
import FuzzSupport
import RealizeQuery
import RealizeStore

/// libFuzzer entry point: the input's bytes choose a small table `r` (id, i, d, t, j with nulls) and a pipeline
/// over it that always checks (`where`, `select`, `derive`, `by … agg`, `distinct`, `sort`, `take`).
///
/// The engine runs the pipeline's text; the reference interpreter (Tests/RealizeQueryTests/ReferenceInterpreter.swift,
/// linked here) runs its stages row by row. Any difference in columns, types or rows (in order when the
/// pipeline fixes it), a rejected pipeline or a broken invariant aborts with both results.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDifferential(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let c = DifferentialCase(ByteChooser(Array(FuzzDriver.bytes(data, count))))
    if let difference = c.difference() { FuzzCheck.fail("engine and reference differ\n\(c)\n\(difference)") }
    return 0
}

/// A random table and pipeline, as the engine sees them (query text) and as the reference does.
struct DifferentialCase: CustomStringConvertible {
    var table: Ref.Relation
    var stages: [Ref.Stage]
    /// The result's row order is fully determined (it ends with a sort on every column, maybe then `take`).
    var ordered: Bool

    init(_ chooser: ByteChooser) {
        var g = chooser
        var rows: [[Value]] = []
        for k in 0..<g.int(0...12) {
            let i: Value = g.chance(0.2) ? .null : .int(Int64(g.int(-20...20)))
            let units = g.chance(0.3) ? g.int(-5...5) * 100 : g.int(-5000...5000)
            let d: Value = g.chance(0.2) ? .null : .decimal(FixedDecimal(units: Int128(units), scale: 2))
            let t: Value = g.chance(0.2) ? .null : .text(g.pick(["a", "b", "c"]))
            let j: Value = g.chance(0.1) ? .null : .int(Int64(g.int(0...2)))
            rows.append([.int(Int64(k)), i, d, t, j])
        }
        let schema = [
            Ref.Field(name: "id", type: .int), .init(name: "i", type: .int), .init(name: "d", type: .decimal),
            .init(name: "t", type: .text), .init(name: "j", type: .int),
        ]
        var gen = StageGenerator(rng: g, schema: schema)
        (stages, ordered) = gen.pipeline()
        table = Ref.Relation(schema: schema, rows: rows)
    }

    var query: String { (["r"] + stages.map(Ref.text)).joined(separator: " | ") }

    var description: String {
        "\(query)\n" + table.schema.map { "\($0.name):\($0.type)" }.joined(separator: ",") + "\n"
            + table.rows.map { $0.map(\.description).joined(separator: ",") }.joined(separator: "\n")
    }

    /// The first difference between the engine and the reference, described; nil when they agree.
    func difference() -> String? {
        var session = QuerySession()
        session.catalog.set(
            "r",
            Table(
                columns: table.schema.enumerated().map { k, f in Column(name: f.name, type: f.type, values: table.rows.map { $0[k] }) },
                rowCount: table.rows.count))
        let actual: Table
        do {
            guard case .table(let t) = try session.run(query) else { return "not a table" }
            actual = t
        } catch {
            // An exact overflow is an error in the engine and a null in the reference: consistent when the
            // reference overflowed too.
            let before = Ref.overflows.load(ordering: .relaxed)
            _ = Ref.run(stages, on: table)
            if error.diagnostics.contains(where: { $0.id == .numericOverflow }), Ref.overflows.load(ordering: .relaxed) > before { return nil }
            return "engine rejected it: " + error.diagnostics.map { "\($0.id): \($0.message) at \($0.range.start)" }.joined(separator: "; ")
        }
        if let v = actual.invariantViolation() { return "invariant: \(v)" }
        let before = Ref.overflows.load(ordering: .relaxed)
        let expected = Ref.run(stages, on: table)
        // The reference overflowed where the engine (products at 256 bits) fit: inconclusive, not a difference.
        if Ref.overflows.load(ordering: .relaxed) > before { return nil }
        if actual.columnNames != expected.schema.map(\.name) { return "columns \(actual.columnNames), expected \(expected.schema.map(\.name))" }
        if actual.columns.map(\.type) != expected.schema.map(\.type) { return "types \(actual.columns.map(\.type)), expected \(expected.schema.map(\.type))" }
        var a = (0..<actual.rowCount).map { r in actual.columns.map { canonical($0.value(at: r)) }.joined(separator: " | ") }
        var e = expected.rows.map { $0.map(canonical).joined(separator: " | ") }
        if !ordered { a.sort(); e.sort() }
        if a != e { return "rows\n  engine:    \(a)\n  reference: \(e)" }
        return nil
    }
}
