/// The interview as a state machine: `handle(event)` moves the state and returns a `Turn`
/// (what to log, say and ask). It prints nothing and saves nothing, so every rule of the
/// conversation is tested without a terminal or a database.
public struct ConversationEngine: Sendable {
    public let script: Script
    public let context: ConversationContext
    public internal(set) var state: ConversationState
    let parser: AnswerParser
    let paths: ScriptPaths
    private var memo = WalkMemo()
    /// What a changed script did to saved answers, told when the conversation opens.
    var openingNotes: (log: [LogEntry], messages: [Message]) = ([], [])

    public init(script: Script, state: ConversationState, context: ConversationContext) {
        self.script = script
        self.state = state
        self.context = context
        self.parser = AnswerParser(today: context.today, dateOrder: context.dateOrder, minutesNow: context.minutesNow)
        self.paths = ScriptPaths(script: script, today: context.today, catalogue: context.catalogue)
    }

    /// A fresh conversation positioned at the script's first question.
    public static func begin(_ script: Script, presets: [String: AnswerValue], context: ConversationContext) -> ConversationEngine {
        let paths = ScriptPaths(script: script, today: context.today, catalogue: context.catalogue)
        let position = paths.walk(records: [], presets: presets).position
        return ConversationEngine(script: script, state: ConversationState(scriptID: script.id, presets: presets, position: position),
                                  context: context)
    }

    public var catalogue: Catalogue? { context.catalogue }
    var library: GoalLibrary { context.library }

    /// The whole machine: what each event does in each phase. The moves are below and in the
    /// extension files: answers (+Answers), slash commands (+Commands), what is asked (+Prompts),
    /// resume after a changed script (ScriptChange).
    public mutating func handle(_ event: ConversationEvent) -> Turn {
        let asked = state.activeStep
        func logged(_ line: String, _ turn: Turn) -> Turn {
            var turn = turn
            turn.log.insert(.inputReceived(step: asked, raw: line), at: 0)
            return turn
        }
        switch (state.phase, event) {
        case (_, .conversationOpened(let resumed)):
            return opened(resumed: resumed)
        case (_, .inputClosed), (.finished, .interruptPressed):
            return Turn(next: .end(state.isFinished ? .finished : .paused))
        case (.finished, .lineSubmitted(let line)):
            return logged(line, Turn(next: .end(.finished)))
        case (.confirming(let confirmation, let over), .lineSubmitted(let line)):
            return logged(line, confirm(confirmation, line, over: over))
        case (.confirming(_, let over), .interruptPressed):
            state.phase = over
            return Turn(messages: [Message("OK, let's carry on.", tone: .notice)], next: currentStep.map { .ask(reopen($0)) } ?? .end(.finished))
        case (.asking, .interruptPressed(let hadText)), (.editing, .interruptPressed(let hadText)):
            return interrupted(lineHadText: hadText)
        case (.asking, .lineSubmitted(let line)), (.editing, .lineSubmitted(let line)):
            return logged(line, submitted(line))
        }
    }

    // MARK: events

    private mutating func opened(resumed: Bool) -> Turn {
        guard let step = currentStep else {
            return Turn(messages: [Message("This conversation is already complete.", tone: .notice)], next: .end(.finished))
        }
        var turn = Turn(log: openingNotes.log, messages: openingNotes.messages, next: .end(.paused))
        openingNotes = ([], [])
        if resumed {
            let name = variables["client.name"].map { ", " + TerminalText.sanitize($0.display) } ?? ""
            turn.messages.append(Message("Welcome back\(name). We were at “\(step.label)”.", tone: .notice))
        } else if state.records.isEmpty {
            turn.messages += paths.advance(from: .step(script.start), variables: state.presets).said.map { Message($0) }
        }
        turn.next = .ask(askFully(step, turn: &turn))
        return turn
    }

    private mutating func submitted(_ line: String) -> Turn {
        state.question?.interrupted = false
        guard let step = currentStep else { return Turn(next: .end(.finished)) }
        if let (name, command, argument) = SlashCommand.parse(line) {
            state.question?.readings = nil
            var turn = Turn(log: [.commandUsed(step: step.id, command: line.trimmingWhitespace())], next: .end(.paused))
            guard let command else {
                turn.messages.append(Message("I don't know /\(TerminalText.sanitize(name)). Type /help to see what works here.", tone: .problem))
                turn.next = .ask(reopen(step))
                return turn
            }
            return run(command, argument: argument, at: step, turn: turn)
        }
        return answer(line, to: step)
    }

