import RealizeStore

/// The groups of a table's `project_id` column, resolved row by row but looked up once per distinct id when the
/// column is text (through its dictionary codes) instead of hashing the id's text on every row.
struct RowGroups {
    private let column: Column
    private var codeGroup: [Int] = []
    private let keys: [String?]

    init(_ c: Column, input: InputTables) {
        column = c
        if case .text(_, let dict) = c.storage {
            codeGroup = [Int](repeating: -1, count: dict.count)
            keys = []
        } else {
            keys = input.keys(c)
        }
    }

    /// The group of `row`'s project in `grouping` (adding a group for an id `grouping` lacks, as
    /// ``ProjectGrouping/group(ofProject:)`` does); nil when the id is null.
    mutating func group(ofRow row: Int, in grouping: inout ProjectGrouping) -> Int? {
        guard case .text(let codes, let dict) = column.storage else {
            return keys[row].map { grouping.group(ofProject: $0) }
        }
        if column.isNull(row) { return nil }
        let code = Int(codes[row])
        if codeGroup[code] < 0 { codeGroup[code] = grouping.group(ofProject: dict[code]) }
        return codeGroup[code]
    }
}
