import Testing
@testable import CoachCore

/// Conversation tests pass when the engine does what they say, and fail with the difference.
struct ConversationTestRunnerTests {
    typealias Kind = ConversationTest.Kind

    func run(_ kinds: [Kind]) -> [ConversationTestRunner.StepResult] {
        let steps = kinds.enumerated().map { ConversationTest.Action(line: $0.offset + 1, column: 5, kind: $0.element) }
        let test = ConversationTest(file: "t.yaml", scriptID: "fixture", today: Fixture.today, presets: [:], steps: steps)
        return ConversationTestRunner.run(test, engine: .begin(Fixture.script(), presets: [:], context: ConversationContext(today: Fixture.today)))
    }

    @Test func aConversationThatGoesAsWrittenPasses() {
        let results = run([
            .expect(["Hello.", "Name?"]), .asks("name"), .client("Ana"), .expect(["Goal, Ana?", "1. promotion"]),
            .client("2"), .saved(["goal.type": .value("skill"), "goal.target": .absent]), .client("0"), .expect(["No time, no plan."]),
            .asks("hours"), .client("4"), .resume, .expect(["Welcome back, Ana", "Ally?"]), .client("Maria"), .client("yes"),
            .client("Tom"), .interrupt, .expect(["Press Ctrl-C again"]), .client("no"), .saved(["allies": .list(["Maria", "Tom"])]),
            .client("yes"), .expect(["Bye Ana."]), .ends(.finished), .asks(nil),
        ])
        let failures = results.filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func eachKindOfMismatchSaysWhatWasExpectedAndWhatCame() {
        let results = run([
            .expect(["Goodbye"]), .client("Ana"), .asks("hours"), .saved(["client.name": .value("Anna"), "goal.type": .list(["x"])]),
            .expectNot(["Goal"]), .ends(.finished),
        ])
        #expect(results.map(\.passed) == [false, true, false, false, false, false])
        #expect(results[0].difference?.contains("expected “Goodbye” in what the coach said:\n    Hello.\n    Name?") == true)
        #expect(results[2].difference == "expected the open question to be hours, but it is goal")
        #expect(results[3].difference?.contains("client.name: expected “Anna”, but it is “Ana”") == true)
        #expect(results[3].difference?.contains("goal.type: expected [“x”], but it is nothing") == true)
        #expect(results[5].difference == "expected the conversation to be finished, but it is still asking goal")
    }

    @Test func typingAfterTheEndIsAFailureNotACrash() {
        let results = run([.client("Ana"), .client("/quit"), .ends(.paused), .client("1"), .resume, .client("1"), .saved(["goal.type": .value("promotion")])])
        #expect(results.map(\.passed) == [true, true, true, false, true, true, true])
    }
}