    /// Ctrl-C clears the line; twice on an empty line, it asks to save and quit.
    private mutating func interrupted(lineHadText: Bool) -> Turn {
        guard let step = currentStep else { return Turn(next: .end(.finished)) }
        if !lineHadText, state.question?.interrupted == true {
            state.question?.interrupted = false
            state.phase = .confirming(.quit, over: state.phase)
            return Turn(messages: [Message("Save and quit? (yes/no)", tone: .notice)], next: .ask(confirmationPrompt))
        }
        state.question?.interrupted = !lineHadText
        let hint = lineHadText ? "Line cleared." : "Press Ctrl-C again to save and quit, or type your answer."
        return Turn(messages: [Message(hint, tone: .notice)], next: .ask(reopen(step)))
    }

    private mutating func carryOn(_ turn: Turn) -> Turn {
        var turn = turn
        turn.messages.append(Message("OK, let's carry on.", tone: .notice))
        if let step = currentStep { turn.next = .ask(askFully(step, turn: &turn)) }
        return turn
    }

    private mutating func confirm(_ pending: ConversationState.Confirmation, _ line: String, over: ConversationState.Phase) -> Turn {
        guard case .success(let yes) = AnswerParser.yesNoWord(line) else {
            return Turn(messages: [Message("Please answer yes or no.", tone: .problem)], next: .ask(confirmationPrompt))
        }
        state.phase = over
        var turn = Turn(log: [.commandUsed(step: state.activeStep, command: "\(pending.rawValue): \(yes ? "yes" : "no")")], next: .end(.paused))
        guard yes else { return carryOn(turn) }
        switch pending {
        case .quit:
            return turn
        case .restart:
            for record in state.records.reversed() {
                turn.log.append(.answerWithdrawn(step: record.step, reason: "restart"))
            }
            state.replaceAnswers(with: [])
            let moved = paths.advance(from: .step(script.start), variables: state.presets)
            state.phase = ConversationState.Phase(at: moved.position)
            turn.messages.append(Message("Starting over.", tone: .notice))
            turn.messages += moved.said.map { Message($0) }
            return proceed(turn)
        }
    }

    // MARK: answers

    private mutating func answer(_ typed: String, to step: Step) -> Turn {
        if step.kind == .answerPicker { return pickAnswerToChange(typed, at: step) }
        let scope = variables
        let line = typed.trimmingWhitespace().isEmpty ? step.defaultAnswer.map { $0.render(paths.answers(scope), today: parser.today) } ?? typed : typed
        let offered = state.question?.readings
        state.question?.readings = nil
        let result = offered.flatMap { pick(line, from: $0, for: step) } ?? check(line, for: step).flatMapError { questioned($0, line, for: step) }
        switch result {
        case .failure(let problem):
            return rejected(line, problem, at: step)
        case .success(let value):
            state.question?.attempts = 0
            let record = AnswerRecord(step: step.id, raw: line, value: value)
            var turn = Turn(log: [.answerAccepted(step: step.id, value: value)], next: .end(.paused))
            if case .date(let day) = value { turn.messages.append(Message("Saved: \(day.spelledOut).", tone: .success)) }
            if case .number = value, case .success(let reading) = parser.natural(line, unit: step.unit), reading.interpreted {
                turn.messages.append(Message("Saved: \(reading.spoken(unit: step.unit)).", tone: .success))
            }
            return accept(record, turn: turn)
        }
    }

    /// One of the readings offered after the last answer, picked by number or typed out.
    private func pick(_ line: String, from offered: [AnswerValue], for step: Step) -> Result<AnswerValue, AnswerProblem>? {
        let text = line.trimmingWhitespace()
        guard let n = Int(text), n >= 1, n <= offered.count else { return nil }
        return check(offered[n - 1].display, for: step)
    }

