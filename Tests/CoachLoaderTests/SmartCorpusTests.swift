import CoachTestSupport
import CoachCore
import Foundation
import Testing
import Yams

/// The development set of goal statements (Tests/Fixtures/smart-goals.yaml, quoted from public
/// SMART-goal pages and labelled with the README's rubric): agreement per letter, printed and held.
@Suite("SMART corpus")
struct SmartCorpusTests {
    struct Goal {
        let text: String
        let labels: [SmartCriterion: Bool]
        let vague: Bool
        let line: Int
    }

    static let today = LocalDate(year: 2026, month: 12, day: 1)!

    static let goals: [Goal] = {
        Fixtures.items("smart-goals.yaml", "goals").enumerated().compactMap { index, item in
            guard let text = item["text"] as? String, let specific = item["specific"] as? Bool,
                  let measurable = item["measurable"] as? Bool, let timeBound = item["time_bound"] as? Bool else { return nil }
            return Goal(text: text, labels: [.specific: specific, .measurable: measurable, .timeBound: timeBound],
                        vague: item["vague"] as? Bool ?? false, line: index + 1)
        }
    }()

    static let critiques: [SmartCritique] = goals.map { SmartAnalyzer(vocabulary: .shipped).analyze($0.text, context: SmartContext(today: today)) }

    @Test func corpusIsLargeEnough() {
        #expect(Self.goals.count >= 300)
    }

    /// Floors at the development-set figures reached so far (BENCHMARKS.md); the targets
    /// (95 % specific, 97 % measurable, 98 % time-bound) are not all reached yet.
    @Test(arguments: [(SmartCriterion.specific, 0.93), (.measurable, 0.95), (.timeBound, 0.975)])
    func agreement(_ criterion: SmartCriterion, _ floor: Double) {
        var wrong: [String] = []
        for (goal, critique) in zip(Self.goals, Self.critiques) where critique[criterion].met != goal.labels[criterion] {
            wrong.append("  smart-goals.yaml goal \(goal.line): \(goal.text.debugDescription) judged \(critique[criterion].met.map(String.init) ?? "unknown")")
        }
        let agreement = Double(Self.goals.count - wrong.count) / Double(max(1, Self.goals.count))
        print("SMART corpus, \(criterion.rawValue): \(Self.goals.count - wrong.count)/\(Self.goals.count) (\(Int((agreement * 1000).rounded()) / 10) %)")
        wrong.forEach { print($0) }
        #expect(agreement >= floor)
    }

    @Test func everyStatementItsPageCallsVagueIsNotSmart() {
        let passed = zip(Self.goals, Self.critiques).filter { $0.0.vague && $0.1.isSmart }
        print("SMART corpus, vague statements judged SMART: \(passed.count) of \(Self.goals.filter(\.vague).count)")
        passed.forEach { print("  smart-goals.yaml goal \($0.0.line): \($0.0.text.debugDescription)") }
        #expect(passed.isEmpty)
    }
}
