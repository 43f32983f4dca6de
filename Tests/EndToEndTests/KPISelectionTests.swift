import Foundation
import Testing

/// Onboarding → SMART goal → three KPIs with baselines and targets, all through one pipe.
@Suite(.serialized) struct KPISelectionTests {
    @Test func threeAcceptedKPIsAreSavedWithBaselinesAndTargets() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let onboarding = try Binary.example("onboarding-ana.txt")
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30", "8 deals a quarter", "accept"]
        var kpis = ["/why 1", "1, 2, 3", "yes", "Stretch assignments taken on", "no"]
        for (i, baseline) in ["8", "35", "6", "1"].enumerated() {
            let own = i == 3
            kpis += [i == 0 ? "New deals per quarter" : "", own ? "count" : "", own ? "increase" : (i == 1 ? "stay below" : ""),
                     baseline, "today", "CRM report", "\(Int(baseline)! + 4)", "", own ? "quarterly" : "", "\(i + 2)"]
        }
        let input = onboarding + ["yes"] + smart + ["yes"] + kpis + ["yes"]
        let result = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rules:"), "/why 1 shows the rules that fired")
        #expect(result.stdout.contains("Added for balance") || result.stdout.contains("well-being"))

        let show = try Binary.json(["show", "3", "--db", db])
        #expect(show["script"] as? String == "kpi-selection")
        #expect(show["status"] as? String == "finished")
        let v = try #require(show["variables"] as? [String: Any])
        let names = try #require(v["kpi.name"] as? [String])
        #expect(names.count == 4)
        #expect(names[0] == "New deals per quarter")
        #expect(names[3] == "Stretch assignments taken on")
        #expect(v["kpi.baseline"] as? [Double] == [8, 35, 6, 1])
        #expect(v["kpi.target"] as? [Double] == [12, 39, 10, 5])
        #expect(v["kpi.due"] as? [String] == Array(repeating: "2027-06-30", count: 4), "Enter keeps the goal's deadline")
        #expect(v["kpi.baseline_date"] as? [String] == Array(repeating: Binary.today, count: 4))
        #expect(v["kpi.weight"] as? [Double] == [2, 3, 4, 5])
        #expect((v["kpi.source"] as? [String])?.count == 4)
        let units = try #require(v["kpi.unit"] as? [String])
        let directions = try #require(v["kpi.direction"] as? [String])
        let cadences = try #require(v["kpi.cadence"] as? [String])
        #expect(units.count == 4 && directions.count == 4 && cadences.count == 4)
        #expect(directions[1] == "stay below", "a direction can be changed")
        #expect(units[3] == "count" && directions[3] == "increase" && cadences[3] == "quarterly")
        let suggest = try Binary.json(["suggest", "--role", "account executive", "--goal", "close more new-business deals — 12 new deals a quarter by 2027-06-30, starting from 8 deals a quarter",
                                       "--type", "promotion", "--target-role", "sales manager", "--industry", "B2B software", "--limit", "50"])
        let picked = try #require((v["kpi.picked"] as? [String])?.first)
        let first = try #require((suggest["suggestions"] as? [[String: Any]])?.first { $0["name"] as? String == picked })
        #expect(names[1...2].allSatisfy { !$0.isEmpty })
        #expect(units[0] == first["unit"] as? String, "Enter keeps the catalogue's unit")

        // The agreed KPIs are the client's plan.
        #expect(result.stdout.contains("4 KPIs added to Ana's plan"))
        let plan = try Binary.json(["kpi", "list", "--client", "Ana", "--db", db])
        let planned = try #require(plan["kpis"] as? [[String: Any]])
        #expect(planned.map { $0["name"] as? String } == names.map { Optional($0) })
        #expect((planned[1]["baseline"] as? [String: Any])?["value"] as? Double == 35)
        #expect((planned[1]["target"] as? [String: Any])?["date"] as? String == "2027-06-30")
        #expect(planned[1]["direction"] as? String == "stay below")
        #expect(planned[3]["catalogue_id"] is NSNull, "the client's own KPI has no catalogue id")
        #expect(planned[0]["catalogue_id"] as? String != nil)
        let missing = try Binary.run(["kpi", "list", "--client", "Nobody", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("There is no client called “Nobody”"))
    }

    /// A question reworded between sessions (its text only) keeps the answers given to it: they are
    /// re-checked against the same suggestions the client picked from.
    @Test func picksSurviveARewordedQuestion() throws {
        let folder = Binary.temporaryFolder()
        let db = folder + "/kpi.sqlite"
        let onboarding = try Binary.example("onboarding-ana.txt")
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30", "8 deals a quarter", "accept"]
        let input = onboarding + ["yes"] + smart + ["yes", "1, 3", "no"]
        let first = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: input.joined(separator: "\n") + "\n")
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Binary.json(["show", "3", "--db", db])
        let picked = try #require((before["variables"] as? [String: Any])?["kpi.picked"] as? [String])
        #expect(picked.count == 2)

        let prompts = folder + "/Prompts"
        try FileManager.default.copyItem(atPath: Binary.repository.path + "/Prompts", toPath: prompts)
        let file = prompts + "/kpi-selection.yaml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let reworded = original.replacingOccurrences(of: "Which would you like to track?", with: "Which of these shall we track?")
        #expect(reworded != original)
        try reworded.write(toFile: file, atomically: true, encoding: .utf8)

        let resumed = try Binary.run(["resume", "3", "--db", db, "--prompts", prompts, "--rules", Binary.repository.path + "/Rules"], stdin: "/quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(!resumed.stdout.contains("no longer fits"), "\(resumed.stdout)")
        let after = try Binary.json(["show", "3", "--db", db])
        #expect((after["variables"] as? [String: Any])?["kpi.picked"] as? [String] == picked)
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

    /// A title no family claims gets an honest sentence naming families its words point to.
    @Test func anUnplacedTitleIsSaidAndNearFamiliesNamed() throws {
        let result = try Binary.run(["suggest", "--role", "chief vibes officer", "--goal", "make the office fun", "--today", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("I couldn't place “chief vibes officer” in a job family"))
        #expect(result.stdout.contains("perhaps \"management and executives\""))
        let wordless = try Binary.run(["suggest", "--role", "zzq", "--goal", "grow", "--today", "2026-12-01"])
        #expect(wordless.stdout.contains("e.g. --family \"software engineering\""))
    }
}
