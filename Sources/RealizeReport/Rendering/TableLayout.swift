/// Which rows of a long result are shown: the first ones, and when there is room the last few.
struct RowWindow: Equatable, Sendable {
    /// Rows shown from the top.
    var head: Range<Int>
    /// Rows shown from the bottom, after a `…` row; empty when only the top is shown.
    var tail: Range<Int>
    /// Rows not shown.
    var hidden: Int { total - head.count - tail.count }
    var total: Int

    /// Row indices shown, in order.
    var indices: [Int] { Array(head) + Array(tail) }

    /// How many rows are kept from the bottom when a result is cut.
    static let tailCount = 3

    /// Shows every row when there are at most `maxRows`; otherwise the first `maxRows - 3` and the
    /// last 3 (or just the first `maxRows` when `maxRows` is too small to be worth splitting).
    init(rowCount: Int, maxRows: Int?) {
        total = rowCount
        guard let m = maxRows, rowCount > max(m, 0) else {
            head = 0..<rowCount
            tail = rowCount..<rowCount
            return
        }
        let limit = max(m, 0)
        if limit >= 2 * Self.tailCount {
            head = 0..<(limit - Self.tailCount)
            tail = (rowCount - Self.tailCount)..<rowCount
        } else {
            head = 0..<limit
            tail = rowCount..<rowCount
        }
    }
}

/// Chooses column widths for a box table and which columns to drop when the terminal is too narrow.
///
/// Text columns give way first: they shrink (and their cells are cut with `…`) down to a floor of
/// 8 cells or their type name. Numbers, dates and the like keep their full width: a cut number would
/// lie. When even the floors do not fit, columns are dropped from the right.
struct ColumnFit: Equatable, Sendable {
    /// Indices of the columns kept, in order.
    var kept: [Int]
    /// Width of each kept column's content, parallel to `kept`.
    var widths: [Int]

    /// Smallest width a shrinkable column is cut down to.
    static let textFloor = 8

    /// Width of the drawn table for content widths `w`: `│ a │ b │` is 1 + Σ(w + 3).
    static func drawnWidth(_ w: [Int]) -> Int { w.reduce(1) { $0 + $1 + 3 } }

    /// - Parameters:
    ///   - natural: the width each column wants (widest of name, type and cells).
    ///   - floors: the narrowest each column may become.
    ///   - maxWidth: the terminal width, or nil for no limit.
    init(natural: [Int], floors: [Int], maxWidth: Int?) {
        let all = Array(natural.indices)
        guard let limit = maxWidth, Self.drawnWidth(natural) > limit, !natural.isEmpty else {
            kept = all
            widths = natural
            return
        }
        var count = natural.count
        while count > 1 && Self.drawnWidth(Array(floors[0..<count])) > limit { count -= 1 }
        kept = Array(all[0..<count])
        let want = Array(natural[0..<count])
        let floor = Array(floors[0..<count])
        if Self.drawnWidth(floor) > limit {
            // A single column wider than the terminal: cut it whatever it holds.
            self.widths = [max(1, limit - 4)]
            return
        }
        // Water-filling: the highest level L with Σ max(floor, min(want, L)) fitting.
        func levelled(_ level: Int) -> [Int] { zip(want, floor).map { max($1, min($0, level)) } }
        var lo = 0, hi = want.max() ?? 0
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Self.drawnWidth(levelled(mid)) <= limit { lo = mid } else { hi = mid - 1 }
        }
        widths = levelled(lo)
    }
}
