/// The rates an IRR search looks at for a change of sign of NPV: −99.99 % to 10,000 % per period, 0.25 % apart
/// within ±50 %, 1 % apart within ±200 %, then 10 % of the rate apart.
///
/// Built once, by the same sums (in the same order) as the scan always made, so every rate is the same double.
enum RateGrid {
    static let rates: [Double] = {
        var grid: [Double] = []
        var r = -0.9999
        while r < 100 {
            grid.append(r)
            let step = abs(r) < 0.5 ? 0.0025 : (abs(r) < 2 ? 0.01 : 0.1 * abs(r))
            r += step
        }
        grid.append(100)
        return grid
    }()
}
