import CoachTestSupport
import CoachCore
import Testing

@Suite("Goal table")
struct GoalTableTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)

    @Test("Each goal gets the coach's verdict", arguments: GoalExample.all)
    func verdict(_ example: GoalExample) {
        let critique = analyzer.analyze(example.goal, context: GoalExample.context)
        #expect(critique[.specific].met == example.specific, "specific: \(critique[.specific].reason)")
        #expect(critique[.measurable].met == example.measurable, "measurable: \(critique[.measurable].reason)")
        #expect(critique[.timeBound].met == example.timeBound, "time-bound: \(critique[.timeBound].reason)")
        if case .some(let achievable) = example.achievable {
            #expect(critique[.achievable].met == achievable, "achievable: \(critique[.achievable].reason)")
        }
    }

    @Test("The table is large and spread across themes")
    func tableShape() {
        #expect(GoalExample.all.count >= 80)
        let themes = [GoalExample.sales, GoalExample.promotion, GoalExample.skills, GoalExample.certification,
                      GoalExample.networking, GoalExample.salary, GoalExample.management,
                      GoalExample.workLifeBalance, GoalExample.customerService, GoalExample.jobSearch]
        #expect(themes.allSatisfy { $0.count >= 5 })
        #expect(Set(GoalExample.all.map(\.goal)).count == GoalExample.all.count, "goals are unique")
    }

    @Test("Agreement with the coach is at least 90% per criterion")
    func agreement() {
        let critiques = GoalExample.all.map { analyzer.analyze($0.goal, context: GoalExample.context) }
        let checks: [(String, (GoalExample) -> Bool?, SmartCriterion)] = [
            ("specific", { $0.specific }, .specific),
            ("measurable", { $0.measurable }, .measurable),
            ("time_bound", { $0.timeBound }, .timeBound),
            ("achievable", { $0.achievable ?? nil }, .achievable),
        ]
        for (name, expected, criterion) in checks {
            let judged = zip(GoalExample.all, critiques).compactMap { example, critique in
                expected(example).map { $0 == critique[criterion].met }
            }
            let agreed = judged.filter { $0 }.count
            let percent = judged.isEmpty ? 100 : agreed * 100 / judged.count
            print("SMART agreement \(name) \(agreed)/\(judged.count) (\(percent)%)")
            #expect(percent >= 90, "\(name) agreement \(agreed)/\(judged.count)")
        }
    }
}
