import CoachTestSupport
import CoachCore
import Testing

@Suite("Measurable phrasing")
struct MeasurableTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)

    private func finding(_ goal: String) -> CriterionFinding {
        analyzer.analyze(goal, context: GoalExample.context)[.measurable]
    }

    @Test("Quantities in many forms count", arguments: [
        ("Close a dozen deals", "a dozen deals"),
        ("Close twenty deals", "twenty deals"),
        ("Cut churn in half", "half"),
        ("Double my pipeline", "double"),
        ("Grow revenue 3x", "3x"),
        ("Save USD 5,000", "USD 5,000"),
        ("Earn 5k from freelancing", "5k"),
        ("Reach 2 million in sales", "2 million"),
        ("Raise conversion by 15 percent", "15 percent"),
        ("Raise conversion by 15%", "15%"),
        ("Sign 10-15 clients", "10-15 clients"),
        ("Get a 4.5/5 rating", "4.5/5 rating"),
        ("Hit a score of 8 out of 10", "8 out of 10"),
        ("Have zero escalations", "zero escalations"),
    ])
    func quantity(_ goal: String, _ evidence: String) {
        let result = finding(goal)
        #expect(result.met == true)
        #expect(result.evidence.first?.lowercased() == evidence.lowercased())
    }

    @Test("Numbers that only say when do not count", arguments: [
        "Get better at sales within 6 months", "Improve my skills by 2027", "Learn more in 3 weeks",
        "Be more confident by Q3", "Work on my leadership every week", "Grow my career over the next 2 years",
        "Work on my 5-year plan",
    ])
    func timeOnly(_ goal: String) {
        #expect(finding(goal).met == false)
    }

    @Test func timeOnlyNumbersAreNamedInTheReason() {
        let result = finding("Get better at sales within 6 months")
        #expect(result.reason.contains("\"within 6 months\""))
        #expect(result.evidence == ["within 6 months"])
    }

    @Test("Verifiable yes-or-no outcomes count", arguments: [
        "Earn the Google Data Analytics certificate", "Get promoted to senior designer",
        "Get a job offer from Stripe", "Finish my MBA", "Become a team lead",
    ])
    func outcome(_ goal: String) {
        #expect(finding(goal).met == true)
    }

    @Test("Unverifiable outcomes do not", arguments: ["Get promoted", "Take a course", "Get a raise"])
    func unnamedOutcome(_ goal: String) {
        let result = finding(goal)
        #expect(result.met == false)
        #expect(result.question != nil)
    }
}
