import Foundation
import Testing

/// `.load … types COLUMN:TYPE, …` overrides inference, through the built binary.
@Suite struct LoadTypesTests {
    func writeExtract() throws -> URL {
        let folder = try RealizeBinary.temporaryFolder()
        let file = folder.appendingPathComponent("extract.csv")
        try "cost_centre,budget,month\n0042,100,2025-01\n0107,250.5,2025-02\n".write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func typesOverrideInference() throws {
        let file = try writeExtract()
        let r = try RealizeBinary.run(["--format", "csv", "-c", ".load \(file.path) types cost_centre:text, month:text", "-c", ".schema extract"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "column,type,nulls\ncost_centre,text,0\nbudget,decimal,0\nmonth,text,0\n")
        // Inferred, the codes would lose their leading zeros.
        let kept = try RealizeBinary.run(["--format", "csv", "-c", ".load \(file.path) types cost_centre:text", "-c", "extract | select cost_centre"])
        #expect(kept.stdout == "cost_centre\n0042\n0107\n")
    }

    @Test func anUnknownTypeIsAClearError() throws {
        let file = try writeExtract()
        let r = try RealizeBinary.run(["-c", ".load \(file.path) types budget:money2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown type `money2` for column `budget`"), "\(r.stderr)")
    }

    @Test func aValueThatCannotTakeTheTypeNamesItsPlace() throws {
        let file = try writeExtract()
        let r = try RealizeBinary.run(["-c", ".load \(file.path) types budget:int", "-c", ".tables"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("extract.csv:3:2"), "\(r.stderr)")
    }
}
