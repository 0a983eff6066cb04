/// The stable identifier of a diagnostic. Every ID the language can report is declared here, in one place;
/// tests assert on them, and they never change meaning once published.
///
/// Code names them as static members (`.unknownColumn`); a raw string cannot make one, except through the
/// `expected(_:)` family (`expected-agg`, `expected-on`: a required word or symbol that is missing).
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard DiagnosticID.all.contains(where: { $0.rawValue == rawValue }) || rawValue.hasPrefix("expected-") else { return nil }
        self.rawValue = rawValue
    }

    private init(_ raw: String) { rawValue = raw }

    public var description: String { rawValue }

    /// `expected-WHAT`: a required word, symbol or value is missing (`expected-agg`, `expected-closing-paren`).
    public static func expected(_ what: String) -> DiagnosticID { DiagnosticID("expected-" + what) }

    /// Tests and tools compare IDs with their published text.
    public static func == (id: DiagnosticID, text: String) -> Bool { id.rawValue == text }
    public static func != (id: DiagnosticID, text: String) -> Bool { id.rawValue != text }

    // MARK: Reading the text: the lexer and the parser (syntax, command arguments, chart stages).

    public static let chartColumnMissing = DiagnosticID("chart-column-missing")
    public static let chartKindMissing = DiagnosticID("chart-kind-missing")
    public static let chartNotLast = DiagnosticID("chart-not-last")
    public static let chartNotSvg = DiagnosticID("chart-not-svg")
    public static let chartPathMissing = DiagnosticID("chart-path-missing")
    public static let chartTextMissing = DiagnosticID("chart-text-missing")
    public static let chartUnexpected = DiagnosticID("chart-unexpected")
    public static let duplicateArgument = DiagnosticID("duplicate-argument")
    public static let expectedAColumnName = DiagnosticID("expected-a-column-name")
    public static let expectedAKeyColumn = DiagnosticID("expected-a-key-column")
    public static let expectedAName = DiagnosticID("expected-a-name")
    public static let expectedATableNameToJoin = DiagnosticID("expected-a-table-name-to-join")
    public static let expectedAmount = DiagnosticID("expected-amount")
    public static let expectedArgument = DiagnosticID("expected-argument")
    public static let expectedChoice = DiagnosticID("expected-choice")
    public static let expectedClosingParen = DiagnosticID("expected-closing-paren")
    public static let expectedCount = DiagnosticID("expected-count")
    public static let expectedDate = DiagnosticID("expected-date")
    public static let expectedEquals = DiagnosticID("expected-equals")
    public static let expectedExpression = DiagnosticID("expected-expression")
    public static let expectedInteger = DiagnosticID("expected-integer")
    public static let expectedLiteral = DiagnosticID("expected-literal")
    public static let expectedName = DiagnosticID("expected-name")
    public static let expectedNumber = DiagnosticID("expected-number")
    public static let expectedOpeningParen = DiagnosticID("expected-opening-paren")
    public static let expectedPeriod = DiagnosticID("expected-period")
    public static let expectedPredicate = DiagnosticID("expected-predicate")
    public static let expectedProperty = DiagnosticID("expected-property")
    public static let expectedRate = DiagnosticID("expected-rate")
    public static let expectedSymbol = DiagnosticID("expected-symbol")
    public static let expectedTable = DiagnosticID("expected-table")
    public static let expectedTimeUnit = DiagnosticID("expected-time-unit")
    public static let expectedTiming = DiagnosticID("expected-timing")
    public static let expectedVerb = DiagnosticID("expected-verb")
    public static let expectedWhen = DiagnosticID("expected-when")
    public static let unexpectedArgument = DiagnosticID("unexpected-argument")
    public static let unexpectedCharacter = DiagnosticID("unexpected-character")
    public static let unexpectedDistinct = DiagnosticID("unexpected-distinct")
    public static let unexpectedToken = DiagnosticID("unexpected-token")
    public static let unknownChartKind = DiagnosticID("unknown-chart-kind")
    public static let unknownChoice = DiagnosticID("unknown-choice")
    public static let unterminatedString = DiagnosticID("unterminated-string")
    /// An expression or pipeline nested deeper than ``Parser/maximumDepth`` levels.
    public static let nestedTooDeeply = DiagnosticID("nested-too-deeply")

    // MARK: Checking: names and types against the catalog, before anything runs.

    public static let aggregateOutsideAgg = DiagnosticID("aggregate-outside-agg")
    public static let badSubquery = DiagnosticID("bad-subquery")
    public static let chartColumnType = DiagnosticID("chart-column-type")
    public static let columnOutsideAggregate = DiagnosticID("column-outside-aggregate")
    public static let duplicateColumn = DiagnosticID("duplicate-column")
    public static let missingTable = DiagnosticID("missing-table")
    public static let noLastResult = DiagnosticID("no-last-result")
    public static let reservedName = DiagnosticID("reserved-name")
    public static let sortUndone = DiagnosticID("sort-undone")
    public static let typeMismatch = DiagnosticID("type-mismatch")
    public static let unknownColumn = DiagnosticID("unknown-column")
    public static let unknownParameter = DiagnosticID("unknown-parameter")
    public static let unknownCommand = DiagnosticID("unknown-command")
    public static let unknownFunction = DiagnosticID("unknown-function")
    public static let unknownOperator = DiagnosticID("unknown-operator")
    public static let unknownProperty = DiagnosticID("unknown-property")
    public static let unknownTable = DiagnosticID("unknown-table")
    /// A workspace table whose values turned out damaged when it was first read.
    public static let unreadableTable = DiagnosticID("unreadable-table")
    public static let windowOutsideWindow = DiagnosticID("window-outside-window")
    public static let wrongArity = DiagnosticID("wrong-arity")

    // MARK: Commands and their input data.

    public static let badDate = DiagnosticID("bad-date")
    public static let badMeasure = DiagnosticID("bad-measure")
    public static let badNumber = DiagnosticID("bad-number")
    public static let badPeriod = DiagnosticID("bad-period")
    public static let badRate = DiagnosticID("bad-rate")
    public static let chartDuplicateDimension = DiagnosticID("chart-duplicate-dimension")
    public static let chartRadarTooFew = DiagnosticID("chart-radar-too-few")
    public static let columnType = DiagnosticID("column-type")
    public static let maturityGrouping = DiagnosticID("maturity-grouping")
    public static let missingColumn = DiagnosticID("missing-column")
    public static let noData = DiagnosticID("no-data")
    public static let trendNeedsPeriod = DiagnosticID("trend-needs-period")
    public static let unknownGrouping = DiagnosticID("unknown-grouping")
    public static let unknownMetric = DiagnosticID("unknown-metric")
    public static let unknownUnit = DiagnosticID("unknown-unit")
    public static let invalidPattern = DiagnosticID("invalid-pattern")
    public static let conversionFailed = DiagnosticID("conversion-failed")

    public static let maturityScoreOutOfRange = DiagnosticID("maturity-score-out-of-range")
    public static let maturityTargetOutOfRange = DiagnosticID("maturity-target-out-of-range")
    public static let npsScoreOutOfRange = DiagnosticID("nps-score-out-of-range")

    // MARK: Running, and the session.

    public static let badSetting = DiagnosticID("bad-setting")
    public static let cancelled = DiagnosticID("cancelled")
    /// An exact (int or decimal) result, or a domain command's sum, does not fit: never a wrap or a trap.
    public static let numericOverflow = DiagnosticID("numeric-overflow")
    public static let pivotNeedsData = DiagnosticID("pivot-needs-data")
    public static let resultTooLarge = DiagnosticID("result-too-large")
    public static let unknownSetting = DiagnosticID("unknown-setting")

    /// Every declared ID (the `expected-` family aside), for documentation and tests.
    public static let all: [DiagnosticID] = [
        .conversionFailed, .invalidPattern, .maturityScoreOutOfRange, .maturityTargetOutOfRange, .npsScoreOutOfRange, .aggregateOutsideAgg, .badDate,
        .badMeasure, .badNumber, .badPeriod, .badRate,
        .badSetting, .badSubquery, .cancelled, .chartColumnMissing, .chartColumnType, .chartDuplicateDimension, .chartKindMissing, .chartNotLast, .chartNotSvg,
        .chartPathMissing, .chartRadarTooFew, .chartTextMissing, .chartUnexpected, .columnOutsideAggregate, .columnType, .duplicateArgument, .duplicateColumn,
        .expectedAColumnName, .expectedAKeyColumn, .expectedAName, .expectedATableNameToJoin, .expectedAmount, .expectedArgument, .expectedChoice,
        .expectedClosingParen, .expectedCount, .expectedDate, .expectedEquals, .expectedExpression, .expectedInteger, .expectedLiteral, .expectedName,
        .expectedNumber, .expectedOpeningParen, .expectedPeriod, .expectedPredicate, .expectedProperty, .expectedRate, .expectedSymbol, .expectedTable,
        .expectedTimeUnit, .expectedTiming, .expectedVerb, .expectedWhen, .maturityGrouping, .missingColumn, .missingTable, .noData, .noLastResult,
        .numericOverflow,
        .pivotNeedsData, .reservedName, .resultTooLarge, .sortUndone, .trendNeedsPeriod, .typeMismatch, .unexpectedArgument, .unexpectedCharacter,
        .unexpectedDistinct, .unexpectedToken, .unknownChartKind, .unknownChoice, .unknownColumn, .unknownParameter, .unknownCommand, .unknownFunction,
        .unknownGrouping,
        .unknownMetric, .unknownOperator, .unknownProperty, .unknownSetting, .unknownTable, .unknownUnit, .unreadableTable, .unterminatedString,
        .windowOutsideWindow,
        .wrongArity,
        .nestedTooDeeply,
    ]
}
