/// One non-empty cell of a worksheet, as stored in the sheet's XML.
struct XLSXCell: Sendable {
    /// What the cell holds.
    enum Kind: Sendable {
        /// A number, as written in the XML (`0.1`, `1.5E-3`): kept as text so that decimals load exactly.
        case number(String)
        /// A number whose cell format is a date (a serial day count).
        case dateSerial(String)
        /// A number whose cell format shows only year and month.
        case periodSerial(String)
        /// Text (a shared string, an inline string or a formula's text result).
        case text(String)
        /// `TRUE` or `FALSE`.
        case bool(Bool)
        /// An error value such as `#N/A` or `#DIV/0!`.
        case error(String)
    }

    var reference: CellReference
    var kind: Kind
}
