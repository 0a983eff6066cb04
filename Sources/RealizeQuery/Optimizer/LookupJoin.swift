import RealizeStore

/// Marks a join as a lookup when its right keys are unique, which is checked on the data before the query runs:
/// the right input must be a table known at plan time (a catalog table, `_`, a command's result), or a sub-plan
/// that only keeps some of such a table's rows (filters, sorts, limits, `distinct`).
///
/// Each left row then meets at most one right row, so the join's output keeps the left rows in order, and the
/// executor leaves the left columns as they are whenever no row was dropped (always, for a left join).
struct LookupJoin: OptimizerRule {
    let context: PlanContext
    var name: String { "lookup join" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var out = plan
        var notes: [String] = []
        for k in out.operators.indices {
            guard case .join(let right, let lks, let rks, let rcs, let isLeft, false) = out.operators[k].kind,
                let (table, columnOf, label) = base(of: right)
            else { continue }
            let keys = rks.map { columnOf[$0] }
            guard LookupJoin.isUnique(keys.map { table.columns[$0] }) else { continue }
            out.operators[k].kind = .join(right: right, leftKeys: lks, rightKeys: rks, rightColumns: rcs, left: isLeft, lookup: true)
            let names = keys.map { table.columns[$0].name }
            let key = names.count == 1 ? "`\(names[0])` is" : "(\(names.joined(separator: ", "))) are"
            notes.append("\(key) unique in \(label): each row meets at most one match")
        }
        return notes.isEmpty ? nil : Rewrite(plan: out, notes: notes)
    }

    /// The table known now that `input` reads, for each column `input` produces the column of that table it is,
    /// and the table's name; nil when `input` may hold rows that are not rows of such a table.
    func base(of input: PlanInput) -> (Table, [Int], String)? {
        guard case .plan(let p) = input else { return context.rows(of: input).map { ($0, Array($0.columns.indices), input.label) } }
        for op in p.operators {
            switch op.kind {
            case .filter, .sort, .limit, .topN, .filteredTopN, .distinct: continue
            default: return nil
            }
        }
        guard let (table, columnOf, label) = base(of: p.source) else { return nil }
        return (table, (p.scanColumns ?? Array(p.sourceSchema.indices)).map { columnOf[$0] }, label)
    }

    /// Whether no two rows share a key (rows with a null in a key column match nothing, so they do not count).
    /// Keys compare as ``HashJoin`` compares them; one key column stops at the first repeat.
    ///
    /// - Complexity: O(rows), one hash pass over the right keys, about what building the join costs.
    static func isUnique(_ keys: [Column]) -> Bool {
        guard let c = keys.first else { return false }
        if keys.count > 1 {
            let composite = HashJoin.compositeKeys(left: keys, right: keys).0
            return isUnique(composite)
        }
        return isUnique(c)
    }

    /// Whether no two non-null values of `c` are equal.
    ///
    /// Text is checked on its codes first: a code held twice is a repeat. Distinct codes are distinct keys when
    /// the entries they name are all ASCII, whose strings are equal only when their bytes are (and the store never
    /// repeats an entry's bytes in a dictionary); only otherwise are the entries hashed, since two entries may be
    /// equal strings (`é` composed or not, the Kelvin sign and `K`).
    ///
    /// - Complexity: O(rows) for ASCII text (no string read); one string hash per dictionary entry otherwise.
    static func isUnique(_ c: Column) -> Bool {
        if case .text(let codes, let dictionary) = c.storage {
            var held = [Bool](repeating: false, count: dictionary.count)
            for i in 0..<c.count where !c.isNull(i) {
                let code = Int(codes[i])
                if held[code] { return false }
                held[code] = true
            }
            let ascii = dictionary.withUnsafeBufferPointer { d in held.indices.allSatisfy { !held[$0] || TextIds.isKnownASCII(d[$0]) } }
            if ascii { return true }
            // Codes are numbered per dictionary entry; equal strings share one id.
            let (idOf, _, count) = TextIds.shared(right: dictionary, left: [])
            var seen = [Bool](repeating: false, count: count)
            for i in 0..<c.count where !c.isNull(i) {
                let id = Int(idOf[Int(codes[i])])
                if seen[id] { return false }
                seen[id] = true
            }
            return true
        }
        let values = HashJoin.integerKeys(c)
        var seen = Set<Int64>()
        for i in 0..<c.count where !c.isNull(i) && !seen.insert(values[i]).inserted { return false }
        return true
    }
}
