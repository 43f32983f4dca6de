import CoachTestSupport
import Testing
@testable import CoachCore

@Suite struct ComposeAndExamplesTests {
    static func script() -> Script {
        Script(id: "c", version: 1, title: "C", start: "goal", steps: [
            Step(id: "goal", ask: Fixture.t("Goal?"), kind: .text, save: SaveTarget("goal.statement"), next: [Fixture.go("type")]),
            Step(id: "type", ask: Fixture.t("Type?"), kind: .choice(["promotion", "new skill"]), save: SaveTarget("goal.type"), next: [Fixture.go("draft")]),
            Step(id: "draft", compose: Fixture.t("{goal.statement}[[ ({goal.type})]]"), save: SaveTarget("goal.draft"), next: [Fixture.go("show")]),
            Step(id: "show", say: Fixture.t("Draft: {goal.draft}"), ask: Fixture.t("OK?"), kind: .yesNo, next: [Fixture.go("end")]),
        ], hash: "c1")
    }

    @Test func composedValuesAreWorkedOutAndFollowLaterChanges() {
        var d = Driver(script: Self.script())
        d.type("Lead the launch", "promotion")
        #expect(d.said == ["Draft: Lead the launch (promotion)"])
        #expect(d.value("goal.draft") == .text("Lead the launch (promotion)"))
        #expect(!d.engine.state.records.contains { $0.step == "draft" }, "composed values are derived, not answers")
        d.type("/edit goal", "Lead the Q3 launch")
        #expect(d.engine.snapshot.variables["goal.draft"] == .text("Lead the Q3 launch (promotion)"))
        #expect(d.said.contains("Draft: Lead the Q3 launch (promotion)"))
    }

    /// A loop counted by a composed list: each pass appends once, so the loop runs once per item.
    @Test func composedCountersInLoopsAppendOncePerPass() throws {
        let script = Script(id: "loop", version: 1, title: "L", start: "value", steps: [
            Step(id: "value", ask: try Template("Value for {at(items, len(done))}?"), kind: .number, save: SaveTarget("values[]"), next: [Fixture.go("mark")]),
            Step(id: "mark", compose: try Template("{len(done)}"), save: SaveTarget("done[]"),
                 next: [Fixture.go("value", if: "len(done) < len(items)"), Fixture.go("end")]),
        ], hash: "l1")
        var d = Driver(script: script, presets: ["items": .list([.text("a"), .text("b"), .text("c")])])
        #expect(d.question == "Value for a?")
        d.type("1")
        #expect(d.question == "Value for b?")
        d.type("2", "/skip")
        #expect(d.ended == .finished)
        #expect(d.value("values") == .list([.number(1), .number(2), .text("")]), "a skipped answer keeps its place")
        #expect(d.value("done") == .list([.text("0"), .text("1"), .text("2")]))
    }

    @Test func examplesFollowTheGoalType() {
        let library = GoalLibrary(examples: [("promotion", ["Reach team lead by 2027-06-30."]), ("new skill", ["Pass AZ-900 by Q2 2027."])])
        var d = Driver(script: Self.script(), context: ConversationContext(today: Fixture.today, library: library))
        d.type("/examples")
        #expect(d.said[0].contains("promotion:") && d.said[0].contains("new skill:"))
        d.type("Lead", "new skill", "/examples")
        #expect(d.said == ["Example goals for “new skill”:\n• Pass AZ-900 by Q2 2027."])
        #expect(d.asking == "show")
    }

    @Test(arguments: [
        ("met('Close 12 new deals by 2027-06-30', 'measurable')", ExpressionValue.bool(true)),
        ("met('get better at sales', 'specific')", .bool(false)),
        ("smart('get better at sales soon')", .bool(false)),
        ("met('Close 30% of my deals by 2027-05-23, because my manager ranks us on close rate', 'relevant')", .bool(true)),
        ("met(missing.goal, 'specific')", .null),
        ("first(missing.goal, 'fallback')", .string("fallback")),
    ])
    func smartFunctionsInConditions(_ source: String, _ expected: ExpressionValue) throws {
        let value = try Expression(parsing: source).evaluate({ _ in .null }, today: Fixture.today, smart: .shipped)
        #expect(value == expected)
    }

    @Test func followupAndCritiqueGiveText() throws {
        let question = try Expression(parsing: "followup('get better at sales', 'time_bound')").evaluate({ _ in .null }, today: Fixture.today, smart: .shipped)
        guard case .string(let text) = question else { Issue.record("no follow-up question"); return }
        #expect(!text.isEmpty)
        let critique = try Expression(parsing: "critique('Close 12 new deals by 2027-06-30')").evaluate({ _ in .null }, today: Fixture.today, smart: .shipped)
        #expect(critique.display.split(separator: "\n").count == 5)
        #expect(critique.display.hasPrefix("✓ Specific"))
    }
}
