import CoachTestSupport
import CoachCore
import Foundation
import Testing

@Suite("Determinism")
struct DeterminismTests {
    @Test func sameTextGivesTheSameCritiqueAndBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for example in GoalExample.all {
            let first = SmartAnalyzer(vocabulary: .shipped).analyze(example.goal, context: GoalExample.context)
            let second = SmartAnalyzer(vocabulary: .shipped).analyze(example.goal, context: GoalExample.context)
            #expect(first == second)
            #expect(try encoder.encode(first) == encoder.encode(second))
        }
    }

    @Test func verdictsDoNotDependOnWhatWasAnalyzedBefore() {
        let analyzer = SmartAnalyzer(vocabulary: .shipped)
        let forward = GoalExample.all.map { analyzer.analyze($0.goal, context: GoalExample.context) }
        let backward = GoalExample.all.reversed().map { analyzer.analyze($0.goal, context: GoalExample.context) }
        #expect(forward == Array(backward.reversed()))
    }

    @Test func caseAndApostrophesDoNotChangeVerdicts() {
        let analyzer = SmartAnalyzer(vocabulary: .shipped)
        let plain = analyzer.analyze("Exceed my team's target of 40 demos by September", context: GoalExample.context)
        for variant in ["EXCEED MY TEAM\u{2019}S TARGET OF 40 DEMOS BY SEPTEMBER",
                        "exceed my team\u{2018}s target of 40 demos by september!"] {
            let critique = analyzer.analyze(variant, context: GoalExample.context)
            for criterion in SmartCriterion.allCases {
                #expect(critique[criterion].met == plain[criterion].met, "\(criterion) for \(variant)")
            }
        }
    }

    @Test func concurrentUseGivesTheSameAnswers() async {
        let analyzer = SmartAnalyzer(vocabulary: .shipped)
        let expected = GoalExample.all.map { analyzer.analyze($0.goal, context: GoalExample.context) }
        let results = await withTaskGroup(of: (Int, SmartCritique).self) { group in
            for (index, example) in GoalExample.all.enumerated() {
                group.addTask { (index, analyzer.analyze(example.goal, context: GoalExample.context)) }
            }
            var collected: [(Int, SmartCritique)] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        #expect(results == expected)
    }
}
