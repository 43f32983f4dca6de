import Foundation
import Testing

/// Onboarding → SMART goal → three KPIs with baselines and targets, all through one pipe.
@Suite(.serialized) struct KPISelectionTests {
    @Test func threeAcceptedKPIsAreSavedWithBaselinesAndTargets() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let onboarding = try Binary.example("onboarding-ana.txt")
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30", "8 deals a quarter", "accept"]
        var kpis = ["/why 1", "1, 2, 3", "no"]
        for (i, baseline) in ["8", "35", "6"].enumerated() {
            kpis += [i == 0 ? "New deals per quarter" : "", baseline, "today", "CRM report", "\(Int(baseline)! + 4)", "", "monthly", "\(i + 2)"]
        }
        let input = onboarding + ["yes"] + smart + ["yes"] + kpis
        let result = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rules:"), "/why 1 shows the rules that fired")
        #expect(result.stdout.contains("Added for balance") || result.stdout.contains("well-being"))

        let show = try Binary.json(["show", "3", "--db", db])
        #expect(show["script"] as? String == "kpi-selection")
        #expect(show["status"] as? String == "finished")
        let v = try #require(show["variables"] as? [String: Any])
        let names = try #require(v["kpi.name"] as? [String])
        #expect(names.count == 3)
        #expect(names[0] == "New deals per quarter")
        #expect(v["kpi.baseline"] as? [Double] == [8, 35, 6])
        #expect(v["kpi.target"] as? [Double] == [12, 39, 10])
        #expect(v["kpi.due"] as? [String] == ["2027-06-30", "2027-06-30", "2027-06-30"], "Enter keeps the goal's deadline")
        #expect(v["kpi.baseline_date"] as? [String] == [Binary.today, Binary.today, Binary.today])
        #expect(v["kpi.weight"] as? [Double] == [2, 3, 4])
        #expect((v["kpi.source"] as? [String])?.count == 3)
    }

    @Test func suggestCommandGivesRankedReasonsAsJSON() throws {
        let result = try Binary.json(["suggest", "--role", "staff nurse", "--goal", "leave work on time and sleep better", "--type", "better balance", "--limit", "5"])
        let list = try #require(result["suggestions"] as? [[String: Any]])
        #expect(list.count == 5)
        for s in list {
            #expect(Set(s.keys) == ["id", "name", "family", "unit", "direction", "score", "reasons"])
            #expect((s["reasons"] as? [String])?.isEmpty == false)
        }
        let scores = list.compactMap { $0["score"] as? Int }
        #expect(scores.count == 5)
    }
}
