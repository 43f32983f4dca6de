import CoachTestSupport
import CoachCore
import Testing

@Suite("Achievable")
struct AchievableTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)
    let today = GoalExample.today

    private func finding(_ goal: String, role: String? = nil, baseline: Double? = nil) -> CriterionFinding {
        analyzer.analyze(goal, context: SmartContext(role: role, baseline: baseline, today: today))[.achievable]
    }

    @Test func impossibleGrowthIsFlaggedWithTheRate() {
        let result = finding("Increase revenue by 100000% next month")
        #expect(result.met == false)
        #expect(result.reason.contains("\"100000%\""))
        #expect(result.reason.contains("a month"))
        #expect(result.evidence == ["100000%", "next month"])
        #expect(result.question != nil)
    }

    @Test func doublingRevenueInAWeekIsNotAchievable() {
        let result = finding("Double revenue in a week")
        #expect(result.met == false)
        #expect(result.reason.contains("+100%"))
    }

    @Test func twoLevelPromotionInFourWeeksIsNotAchievable() {
        let fromText = finding("Get promoted from junior analyst to director in four weeks")
        #expect(fromText.met == false)
        #expect(fromText.reason.contains("\"junior analyst\""))
        #expect(fromText.reason.contains("\"director\""))
        #expect(fromText.evidence.contains("in four weeks"))

        let fromRole = finding("Get promoted to engineering manager in 4 weeks", role: "Junior Developer")
        #expect(fromRole.met == false)
        #expect(fromRole.reason.contains("Junior Developer"))

        #expect(finding("Go from analyst to VP by next month").met == false)
        #expect(finding("Get promoted from junior to director in four weeks").met == false)
        #expect(finding("Get promoted from senior engineer to engineering manager in 4 weeks").met == false)
    }

    @Test func oneLevelPromotionWithinAYearIsPlausible() {
        let result = finding("Get promoted to staff engineer within 12 months", role: "Senior Engineer")
        #expect(result.met == true)
        #expect(result.question == nil)
    }

    @Test func plausibleChangeAgainstTheContextBaselineStatesTheRate() {
        let result = finding("Close 10 deals per month by the end of June", baseline: 8)
        #expect(result.met == true)
        #expect(result.reason.contains("+25%"))
        #expect(result.reason.contains("a month"))
        #expect(result.reason.contains("plausible"))
    }

    @Test func plausibleChangeFromTheTextBaseline() {
        let result = finding("Grow revenue from $50k to $60k by the end of the year")
        #expect(result.met == true)
        #expect(result.evidence == ["from $50k to $60k", "by the end of the year"])
    }

    @Test func unknownWithoutBaselineOrTimeFrameAsksForBoth() {
        let result = finding("Close 20 deals")
        #expect(result.met == nil)
        #expect(result.reason.contains("baseline"))
        #expect(result.question?.contains("today") == true)
        #expect(result.question?.contains("by when") == true)
    }

    @Test func unknownWithATimeFrameAsksForTheBaseline() {
        let result = finding("Close 20 deals by June")
        #expect(result.met == nil)
        #expect(result.question?.contains("today") == true)
    }

    @Test func unknownWithABaselineAsksForTheTimeFrame() {
        let result = finding("Close 12 deals per month", baseline: 8)
        #expect(result.met == nil)
        #expect(result.question?.contains("By when") == true)
    }

    @Test func vagueGoalIsUnknownNotImpossible() {
        let result = finding("Get better at sales")
        #expect(result.met == nil)
        #expect(result.question != nil)
    }

    @Test func pastDeadlineIsNotAchievable() {
        let result = finding("Close 10 deals by June 2020")
        #expect(result.met == false)
        #expect(result.reason.contains("2020-06-30"))
    }

    @Test func cuttingByMoreThanEverythingIsImpossible() {
        #expect(finding("Cut churn by 150% this year").met == false)
    }

    @Test func steepButPossibleCutIsPlausible() {
        #expect(finding("Reduce my overtime from 15 to 5 hours a week within two months").met == true)
    }

    /// The title a goal serves is its reason; the goal's own measure is what is judged.
    @Test func aTitleInTheReasonIsNotTheTarget() {
        let result = finding("Make 40 calls a week to clinics by 30 June 2027, starting from 15 a week, so I can make senior rep")
        #expect(result.reason.contains("\"40 calls\""))
        #expect(!result.reason.contains("senior rep"))
        #expect(finding("Get promoted to senior analyst by June 2027 so I can lead projects").reason.contains("\"senior analyst\""))
    }

    /// More time spent is judged by where the time comes from, not by a growth rate.
    @Test func moreTimeSpentAsksWhereTheTimeComesFrom() {
        let result = finding("Put in 10 hours a week on my portfolio by 30 June 2027, starting from 2 hours a week")
        #expect(result.met == nil)
        #expect(result.reason.contains("8 more hours a week"))
        #expect(result.question == "Where will the 8 more hours a week come from?")
        #expect(finding("Practice Spanish 3 hours a week by March 2027, starting from 1 hour a week").reason.contains("2 more hours a week"))
        // However the unit is written, and the starting point is never taken for the target.
        #expect(finding("Put in 10 hours a week on my portfolio by June 2027, starting from 2 hrs a week").reason.contains("8 more hours a week"))
        #expect(finding("Study 45 mins a day by May 2027, starting from 15 minutes a day").reason.contains("30 more mins a day"))
        #expect(!finding("Practice 3 hours a week by March 2027, starting from 30 minutes a week").reason.contains("\"30 minutes\""))
    }
}
