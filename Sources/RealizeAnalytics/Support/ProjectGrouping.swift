import RealizeQuery
import RealizeStore

/// How a command groups projects: by project, program, portfolio, any other column of `projects`, or all together.
///
/// Groups are formed from the `projects` table; a project id met in another table but missing from `projects`
/// becomes a group of its own when grouping by project, and falls into a group with a null key otherwise.
struct ProjectGrouping {
    /// The grouping level as written (`project`, `program`, `portfolio`, `total`, or a column of `projects`).
    let level: String
    /// Output key columns, in order, with one value per group.
    private(set) var keyNames: [String]
    private(set) var keyValues: [[String?]] = []
    /// Projects in each group (from `projects`).
    private(set) var projectCount: [Int] = []
    /// Sum of `budget` over each group's projects, in units at `scale`; nil if a project has no budget.
    private(set) var bac: [Int128?] = []
    let scale: Int
    /// The group of each project id, built only when an id must be looked up by its text (``indexProjects()``):
    /// with dictionary-coded ids met in the same code order, as usual, no id is ever hashed.
    private var groupOfProject: [String: Int] = [:]
    /// Whether ``groupOfProject`` holds every project of `projects` yet.
    private var projectsIndexed = false
    private var groupOfKey: [String: Int] = [:]
    /// When `projects.project_id` is text: its dictionary, and per dictionary code the group of the last row
    /// with that code (-1: none), as ``groupOfProject`` holds it for the code's id.
    private var projectDictionary: [String] = []
    private var groupOfProjectCode: [Int] = []

    /// Reads `projects` and forms the groups.
    ///
    /// - Throws: ``QueryError`` when `projects` or the grouping column is missing, or `numeric-overflow` when a
    ///   group's budgets add up past 38 digits.
    init(level: String, levelRange: SourceRange, input: InputTables, scale: Int, needBudget: Bool) throws(QueryError) {
        self.level = level
        self.scale = scale
        let projects = try input.table("projects", for: "grouping by \(level)")
        let idColumn = try input.column(projects, "projects", "project_id")
        // Text ids are read through their codes: the id's text only where it is a group's key (by project).
        var idCodes: [UInt32] = []
        var ids: [String?] = []
        if case .text(let codes, let dict) = idColumn.storage {
            idCodes = codes
            projectDictionary = dict
            groupOfProjectCode = [Int](repeating: -1, count: dict.count)
        } else {
            ids = input.keys(idColumn)
        }
        let budgetColumn = needBudget ? try input.column(projects, "projects", "budget") : nil
        let budgets = try budgetColumn.map { c throws(QueryError) in try input.amounts(c, "projects", scale: scale) }
        switch level {
        case "project":
            keyNames = ["project_id"] + ["project", "program", "portfolio"].filter { projects.column(named: $0) != nil }
        case "total", "all":
            keyNames = ["scope"]
        default:
            guard projects.column(named: level) != nil else {
                let near = Suggest.nearest(level, in: ["project", "program", "portfolio", "total"] + projects.columnNames)
                throw QueryError(
                    Diagnostic(
                        id: .unknownGrouping, message: "cannot group by `\(level)`: `projects` has no such column",
                        range: levelRange, hint: near.map { "did you mean `\($0)`?" } ?? "group by project, program, portfolio or total"))
            }
            keyNames = [level]
        }
        // Key texts are read a row at a time, where a group is first met (not a whole column's strings made first).
        let keyColumns = keyNames.map { projects.column(named: $0) }
        if idCodes.isEmpty { groupOfProject.reserveCapacity(projects.rowCount) }
        // Grouping by a text column other than the project id: its rows' groups are found once per dictionary code.
        var codeGroup: [Int] = []
        var keyCodes: [UInt32] = []
        if level != "project", let c = projects.column(named: keyNames[0]), c.validity == nil, case .text(let codes, let dict) = c.storage {
            keyCodes = codes
            codeGroup = [Int](repeating: -1, count: dict.count)
        }
        for row in 0..<projects.rowCount {
            if idCodes.isEmpty ? ids[row] == nil : idColumn.isNull(row) { continue }
            let g: Int
            if !keyCodes.isEmpty, codeGroup[Int(keyCodes[row])] >= 0 {
                g = codeGroup[Int(keyCodes[row])]
            } else {
                let values: [String?] = keyNames.indices.map { k in keyNames[k] == "scope" ? "total" : keyColumns[k].flatMap { Self.key($0, row) } }
                let id = idCodes.isEmpty ? ids[row] : projectDictionary[Int(idCodes[row])]
                g = group(for: level == "project" ? id : values[0], values: values)
                if !keyCodes.isEmpty { codeGroup[Int(keyCodes[row])] = g }
            }
            if idCodes.isEmpty {
                if let id = ids[row] { groupOfProject[id] = g }
            } else {
                groupOfProjectCode[Int(idCodes[row])] = g
            }
            projectCount[g] += 1
            if needBudget {
                if let b = budgets?[row], let current = bac[g] {
                    guard let sum = AmountBound.add(current, b) else {
                        throw input.amountOverflow("the sum of budget", keyName: keyNames[0], keyValue: keyValues[g][0])
                    }
                    bac[g] = sum
                } else {
                    bac[g] = nil
                }
            }
        }
        projectsIndexed = idCodes.isEmpty
    }

