import RealizeStore

/// A date format such as `dd.mm.yyyy`, `mm/dd/yyyy`, `dd-mon-yyyy` or `yyyymmdd`, for `to_date` and
/// `to_period`: `yyyy` (or `yy`, read as 20yy), `mm` (01–12, or 1–12 when a separator follows), `dd`, `mon`
/// (Jan–Dec, any case); any other character must appear as written.
struct DateFormat: Sendable {
    enum Part: Equatable, Sendable { case year4, year2, month, monthName, day, literal(Character) }
    let parts: [Part]

    init(_ format: String) {
        var out: [Part] = []
        var rest = Substring(format.lowercased())
        while let c = rest.first {
            if rest.hasPrefix("yyyy") {
                out.append(.year4); rest = rest.dropFirst(4)
            } else if rest.hasPrefix("yy") {
                out.append(.year2); rest = rest.dropFirst(2)
            } else if rest.hasPrefix("mon") {
                out.append(.monthName); rest = rest.dropFirst(3)
            } else if rest.hasPrefix("mm") {
                out.append(.month); rest = rest.dropFirst(2)
            } else if rest.hasPrefix("dd") {
                out.append(.day); rest = rest.dropFirst(2)
            } else {
                out.append(.literal(c)); rest = rest.dropFirst()
            }
        }
        parts = out
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The year, month and day of `text`, or nil when it does not follow the format or is not a real date.
    /// - Parameter dayOptional: a format without `dd` reads the first of the month (for periods).
    func parse(_ text: String, dayOptional: Bool = false) -> (year: Int, month: Int, day: Int)? {
        var s = Substring(text.lowercased())
        var year: Int? = nil, month: Int? = nil, day: Int? = nil
        func digits(_ maxCount: Int, exact: Bool) -> Int? {
            let d = s.prefix(maxCount).prefix { $0.isASCII && $0.isNumber }
            guard !d.isEmpty, !exact || d.count == maxCount else { return nil }
            s = s.dropFirst(d.count)
            return Int(d)
        }
        for (k, p) in parts.enumerated() {
            let separated = k + 1 < parts.count && { if case .literal = parts[k + 1] { true } else { false } }()
            switch p {
            case .year4: year = digits(4, exact: true)
            case .year2: year = digits(2, exact: true).map { 2000 + $0 }
            case .month: month = digits(2, exact: !separated)
            case .day: day = digits(2, exact: !separated)
            case .monthName:
                guard let i = Self.monthNames.firstIndex(where: { s.hasPrefix($0) }) else { return nil }
                month = i + 1
                s = s.dropFirst(3)
            case .literal(let c):
                guard s.first == c else { return nil }
                s = s.dropFirst()
            }
            if (p == .year4 || p == .year2) && year == nil { return nil }
        }
        guard s.isEmpty, let y = year, let m = month, (1...12).contains(m) else { return nil }
        let d = day ?? (dayOptional ? 1 : 0)
        guard d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m) else { return nil }
        return (y, m, d)
    }
}
