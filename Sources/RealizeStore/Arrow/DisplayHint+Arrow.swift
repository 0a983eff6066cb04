extension DisplayHint {
    /// The hint as a field metadata value: `decimals:2`, `plain`, `sparkline`, `sparkline:0:10`, `profileBar:target`.
    var arrowText: String {
        switch self {
        case .decimals(let n): "decimals:\(n)"
        case .plain: "plain"
        case .sparkline(nil): "sparkline"
        case .sparkline(let r?): "sparkline:\(r.lowerBound):\(r.upperBound)"
        case .profileBar(nil): "profileBar"
        case .profileBar(let t?): "profileBar:\(t)"
        }
    }

    /// The hint written by ``arrowText``; nil for anything else.
    init?(arrowText: String) {
        let parts = arrowText.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts[0] {
        case "decimals":
            guard parts.count == 2, let n = Int(parts[1]), (0...18).contains(n) else { return nil }
            self = .decimals(n)
        case "plain" where parts.count == 1: self = .plain
        case "sparkline" where parts.count == 1: self = .sparkline(scale: nil)
        case "sparkline":
            guard parts.count == 3, let lo = Double(parts[1]), let hi = Double(parts[2]), lo <= hi else { return nil }
            self = .sparkline(scale: lo...hi)
        case "profileBar": self = .profileBar(target: parts.count > 1 ? parts[1...].joined(separator: ":") : nil)
        default: return nil
        }
    }
}