    /// Fills ``groupOfProject`` from the codes of a text `projects.project_id` (each dictionary entry is one id,
    /// and its code's group is that of the id's last row, as the row-by-row index held), before the first lookup
    /// of an id by its text.
    /// Row `row` of `c` as a key, as ``InputTables/keys(_:)`` reads it: nil for null, else its text.
    private static func key(_ c: Column, _ row: Int) -> String? {
        if c.isNull(row) { return nil }
        if case .text(let codes, let dict) = c.storage { return dict[Int(codes[row])] }
        return c.value(at: row).description
    }

    private mutating func indexProjects() {
        guard !projectsIndexed else { return }
        projectsIndexed = true
        groupOfProject.reserveCapacity(projectDictionary.count)
        for (c, g) in groupOfProjectCode.enumerated() where g >= 0 { groupOfProject[projectDictionary[c]] = g }
    }

    private mutating func group(for key: String?, values: [String?]) -> Int {
        let k = key ?? "\u{0}null"
        if let g = groupOfKey[k] { return g }
        let g = keyValues.count
        groupOfKey[k] = g
        keyValues.append(values)
        projectCount.append(0)
        bac.append(0)
        return g
    }

    /// The group of a project id known to `projects` (or met before by ``group(ofProject:)``); nil otherwise.
    mutating func existingGroup(ofProject id: String) -> Int? {
        indexProjects()
        return groupOfProject[id]
    }

    /// ``existingGroup(ofProject:)`` of each id of `dictionary` (-1 for none): an id at the same code in the
    /// dictionary of `projects.project_id` is matched by a string comparison, not a hash lookup (two tables read
    /// from files sorted by project meet their ids in the same order). Dictionaries hold each string once, so
    /// an id matched at its code is not elsewhere in `projects`' dictionary; only ids at other codes are hashed.
    mutating func existingGroups(ofDictionary dictionary: [String]) -> [Int32] {
        var out = [Int32](repeating: -1, count: dictionary.count)
        for c in dictionary.indices {
            if c < projectDictionary.count, projectDictionary[c] == dictionary[c] {
                // The same id at the same code: its group is the code's, or none when no row of `projects` kept
                // it (a null-free code always has a row) and ``group(ofProject:)`` has not added it since.
                if groupOfProjectCode[c] >= 0 {
                    out[c] = Int32(groupOfProjectCode[c])
                    continue
                }
            }
            out[c] = Int32(existingGroup(ofProject: dictionary[c]) ?? -1)
        }
        return out
    }

    /// The group of a project id, adding a group for an id that `projects` lacks.
    mutating func group(ofProject id: String) -> Int {
        indexProjects()
        if let g = groupOfProject[id] { return g }
        let values: [String?] = keyNames.map { $0 == "project_id" ? id : ($0 == "scope" ? "total" : nil) }
        let g = group(for: level == "project" ? id : (level == "total" || level == "all" ? "total" : nil), values: values)
        groupOfProject[id] = g
        bac[g] = nil
        return g
    }

    var count: Int { keyValues.count }

    /// The key columns of the result, for the groups in `order`.
    func keyColumns(_ order: [Int]) -> [Column] {
        keyNames.indices.map { k in ResultColumn.text(keyNames[k], order.map { keyValues[$0][k] }) }
    }

    /// Groups in display order: by the key values.
    var sortedGroups: [Int] {
        (0..<count).sorted { a, b in
            for k in keyNames.indices {
                let x = keyValues[a][k] ?? "\u{10FFFF}", y = keyValues[b][k] ?? "\u{10FFFF}"
                if x != y { return x < y }
            }
            return a < b
        }
    }

}