    /// A date written with a year that has passed, refused by the script's own rule, gets a question
    /// instead when the same day next year would do ("that was three weeks ago — did you mean …?").
    private func questioned(_ problem: AnswerProblem, _ line: String, for step: Step) -> Result<AnswerValue, AnswerProblem> {
        if case .ambiguousDate(let readings) = problem {
            let fitting = readings.filter { (try? check($0.iso, for: step).get()) != nil }
            if fitting.count == 1 { return .success(.date(fitting[0])) }
            return .failure(.ambiguousDate(fitting.isEmpty ? readings : fitting))
        }
        guard case .declined = problem, case .success(.date(let day)) = parser.parse(line, as: .date), day < parser.today,
              line.contains(String(day.year)) else {
            return .failure(problem)
        }
        let nextYear = day.adding(months: 12)
        guard case .success = check(nextYear.iso, for: step) else { return .failure(problem) }
        return .failure(.pastDate(day, suggestion: nextYear, today: parser.today))
    }

    /// "+3" on a step with `relative_to` adds 3 to that value; anything else parses by type.
    private func increment(_ line: String, for step: Step) -> Result<AnswerValue, AnswerProblem> {
        let text = line.trimmingWhitespace()
        guard let base = step.relativeTo, text.hasPrefix("+"),
              case .number(let start) = ExpressionValue(.text(base.render(paths.answers(variables), today: parser.today))).numeric else {
            return parser.parse(line, as: kind(of: step), unit: step.unit)
        }
        return parser.parse(String(text.dropFirst()), as: .number).flatMap { value in
            guard case .number(let n) = value else { return .success(value) }
            return AnswerParser.checkMagnitude(start + n).map(AnswerValue.number)
        }
    }

    /// Parses by type, then applies the script's bounds and `reject` rules.
    func check(_ line: String, for step: Step) -> Result<AnswerValue, AnswerProblem> {
        increment(line, for: step).flatMap { value in
            if let bounds = step.bounds, case .number(let n) = ExpressionValue(value), !bounds.contains(n) {
                return .failure(.outOfRange(low: NumberFormat.plain(bounds.lowerBound), high: NumberFormat.plain(bounds.upperBound)))
            }
            var scope = variables
            scope[RejectRule.answerName] = value
            for rule in step.rejects where rule.condition.evaluate(paths.lookup(scope), today: parser.today).isTruthy {
                return .failure(.declined(rule.message))
            }
            return .success(value)
        }
    }

    private mutating func rejected(_ line: String, _ problem: AnswerProblem, at step: Step) -> Turn {
        if problem == .unknownNumber, !step.required, state.editingIndex == nil {
            // "Dunno" at a question that can wait: leave it for later rather than count a failure.
            state.question?.attempts = 0
            var turn = Turn(log: [.answerAccepted(step: step.id, value: nil)],
                            messages: [Message("That's fine — let's leave it for later; /edit \(step.id) brings it back.", tone: .notice)],
                            next: .end(.paused))
            turn.log.insert(.answerRejected(step: step.id, reason: problem.message), at: 0)
            return accept(AnswerRecord(step: step.id, raw: line, value: nil), turn: turn)
        }
        if let offered = problem.offeredDates {
            state.question?.readings = offered.map(AnswerValue.date)
            var prompt = reopen(step)
            prompt.completions = offered.indices.map { String($0 + 1) } + prompt.completions
            return Turn(log: [.answerRejected(step: step.id, reason: problem.message)],
                        messages: [Message(problem.message, tone: .problem)], next: .ask(prompt))
        }
        let attempts = (state.question?.attempts ?? 0) + 1
        state.question?.attempts = attempts
        var turn = Turn(log: [.answerRejected(step: step.id, reason: problem.message)],
                        messages: [Message(problem.message, tone: .problem)], next: .end(.paused))
        guard attempts >= step.maxAttempts else {
            turn.next = .ask(reopen(step))
            return turn
        }
        state.question?.attempts = 0
        if !step.required, state.editingIndex == nil {
            turn.messages.append(Message("Let's leave this one for now — /edit \(step.id) brings it back.", tone: .notice))
            turn.log.append(.answerAccepted(step: step.id, value: nil))
            return accept(AnswerRecord(step: step.id, raw: line, value: nil), turn: turn)
        }
        let hint = kind(of: step).formatHint
        turn.messages.append(Message(step.help.map { "\($0) (Expected: \(hint).)" } ?? "Expected: \(hint).", tone: .notice))
        turn.next = .ask(askFully(step, turn: &turn))
        return turn
    }

