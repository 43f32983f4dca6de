import CoachTestSupport
import CoachCore
import Foundation
import Testing

@Suite("Reasons and evidence")
struct ReasonTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)

    static let contexts = [
        GoalExample.context,
        SmartContext(role: "Account Executive", targetRole: "Sales Manager", objective: "Grow team revenue",
                     baseline: 8, today: GoalExample.today),
    ]

    @Test("Every finding quotes its evidence, which is taken verbatim from the goal", arguments: GoalExample.all)
    func reasonsQuoteEvidence(_ example: GoalExample) {
        for context in Self.contexts {
            let critique = analyzer.analyze(example.goal, context: context)
            for criterion in SmartCriterion.allCases {
                let finding = critique[criterion]
                var searchFrom = example.goal.startIndex
                for evidence in finding.evidence {
                    let found = example.goal.range(of: evidence, range: searchFrom..<example.goal.endIndex)
                        ?? example.goal.range(of: evidence)
                    #expect(found != nil, "\(criterion): \"\(evidence)\" is not a substring of the goal")
                    if let found, found.lowerBound >= searchFrom { searchFrom = found.lowerBound }
                }
                if !finding.evidence.isEmpty {
                    #expect(finding.evidence.contains { finding.reason.contains("\"\($0)\"") },
                            "\(criterion) reason does not quote its evidence: \(finding.reason)")
                }
                #expect(Self.isOneSentence(finding.reason), "\(criterion): \(finding.reason)")
                #expect((finding.met == true) == (finding.question == nil), "\(criterion): question iff not met")
                if let question = finding.question { #expect(question.hasSuffix("?")) }
            }
        }
    }

    @Test func specificReasonNamesTheVerbAndItsObject() {
        let finding = analyzer.analyze("Increase closed deals by 20% this quarter", context: GoalExample.context)[.specific]
        #expect(finding.reason == "\"Increase\" has an observable object: \"closed deals\".")
        #expect(finding.evidence == ["Increase", "closed deals"])
    }

    @Test func vagueReasonQuotesTheVagueWordsAndAsksForAnObservableResult() {
        let finding = analyzer.analyze("Get better at sales by June", context: GoalExample.context)[.specific]
        #expect(finding.met == false)
        #expect(finding.evidence == ["Get better at sales"])
        #expect(finding.question?.contains("\"Get better at sales\"") == true)
    }

    @Test func aConcreteActionIsNotCancelledByAVaguePurpose() {
        let finding = analyzer.analyze("Publish 3 articles to stand out", context: GoalExample.context)[.specific]
        #expect(finding.met == true)
        #expect(finding.evidence == ["Publish", "3 articles"])
        let vague = analyzer.analyze("Take my career to the next level", context: GoalExample.context)[.specific]
        #expect(vague.met == false)
        #expect(vague.evidence == ["Take my career to the next level"])
    }

    @Test func evidenceIsInOrderOfAppearance() {
        let finding = analyzer.analyze("Call 5 prospects every week and close 3 deals by June 30",
                                       context: GoalExample.context)[.timeBound]
        #expect(finding.evidence == ["every week", "by June 30"])
        let measures = analyzer.analyze("Close 3 deals, book 10 demos and hit 120% of quota",
                                        context: GoalExample.context)[.measurable]
        #expect(measures.evidence == ["3 deals", "10 demos", "120%"])
    }

    /// One sentence: ends with a full stop and has no sentence break outside quotes.
    static func isOneSentence(_ text: String) -> Bool {
        var outside = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() } else if !quoted { outside.append(character) }
        }
        return text.hasSuffix(".") && !outside.contains(". ") && !outside.contains("? ") && !text.contains("\n")
    }
}
