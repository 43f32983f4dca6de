import Testing
@testable import CoachCore

/// A small interview with every mechanism: a statement, branching, bounds and a reject rule,
/// a loop that collects answers, and a closing summary that lets the client pick an answer to change.
enum Fixture {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    static func go(_ id: String, if condition: String? = nil) -> Transition {
        Transition(condition: condition.map { try! Expression(parsing: $0) }, target: id == "end" ? .end : .step(id))
    }

    static func t(_ s: String) -> Template { try! Template(s) }

    static func script(hoursKind: AnswerKind = .number, withTarget: Bool = true, hash: String = "h1") -> Script {
        var steps = [
            Step(id: "intro", say: t("Hello."), next: [go("name")]),
            Step(id: "name", ask: t("Name?"), kind: .text, save: SaveTarget("client.name"), help: "Your first name.", why: "To address you.",
                 when: try! Expression(parsing: "not answered(client.name)"), required: true, next: [go("goal")]),
            Step(id: "goal", ask: t("Goal, {client.name}?"), kind: .choice(["promotion", "skill"]), save: SaveTarget("goal.type"),
                 required: true, next: withTarget ? [go("target", if: "goal.type == 'promotion'"), go("hours")] : [go("hours")]),
            Step(id: "hours", ask: t("Hours?"), kind: hoursKind, save: SaveTarget("hours"), bounds: 0...40,
                 rejects: [RejectRule(condition: try! Expression(parsing: "answer == 0"), message: try! Template("No time, no plan."))], next: [go("ally")]),
            Step(id: "ally", ask: t("Ally?"), kind: .text, save: SaveTarget("allies[]"), next: [go("more")]),
            Step(id: "more", ask: t("More?"), kind: .yesNo, save: SaveTarget("more"), next: [go("ally", if: "more == true"), go("confirm")]),
            Step(id: "confirm", say: t("You: {client.name}, {goal.type}, {hours} h, {allies}."), ask: t("Right?"), kind: .yesNo,
                 save: SaveTarget("ok"), next: [go("change", if: "ok == false"), go("bye")]),
            Step(id: "change", ask: t("Which?"), kind: .answerPicker, next: [go("confirm")]),
            Step(id: "bye", say: t("Bye {client.name}."), next: [go("end")]),
        ]
        if withTarget {
            steps.insert(Step(id: "target", ask: t("Target role?"), kind: .text, save: SaveTarget("goal.target"), next: [go("hours")]), at: 3)
        }
        return Script(id: "fixture", version: 1, title: "Fixture", start: "intro", steps: steps, hash: hash)
    }
}

/// Drives the engine like the shell does, keeping every turn for assertions.
struct Driver {
    var engine: ConversationEngine
    var turns: [Turn] = []

    init(script: Script = Fixture.script(), presets: [String: AnswerValue] = [:], context: ConversationContext = ConversationContext(today: Fixture.today)) {
        engine = ConversationEngine.begin(script, presets: presets, context: context)
        turns.append(engine.handle(.conversationOpened(resumed: false)))
    }

    @discardableResult
    mutating func type(_ lines: String...) -> Turn {
        for line in lines { turns.append(engine.handle(.lineSubmitted(line))) }
        return turns.last!
    }

    var asking: String? { engine.state.activeStep }
    var said: [String] { turns.last!.messages.map(\.text) }
    var question: String? { if case .ask(let p) = turns.last!.next { p.question } else { nil } }
    var prefill: String? { if case .ask(let p) = turns.last!.next { p.prefill } else { nil } }
    var ended: Turn.Ending? { if case .end(let e) = turns.last!.next { e } else { nil } }
    func value(_ name: String) -> AnswerValue? { engine.variables[name] }
}

@Suite struct ConversationEngineTests {
    @Test func opensWithTheStatementsThenTheFirstQuestion() {
        let d = Driver()
        #expect(d.said == ["Hello."])
        #expect(d.question == "Name?")
        #expect(d.turns[0].log == [.promptShown(step: "name", text: "Name?")])
    }

    @Test func presetNameSkipsTheNameQuestion() {
        let d = Driver(presets: ["client.name": .text("Ana")])
        #expect(d.asking == "goal")
        #expect(d.question == "Goal, Ana?")
    }

    @Test func branchesOnAnswersAndCollectsALoop() {
        var d = Driver()
        d.type("Ana", "promotion", "sales manager", "5", "Maria", "yes", "Tom", "no")
        #expect(d.said == ["You: Ana, promotion, 5 h, Maria; Tom."])
        d.type("yes")
        #expect(d.ended == .finished)
        #expect(d.said == ["Bye Ana."])
        #expect(d.value("allies") == .list([.text("Maria"), .text("Tom")]))
        #expect(d.turns.last!.log.last == .conversationFinished)

        var skill = Driver()
        skill.type("Bo", "skill")
        #expect(skill.asking == "hours")
    }