    /// Stores an accepted (or skipped) answer and moves to what comes next.
    private mutating func accept(_ record: AnswerRecord, turn: Turn) -> Turn {
        var turn = turn
        if let index = state.editingIndex {
            let old = state.records[index]
            state.replaceAnswer(at: index, with: record)
            turn.messages.append(Message("Changed “\(label(record.step))”.", tone: .success))
            if old.value != record.value { turn.messages += dependents(of: record.step, after: index) }
            return rewalk(turn, reason: "no longer applies after the change to “\(label(record.step))”")
        }
        let before = state.revision
        state.appendAnswer(record)
        memo.extend(paths, with: record, after: before, state: state)
        let scope = currentWalk.atLastAnswer
        let moved = paths.advance(from: paths.next(after: record.step, variables: scope), variables: scope)
        state.phase = ConversationState.Phase(at: moved.position)
        turn.messages += moved.said.map { Message($0) }
        return proceed(turn)
    }

    /// Later answers that were given while reading the changed one; the client may want to revisit them.
    private func dependents(of stepID: String, after index: Int) -> [Message] {
        guard let name = script[stepID]?.save?.name else { return [] }
        let affected = state.records[(index + 1)...].compactMap { record -> String? in
            guard let step = script[record.step], step.reads.contains(name) else { return nil }
            return "“\(step.label)” (/edit \(step.id))"
        }
        guard !affected.isEmpty else { return [] }
        return [Message("You may want to look again at " + Set(affected).sorted().joined(separator: ", ") + ".", tone: .notice)]
    }

    private mutating func pickAnswerToChange(_ line: String, at step: Step) -> Turn {
        let answered = editableRecords
        let options = answered.map { label($0.record.step) }
        switch ChoiceMatcher(options: options).one(line.trimmingWhitespace()) {
        case .failure(let problem):
            let byID = answered.last { $0.record.step == line.trimmingWhitespace().lowercased() }
            guard let byID else { return rejected(line, answered.isEmpty ? .nothingToChange : problem, at: step) }
            return startEditing(byID.index, dropLast: true, turn: Turn(next: .end(.paused)))
        case .success(let option):
            let chosen = answered.last { label($0.record.step) == option }!
            return startEditing(chosen.index, dropLast: true, turn: Turn(next: .end(.paused)))
        }
    }

    // MARK: commands

    private mutating func run(_ command: SlashCommand, argument: String, at step: Step, turn: Turn) -> Turn {
        var turn = turn
        switch command {
        case .help:
            var help = step.help ?? "Answer in your own words."
            if step.choicesFrom == .jobFamilies { help += "\nKinds of work: " + familyChoices.joined(separator: ", ") + "." }
            turn.messages.append(Message("\(help)\nExpected: \(kind(of: step).formatHint).\n\(SlashCommand.helpText)", tone: .notice))
            turn.next = .ask(reopen(step))
        case .why:
            let options = suggestions(for: step)
            if let n = Int(argument), n >= 1, n <= options.count {
                let s = options[n - 1]
                let because = s.reasons.map { "• " + $0 }.joined(separator: "\n")
                turn.messages.append(Message("\(s.metric.name) (score \(s.score); rules: \(s.rules.joined(separator: ", ")))\n\(because)\nMeasured: \(s.metric.measure) Source: \(s.metric.source).", tone: .notice))
            } else {
                turn.messages.append(Message(step.why ?? "It helps shape a plan that fits you.", tone: .notice))
            }
            turn.next = .ask(reopen(step))
        case .summary:
            turn.messages.append(Message(summary, tone: .notice))
            turn.next = .ask(reopen(step))
        case .examples:
            turn.messages.append(Message(library.text(for: variables["goal.type"]?.display), tone: .notice))
            turn.next = .ask(reopen(step))
        case .note:
            if argument.isEmpty || TerminalText.hasUnsafeScalars(argument) || argument.count > AnswerParser.maxLength {
                turn.messages.append(Message("Type the note after the command: /note TEXT (plain text, up to 2,000 characters).", tone: .problem))
            } else {
                turn.log.append(.noteAdded(step: step.id, text: argument))
                turn.messages.append(Message("Note kept — private to the coach.", tone: .success))
            }
            turn.next = .ask(reopen(step))
        case .agreed:
            if let last = state.records.last {
                turn.log.append(.answerAgreed(step: last.step))
                turn.messages.append(Message("Marked “\(label(last.step))” as agreed together.", tone: .success))
            } else {
                turn.messages.append(Message(AnswerProblem.nothingToChange.message, tone: .problem))
            }
            turn.next = .ask(reopen(step))
        case .save:
            turn.messages.append(Message("Saved — everything you've answered is kept.", tone: .success))
            turn.next = .ask(reopen(step))
        case .quit:
            turn.next = .end(.paused)
        case .restart:
            state.phase = .confirming(.restart, over: state.phase)
            turn.messages.append(Message("Start over from the first question? Your answers will be cleared (the log keeps them). (yes/no)", tone: .notice))
            turn.next = .ask(confirmationPrompt)
        case .skip:
            guard !step.required else {
                turn.messages.append(Message("This one is needed to go on" + (step.why.map { ": \($0)" } ?? ".") , tone: .problem))
                turn.next = .ask(reopen(step))
                return turn
            }
            turn.log.append(.answerAccepted(step: step.id, value: nil))
            turn.messages.append(Message("Skipped — /edit \(step.id) brings it back.", tone: .notice))
            return accept(AnswerRecord(step: step.id, raw: "/skip", value: nil), turn: turn)
        case .back:
            if case .editing(_, _, let returning) = state.phase {
                state.phase = ConversationState.Phase(at: returning)
                turn.messages.append(Message("Edit cancelled.", tone: .notice))
                return proceed(turn)
            }
            guard let last = state.removeLastAnswer() else {
                turn.messages.append(Message("This is the first question.", tone: .notice))
                turn.next = .ask(reopen(step))
                return turn
            }
            turn.log.append(.answerWithdrawn(step: last.step, reason: "back"))
            return rewalk(turn, reason: "back")
        case .edit:
            return edit(argument, at: step, turn: turn)
        }
        return turn
    }

