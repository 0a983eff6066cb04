/// The workbook's cell formats (`xl/styles.xml`): a fixed set plus one money format per decimal scale used.
///
/// Cell format (`s=`) indices: 0 general, 1 bold header, 2 date `yyyy-mm-dd`, 3 period `yyyy-mm`;
/// then one per decimal scale, `#,##0.00` for scales up to 2 and `#,##0.000…` beyond.
struct XLSXStyles {
    static let general = 0
    static let header = 1
    static let date = 2
    static let period = 3

    /// Decimal scale → cell format index.
    private var decimalStyles: [Int: Int] = [:]
    /// Custom number formats after the fixed ones, in index order.
    private var extraFormats: [String] = []

    /// The cell format for money at `scale`.
    mutating func decimal(scale: Int) -> Int {
        let shown = max(2, scale)
        if let s = decimalStyles[shown] { return s }
        extraFormats.append("#,##0." + String(repeating: "0", count: shown))
        let style = 4 + extraFormats.count - 1
        decimalStyles[shown] = style
        return style
    }

    var xml: String {
        let formats = ["yyyy-mm-dd", "yyyy-mm"] + extraFormats
        var out = XLSXParts.header + "<styleSheet xmlns=\"\(XLSXParts.mainNS)\">"
        out += "<numFmts count=\"\(formats.count)\">"
        for (k, f) in formats.enumerated() {
            out += "<numFmt numFmtId=\"\(164 + k)\" formatCode=\"\(XMLText.escape(f))\"/>"
        }
        out += "</numFmts>"
        out += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        out += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        out += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        out += "<border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(4 + extraFormats.count)\">"
        out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        out += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>"
        for k in 0..<formats.count {
            out += "<xf numFmtId=\"\(164 + k)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        out += "</cellXfs>"
        out += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }
}
