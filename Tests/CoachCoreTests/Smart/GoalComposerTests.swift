import CoachTestSupport
import CoachCore
import Testing

/// The rewritten goal is composed from its parts: the client's hedges and asides stay out, the
/// measure comes from the measure answer, the deadline is a date, and it stays one sentence.
@Suite("Goal composer")
struct GoalComposerTests {
    let today = LocalDate(year: 2026, month: 12, day: 1)!
    var composer: GoalComposer { GoalComposer(today: today, vocabulary: .shipped) }
    let june = LocalDate(year: 2027, month: 6, day: 30)!

    @Test func theHedgedConversationOfTheIssueBecomesOneSentence() {
        let goal = composer.compose(.init(
            statement: "get better at managing people",
            outcome: "run the weekly standup and 1:1s with my 4 junior clerks",
            measure: "dunno, maybe 40 standups and 1:1s with all 4 every month",
            deadline: june,
            baseline: "none really, covered the standup twice when my manager was off"))
        #expect(goal == "Run the weekly standup and 1:1s with my 4 junior clerks: 40 standups and 1:1s by 30 June 2027, starting from zero")
        #expect(goal.count <= GoalComposer.longest)
        for left in ["dunno", "maybe", "none really", "covered", "every month"] {
            #expect(!goal.contains(left), "\(left)")
        }
    }

    @Test func aMeasureAnswerThatRestatesTheOutcomeIsTheGoal() {
        let goal = composer.compose(.init(statement: "i want to be a manager", outcome: "team lead of the payments squad",
                                          measure: "become team lead of the payments squad", deadline: june))
        #expect(goal == "Become team lead of the payments squad by 30 June 2027")
    }

    @Test(arguments: [
        ("i want to be a manager", "operations manager at the leeds warehouse", "Become operations manager at the leeds warehouse"),
        ("Increase sales", "enterprise software sales in the north by 10%", "Increase enterprise software sales in the north by 10%"),
        ("get promoted", "senior analyst", "Get promoted to senior analyst"),
        ("Find an internship", "a paid marketing internship in Leeds", "Find a paid marketing internship in Leeds"),
        ("Increase sales", "win 4 enterprise accounts in the north", "Win 4 enterprise accounts in the north"),
        ("i should save for retirement", "200 a month", "Save 200 a month for retirement"),
        ("make more calls", "40 calls a week to clinics in my territory", "Make 40 calls a week to clinics in my territory"),
        ("get more customers", "15 new customers in the Leeds area", "Get 15 new customers in the Leeds area"),
    ])
    func anOutcomeWithoutAVerbTakesThePlaceOfTheObject(statement: String, outcome: String, goal: String) {
        #expect(composer.compose(.init(statement: statement, outcome: outcome)) == goal)
    }

    @Test func aMeasureAnswerThatNamesWhichOneFillsTheObject() {
        #expect(composer.compose(.init(statement: "be a manager", measure: "operations manager at the leeds warehouse", deadline: june))
            == "Become operations manager at the leeds warehouse by 30 June 2027")
    }

    @Test func chatHedgesStayOut() {
        let goal = composer.compose(.init(statement: "train for a 10k tbh", deadline: june, baseline: "about 3k ngl"))
        #expect(goal == "Train for a 10k by 30 June 2027, starting from 3k")
    }

    @Test func itsCritiqueNamesTheMeasureGivenAndThePace() {
        let goal = "Run the weekly standup and 1:1s with my 4 junior clerks: 40 standups and 1:1s by 30 June 2027, starting from zero"
        let critique = SmartAnalyzer(vocabulary: .shipped).analyze(goal, context: SmartContext(baseline: 0, today: today))
        #expect(critique[.measurable].reason.hasPrefix("\"40 standups\""))
        #expect(critique[.achievable].met == nil)
        #expect(critique[.achievable].reason.contains("about 1.3 a week"))
        #expect(critique[.achievable].reason.contains("say if that is not the plan."))
    }

    @Test func aSlowPaceFromZeroIsSaidPerMonth() {
        let critique = SmartAnalyzer(vocabulary: .shipped).analyze("Publish 6 articles by 30 June 2027", context: SmartContext(baseline: 0, today: today))
        #expect(critique[.achievable].reason.contains("about 0.9 a month, every month"))
    }

    @Test(arguments: [
        ("none really, covered it twice", 0.0), ("nothing yet", 0), ("8 deals a quarter", 8), ("maybe 3, on a good week 5", 3),
    ])
    func theStartingFigureReadsTheFirstClause(_ baseline: String, _ figure: Double) {
        #expect(composer.startingFigure(baseline) == figure)
    }

    @Test func anIntentionIsDroppedAndTheFirstLetterCapitalised() {
        let goal = composer.compose(.init(statement: "I want to learn Excel", measure: "pass the Microsoft Excel certification exam",
                                          deadline: LocalDate(year: 2027, month: 3, day: 31)))
        #expect(goal == "Learn Excel: pass the Microsoft Excel certification exam by 31 March 2027")
    }

    @Test func aDeadlineInTheStatementIsKeptWhenTheOutcomeReplacesIt() {
        let goal = composer.compose(.init(statement: "get better at sales by the end of June 2027",
                                          outcome: "close more new-business deals", measure: "about 12 deals a quarter, I think"))
        #expect(goal == "Close more new-business deals: 12 deals a quarter by 30 June 2027")
    }

    @Test func theMeasureKeepsTheRateWrittenRightAfterIt() {
        let goal = composer.compose(.init(statement: "get better at teaching", outcome: "run workshops for new teachers",
                                          measure: "maybe 3 workshops a term, the rest online", deadline: june))
        #expect(goal == "Run workshops for new teachers: 3 workshops a term by 30 June 2027")
    }

    @Test func aMeasureAlreadyInTheActionIsNotRepeated() {
        let goal = composer.compose(.init(statement: "Close 12 new deals a quarter", measure: "12 deals", deadline: june))
        #expect(goal == "Close 12 new deals a quarter by 30 June 2027")
    }

    @Test func theReasonIsAddedWhileTheSentenceStaysShort() {
        let short = composer.compose(.init(statement: "Close 12 new deals a quarter by June 2027", baseline: "8",
                                           why: "My manager says it is what the team lead role needs"))
        #expect(short == "Close 12 new deals a quarter by June 2027, starting from 8, because my manager says it is what the team lead role needs")
        let long = composer.compose(.init(statement: "Close 12 new deals a quarter by June 2027", baseline: "8 deals a quarter",
                                          why: String(repeating: "it matters to the team and to the way I want to grow ", count: 3)))
        #expect(long == "Close 12 new deals a quarter by June 2027, starting from 8 deals a quarter")
        #expect(composer.compose(.init(statement: "Close 12 deals by June 2027", why: "so that I can lead the team"))
            == "Close 12 deals by June 2027, so that I can lead the team")
    }

    @Test func aBaselineWithoutAFigureIsKeptAsWords() {
        let goal = composer.compose(.init(statement: "Earn the PMP certification by June 2027", baseline: "no certification yet — studied a bit"))
        #expect(goal == "Earn the PMP certification by June 2027, starting from no certification yet")
    }
}