    private mutating func edit(_ argument: String, at step: Step, turn: Turn) -> Turn {
        var turn = turn
        let answered = editableRecords
        let key = argument.lowercased()
        let match = answered.last { $0.record.step.lowercased() == key || label($0.record.step).lowercased() == key }
        guard let match else {
            let list = uniqued(answered.map(\.record.step)).joined(separator: ", ")
            let text: String
            if answered.isEmpty { text = AnswerProblem.nothingToChange.message }
            else if argument.isEmpty { text = "Which answer? Type /edit and one of: \(list)." }
            else { text = "There is no answer called “\(TerminalText.sanitize(argument))”. You can change: \(list)." }
            turn.messages.append(Message(text, tone: .problem))
            turn.next = .ask(reopen(step))
            return turn
        }
        return startEditing(match.index, dropLast: false, turn: turn)
    }

    private mutating func startEditing(_ index: Int, dropLast: Bool, turn: Turn) -> Turn {
        var turn = turn
        if dropLast, let last = state.removeLastAnswer() {
            turn.log.append(.answerWithdrawn(step: last.step, reason: "changing an earlier answer"))
        }
        // Picking the answer that led to the picker (the summary's "no") asks that question again.
        guard state.records.indices.contains(index) else { return rewalk(turn, reason: "back") }
        state.phase = .editing(index: index, ConversationState.Question(step: state.records[index].step), returning: state.position)
        if let current = state.records[index].value {
            turn.messages.append(Message("Currently: \(TerminalText.sanitize(current.display)). /back keeps it.", tone: .notice))
        }
        return proceed(turn)
    }

    private var editableRecords: [(index: Int, record: AnswerRecord)] {
        state.records.enumerated().filter { script[$0.element.step]?.kind != .answerPicker }.map { ($0.offset, $0.element) }
    }

    // MARK: moving on

    /// Recomputes the path after answers changed; answers that fall off it are withdrawn.
    private mutating func rewalk(_ turn: Turn, reason: String) -> Turn {
        var turn = turn
        let walk = currentWalk
        let onPath = Set(walk.kept)
        let dropped = state.records.indices.filter { !onPath.contains($0) }.map { state.records[$0] }
        if !dropped.isEmpty {
            if reason != "back" {
                let labels = dropped.map { "“\(label($0.step))”" }
                turn.messages.append(Message("These answers no longer apply and were set aside: " + labels.joined(separator: ", ") + ".", tone: .notice))
            }
            turn.log += dropped.map { .answerWithdrawn(step: $0.step, reason: reason) }
            state.replaceAnswers(with: walk.kept.map { state.records[$0] })
        }
        state.phase = ConversationState.Phase(at: walk.position)
        return proceed(turn)
    }

