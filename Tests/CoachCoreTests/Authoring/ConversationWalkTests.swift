import Testing
@testable import CoachCore

/// The random walk finds what a script author must fix, and finds nothing in a sound script.
struct ConversationWalkTests {
    @Test func aSoundScriptWalksWithoutFindings() {
        let report = ConversationWalk.run(start: .begin(Fixture.script(), presets: [:], context: ConversationContext(today: Fixture.today)), turns: 1_000, seed: 11)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.finished > 5)
        #expect(report.resumed > 0)
        #expect(report.refused > 0)
        #expect(report.asked == Set(Fixture.script().steps.filter(\.isQuestion).map(\.id)))
    }

    @Test func aRequiredQuestionThatRefusesEverythingIsADeadEnd() {
        var steps = Fixture.script().steps
        let goal = steps.firstIndex { $0.id == "goal" }!
        steps[goal].rejects = [RejectRule(condition: try! Expression(parsing: "true"), message: try! Template("Never good enough."))]
        let script = Script(id: "stuck", version: 1, title: "Stuck", start: "intro", steps: steps, hash: "s")
        let report = ConversationWalk.run(start: .begin(script, presets: [:], context: ConversationContext(today: Fixture.today)), turns: 600, seed: 5)
        #expect(report.findings.contains { $0.kind == .deadEnd && $0.step == "goal" })
        #expect(report.findings.contains { $0.kind == .unreachable && $0.step == "hours" })
        #expect(report.findings.contains { $0.kind == .noEnd })
    }

    @Test func aQuestionBehindAConditionThatNeverHoldsIsReported() {
        var steps = Fixture.script().steps
        let target = steps.firstIndex { $0.id == "target" }!
        steps[target].when = try! Expression(parsing: "goal.type == 'astronaut'")
        let script = Script(id: "hidden", version: 1, title: "Hidden", start: "intro", steps: steps, hash: "x")
        let report = ConversationWalk.run(start: .begin(script, presets: [:], context: ConversationContext(today: Fixture.today)), turns: 500, seed: 2)
        #expect(report.findings.map(\.kind) == [.unreachable])
        #expect(report.findings.first?.step == "target")
    }

    @Test func theSameSeedRepeatsTheSameWalk() {
        let start = ConversationEngine.begin(Fixture.script(), presets: [:], context: ConversationContext(today: Fixture.today))
        let a = ConversationWalk.run(start: start, turns: 300, seed: 99)
        let b = ConversationWalk.run(start: start, turns: 300, seed: 99)
        #expect((a.finished, a.accepted, a.refused, a.commands) == (b.finished, b.accepted, b.refused, b.commands))
    }
}
