import Foundation
import Testing
import RealizeTestSupport

/// End-to-end: the built binary over the embedded sample portfolio.
@Suite(.serialized) struct NPSMaturityCommandLineTests {
    @Test func npsByProgramQuarterly() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "nps by program quarterly"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "program,quarter,n,promoters,passives,detractors,nps,se,moe,change,se_change,change_low,change_high,z,p_value,significant,low_n")
        #expect(lines.count == 1 + 5 * 12)
        // Full precision: doubles in shortest round-trip form (the table shows 4.2, 9.9, 19.4, -31.7, -2.32).
        #expect(
            lines.contains(
                "Digital Customer Experience,2025 Q3,72,27,21,24,4.166666666666667,9.906487928949378,19.41635970717534,-31.65422885572139,13.63507453375022,-58.37848407918861,-4.929973632254171,-2.321529580008474,0.02025827954600462,true,false"
            ))
        #expect(
            lines.contains(
                "Digital Customer Experience,2025 Q4,75,24,23,28,-5.333333333333333,9.595060457609696,18.80597307473853,-9.5,13.791435323112854,-36.53071674162956,17.53071674162956,-0.6888333068624914,0.49092817309140396,false,false"
            ))
    }

    @Test func npsTrendInTheShellTable() throws {
        let r = try RealizeBinary.run(["-c", "nps by program quarterly trend | select program, latest, trend"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("│ Digital Customer Experience        │   -5.3 │ ▇▇▇▇▇▇▇▇▇▇▂▁ │"))
    }

    @Test func npsTableStillReadsAsATable() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "nps | take 3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").first == "program,period,respondent_id,segment,score")
        #expect(r.stdout.split(separator: "\n").count == 4)
    }

    @Test func maturityByUnit() throws {
        let r = try RealizeBinary.run(["--format", "csv", "-c", "maturity by unit | select unit, min, mean, rule, overall, level, target, shortfall"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "unit,min,mean,rule,overall,level,target,shortfall")
        #expect(lines.count == 7)
        #expect(lines.contains { $0.hasPrefix("\"Operations, Shared Services\",2.00,2.1") && $0.hasSuffix(",min,2.00,2 repeatable,4.00,2.00") })
    }

    @Test func maturityProfileInTheShell() throws {
        let r = try RealizeBinary.run(["-c", "maturity profile 'Operations, Shared Services' | select dimension, score, target, profile"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("│ Risk Management           │    2.00 │    4.00 │ ████████·   ·   │     │"))
    }

    @Test func settingsChangeTheDefaults() throws {
        let r = try RealizeBinary.run([
            "--format", "csv", "-c", ".set nps_min_n 80", "-c", "nps by program quarterly | take 2 | select n, low_n",
            "-c", ".set maturity_overall mean", "-c", "maturity by unit | take 1 | select rule",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "n,low_n\n87,false\n75,true\nrule\nmean\n")
    }

    @Test func errorsPointAtTheArgument() throws {
        let r = try RealizeBinary.run(["-c", "nps by program sideways"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unexpected `sideways` in `nps`"))
    }
}