    /// Asks the current question, or ends when the interview is complete.
    private mutating func proceed(_ turn: Turn) -> Turn {
        var turn = turn
        guard let step = currentStep else {
            turn.log.append(.conversationFinished)
            turn.next = .end(.finished)
            return turn
        }
        turn.next = .ask(askFully(step, turn: &turn))
        return turn
    }

    // MARK: prompts

    private var currentStep: Step? { state.activeStep.flatMap { script[$0] } }

    /// The step's answer kind, with options worked out now when they are dynamic.
    private func kind(of step: Step) -> AnswerKind {
        switch step.choicesFrom {
        case nil: return step.kind
        case .suggestions: return .multiChoice(suggestions(for: step).map(\.metric.name))
        case .jobFamilies: return .choice(familyChoices)
        }
    }

    /// Every job family, those whose titles share words with the client's title first.
    private var familyChoices: [String] {
        catalogue?.roles.closest(to: variables["profile.role"]?.display ?? "").map(\.name) ?? []
    }

    /// How many of the families are listed; the rest are a TAB or a typed name away.
    static let familiesShown = 8

    private func suggestions(for step: Step) -> [Suggester.Suggestion] {
        guard step.choicesFrom == .suggestions, let catalogue else { return [] }
        return Suggester(catalogue: catalogue, today: parser.today).suggest(variables, limit: 7)
    }

    /// The answers on the path so far, by saved name, with `--client` presets underneath.
    public var variables: [String: AnswerValue] { currentWalk.variables }

    private var currentWalk: ScriptPaths.Walk { memo.walk(paths, state: state) }

    private func label(_ stepID: String) -> String { script[stepID]?.label ?? stepID }

    /// The whole question: its own statement (re-shown after a change), the text and options.
    private func askFully(_ step: Step, turn: inout Turn) -> Prompt {
        var prompt = reopen(step)
        let lookup = variables
        if let say = step.say { turn.messages.append(Message(say.render(paths.answers(lookup), today: parser.today))) }
        var text = step.ask?.render(paths.answers(lookup), today: parser.today) ?? ""
        if step.kind == .answerPicker {
            prompt.options = editableRecords.map { "\(label($0.record.step)): \(TerminalText.sanitize($0.record.value?.display ?? "(skipped)"))" }
        }
        if state.editingIndex != nil { text = "(changing “\(step.label)”) " + text }
        prompt.question = text
        turn.log.append(.promptShown(step: step.id, text: text))
        return prompt
    }

    private func reopen(_ step: Step) -> Prompt {
        let commands = SlashCommand.allCases.map { "/" + $0.rawValue }
        let edits = currentWalk.answered.filter { script[$0]?.kind != .answerPicker }.map { "/edit " + $0 }.sorted()
        let kind = kind(of: step)
        let options = kind == .answerPicker ? editableRecords.map { label($0.record.step) } : kind.choices
        let shown: [String]
        switch step.choicesFrom {
        case .suggestions:
            shown = suggestions(for: step).enumerated().map { i, s in
                "\(s.metric.name) — " + (s.reasons.first ?? "") + (s.reasons.count > 1 ? " (/why \(i + 1) for more)" : "")
            }
        case .jobFamilies:
            shown = Array(options.prefix(Self.familiesShown))
        case nil:
            shown = options
        }
        return Prompt(stepID: step.id, question: nil,
                      options: kind == .yesNo ? [] : shown,
                      completions: options + commands + edits)
    }

    private var confirmationPrompt: Prompt {
        Prompt(stepID: state.activeStep, question: nil, completions: ["yes", "no"])
    }

    /// "label: value" for every answer so far, in order.
    public var summary: String {
        guard !state.records.isEmpty else { return "Nothing answered yet." }
        return state.records.filter { script[$0.step]?.kind != .answerPicker }.map { record in
            "\(label(record.step)): " + TerminalText.sanitize(record.value?.display ?? "(skipped)")
        }.joined(separator: "\n")
    }
}

/// Order-preserving de-duplication.
private func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
