import RealizeStore

extension Parser {
    /// `NAME [POSITIONAL] OPTION*`: a table command, its arguments read by its declaration, in any order, each
    /// at most once. Stops at `|`, `;`, `)`, `on` (a join target) or the end.
    mutating func parseCommand(_ sig: CommandSignature) throws(Failure) -> CommandCall {
        let nameToken = advance()
        var args = CommandArguments()
        let usage = CommandHelp.usage(sig)
        func atEnd(_ p: Parser) -> Bool {
            let t = p.current
            if p.afterNewline[p.pos] && t.kind == .keyword && Parser.verbs.contains(t.text) { return sig.option(startingWith: t.text) == nil }
            return t.kind == .end || t.isSymbol("|") || t.isSymbol(";") || t.isSymbol(")") || t.isKeyword("on")
        }
        if let positional = sig.positional {
            let isOptionWord = (current.kind == .identifier || current.kind == .keyword) && sig.option(startingWith: current.text) != nil
            if atEnd(self) || (positional.optional && isOptionWord) {
                if !positional.optional {
                    throw fail(
                        .expectedArgument, "`\(sig.name)` needs \(positional.placeholder) (\(positional.help))",
                        at: atEnd(self) ? nameToken.range : current.range, hint: "usage: \(usage)")
                }
            } else {
                let start = current.range.start
                let value = try parseValue(positional.kind, after: nameToken.text, usage: usage)
                args.set(positional.key, value, range: SourceRange(start, previousEnd))
            }
        }
        while !atEnd(self) {
            let word = current
            guard word.kind == .identifier || word.kind == .keyword, let option = sig.option(startingWith: word.text) else {
                let near = word.kind == .identifier || word.kind == .keyword ? Suggest.nearest(word.text.lowercased(), in: sig.optionWords) : nil
                throw fail(
                    .unexpectedArgument, "unexpected \(describe(word)) in `\(sig.name)`",
                    hint: near.map { "did you mean `\($0)`? usage: \(usage)" } ?? "usage: \(usage)")
            }
            guard !args.has(option.key) else {
                throw fail(.duplicateArgument, "`\(option.words.first ?? word.text.lowercased())` given twice in `\(sig.name)`", hint: "usage: \(usage)")
            }
            let start = word.range.start
            _ = advance()
            if option.words.isEmpty {
                args.set(option.key, .word(word.text.lowercased()), range: word.range)
                continue
            }
            var last = word.text.lowercased()
            for w in option.words.dropFirst() {
                guard (current.kind == .identifier || current.kind == .keyword) && current.text.lowercased() == w else {
                    throw fail(.expected(w), "expected `\(w)` after `\(last)`", hint: "usage: \(usage)")
                }
                last = advance().text.lowercased()
            }
            let value = option.kind.isFlag ? .flag : try parseValue(option.kind, after: last, usage: usage)
            args.set(option.key, value, range: SourceRange(start, previousEnd))
        }
        let range = SourceRange(nameToken.range.start, previousEnd)
        let text = String(decoding: sourceBytes[range.start.offset..<max(range.start.offset, range.end.offset)], as: UTF8.self)
            .split(whereSeparator: { $0.isNewline }).map { String($0).trimmingCharacters() }.joined(separator: " ")
        return CommandCall(name: sig.name, arguments: args, nameRange: nameToken.range, range: range, text: text)
    }

    /// One argument value of kind `kind`, after the word `after`.
    mutating func parseValue(_ kind: ArgumentKind, after: String, usage: String) throws(Failure) -> ArgumentValue {
        try substituteParameter()
        let t = current
        switch kind {
        case .flag:
            return .flag
        case .choice(let values):
            guard t.kind == .identifier || t.kind == .keyword || t.kind == .string else {
                throw fail(
                    .expectedChoice, "expected one of \(values.joined(separator: ", ")) after `\(after)`, found \(describe(t))", hint: "usage: \(usage)")
            }
            guard values.contains(t.text.lowercased()) else {
                let near = Suggest.nearest(t.text.lowercased(), in: values)
                throw fail(
                    .unknownChoice, "unknown \(after) `\(t.text)`",
                    hint: near.map { "did you mean `\($0)`?" } ?? "\(after): " + values.joined(separator: ", "))
            }
            _ = advance()
            return .word(t.text.lowercased())
        case .name(let what, _):
            return .names([try argumentName(what, after: after, usage: usage)])
        case .names(let what, _):
            var out = [try argumentName(what, after: after, usage: usage)]
            while current.isSymbol(",") {
                _ = advance()
                out.append(try argumentName(what, after: ",", usage: usage))
            }
            return .names(out)
        case .period:
            guard t.kind == .period, let p = CivilCalendar.parsePeriod(Array(t.text.utf8)) else {
                throw fail(.expectedPeriod, "expected a period written YYYY-MM after `\(after)`, found \(describe(t))", hint: "usage: \(usage)")
            }
            _ = advance()
            return .period(p)
        case .date:
            if t.kind == .date, let d = CivilCalendar.parseDate(Array(t.text.utf8)) {
                _ = advance()
                return .date(d)
            }
            if t.kind == .period, let p = CivilCalendar.parsePeriod(Array(t.text.utf8)) {
                _ = advance()
                let (y, m) = CivilCalendar.yearMonth(period: p)
                return .date(CivilCalendar.days(year: y, month: m, day: CivilCalendar.daysInMonth(year: y, month: m)))
            }
            throw fail(
                .expectedDate, "expected a date written YYYY-MM-DD (or a month YYYY-MM) after `\(after)`, found \(describe(t))", hint: "usage: \(usage)")
        case .integer(let minimum):
            guard t.kind == .integer, let v = Int(t.text), v >= minimum else {
                throw fail(.expectedInteger, "expected a whole number of at least \(minimum) after `\(after)`, found \(describe(t))", hint: "usage: \(usage)")
            }
            _ = advance()
            return .integer(v)
        case .number, .rate:
            let negative = current.isSymbol("-")
            if negative { _ = advance() }
            let n = current
            guard n.kind == .integer || n.kind == .number, let v = Double(n.text), v.isFinite else {
                let what = kind.isRate ? "a rate such as 8% or 0.08" : "a number"
                throw fail(
                    kind.isRate ? .expectedRate : .expectedNumber, "expected \(what) after `\(after)`, found \(describe(n))", hint: "usage: \(usage)")
            }
            _ = advance()
            var x = v
            if kind.isRate {
                if current.isSymbol("%") {
                    _ = advance()
                    x = v / 100
                } else if v > 1 {
                    x = v / 100
                }
            }
            return .number(negative ? -x : x)
        }
    }

    /// A name: an identifier (possibly `quoted`), a keyword used as a name, or a string.
    mutating func argumentName(_ what: String, after: String, usage: String) throws(Failure) -> (text: String, range: SourceRange) {
        let t = current
        guard t.kind == .identifier || t.kind == .keyword || t.kind == .string else {
            throw fail(.expectedAName, "expected \(what) after `\(after)`, found \(describe(t))", hint: "usage: \(usage)")
        }
        _ = advance()
        return (t.text, t.range)
    }
}

extension ArgumentKind {
    var isFlag: Bool {
        if case .flag = self { return true }
        return false
    }

    var isRate: Bool {
        if case .rate = self { return true }
        return false
    }
}
