import RealizeStore

extension ShellSession {
    /// `.sniff PATH [delimiter C] [decimal C] [encoding E] [dates ORDER]`: prints what a load would detect,
    /// one block per CSV file.
    func sniff(_ args: [String], usage: String) throws(ShellError) {
        guard let first = args.first else { throw .usage(usage) }
        var options = CSVReadOptions()
        var k = 1
        while k < args.count {
            guard k + 1 < args.count, try Self.dialectOption(args[k].lowercased(), args[k + 1], into: &options) else { throw .usage(usage) }
            k += 2
        }
        let reports: [CSVReadReport]
        do throws(CSVError) {
            reports = try PortfolioLoader.sniff(path: Self.expandingTilde(first), options: options)
        } catch {
            throw ShellError(preformatted: "csv", error.fullDescription)
        }
        var text = ""
        for (n, report) in reports.enumerated() {
            if n > 0 { text += "\n" }
            text += Self.sniffDescription(report)
        }
        output.out(text)
    }

    /// One file's block: a line for the file, then one per column (name, type, format), aligned.
    static func sniffDescription(_ report: CSVReadReport) -> String {
        let d = report.dialect
        var facts = ["delimiter \(d.delimiterName)", d.encoding.displayName]
        facts.append(d.decimalSeparator == UInt8(ascii: ",") ? "decimal comma" : "decimal point")
        let thousands = report.thousandsSeparators
        if !thousands.isEmpty { facts.append("thousands " + thousands.joined(separator: ", ")) }
        let columns = report.columns.count, rows = report.rowCount
        facts.append("header row 1: \(columns) \(columns == 1 ? "column" : "columns"), \(rows) \(rows == 1 ? "row" : "rows")")
        var text = "\(report.file): " + facts.joined(separator: ", ") + "\n"
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        let nameWidth = report.columns.map(\.name.count).max() ?? 0
        let typeWidth = report.columns.map { ($0.type.map { "\($0)" } ?? "?").count }.max() ?? 0
        for c in report.columns {
            let name = pad(c.name, nameWidth)
            let type = (c.type.map { "\($0)" } ?? "?")
            let detail = c.problem ?? c.format
            var line = "  \(name)  " + (detail.isEmpty ? type : pad(type, typeWidth) + "  " + detail)
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }

    /// Applies `delimiter C`, `decimal C`, `encoding E` or `dates ORDER` to `options`.
    /// - Returns: false when `word` is none of these options.
    /// - Throws: ``ShellError`` (`usage`) for a value the option does not take.
    static func dialectOption(_ word: String, _ value: String, into options: inout CSVReadOptions) throws(ShellError) -> Bool {
        let lower = value.lowercased()
        switch word {
        case "delimiter":
            switch lower {
            case ",", "comma": options.delimiter = UInt8(ascii: ",")
            case ";", "semicolon": options.delimiter = UInt8(ascii: ";")
            case "\t", "\\t", "tab": options.delimiter = 9
            case "|", "pipe": options.delimiter = UInt8(ascii: "|")
            default: throw ShellError("usage", "unsupported delimiter `\(value)`", hint: "delimiters: ',' ';' '|' or tab")
            }
        case "decimal":
            switch lower {
            case ".", "point": options.decimalSeparator = UInt8(ascii: ".")
            case ",", "comma": options.decimalSeparator = UInt8(ascii: ",")
            default: throw ShellError("usage", "the decimal separator is '.' or ',', found `\(value)`")
            }
        case "encoding":
            switch lower {
            case "utf8", "utf-8": options.encoding = .utf8
            case "utf16", "utf-16", "utf16le", "utf-16le": options.encoding = .utf16le
            case "utf16be", "utf-16be": options.encoding = .utf16be
            case "cp1252", "windows-1252", "latin1": options.encoding = .cp1252
            default: throw ShellError("usage", "unsupported encoding `\(value)`", hint: "encodings: utf8, utf16, cp1252")
            }
        case "dates":
            guard let order = DateOrder(rawValue: lower) else {
                throw ShellError("usage", "`dates` takes ymd, dmy or mdy, found `\(value)`", hint: "dmy: 31.12.2025; mdy: 12/31/2025")
            }
            options.dateOrder = order
        default:
            return false
        }
        return true
    }
}
