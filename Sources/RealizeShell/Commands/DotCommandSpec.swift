/// What the shell knows about one dot command: its usage and help.
package struct DotCommandSpec: Sendable {
    /// Name without the dot.
    package var name: String
    /// Arguments as shown in usage (`TABLE`, `PATH [as NAME]`).
    package var arguments: String
    /// One-line summary for `.help`.
    package var summary: String
    /// The longer text for `.help NAME`.
    package var details: String

    /// `.name ARGS`.
    package var usage: String { arguments.isEmpty ? ".\(name)" : ".\(name) \(arguments)" }

    /// Every dot command, in the order `.help` lists them: the core ones, then the sqlite3 and DuckDB
    /// habits (scripts, redirection, display, parameters), with `.quit` and `.exit` last.
    package static let all: [DotCommandSpec] = {
        let leaving: Set<String> = ["quit", "exit"]
        return core.filter { !leaving.contains($0.name) } + habits + core.filter { leaving.contains($0.name) }
    }()

    /// The dot commands of the core shell.
    static let core: [DotCommandSpec] = [
        .init(
            name: "help", arguments: "[TOPIC]", summary: "Show help; topics: a dot command, `query`, `functions`, or a verb",
            details: """
                `.help` lists the dot commands. `.help NAME` explains one of them (`.help load`),
                `.help query` explains the pipeline language, `.help functions` lists every function, aggregate
                and window function with its signature, and `.help VERB` one pipeline verb (`.help where`).
                """),
        .init(
            name: "tables", arguments: "", summary: "List the tables: name, rows, columns",
            details: """
                Lists every table in the catalog with its number of rows and columns, in the current
                output mode. Tables come from the sample portfolio, `--data`, `.load` and `let NAME = …`.
                """),
        .init(
            name: "schema", arguments: "TABLE", summary: "Show a table's columns: name, type, nulls",
            details: """
                Shows each column of TABLE with its type (int, double, decimal, text, date, period, bool)
                and how many of its values are null. `_` is the last result; the listing becomes `_` in turn,
                so it can be piped, exported and charted: `.schema projects` then `_ | where nulls > 0`.
                """),
        .init(
            name: "summarize", arguments: "TABLE", summary: "Profile a table: count, nulls, distinct, min, max, mean",
            details: """
                One row per column of TABLE: type, count, nulls, distinct values, minimum, maximum and mean
                (for numbers). Useful first look at an extract before querying it. `_` is the last result; the
                profile becomes `_` in turn: `.summarize financials` then `.export profile.xlsx`.
                """),
        .init(
            name: "load",
            arguments: "PATH [sheet NAME] [range A5:H900] [header row N] [delimiter C] [decimal C] [encoding E] [dates ORDER] [as NAME] [types COLUMN:TYPE, …]",
            summary: "Load a CSV file, an Excel workbook, a folder of them, or a database table",
            details: """
                Reads PATH, a CSV file (with a header row), an .xlsx workbook, or a folder of them (or one .arrow file); each file becomes
                a table named after its file stem (each sheet of a workbook after the sheet), replacing a table of
                that name. `as NAME` names the table of a single file or sheet. `sheet 'Financials'` reads one sheet;
                `range A5:H900` and `header row 5` pick the region, which is otherwise found below any title rows.
                Column types are inferred (int, decimal, double, date YYYY-MM-DD, period YYYY-MM, bool, text);
                `types` overrides them, e.g. `.load extract.csv types cost_centre:text, budget:decimal`.
                Each CSV file is sniffed by itself: delimiter (`,` `;` tab `|`), encoding (UTF-8, UTF-16 with a
                byte-order mark, else Windows-1252), decimal comma, thousands separators (`1.234,56`, `1'234.56`),
                accounting negatives `(1,234.00)`, currencies (`CHF 1'234.50`, `1.234,56 €`) and dates (`31.12.2025`,
                `12/31/2025`, `05-Jan-2025`); a file that is not plain comma-separated UTF-8 is reported in one line.
                `delimiter ';'`, `decimal ','`, `encoding utf8|utf16|cp1252` and `dates ymd|dmy|mdy` override the sniffer;
                dates whose day and month are all ≤ 12 need `dates dmy` or `dates mdy`. `.sniff PATH` shows the choices.
                If any file is malformed nothing is loaded, and the error names the file, line and column.
                After `.connect NAME …`, `.load NAME.schema.table [as T]` and `.load NAME query 'select …' as T` read
                from the database (see `.help connect`).
                """),
        .init(
            name: "sniff", arguments: "PATH [delimiter C] [decimal C] [encoding E] [dates ORDER]",
            summary: "Show how a CSV file (or each of a folder) would be read: dialect and column formats",
            details: """
                Prints, for the CSV file PATH (or each CSV file of the folder PATH), what `.load` would detect: the
                delimiter, encoding, decimal and thousands separators and header, then one line per column with its
                type and format (`amount  decimal  1.234,56`, `period_end  date  dd.mm.yyyy`). A column that cannot be
                read as it is (dates whose day and month are all ≤ 12) shows the problem. Nothing is loaded. The options
                are those of `.load` and override the sniffer.
                """),
        .init(
            name: "connect", arguments: "[NAME 'CONNECTION STRING']", summary: "Open an ODBC connection to a database, or list them",
            details: """
                Opens an ODBC connection under NAME: `.connect pmo 'DSN=pmo'`, or a full connection string such as
                `.connect pmo 'Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=5432;Database=pmo;Uid=pmo;Pwd=$PGPASSWORD'`.
                A value written `$VARIABLE` is read from the environment; the password may also come from the DSN or
                ~/.odbc.ini. Passwords are never shown: `Pwd=` and `Password=` values print as `***`. Then
                `.load NAME.schema.table [as T]` loads a table and `.load NAME query 'select …' as T` a query's result.
                `.connect` alone lists the connections.
                """),
        .init(
            name: "export", arguments: "PATH [TABLE …] [--named] [--bom] [--no-neutralise]",
            summary: "Write results to a file: .csv, .xlsx, .md, .json, .html or .arrow",
            details: """
                Writes the last result (or the TABLEs named, `_` being the last result) to PATH. The extension
                picks the format: .csv (RFC 4180), .xlsx (a workbook: typed cells, money as #,##0.00, dates as
                dates, frozen header), .md (a pipe table), .json (an array of objects), .html (a page) or .arrow
                (one Apache Arrow IPC file, as in a workspace: see `.help save`).
                Several tables go into one file: a sheet each in .xlsx, a section each in .md and .html, a key
                each in .json; a .csv holds one. Values keep their precision: exact decimals stay exact.
                The file is written atomically: an old file is replaced only once the new one is complete.
                  --named           every table named with `let` in this session
                  --bom             (CSV) start with a UTF-8 byte order mark, for Excel
                  --no-neutralise   (CSV) keep cells that start with = + - @ as they are (by default they
                                    are prefixed with ' so spreadsheets do not run them as formulas)
                Example: .export board-pack.xlsx evm overruns --named
                """),
        .init(
            name: "save", arguments: "PATH", summary: "Save the session as a workspace folder (Arrow files) that reopens instantly",
            details: """
                Writes every table, every `let` result, the `.set` settings and the `.param` parameters to the folder
                PATH (e.g. `q4.realize`): one Apache Arrow IPC file per table (`<name>.arrow`, readable by pyarrow,
                Polars and DuckDB) and a `manifest.json`. Saving is all or nothing: a failed save leaves an earlier
                workspace at PATH as it was. PATH must be new, empty, or an earlier workspace.
                Reopen it with `.open PATH` or `realize PATH`.
                """),
        .init(
            name: "open", arguments: "PATH", summary: "Open a workspace saved with .save: tables, lets, settings",
            details: """
                Replaces the session's tables, `let` results, settings and parameters with those of the workspace
                folder PATH. The Arrow files are mapped into memory, so opening takes milliseconds whatever their
                size; a table is copied into memory when a query first uses it. A missing, truncated or corrupt
                file is an error naming it, and the session is then unchanged. `realize PATH` starts with it.
                """),
        .init(
            name: "mode", arguments: "table|csv|json|markdown|line|html", summary: "Set the output format",
            details: """
                Chooses how results are printed: `table` (aligned, the default), `csv`, `json` (an array of
                objects), `markdown` (a pipe table for pasting into documents), `line` (one `column = value`
                per line, for wide rows) or `html` (a <table>). `--format` sets it at start.
                """),
        .init(
            name: "timer", arguments: "on|off", summary: "Print the run time of each statement",
            details: """
                With the timer on, each query is followed on standard error by `Run Time: 0.0123 s`
                (and each `.load` by `Load Time: 0.0123 s`). `--timer` turns it on at start.
                """),
        .init(
            name: "set", arguments: "NAME VALUE", summary: "Change a setting: fiscal_year_start, today, evm_red, …",
            details: """
                `.set fiscal_year_start N` makes month N (1–12) the first of the fiscal year (4 = April).
                `.set today YYYY-MM-DD` fixes "today" for relative time filters, for reproducible scripts;
                `.set today now` goes back to the real date. `.set` alone shows the settings.
                `.set evm_red 0.9` and `.set evm_amber 0.95`: CPI or SPI thresholds of the evm status;
                `.set evm_eac cpi|plan|cpi_spi`: the EAC evm reports; `.set discount_rate 8%`: appraise's rate.
                """),
        .init(
            name: "measures", arguments: "[NAME]", summary: "List the financial measures, or explain one: formula, convention, source",
            details: """
                `.measures` lists the earned value measures (PV, EV, AC, BAC, CV, SV, CPI, SPI, EACs, ETC, VAC,
                TCPI, earned schedule) with their formulas, where they work (`agg` or the `evm` command only),
                their conventions and sources. `.measures CPI` explains one and shows what `agg cpi` expands to.
                """),
        .init(
            name: "quit", arguments: "", summary: "Leave the shell (also .exit or Ctrl-D)",
            details: "Leaves the shell. Ctrl-D on an empty line does the same."),
        .init(
            name: "exit", arguments: "", summary: "Leave the shell",
            details: "Leaves the shell, like `.quit`."),
    ]

    /// The spec for `name`, if it is a dot command.
    package static func named(_ name: String) -> DotCommandSpec? { all.first { $0.name == name } }
}
