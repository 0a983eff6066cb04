import RealizeSamples
import RealizeStore
import RealizeTestSupport
import Testing

/// The sample portfolio written as a European Excel would (`;`, decimal comma, `31.12.2025`, Windows-1252)
/// and read back through the sniffer equals the sample read normally.
struct EuropeanSampleRoundTripTests {
    @Test(arguments: SamplePortfolio.tableNames)
    func europeanRenderingReadsBackEqual(_ name: String) throws {
        let original = try #require(SamplePortfolio.tables().first { $0.name == name }?.table)
        let style = EuropeanCSV()
        for column in original.columns where column.type == .text {
            for row in 0..<original.rowCount {
                if case .text(let s) = column.value(at: row) { #expect(style.canEncode(s), "\(name): \(s)") }
            }
        }
        let (read, report) = try CSVReader.readSniffing(bytes: style.render(original), sourceName: "\(name).csv")
        #expect(report.dialect.delimiter == UInt8(ascii: ";"))
        if original.columns.contains(where: { $0.type == .decimal }) { #expect(report.dialect.decimalSeparator == UInt8(ascii: ",")) }
        #expect(TableDiff.firstDifference(read, original) == nil, "\(name): \(TableDiff.firstDifference(read, original) ?? "")")
    }
}
