import CODBC
import RealizeStore

/// How one result column is fetched and what Realize type it becomes.
///
/// | SQL type | Realize type | fetched as |
/// |---|---|---|
/// | NUMERIC, DECIMAL (money) | decimal | text, parsed exactly by ``FixedDecimal`` |
/// | SMALLINT, INTEGER, BIGINT, TINYINT | int | 64-bit integer |
/// | REAL, FLOAT, DOUBLE | double | double |
/// | DATE | date | SQL_DATE_STRUCT from psqlODBC (`nativeDates`), else text `YYYY-MM-DD` |
/// | TIMESTAMP | date | text; the time of day is dropped (a warning says so) |
/// | BIT, BOOLEAN | bool | bit |
/// | CHAR, VARCHAR, TEXT (and the wide forms) | text | UTF-8 text |
/// | anything else | text | its text form, with a warning naming the column |
struct ODBCColumnPlan {
    /// How the bound buffer holds values.
    enum Fetch { case text, int, double, bit, date }

    var name: String
    var type: DataType
    var fetch: Fetch
    /// Bytes per element of the bound buffer.
    var width: Int
    /// Whether only the first ten characters (the date of a timestamp) are kept.
    var dateOfTimestamp = false
    /// A note for the user (a timestamp's time dropped, an unknown type read as text).
    var warning: String? = nil

    /// The largest text value fetched, in bytes; longer values are an error naming the column.
    static let maxTextBytes = 65_536

    /// Whether the text is a currency amount (`$1,234.56`): symbols and grouping are dropped.
    var isMoney = false

    /// The plan for a column of SQL type `sqlType` with the declared `size`; `typeName` is the
    /// database's own name for the type, which corrects drivers that report PostgreSQL's `money` as
    /// FLOAT (it is read as exact text instead) and `boolean` as VARCHAR. With `nativeDates` (a driver
    /// known to fill SQL_DATE_STRUCT exactly as it would print the date: psqlODBC) dates are bound as
    /// structs, which spares the driver printing them and Realize parsing them.
    init(name: String, sqlType: Int, size: Int, typeName: String = "", nativeDates: Bool = false) {
        self.name = name
        let databaseType = typeName.lowercased()
        if databaseType == "money" || databaseType == "smallmoney" {
            type = .decimal; fetch = .text; width = 64; isMoney = true
            return
        }
        if databaseType == "bool" || databaseType == "boolean" {
            type = .bool; fetch = sqlType == -7 || sqlType == 16 ? .bit : .text; width = fetch == .bit ? 1 : 16
            return
        }
        if databaseType.hasPrefix("numeric") || databaseType.hasPrefix("decimal") {
            type = .decimal; fetch = .text; width = 64
            return
        }
        switch sqlType {
        case 2, 3:  // NUMERIC, DECIMAL
            type = .decimal; fetch = .text; width = 64
        case 4, 5, -5, -6:  // INTEGER, SMALLINT, BIGINT, TINYINT
            type = .int; fetch = .int; width = 8
        case 6, 7, 8:  // FLOAT, REAL, DOUBLE
            type = .double; fetch = .double; width = 8
        case 91, 9:  // DATE
            type = .date; fetch = nativeDates ? .date : .text; width = nativeDates ? realize_odbc_date_size() : 32
        case 93, 11:  // TIMESTAMP
            type = .date; fetch = .text; width = 40; dateOfTimestamp = true
            warning = "column `\(name)` is a timestamp: loaded as its date, the time of day is dropped"
        case -7, 16:  // BIT, BOOLEAN
            type = .bool; fetch = .bit; width = 1
        case 1, 12, -1, -8, -9, -10:  // CHAR, VARCHAR, LONGVARCHAR and the wide forms
            type = .text; fetch = .text; width = Self.textWidth(size)
        default:
            type = .text; fetch = .text; width = Self.textWidth(size)
            warning = "column `\(name)` has a database type Realize does not hold (SQL type \(sqlType)): loaded as text"
        }
    }

    /// A buffer width for text of `size` characters: up to 4 UTF-8 bytes each, plus the terminator.
    static func textWidth(_ size: Int) -> Int {
        guard size > 0, size < maxTextBytes / 4 else { return maxTextBytes + 1 }
        return max(size * 4 + 1, 16)
    }

    /// The ODBC C type the buffer is bound as.
    var cType: Int32 {
        switch fetch {
        case .text: realize_odbc_c_char()
        case .int: realize_odbc_c_sbigint()
        case .double: realize_odbc_c_double()
        case .bit: realize_odbc_c_bit()
        case .date: realize_odbc_c_date()
        }
    }
}
