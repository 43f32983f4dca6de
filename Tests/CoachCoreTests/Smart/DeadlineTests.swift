import CoachTestSupport
import CoachCore
import Testing

@Suite("Deadlines and time-bound phrasing")
struct DeadlineTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)
    /// Monday 2 March 2026.
    let today = GoalExample.today

    static let resolved: [(String, String)] = [
        ("Close 10 deals by 2027-06-30", "2027-06-30"),
        ("Close 10 deals by June 30", "2026-06-30"),
        ("Close 10 deals by 30 June 2027", "2027-06-30"),
        ("Close 10 deals by June 30th, 2027", "2027-06-30"),
        ("Close 10 deals by the end of 2027", "2027-12-31"),
        ("Close 10 deals by Q3", "2026-09-30"),
        ("Close 10 deals in Q1 2027", "2027-03-31"),
        ("Close 10 deals within 6 months", "2026-09-02"),
        ("Close 10 deals this quarter", "2026-03-31"),
        ("Close 10 deals before the end of the year", "2026-12-31"),
        ("Close 10 deals in 90 days", "2026-05-31"),
        ("Close 10 deals next month", "2026-04-30"),
        ("Close 10 deals by year-end", "2026-12-31"),
        ("Close 10 deals by next Friday", "2026-03-13"),
        ("Close 10 deals by Friday", "2026-03-06"),
        ("Close 10 deals by mid-June", "2026-06-15"),
        ("Close 10 deals by February 1", "2027-02-01"),
        ("Close 10 deals over the next year", "2027-03-02"),
        ("Close 10 deals in 6 months\u{2019} time", "2026-09-02"),
        ("Close 10 deals by the end of the second quarter", "2026-06-30"),
        ("Close 10 deals by 12/31", "2026-12-31"),
        ("Close 10 deals by 31/12/2026", "2026-12-31"),
        ("Close 10 deals by the 15th", "2026-03-15"),
        ("Close 10 deals by the 1st", "2026-04-01"),
        ("Close 10 deals by the end of next month", "2026-04-30"),
        ("Close 10 deals this summer", "2026-08-31"),
        ("Lose ten pounds over the course of three months", "2026-06-02"),
        ("Raise my GPA to 3.7 by the end of the upcoming academic year", "2027-06-30"),
        ("Cut complaints by 5% in the current fiscal year", "2026-12-31"),
        ("Close 10 deals by last Friday", "2026-02-27"),
        ("Check the wound dressing every shift for the next 48 hours", "2026-03-04"),
        ("Reach a 90% satisfaction score within the subsequent quarter", "2026-06-30"),
        ("Close 10 deals by the end of next yr", "2027-12-31"),
        ("Call the three suppliers Friday.", "2026-03-06"),
        ("Book the venue for the team day next week on Thursday", "2026-03-12"),
        ("Pay off the $300 card balance the week after next", "2026-03-22"),
        ("Close 10 deals by 2026H2", "2026-12-31"),
        ("Close 10 deals by Friday the 13th", "2026-03-13"),
    ]

    @Test("Deadlines resolve to a calendar day", arguments: resolved)
    func deadline(_ goal: String, _ expected: String) {
        #expect(analyzer.deadline(in: goal, today: today)?.iso == expected)
        #expect(analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound].met == true)
    }

    @Test("Cadences are time-bound without a deadline", arguments: [
        "Call 5 prospects every week", "Post twice a month", "Publish a newsletter weekly",
        "Review my pipeline each month", "Run 2 workshops per quarter", "Call a customer every other day",
        "Mentor juniors on Mondays", "Walk on Monday and Thursdays", "Walk 20 minutes after lunch", "Read a chapter before bed",
        "Drink a glass of water a day", "Respond to every client email within 4 hours",
    ])
    func cadence(_ goal: String) {
        #expect(analyzer.deadline(in: goal, today: today) == nil)
        #expect(analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound].met == true)
    }

    @Test("An occasion ahead times a goal without a calendar day", arguments: [
        "Pass the boards by the end of residency", "Run a sub-25 minute 5K by season's end", "Earn an A on my next essay",
        "Cut open bugs by 30% over four sprints", "Walk for 15 minutes during my lunch break",
    ])
    func occasion(_ goal: String) {
        #expect(analyzer.deadline(in: goal, today: today) == nil)
        #expect(analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound].met == true)
    }

    @Test("A level per period is not a deadline", arguments: [
        "Increase social outings to three times weekly", "Add 200 words to my everyday vocabulary",
    ])
    func levelOrAdjective(_ goal: String) {
        #expect(analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound].met == false)
    }

    @Test("Vague timing is not time-bound", arguments: [
        "Close 10 deals soon", "Close 10 deals eventually", "Close 10 deals someday", "Close 10 deals one day",
        "Close 10 deals in the future", "Close 10 deals ASAP", "Close 10 deals in a few weeks",
        "Close 10 deals at some point",
    ])
    func vague(_ goal: String) {
        let finding = analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound]
        #expect(finding.met == false)
        #expect(finding.evidence.count == 1)
        #expect(analyzer.deadline(in: goal, today: today) == nil)
    }

    /// A bare month or weekday reads as a day only where nothing else could be meant.
    @Test("A month name that is also a verb needs a prefix", arguments: [
        "Finish the 3 modules as soon as I may.", "Join the 5k march.", "Prepare my Monday.",
    ])
    func verbNotMonth(_ goal: String) {
        #expect(analyzer.deadline(in: goal, today: today) == nil)
    }

    @Test("A day pointed back to is a comparison, not a deadline", arguments: [
        "Finish an open-source project I started last year", "Land a job paying more than I'm making now",
        "Sell 20 percent more than I did last quarter", "Beat the 12 deals I closed in the past month",
    ])
    func reference(_ goal: String) {
        #expect(analyzer.deadline(in: goal, today: today) == nil)
        #expect(analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound].met == false)
    }

    @Test func laterOfTwoDatesIsTheDeadline() {
        #expect(analyzer.deadline(in: "Starting next month, close 10 deals by June 30", today: today)?.iso == "2026-06-30")
    }

    @Test func scoresAreNotReadAsDates() {
        #expect(analyzer.deadline(in: "Get a 4/5 rating from customers", today: today) == nil)
        #expect(analyzer.analyze("Get a 4/5 rating from customers", context: SmartContext(today: today))[.measurable].met == true)
    }

    @Test func monthsAreNotReadFromVerbsOrModals() {
        #expect(analyzer.deadline(in: "I may march into the office", today: today) == nil)
    }

    @Test("A deadline whose day is unsettled says why", arguments: [
        ("Close 10 deals by 03/04/2027", ["4 March 2027", "3 April 2027"]),
        ("Close 10 deals by Feb 30 2027", ["30 February 2027 doesn't exist"]),
        ("Close 10 deals by Tuesday Jan 14 2027", ["14 January 2027 is a Thursday, not a Tuesday"]),
    ])
    func unsettledDeadline(goal: String, words: [String]) {
        let finding = analyzer.analyze(goal, context: SmartContext(today: today))[.timeBound]
        #expect(finding.met == true)
        for word in words { #expect(finding.reason.contains(word), "\(finding.reason)") }
        #expect(analyzer.deadline(in: goal, today: today) == nil)
    }

    @Test("Days written the way people write them at work", arguments: [
        ("Close 10 deals by Friday week", "2026-03-13"),
        ("Close 10 deals by COB Friday", "2026-03-06"),
        ("Close 10 deals by end of day tomorrow", "2026-03-03"),
        ("Close 10 deals by June of next year", "2027-06-30"),
        ("Close 10 deals by the week of March 18", "2026-03-22"),
        ("Close 10 deals by the end of this calendar year", "2026-12-31"),
        ("Close 10 deals by July 4, '27", "2027-07-04"),
        ("Close 10 deals by Christmas '27", "2027-12-25"),
        ("Close 10 deals by jan/2027", "2027-01-31"),
        ("Close 10 deals by dec/08/2026", "2026-12-08"),
        ("Close 10 deals by Saturday previous week", "2026-02-28"),
        ("Close 10 deals by the 12th day next month", "2026-04-12"),
        ("Close 10 deals by the last Tuesday in 2026", "2026-12-29"),
        ("Close 10 deals by the 1st Tuesday next November", "2026-11-03"),
        ("Close 10 deals by 20/12/01", "2001-12-20"),
    ])
    func workplaceDays(goal: String, expected: String?) {
        #expect(analyzer.deadline(in: goal, today: today)?.iso == expected)
    }
}
