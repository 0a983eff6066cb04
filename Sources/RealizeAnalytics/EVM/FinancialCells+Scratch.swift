import RealizeQuery
import RealizeStore

extension FinancialCells {
    /// Sums one group's rows (`order[r]`) per period through a scratch row of the span, appends its cells in
    /// period order and clears the scratch cells it touched; the buffers are read and written raw.
    ///
    /// - Returns: whether the group's Σ|PV|, Σ|EV| or Σ|AC| passes 38 digits (never, for 64-bit amounts: `narrow`).
    static func sumThroughScratch(
        _ r: Range<Int>, _ order: [Int32], _ period: [Int32], low: Int, narrow: Bool, _ amounts: (AmountColumn, AmountColumn, AmountColumn),
        _ scratch: inout [FinancialData.Amounts], _ hit: inout [Bool], _ touched: inout [Int], into cells: inout FinancialCells
    ) -> Bool {
        let (pv, ev, ac) = amounts
        var bounds = GroupMagnitudes()
        var sorted = true, last = Int.min
        scratch.withUnsafeMutableBufferPointer { s in
            hit.withUnsafeMutableBufferPointer { h in
                order.withUnsafeBufferPointer { ord in
                    period.withUnsafeBufferPointer { pe in
                        for k in r {
                            let row = Int(ord[k])
                            let off = Int(pe[row]) - low
                            let a = pv[row], b = ev[row], c = ac[row]
                            if !h[off] {
                                h[off] = true
                                touched.append(off)
                                if off < last { sorted = false }
                                last = off
                            }
                            s[off].pv &+= a
                            s[off].ev &+= b
                            s[off].ac &+= c
                            if narrow { continue }  // 64-bit amounts: no bound can pass 38 digits
                            bounds.add(a, b, c)
                        }
                    }
                }
                // Rows sorted by period within a project touch the periods in order: no sort then.
                if !sorted { touched.sort() }
                for off in touched {
                    cells.append(Int32(truncatingIfNeeded: low + off), s[off])
                    s[off] = .init()
                    h[off] = false
                }
            }
        }
        touched.removeAll(keepingCapacity: true)
        return bounds.passes38Digits
    }
}
