@testable import CoachCore
import CoachLoader
import CoachTestSupport
import Foundation
import Testing

/// Rules/smart.yaml is the critique's domain knowledge: what a coach adds there changes verdicts
/// without a compiler, and a table that breaks its own examples is reported where it broke.
@Suite struct SmartVocabularyTests {
    let shipped: String = (try? String(contentsOfFile: rulesDirectory + "/" + SmartVocabularyLoader.file, encoding: .utf8)) ?? ""

    func vocabulary(_ original: String, _ changed: String) throws -> SmartVocabulary {
        let range = try #require(shipped.range(of: original))
        var text = shipped
        text.replaceSubrange(range, with: changed)
        return try SmartVocabularyLoader.load(source: text, file: "Rules/smart.yaml", professions: SmartVocabulary.shipped.professions).get()
    }

    func met(_ goal: String, _ criterion: SmartCriterion, role: String? = nil, with vocabulary: SmartVocabulary) -> Bool? {
        SmartAnalyzer(vocabulary: vocabulary).analyze(goal, context: SmartContext(role: role, today: today))[criterion].met
    }

    @Test func theShippedTablesAreWhatTheProductReads() throws {
        let loaded = try SmartVocabularyLoader.load(rulesDirectory: rulesDirectory).get()
        #expect(loaded == .shipped)
        #expect(loaded.generalHeads.contains("internship"))
        #expect(loaded.ladder.contains { $0.title == "director" && $0.rank == 7 })
        #expect(loaded.growth.fastestMonthly == 0.30)
    }

    @Test func aHeadAddedToTheGeneralOnesNeedsScope() throws {
        let goal = "Sell widgets by June 2030"
        #expect(met(goal, .specific, with: .shipped) == true)
        let extended = try vocabulary("general_heads:\n  [", "general_heads:\n  [\"widget\", ")
        #expect(met(goal, .specific, with: extended) == false)
    }

    @Test func aTopicAddedTiesAGoalToARole() throws {
        let goal = "Sell 40 widgets to 3 new shops by June 2030"
        #expect(met(goal, .relevant, role: "office clerk", with: .shipped) == false)
        let extended = try vocabulary("topics:\n", "topics:\n  - [\"clerk\", \"widget\"]\n")
        #expect(met(goal, .relevant, role: "office clerk", with: extended) == true)
    }

    @Test func theGrowthLimitIsTheFilesNumber() throws {
        let goal = "Grow my newsletter from 100 to 140 subscribers by February 2027"
        #expect(met(goal, .achievable, with: .shipped) == true)
        let cautious = try vocabulary("fastest_monthly_growth: 0.30", "fastest_monthly_growth: 0.10")
        #expect(met(goal, .achievable, with: cautious) == false)
    }

    @Test func aRankOnTheLadderDecidesTheJump() throws {
        let goal = "Get promoted from analyst to head of analytics by March 2027"
        #expect(met(goal, .achievable, with: .shipped) == false)
        let flat = try vocabulary("  - rank: 6\n    titles: [\"head\"]", "  - rank: 3\n    titles: [\"head\"]")
        #expect(met(goal, .achievable, with: flat) != false)
    }

    @Test func aTitleOfRolesYamlNamesARoleToHold() throws {
        #expect(SmartVocabulary.shipped.professions.contains("registered nurse"))
        let goal = "Become a registered nurse by June 2030"
        #expect(met(goal, .measurable, with: .shipped) == true)
        let without = try SmartVocabularyLoader.load(source: shipped.replacingOccurrences(of: "\n  - {goal: \"Become a registered nurse by June 2030\", specific: true, measurable: true}", with: ""),
                                                     file: "Rules/smart.yaml").get()
        #expect(met(goal, .measurable, with: without) == false)
    }

    @Test func aRankWordAloneDoesNotSayWhichRole() throws {
        for goal in ["I want to be a manager", "Get promoted to manager by June 2030", "Move into a senior role by June 2030"] {
            #expect(met(goal, .specific, with: .shipped) == false, "\(goal)")
        }
        for goal in ["Get promoted to sales manager by June 2030", "Get promoted from junior analyst to director by June 2030"] {
            #expect(met(goal, .specific, with: .shipped) == true, "\(goal)")
        }
        // Without "manager" among the rank words (and the example that says so), a manager is a role.
        let text = shipped.replacingOccurrences(of: "\n   \"manager\", ", with: "\n   ")
            .replacingOccurrences(of: "\n  - {goal: \"I want to be a manager\", specific: false, measurable: false}", with: "")
        let loose = try SmartVocabularyLoader.load(source: text, file: "Rules/smart.yaml", professions: SmartVocabulary.shipped.professions).get()
        #expect(!loose.rankWords.contains("manager"))
        #expect(met("Get promoted to manager by June 2030", .specific, with: loose) == true)
    }

    /// Broken copies: each problem located with its code and file:line:col.
    @Test(arguments: [
        ("general_heads:\n  [", "general_heads:\n  [\"x\"]\nremoved_heads:\n  [", "P003"),
        ("fastest_monthly_growth: 0.30", "fastest_monthly_growth: -1", "P004"),
        ("\"job\", \"internship\", ", "\"job\", ", "R004"),
        ("  - rank: 0\n", "  - rank: zero\n", "P004"),
        ("judged_on: 2026-12-01\n", "", "P002"),
    ])
    func brokenCopiesAreLocated(_ original: String, _ broken: String, _ code: String) throws {
        let range = try #require(shipped.range(of: original))
        var text = shipped
        text.replaceSubrange(range, with: broken)
        guard case .failure(let failure) = SmartVocabularyLoader.load(source: text, file: "Rules/smart.yaml",
                                                                      professions: SmartVocabulary.shipped.professions) else {
            Issue.record("accepted a broken copy")
            return
        }
        let lines = failure.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("Rules/smart.yaml:") && $0.contains("error[\(code)]") }, "\(lines)")
        for line in lines { #expect(line.split(separator: ":").count >= 4, "\(line) lacks file:line:col") }
    }
}
