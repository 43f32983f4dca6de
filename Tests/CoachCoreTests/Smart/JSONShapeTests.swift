import CoachTestSupport
import CoachCore
import Foundation
import Testing

@Suite("JSON shape")
struct JSONShapeTests {
    private func object(for goal: String, context: SmartContext = GoalExample.context) throws -> [String: Any] {
        let critique = SmartAnalyzer(vocabulary: .shipped).analyze(goal, context: context)
        let data = try JSONEncoder().encode(critique)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func topLevelAndCriteriaKeys() throws {
        let json = try object(for: "Close 12 new deals by the end of Q3")
        #expect(Set(json.keys) == ["goal", "smart", "criteria"])
        #expect(json["goal"] as? String == "Close 12 new deals by the end of Q3")
        let criteria = try #require(json["criteria"] as? [String: Any])
        #expect(Set(criteria.keys) == ["specific", "measurable", "achievable", "relevant", "time_bound"])
        for (key, value) in criteria {
            let finding = try #require(value as? [String: Any], "\(key)")
            #expect(Set(finding.keys) == ["met", "reason", "question", "evidence"], "\(key)")
            #expect(finding["reason"] is String)
            #expect(finding["evidence"] is [Any])
        }
    }

    @Test func unknownAndUnneededValuesAreExplicitNulls() throws {
        let criteria = try #require(try object(for: "Close 12 new deals by the end of Q3")["criteria"] as? [String: Any])
        let relevant = try #require(criteria["relevant"] as? [String: Any])
        #expect(relevant["met"] is NSNull)
        #expect(relevant["question"] is String)
        let specific = try #require(criteria["specific"] as? [String: Any])
        #expect(specific["met"] as? Bool == true)
        #expect(specific["question"] is NSNull)
        #expect(specific["evidence"] as? [String] == ["Close", "12 new deals"])
        let measurable = try #require(criteria["measurable"] as? [String: Any])
        #expect(measurable["met"] as? Bool == true)
    }

    @Test func smartFlagFollowsTheFindings() throws {
        // With no role or starting point known, achievable and relevant stay open: not SMART yet.
        #expect(try object(for: "Close 12 new deals by the end of Q3")["smart"] as? Bool == false)
        let known = SmartContext(role: "account executive", baseline: 8, today: GoalExample.today)
        #expect(try object(for: "Close 12 new deals by the end of Q3 to reach my sales quota", context: known)["smart"] as? Bool == true)
        let vague = try object(for: "Get better at sales")
        #expect(vague["smart"] as? Bool == false)
        let criteria = try #require(vague["criteria"] as? [String: Any])
        let specific = try #require(criteria["specific"] as? [String: Any])
        #expect(specific["met"] as? Bool == false)
        #expect(specific["question"] is String)
    }

    @Test func findingsRoundTrip() throws {
        let finding = SmartAnalyzer(vocabulary: .shipped).analyze("Close 20 deals", context: GoalExample.context)[.achievable]
        let decoded = try JSONDecoder().decode(CriterionFinding.self, from: JSONEncoder().encode(finding))
        #expect(decoded == finding)
        #expect(decoded.met == nil)
    }

    @Test func isSmartNeedsEveryLetterAndAnOpenQuestionIsNoFailure() {
        let met = CriterionFinding(met: true, reason: "r.", question: nil, evidence: [])
        let unknown = CriterionFinding(met: nil, reason: "r.", question: "q?", evidence: [])
        let failed = CriterionFinding(met: false, reason: "r.", question: "q?", evidence: [])
        var findings = Dictionary(uniqueKeysWithValues: SmartCriterion.allCases.map { ($0, met) })
        #expect(SmartCritique(goal: "g", findings: findings).isSmart)
        findings[.relevant] = unknown
        #expect(!SmartCritique(goal: "g", findings: findings).isSmart)
        #expect(SmartCritique(goal: "g", findings: findings).hasNoFailures)
        #expect(SmartCritique(goal: "g", findings: findings).open == [.relevant])
        findings[.timeBound] = failed
        #expect(!SmartCritique(goal: "g", findings: findings).hasNoFailures)
        #expect(SmartCritique(goal: "g", findings: [:])[.specific].met == nil)
    }
}
