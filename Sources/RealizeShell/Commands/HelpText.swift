import RealizeAnalytics
import RealizeQuery

/// The text of `.help` and its topics.
package enum HelpText {
    /// `.help` with no topic: every dot command and where to go next.
    package static var overview: String {
        let width = DotCommandSpec.all.map(\.usage.count).max() ?? 0
        var out = "Dot commands:\n"
        for spec in DotCommandSpec.all {
            out += "  " + spec.usage.padding(to: width) + "  " + spec.summary + "\n"
        }
        out += """

            Anything else is a query, for example:
              projects | where budget > 1000000 | sort -budget | take 5
            A line ending in `|` (or with a bracket open) continues on the next line; `;` separates statements.
            `.help query` explains the language, `.help functions` lists the functions; `.help VERB` one verb (\(verbs.keys.sorted().joined(separator: ", "))).

            """
        return out
    }

    /// The text for `.help TOPIC`, or nil for an unknown topic.
    package static func topic(_ topic: String) -> String? {
        let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let spec = DotCommandSpec.named(name) {
            return spec.usage + "\n  " + spec.summary + ".\n\n" + spec.details + "\n"
        }
        if name == "query" || name == "queries" || name == "language" { return query }
        if name == "functions" || name == "function" { return functions }
        if let verb = verbs[name] { return verb + "\n" }
        if let command = DomainCommands.all.first(where: { $0.signature.name == name }) { return CommandHelp.help(command.signature) }
        return nil
    }

    /// Every topic `.help` accepts, for completion and suggestions.
    package static var topics: [String] {
        DotCommandSpec.all.map(\.name) + ["query", "functions"] + verbs.keys.sorted() + DomainCommands.names
    }

    /// Every scalar function, aggregate and window function with its signature and help line, read from the
    /// query layer's catalog (so it cannot drift from what the checker accepts).
    package static var functions: String {
        let width = FunctionCatalog.entries.map(\.signature.count).max() ?? 0
        var out = ""
        for kind in FunctionCatalog.Kind.allCases {
            out += kind.rawValue + ":\n"
            for e in FunctionCatalog.entries where e.kind == kind {
                out += "  " + e.signature.padding(to: width) + "  " + e.help + "\n"
            }
            out += "\n"
        }
        out += "Operators: " + BinaryOperator.allCases.map(\.symbol).joined(separator: " ")
        out += "; text matching: contains, starts with, ends with, like.\n"
        return out
    }

    /// The pipeline language in one screen.
    static let query = """
        Queries are pipelines: a table, then stages separated by `|`, each transforming the rows.

          projects | where budget > 1000000 | sort -budget | take 5
          financials | by project_id agg spent = sum(actual_cost) | top 10 by spent
          let big = projects | where budget > 1000000      defines a table for later queries
          _ | take 3                                       `_` is the last result

        Stages: \(verbs.keys.sorted().joined(separator: ", ")) (`.help VERB` for each).
        `explain PIPELINE` shows the plan without running it.
        Text is quoted with "…", dates are written YYYY-MM-DD and periods YYYY-MM.
        `$name` is a parameter (`.param set period 2025-12`, `--param`), used and checked like a literal.
        A statement continues over lines while it ends in `|` or a bracket or quote is open.
        Errors point at the place in the query, with suggestions for misspelt names.

        """

    /// One line or two per verb.
    static let verbs: [String: String] = [
        "where": "where CONDITION\n  Keeps the rows for which CONDITION holds: `where status == \"Active\" and budget > 500000`.",
        "select":
            "select COLUMN, NEW = EXPR, EXPR as NEW, …   |   select * except (COLUMN, …)\n  Keeps (and renames or computes) the listed columns, in that order.",
        "derive": "derive NAME = EXPR, …\n  Adds computed columns, keeping the existing ones: `derive cpi = earned_value / actual_cost`.",
        "by": "by COLUMN, … agg NAME = FUNC(EXPR), …\n  One row per group of the listed columns: `by program agg spent = sum(actual_cost)`.",
        "agg": "agg NAME = FUNC(EXPR), …\n  Aggregates the whole table into one row (sum, avg, min, max, count, …); after `by`, per group.",
        "join":
            "join TABLE on KEY[, KEY…]   (each KEY is NAME or NAME = OTHER_NAME)\n  Inner join with another table on equal keys: `financials | join projects on project_id`,\n  `a | join b on program, period = month`.",
        "left": "left join TABLE on KEY\n  Left outer join: keeps every input row, with nulls where TABLE has no match.",
        "union":
            "union TABLE[, TABLE…]   (a table, a `let` result or a (pipeline))\n  Stacks the rows of other tables under the input's, matching columns by name; a column one lacks is null\n  there, and int stacks with decimal as decimal: `financials_oct | union financials_nov`.",
        "sort": "sort COLUMN, -COLUMN, EXPR desc, …\n  Orders the rows; a leading `-` (or a trailing `desc`) sorts descending.",
        "take": "take N\n  Keeps the first N rows.",
        "top": "top N by EXPR\n  The N rows with the largest EXPR (`top 5 by budget`; `top 5 by +budget` for the smallest).",
        "distinct": "distinct\n  Removes duplicate rows.",
        "pivot": "pivot COLUMNS [by ROWS] agg AGGREGATE\n  Turns the values of COLUMNS into columns: `pivot period by program agg sum(actual_cost)`.",
        "window": "window [by PARTITION] [order by KEY] derive NAME = EXPR, …\n  Adds running or per-partition values without collapsing rows.",
        "explain": "explain PIPELINE\n  Shows the plan of a pipeline, one step per line, without running it.",
    ]
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
