import Foundation
import Testing
import RealizeTestSupport

/// The built `realize` binary, run as a user would.
@Suite struct EVMEndToEndTests {
    @Test func evmByProgram() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "evm by program"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("program,projects,status_period,bac,pv,ev,ac,cv,sv,cpi,spi") == true)
        #expect(r.stdout.contains("Zürich Hub Consolidation"))
        #expect(r.stdout.contains("\"Finance Transformation, \"\"Phase II\"\"\""))
    }

    @Test func pipedEVMFindsTheOverruns() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "evm by project | where cpi < 0.9 | select project_id, project, cpi | sort cpi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("project_id,project,cpi\nP001,Atlas ERP Rollout,0.7799"))
        #expect(r.stdout.contains("\nP009,Zürich Warehouse Automation,0.8499"))
        #expect(r.stdout.split(separator: "\n").count == 3)
        let behind = try RealizeBinary.run(["--format", "csv", "-c", "evm by project | where spi < 0.9 | select project_id"])
        #expect(behind.stdout == "project_id\nP016\n")
    }

    @Test func measuresDotCommandAndSettings() throws {
        let r = try RealizeBinary.run([
            "-c", ".measures cpi", "-c", ".set evm_red 0.7", "-c", ".set evm_amber 0.8", "--format", "csv",
            "-c", "evm by project | where project_id = 'P001' | select status",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("cpi: CPI = EV / AC"))
        #expect(r.stdout.contains("sum(earned_value) / sum(actual_cost)"))
        #expect(r.stdout.hasSuffix("status\namber\n"))
        let bad = try RealizeBinary.run(["-c", ".set evm_red lots"])
        #expect(bad.status != 0)
    }

    @Test func trendAppraiseBenefits() throws {
        for q in ["trend cpi by program", "appraise by program", "benefits by program"] {
            let r = try RealizeBinary.run(["--format", "csv", "-c", q])
            #expect(r.status == 0, "\(q): \(r.stderr)")
            #expect(r.stdout.split(separator: "\n").count == 6, "\(q)")
        }
    }
}
