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
        `.help query` explains the language; `.help VERB` one verb (\(QuerySession.verbs.joined(separator: ", "))).

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
        if let verb = verbs[name] { return verb + "\n" }
        return nil
    }

    /// Every topic `.help` accepts, for completion and suggestions.
    package static var topics: [String] {
        DotCommandSpec.all.map(\.name) + ["query"] + QuerySession.verbs
    }

    /// The pipeline language in one screen.
    static let query = """
        Queries are pipelines: a table, then stages separated by `|`, each transforming the rows.

          projects | where budget > 1000000 | sort -budget | take 5
          financials | by project_id | agg spent = sum(actual_cost) | sort -spent | top 10
          let big = projects | where budget > 1000000      defines a table for later queries
          _ | take 3                                       `_` is the last result

        Stages: \(QuerySession.verbs.joined(separator: ", ")) (`.help VERB` for each).
        Text is quoted with "…", dates are written YYYY-MM-DD and periods YYYY-MM.
        A statement continues over lines while it ends in `|` or a bracket or quote is open.
        Errors point at the place in the query, with suggestions for misspelt names.

        """

    /// One line or two per verb.
    static let verbs: [String: String] = [
        "where": "where CONDITION\n  Keeps the rows for which CONDITION holds: `where status == \"Active\" and budget > 500000`.",
        "select": "select COLUMN, NEW = EXPR, …\n  Keeps (and renames or computes) the listed columns, in that order.",
        "derive": "derive NAME = EXPR, …\n  Adds computed columns, keeping the existing ones: `derive cpi = earned_value / actual_cost`.",
        "by": "by COLUMN, … | agg …\n  Groups rows by the listed columns; the following `agg` computes one row per group.",
        "agg": "agg NAME = FUNC(EXPR), …\n  Aggregates (sum, avg, min, max, count, …) over the whole table or the groups of a preceding `by`.",
        "join": "join TABLE on COLUMN\n  Inner join with another table on equal key columns.",
        "left": "left TABLE on COLUMN\n  Left outer join: keeps every row of the input, with nulls where TABLE has no match.",
        "sort": "sort COLUMN, -COLUMN, …\n  Orders rows by the listed columns; a leading `-` sorts descending.",
        "take": "take N\n  Keeps the first N rows.",
        "top": "top N\n  Keeps the first N rows of the current order, like `take`, for ranking queries after `sort`.",
        "distinct": "distinct [COLUMN, …]\n  Removes duplicate rows (considering the listed columns, or all of them).",
        "pivot": "pivot COLUMN by KEY agg FUNC(EXPR)\n  Turns the values of COLUMN into columns, one per distinct value.",
    ]
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
