extension DotCommandSpec {
    /// The dot commands that sqlite3 and DuckDB users reach for by habit: scripts, redirection, display
    /// settings, table management, parameters and small conveniences.
    static let habits: [DotCommandSpec] = [
        .init(
            name: "read", arguments: "FILE", summary: "Run a script of statements in this session",
            details: """
                Runs the statements of FILE as `realize FILE` would, in this session (tables, settings and
                parameters carry over both ways). Errors name the script's line: `report.rz:3:9: error: …`.
                Scripts may `.read` others up to 16 deep; a script that reads itself, directly or not, is an error.
                Example: .read monthly.rz
                """),
        .init(
            name: "output", arguments: "[FILE]", summary: "Send every following result to FILE; alone, back to the screen",
            details: """
                Results go to FILE until `.output` alone. The file's extension picks the format as for
                `.export` (.csv, .json, .md, .html, .xlsx); any other file (.txt) gets the `.mode` format.
                The file is rewritten atomically after each result, so it is always complete.
                Example: .output december.csv
                """),
        .init(
            name: "once", arguments: "FILE", summary: "Send only the next result to FILE",
            details: """
                Like `.output FILE` for one result; the one after goes to the screen again.
                Example: .once overruns.md
                """),
        .init(
            name: "maxrows", arguments: "N", summary: "Show at most N rows in the table format (0 = no cap)",
            details: """
                Caps the rows the table format shows (the footer says how many were left out). 0 shows every
                row; `.maxrows` alone follows the terminal again. Off a terminal every row is shown by default.
                Example: .maxrows 20
                """),
        .init(
            name: "maxwidth", arguments: "N", summary: "Draw tables at most N columns wide (0 = no cap)",
            details: """
                Caps the width of the table format; columns that do not fit are named in the footer. 0 draws
                every column; `.maxwidth` alone follows the terminal again.
                Example: .maxwidth 100
                """),
        .init(
            name: "nullvalue", arguments: "TEXT", summary: "Show nulls as TEXT (default n/a)",
            details: """
                What a missing value shows in the table, markdown, line and html formats; `.nullvalue` alone
                goes back to `n/a`. CSV and JSON keep nulls raw (an empty field, null).
                Example: .nullvalue -
                """),
        .init(
            name: "headers", arguments: "on|off", summary: "Whether CSV output starts with a header row",
            details: """
                `.headers off` leaves out the header row of csv output (`.mode csv`, `.output x.csv`), for
                appending to an existing file. `.export` always writes it.
                Example: .headers off
                """),
        .init(
            name: "param", arguments: "set NAME VALUE | list | unset NAME | clear", summary: "Set the $parameters queries use",
            details: """
                `.param set period 2025-12` defines `$period`, read like a literal: `2025-12` is a period,
                `2025-12-31` a date, `42` a number, `'Atlas'` text, `true` a bool. Queries use it as a literal:
                `financials | where period = $period`, `evm by program as of $period`; it is type-checked like
                one. `.param list` (or `.param`) shows them; `.param unset NAME` removes one, `.param clear` all.
                `--param name=value` sets them at start, as `realize run NOTEBOOK --param` does for notebooks.
                """),
        .init(
            name: "drop", arguments: "TABLE …", summary: "Remove tables from the session",
            details: """
                Removes the tables named (loaded, sample or defined with `let`). Files are not touched.
                Example: .drop scratch
                """),
        .init(
            name: "rename", arguments: "OLD NEW", summary: "Rename a table",
            details: """
                Gives table OLD the name NEW (a table already called NEW is replaced).
                Example: .rename financials fin
                """),
        .init(
            name: "print", arguments: "TEXT", summary: "Print TEXT (in scripts: headings, separators)",
            details: """
                Writes TEXT and a line break to the output. Example: .print "== December =="
                """),
        .init(
            name: "cd", arguments: "DIR", summary: "Change the working folder",
            details: """
                Relative paths of `.load`, `.export`, `.read` and `.output` are taken from DIR afterwards.
                Example: .cd ~/extracts/2025-12
                """),
        .init(
            name: "shell", arguments: "PROGRAM [ARG …]", summary: "Run a program (without a shell) and show its output",
            details: """
                Runs PROGRAM with the ARGs as they are written, without a shell: no globbing, pipes,
                redirection or variables. For those, run a shell yourself: .shell sh -c 'ls *.csv | wc -l'.
                PROGRAM is found on PATH. A non-zero exit status is an error.
                Example: .shell ls extracts
                """),
        .init(
            name: "system", arguments: "PROGRAM [ARG …]", summary: "Same as .shell: run a program without a shell",
            details: """
                Same as `.shell`: runs PROGRAM with the ARGs, without a shell.
                Example: .system date
                """),
    ]
}
