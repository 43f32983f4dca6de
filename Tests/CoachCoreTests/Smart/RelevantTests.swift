import CoachTestSupport
import CoachCore
import Testing

@Suite("Relevant")
struct RelevantTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)

    private func finding(
        _ goal: String, role: String? = nil, targetRole: String? = nil, objective: String? = nil
    ) -> CriterionFinding {
        let context = SmartContext(role: role, targetRole: targetRole, objective: objective, today: GoalExample.today)
        return analyzer.analyze(goal, context: context)[.relevant]
    }

    @Test func roleOverlapThroughTheSynonymTable() {
        let result = finding("Close 12 new deals by June", role: "Sales Manager")
        #expect(result.met == true)
        #expect(result.evidence == ["deals"])
        #expect(result.reason.contains("\"deals\""))
        #expect(result.reason.contains("\"Sales Manager\""))
        #expect(result.question == nil)
    }

    @Test func inflectionTolerantOverlap() {
        let result = finding("Complete a management training course by May", targetRole: "Engineering Manager")
        #expect(result.met == true)
        #expect(result.evidence.contains("management"))
        #expect(result.reason.contains("your target role"))
    }

    @Test func objectiveOverlap() {
        #expect(finding("Win two enterprise accounts this quarter", objective: "Grow team revenue").met == true)
    }

    @Test func statedCareerValueWithoutContext() {
        let result = finding("Give 3 tech talks this year to reach team lead")
        #expect(result.met == true)
        #expect(result.evidence == ["to reach team lead"])
        #expect(finding("Hit the company's revenue goal for Q3").met == true)
        #expect(finding("Finish the PMP course for my promotion").met == true)
    }

    @Test func unknownWithoutContextOrStatedReason() {
        let result = finding("Close 12 deals")
        #expect(result.met == nil)
        #expect(result.question != nil)
        #expect(result.evidence.isEmpty)
    }

    @Test func falseWhenContextIsKnownAndNothingLinks() {
        let result = finding("Run a marathon by October", role: "Software Engineer")
        #expect(result.met == false)
        #expect(result.reason.contains("\"Software Engineer\""))
        #expect(result.question?.contains("Software Engineer") == true)
    }

    @Test func emptyContextStringsCountAsUnknown() {
        #expect(finding("Close 12 deals", role: "", objective: "  ").met == nil)
    }
}
