import Foundation
import RealizeStore
import RealizeTestSupport
import Testing

/// pyarrow reads what `.save` writes (types and exact values), and Realize reads what pyarrow writes.
/// Skipped with a message when pyarrow is not importable (scripts/ensure-deps.sh installs it).
@Suite struct WorkspaceInteropTests {
    static var hasPyarrow: Bool {
        guard let python = ExternalTools.find("python3") else { return false }
        return (try? ExternalTools.run(python, ["-c", "import pyarrow"]).status) == 0
    }

    @Test func pyarrowReadsTheWorkspaceTables() throws {
        guard Self.hasPyarrow else {
            print("skipped: pyarrow is not importable (pip install pyarrow)")
            return
        }
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = folder.appendingPathComponent("w.realize").path
        let saved = try RealizeBinary.run([
            "-c", "let t = projects | take 2 | derive big = budget * 1000000000000000000000000 | select project_id, start_date, budget, big",
            "-c", ".save \(ws)",
        ])
        #expect(saved.status == 0, "\(saved.stderr)")
        let script = """
            import pyarrow.ipc as ipc
            t = ipc.open_file('\(ws)/t.arrow').read_all()
            t.validate(full=True)
            print(t.schema.field('project_id').type)
            print(t.schema.field('start_date').type)
            print(t.schema.field('budget').type)
            print(t.column('budget')[0].as_py(), t.column('big')[0].as_py(), t.column('start_date')[0].as_py(), t.column('project_id')[1].as_py())
            f = ipc.open_file('\(ws)/financials.arrow').read_all()
            print(f.schema.field('period').metadata)
            """
        let r = try ExternalTools.run(ExternalTools.find("python3")!, ["-c", script])
        #expect(r.status == 0, "\(r.output)")
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "dictionary<values=string, indices=int32, ordered=0>")
        #expect(lines.contains("date32[day]") && lines.contains("decimal128(38, 2)"))
        #expect(lines.contains("4800000.00 4800000000000000000000000000000.00 2023-02-09 P002"), "\(lines)")
        #expect(r.output.contains("b'realize.type': b'period'"))
    }

    @Test func realizeReadsWhatPyarrowWrites() throws {
        guard Self.hasPyarrow else {
            print("skipped: pyarrow is not importable (pip install pyarrow)")
            return
        }
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("py.arrow").path
        let script = """
            import pyarrow as pa, pyarrow.ipc as ipc, datetime, decimal
            t = pa.table({
                'i': pa.array([1, None, -3], pa.int64()),
                'f': pa.array([1.5, 2.0, None], pa.float64()),
                's': pa.array(['Zürich', None, 'b'], pa.string()),
                'm': pa.array([decimal.Decimal('12345678901234567890123456.789'), None, decimal.Decimal('-0.001')], pa.decimal128(38, 3)),
                'd': pa.array([datetime.date(2025, 12, 31), None, datetime.date(1970, 1, 1)], pa.date32()),
                'b': pa.array([True, None, False], pa.bool_()),
                'k': pa.array(['x', 'y', 'x']).dictionary_encode(),
            })
            with ipc.new_file('\(file)', t.schema) as w:
                w.write_table(t, max_chunksize=2)
            """
        let w = try ExternalTools.run(ExternalTools.find("python3")!, ["-c", script])
        #expect(w.status == 0, "\(w.output)")
        let r = try RealizeBinary.run(["-c", ".load \(file)", "-c", ".schema py", "-c", "py", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("i,int,1\nf,double,1\ns,text,1\nm,decimal,1\nd,date,1\nb,bool,1\nk,text,0\n"), "\(r.stdout)")
        #expect(r.stdout.contains("1,1.5,Zürich,12345678901234567890123456.789,2025-12-31,true,x\n,2,,,,,y\n-3,,b,-0.001,1970-01-01,false,x\n"), "\(r.stdout)")
    }

    /// A dictionary whose entries repeat (legal in Arrow) and plain text with repeats both group as one value each.
    @Test func repeatedTextGroupsAsOneValue() throws {
        guard Self.hasPyarrow else {
            print("skipped: pyarrow is not importable (pip install pyarrow)")
            return
        }
        let folder = try RealizeBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rep.arrow").path
        let script = """
            import pyarrow as pa, pyarrow.ipc as ipc
            k = pa.DictionaryArray.from_arrays(pa.array([0, 1, 2, 1, None], pa.int32()), pa.array(['x', 'y', 'x']))
            t = pa.table({'k': k, 's': pa.array(['b', 'a', 'b', None, 'a'], pa.string())})
            with ipc.new_file('\(file)', t.schema) as w:
                w.write_table(t)
            """
        let w = try ExternalTools.run(ExternalTools.find("python3")!, ["-c", script])
        #expect(w.status == 0, "\(w.output)")
        let r = try RealizeBinary.run([
            "-c", ".load \(file)", "-c", "rep | by k agg n = count() | sort k", "-c", "rep | by s agg n = count() | sort s", "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "k,n\nx,2\ny,2\n,1\ns,n\na,2\nb,2\n,1\n", "\(r.stdout)")
    }
}
