import CoachTestSupport
import CoachCore
import Testing

@Suite("Robustness")
struct RobustnessTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)
    let context = SmartContext(role: "Sales Manager", baseline: 5, today: GoalExample.today)

    @Test("Empty and meaningless input gives not-met or unknown findings", arguments: [
        "", "   ", "\n\t\r", "🚀🔥💯", "\u{0}\u{7}\u{1B}[31m", "\u{200F}\u{200E}\u{202E}\u{2066}", "????!!!...", "-",
        "\u{FEFF}", "e\u{301}\u{301}\u{301}", "👨‍👩‍👧‍👦 ✨",
    ])
    func meaningless(_ goal: String) {
        let critique = analyzer.analyze(goal, context: context)
        #expect(critique[.specific].met == false)
        #expect(critique[.measurable].met == false)
        #expect(critique[.timeBound].met == false)
        #expect(critique[.achievable].met == nil)
        #expect(critique[.relevant].met == false)
        #expect(!critique.isSmart)
        for criterion in SmartCriterion.allCases {
            #expect(critique[criterion].question != nil)
            #expect(!critique[criterion].reason.isEmpty)
        }
        #expect(analyzer.analyze(goal, context: GoalExample.context)[.relevant].met == nil)
    }

    @Test("Invisible and control characters inside a goal do not change the reading", arguments: [
        "Close\u{200F} 12 deals by June", "\u{202B}Close 12 deals by June\u{202C}", "Close 12\u{0} deals by June",
        "Close 12 deals 🚀 by June", "Close\t12\ndeals\r\nby June",
    ])
    func invisibleCharacters(_ goal: String) {
        let critique = analyzer.analyze(goal, context: context)
        #expect(critique[.specific].met == true)
        #expect(critique[.measurable].met == true)
        #expect(critique[.timeBound].met == true)
        for criterion in SmartCriterion.allCases {
            #expect(!critique[criterion].reason.contains("\u{0}"))
        }
    }

    /// How long it takes is a benchmark's business, not a test's; here only that it ends and says little.
    @Test func hundredKilobyteGoalIsHandledWithBoundedOutput() {
        let sentence = "Close 12 deals by June and get better at sales, \u{1F680} soon; "
        let goal = String(repeating: sentence, count: 100_000 / sentence.utf8.count + 1)
        #expect(goal.utf8.count >= 100_000)
        let critique = analyzer.analyze(goal, context: context)
        #expect(critique[.specific].met == true)
        #expect(critique[.timeBound].met == true)
        for criterion in SmartCriterion.allCases {
            #expect(critique[criterion].evidence.count <= 6)
            #expect(critique[criterion].reason.count < 600)
        }
    }

    @Test func hundredKilobytesOfOneTokenOrSymbol() {
        for goal in [String(repeating: "a", count: 100_000), String(repeating: "\u{200F}", count: 50_000),
                     String(repeating: "-", count: 100_000), String(repeating: "😀", count: 25_000)] {
            let critique = analyzer.analyze(goal, context: context)
            #expect(critique[.specific].met == false)
            #expect(critique[.measurable].met == false)
            #expect(critique[.timeBound].met == false)
            #expect(critique[.relevant].met == false)
            #expect(critique[.specific].reason.count < 200)
        }
        let digits = analyzer.analyze(String(repeating: "9", count: 100_000), context: context)
        #expect(digits[.timeBound].met == false)
        #expect(digits[.specific].met == false)
    }

    @Test("Absurd numbers and dates do not trap", arguments: [
        "Increase revenue by 99999999999999999999999999999% next month",
        "Close 10 deals within 99999999999 years", "Close 10 deals by February 30",
        "Grow revenue from $0 to $10 by 9999-12-31", "Hit 1e308 deals in 0 days",
        "Double revenue from 1,000,000,000,000,000,000 to 2,000,000,000,000,000,000,000 by Q3",
        "Close 10 deals by 0000-00-00", "Get promoted from CEO to intern next week",
    ])
    func absurd(_ goal: String) {
        let critique = analyzer.analyze(goal, context: context)
        for criterion in SmartCriterion.allCases {
            #expect(!critique[criterion].reason.isEmpty)
        }
    }
}