    @Test func everyLineIsLoggedRawBeforeItsOutcome() {
        var d = Driver()
        let turn = d.type("  Ana  ")
        #expect(turn.log.first == .inputReceived(step: "name", raw: "  Ana  "))
        #expect(turn.log.dropFirst().first == .answerAccepted(step: "name", value: .text("Ana")))
    }

    @Test func helpAndWhyReturnToTheSameQuestionWithoutAskingTwice() {
        var d = Driver()
        for command in ["/help", "/why"] {
            let turn = d.type(command)
            #expect(d.asking == "name")
            #expect(d.question == nil)
            #expect(!turn.log.contains { if case .promptShown = $0 { true } else { false } })
        }
        #expect(d.turns[1].messages[0].text.hasPrefix("Your first name."))
        #expect(d.turns[2].messages[0].text == "To address you.")
    }

    @Test func rejectRulesAndBoundsGiveTheReasonAndTheSameQuestion() {
        var d = Driver()
        d.type("Ana", "skill", "0")
        #expect(d.said == ["No time, no plan."])
        #expect(d.asking == "hours")
        #expect(d.question == nil)
        d.type("50")
        #expect(d.said == ["Please give a value from 0 to 40."])
        d.type("6")
        #expect(d.asking == "ally")
    }

    @Test func optionalQuestionIsSetAsideAfterTheAttemptCap() {
        var d = Driver()
        d.type("Ana", "skill", "lots", "many")
        #expect(d.asking == "hours")
        d.type("loads")
        #expect(d.asking == "ally")
        #expect(d.said.last?.contains("/edit hours") == true)
        #expect(d.engine.state.records.last == AnswerRecord(step: "hours", raw: "loads", value: nil))
    }

    @Test func requiredQuestionExplainsAfterTheCapAndKeepsAsking() {
        var d = Driver()
        d.type("", "", "")
        #expect(d.asking == "name")
        #expect(d.said.last?.contains("Your first name.") == true)
        #expect(d.engine.state.question?.attempts == 0)
    }

    @Test func backUndoesTheLastAnswer() {
        var d = Driver()
        d.type("/back")
        #expect(d.said == ["This is the first question."])
        d.type("Ana", "promotion", "/back")
        #expect(d.asking == "goal")
        #expect(d.value("goal.type") == nil)
        #expect(d.turns.last!.log.contains(.answerWithdrawn(step: "goal", reason: "back")))
        d.type("skill")
        #expect(d.asking == "hours")
    }

    @Test func editReturnsToTheCurrentQuestionWhenThePathHolds() {
        var d = Driver()
        d.type("Ana", "skill", "5", "/edit hours")
        #expect(d.asking == "hours")
        #expect(d.said.contains("Currently: 5. /back keeps it."))
        d.type("8")
        #expect(d.asking == "ally")
        #expect(d.value("hours") == .number(8))
    }

    /// A refusal names /skip only where the question can be skipped.
    @Test func refusalsOfferSkipOnlyWhereItWorks() {
        var d = Driver()
        d.type("")
        #expect(d.asking == "name")
        #expect(d.said == ["I didn't catch an answer — please type a few words (/help explains the question)."])
        d.type("Ana", "skill", "")
        #expect(d.asking == "hours")
        #expect(d.said.first?.contains("or /skip, /help") == true)
    }

    /// `/edit` of a text answer puts it on the line to change; a number answer starts empty.
    @Test func editPutsATextAnswerOnTheLine() {
        var d = Driver()
        d.type("Ana", "skill", "5", "Lee")
        #expect(d.prefill == nil)
        d.type("/edit name")
        #expect(d.asking == "name")
        #expect(d.prefill == "Ana")
        d.type("/edit hours")
        #expect(d.prefill == nil)
    }

    @Test func editThatChangesTheBranchSetsAsideAnswersThatNoLongerApply() {
        var d = Driver()
        d.type("Ana", "promotion", "sales manager", "5", "/edit goal", "skill")
        #expect(d.asking == "ally")
        #expect(d.value("goal.target") == nil)
        #expect(d.value("hours") == .number(5))
        #expect(d.said.contains { $0.contains("“target”") && $0.contains("no longer apply") })
    }

    /// A change that sends the path through a new question first keeps the answers that are on
    /// both paths: they wait, and are not asked again.
    @Test func editThatAddsAQuestionKeepsTheAnswersBothPathsShare() {
        var d = Driver()
        d.type("Ana", "skill", "5", "/edit goal", "promotion")
        #expect(d.asking == "target")
        #expect(!d.said.contains { $0.contains("no longer apply") })
        #expect(d.value("hours") == nil, "held, not yet on the path")
        d.type("sales manager")
        #expect(d.asking == "ally", "hours is not asked again")
        #expect(d.value("hours") == .number(5))
        #expect(d.value("goal.target") == .text("sales manager"))
        d.type("/back")
        #expect(d.asking == "hours", "/back takes back the last answer on the path")
    }

