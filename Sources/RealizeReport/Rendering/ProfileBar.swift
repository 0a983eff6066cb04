/// A horizontal bar of a maturity score on the 0–5 scale, with the target marked: `█████████▎  · │ ·    `.
///
/// Four cells per level (20 cells for 5 levels, one more for a target of 5), filled in eighths of a cell
/// (`▏▎▍▌▋▊▉█`). The target is a `│` at its position (after the cells of the levels it asks for); where the bar
/// runs past the target, the `│` cuts the bar there. Whole levels beyond the bar are ticked with `·`.
///
/// Drawn by the renderers for people from a column with a ``DisplayHint/profileBar(target:)`` hint; the data
/// itself (and so CSV, JSON and XLSX) holds the score.
package enum ProfileBar {
    package static let cellsPerLevel = 4
    package static let levels = 5
    static let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Draws `score` (hundredths) against `target` (hundredths), both from 0 to 5.
    package static func draw(score: Int64, target: Int64?) -> String {
        let width = cellsPerLevel * levels + 1
        var cells = [Character](repeating: " ", count: width)
        // Filled length in eighths of a cell, rounded to the nearest eighth.
        let eighths = Int((min(max(score, 0), 500) * Int64(cellsPerLevel) * 8 + 50) / 100)
        let full = eighths / 8, rest = eighths % 8
        for i in 0..<full { cells[i] = "█" }
        if rest > 0 { cells[full] = partial[rest - 1] }
        let filledCells = full + (rest > 0 ? 1 : 0)
        for level in 1..<levels where level * cellsPerLevel >= filledCells {
            cells[level * cellsPerLevel] = "·"
        }
        if let target {
            let t = Int((min(max(target, 0), 500) * Int64(cellsPerLevel) + 50) / 100)
            cells[t] = "│"
        }
        return String(cells)
    }
}
