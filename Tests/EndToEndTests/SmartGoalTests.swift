import Foundation
import Testing

/// The SMART critique from the command line and the smart-goal interview, end to end.
@Suite(.serialized) struct SmartGoalTests {
    /// Every goal of the analyzer's agreement table (Tests/CoachCoreTests/Smart/GoalExamples.swift).
    static let tableGoals: [String] = {
        let file = Binary.repository.appendingPathComponent("Tests/CoachCoreTests/Smart/GoalExamples.swift")
        let source = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return source.components(separatedBy: "\n").compactMap { line in
            guard let start = line.range(of: "GoalExample(\"") else { return nil }
            var goal = ""
            var escaped = false
            for c in line[start.upperBound...] {
                if escaped { goal.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break } else { goal.append(c) }
            }
            return goal
        }
    }()

    @Test func everyTableGoalGivesTheExactJSONShape() throws {
        #expect(Self.tableGoals.count >= 80)
        for goal in Self.tableGoals {
            let result = try Binary.run(["smart", goal, "--json"])
            try #require(result.status == 0, "\(goal): \(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["goal", "smart", "criteria"])
            #expect(object["goal"] as? String == goal)
            let criteria = try #require(object["criteria"] as? [String: [String: Any]])
            #expect(Set(criteria.keys) == ["specific", "measurable", "achievable", "relevant", "time_bound"])
            var allTrue = true
            for (name, c) in criteria {
                #expect(Set(c.keys) == ["met", "reason", "question", "evidence"], "\(goal) \(name)")
                #expect(c["met"] is NSNull || c["met"] is Bool)
                #expect(c["question"] is NSNull || c["question"] is String)
                #expect(c["reason"] is String)
                #expect(c["evidence"] is [String] || (c["evidence"] as? [Any])?.isEmpty == true)
                if (c["met"] as? Bool) != true { allTrue = false }
            }
            #expect((object["smart"] as? Bool) == allTrue, "\(goal): smart must be true only when every criterion is met")
        }
    }

    /// A coach-led session stays coach-led in the interview it chains into: the prompt names the
    /// client, the transcript names the coach.
    @Test func aCoachLedSessionKeepsItsCoachThroughTheChain() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let onboarding = try Binary.example("onboarding-ana.txt")
        let result = try Binary.run(["start", "--client", "Sam", "--coach-name", "Lee", "--db", db],
                                    stdin: (onboarding + ["yes", "get better at sales", "/quit"]).joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let show = try Binary.run(["show", "2", "--db", db, "--no-color"])
        #expect(show.stdout.contains("smart-goal · Sam · led by Lee"), "\(show.stdout.prefix(200))")
        #expect(show.stdout.contains("Sam › get better at sales"))
        #expect(!show.stdout.contains("you ›"))
    }

    /// Onboarding, then a vague goal repaired through the follow-up questions and accepted.
    @Test func vagueGoalEndsAcceptedWithNoCriterionFalse() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let onboarding = try Binary.example("onboarding-ana.txt")
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30",
                     "8 deals a quarter", "/examples", "accept"]
        let result = try Binary.run(["start", "--client", "Ana", "--db", db],
                                    stdin: (onboarding + ["yes"] + smart).joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✗ Specific"))
        #expect(result.stdout.contains("Example goals for “promotion”"))
        let show = try Binary.json(["show", "2", "--db", db])
        #expect(show["script"] as? String == "smart-goal")
        #expect(show["status"] as? String == "finished")
        let variables = try #require(show["variables"] as? [String: Any])
        let final = try #require(variables["goal.final"] as? String)
        #expect(final.contains("12 new deals"))
        #expect((variables["goal.final_critique"] as? String)?.contains("✗") == false)
        let check = try Binary.json(["smart", final, "--role", "account executive", "--target-role", "sales manager", "--baseline", "8"])
        let criteria = try #require(check["criteria"] as? [String: [String: Any]])
        #expect(criteria.values.allSatisfy { ($0["met"] as? Bool) != false }, "\(criteria)")
        #expect(check["smart"] as? Bool == true)
    }

    @Test func goalThatIsAlreadySmartSkipsTheFixes() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let result = try Binary.run(["start", "--client", "Bo", "--script", "smart-goal", "--db", db],
                                    stdin: "Close 12 new deals by 2027-06-30\n/skip\nfor my promotion to sales manager\nedit\nClose 12 new deals by 2027-06-30 for my promotion\nkeep\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("How many, how much"))
        #expect(result.stdout.contains("Where are you starting from today?"))
        let variables = try Binary.json(["show", "1", "--db", db])["variables"] as? [String: Any]
        #expect(variables?["goal.final"] as? String == "Close 12 new deals by 2027-06-30 for my promotion")
    }
}