    @Test func editMarksLaterAnswersThatReadTheChangedOne() {
        var d = Driver()
        d.type("Ana", "skill", "/edit name", "Anna")
        #expect(d.said.contains { $0.contains("“goal”") })
        #expect(d.asking == "hours")
    }

    @Test func editOfSomethingUnansweredListsWhatCanBeChanged() {
        var d = Driver()
        d.type("Ana", "/edit nope")
        #expect(d.said == ["There is no answer called “nope”. You can change: name."])
        #expect(d.asking == "goal")
    }

    @Test func skipRespectsRequiredQuestions() {
        var d = Driver()
        d.type("/skip")
        #expect(d.asking == "name")
        #expect(d.said[0].hasPrefix("This one is needed to go on"))
        d.type("Ana", "skill", "/skip")
        #expect(d.asking == "ally")
        #expect(d.value("hours") == nil)
    }

    @Test func summaryListsAnswersWithoutMoving() {
        var d = Driver()
        d.type("Ana", "skill", "/summary")
        #expect(d.said == ["name: Ana\ngoal: skill"])
        #expect(d.asking == "hours")
    }

    @Test func restartAsksFirstThenClearsEverything() {
        var d = Driver()
        d.type("Ana", "skill", "/restart", "maybe")
        #expect(d.said == ["Please answer yes or no."])
        d.type("no")
        #expect(d.asking == "hours")
        d.type("/restart", "yes")
        #expect(d.asking == "name")
        #expect(d.engine.state.records.isEmpty)
        #expect(d.said.contains("Hello."))
    }

    @Test func quitAndEndOfInputPause() {
        var d = Driver()
        d.type("Ana", "/quit")
        #expect(d.ended == .paused)
        var e = Driver()
        #expect(e.engine.handle(.inputClosed).next == .end(.paused))
    }

    @Test func controlCTwiceOnAnEmptyLineSavesAndQuits() {
        var d = Driver()
        #expect(d.engine.handle(.interruptPressed(lineHadText: true)).messages.map(\.text) == ["Line cleared."])
        let hint = d.engine.handle(.interruptPressed(lineHadText: false))
        #expect(hint.messages.map(\.text) == ["Press Ctrl-C again to save and quit, or type your answer."])
        #expect(d.engine.handle(.interruptPressed(lineHadText: false)).next == .end(.paused))
    }

    @Test func unknownCommandsAreNamed() {
        var d = Driver()
        d.type("/frobnicate now")
        #expect(d.said == ["I don't know /frobnicate. Type /help to see what works here."])
        #expect(d.asking == "name")
    }

    @Test func closingSummaryLetsTheClientPickAnAnswerToChange() {
        var d = Driver()
        d.type("Ana", "skill", "5", "Maria", "no", "no", "hours")
        #expect(d.asking == "hours")
        d.type("9")
        #expect(d.asking == "confirm")
        #expect(d.said.contains("You: Ana, skill, 9 h, Maria."))
        #expect(!d.engine.state.records.contains { $0.step == "confirm" })
        d.type("yes")
        #expect(d.ended == .finished)
    }

    /// Found by the random walk: picking the summary's own answer used to crash.
    @Test func pickingTheSummaryAnswerItselfAsksTheSummaryAgain() {
        var d = Driver()
        d.type("Ana", "skill", "5", "Maria", "no", "no", "confirm")
        #expect(d.asking == "confirm")
        #expect(d.question == "Right?")
        d.type("yes")
        #expect(d.ended == .finished)
    }

    @Test func resumeWithAChangedScriptSaysWhatNoLongerFits() {
        var d = Driver()
        d.type("Ana", "promotion", "sales manager", "20")
        let changed = Fixture.script(hoursKind: .scale(min: 1, max: 10), withTarget: false, hash: "h2")
        var resumed = ConversationEngine.resume(changed, state: d.engine.state, savedHash: "h1", context: ConversationContext(today: Fixture.today))
        let turn = resumed.handle(.conversationOpened(resumed: true))
        let text = turn.messages.map(\.text)
        #expect(text.contains("“target” is no longer part of the interview."))
        #expect(text.contains { $0.contains("“hours” no longer fits") })
        #expect(resumed.state.activeStep == "hours")
        #expect(resumed.variables["goal.type"] == .choice("promotion"))
    }

    @Test func resumeWithTheSameScriptContinuesAtTheSavedStep() {
        var d = Driver()
        d.type("Ana", "skill")
        var resumed = ConversationEngine.resume(Fixture.script(), state: d.engine.state, savedHash: "h1", context: ConversationContext(today: Fixture.today))
        let turn = resumed.handle(.conversationOpened(resumed: true))
        #expect(turn.messages.map(\.text) == ["Welcome back, Ana. We were at “hours”."])
        #expect(turn.next == .ask(Prompt(stepID: "hours", question: "Hours?", options: [],
                                         completions: SlashCommand.allCases.map { "/" + $0.rawValue } + ["/edit goal", "/edit name"])))
    }
}
