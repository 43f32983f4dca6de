/// The interview as a state machine: `handle(event)` moves the state and returns a `Turn`
/// (what to log, say and ask). It prints nothing and saves nothing, so every rule of the
/// conversation is tested without a terminal or a database.
public struct ConversationEngine: Sendable {
    public let script: Script
    public let context: ConversationContext
    public internal(set) var state: ConversationState
    let parser: AnswerParser
    let paths: ScriptPaths
    let memo = WalkMemo()
    /// What a changed script did to saved answers, told when the conversation opens.
    var openingNotes: (log: [LogEntry], messages: [Message]) = ([], [])

    public init(script: Script, state: ConversationState, context: ConversationContext) {
        self.script = script
        self.state = state
        self.context = context
        self.parser = AnswerParser(today: context.today, dateOrder: context.dateOrder, minutesNow: context.minutesNow)
        self.paths = ScriptPaths(script: script, today: context.today, catalogue: context.catalogue, smart: context.smart)
    }

    /// A fresh conversation positioned at the script's first question.
    public static func begin(_ script: Script, presets: [String: AnswerValue], context: ConversationContext) -> ConversationEngine {
        let paths = ScriptPaths(script: script, today: context.today, catalogue: context.catalogue, smart: context.smart)
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

    mutating func opened(resumed: Bool) -> Turn {
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

    mutating func submitted(_ line: String) -> Turn {
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
    mutating func interrupted(lineHadText: Bool) -> Turn {
        guard let step = currentStep else { return Turn(next: .end(.finished)) }
        // Everything answered is already saved, so a second Ctrl-C stops as /quit does.
        if !lineHadText, state.question?.interrupted == true {
            state.question?.interrupted = false
            return Turn(log: [.commandUsed(step: step.id, command: "ctrl-c twice: quit")], next: .end(.paused))
        }
        state.question?.interrupted = !lineHadText
        let hint = lineHadText ? "Line cleared." : "Press Ctrl-C again to save and quit, or type your answer."
        return Turn(messages: [Message(hint, tone: .notice)], next: .ask(reopen(step)))
    }

    mutating func carryOn(_ turn: Turn) -> Turn {
        var turn = turn
        turn.messages.append(Message("OK, let's carry on.", tone: .notice))
        if let step = currentStep { turn.next = .ask(askFully(step, turn: &turn)) }
        return turn
    }

    mutating func confirm(_ pending: ConversationState.Confirmation, _ line: String, over: ConversationState.Phase) -> Turn {
        guard case .success(let yes) = AnswerParser.yesNoWord(line) else {
            return Turn(messages: [Message("Please answer yes or no.", tone: .problem)], next: .ask(confirmationPrompt))
        }
        state.phase = over
        var turn = Turn(log: [.commandUsed(step: state.activeStep, command: "\(pending.rawValue): \(yes ? "yes" : "no")")], next: .end(.paused))
        guard yes else { return carryOn(turn) }
        switch pending {
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

    // MARK: moving on

    /// Recomputes the path after answers changed; answers that fall off it are withdrawn.
    /// Answers past the question the path stopped at are held, not dropped: a changed answer can
    /// send the path through a new question first and back to steps already answered, which then
    /// keep their answers. What the path skipped, or what is left when it ends, is set aside.
    mutating func rewalk(_ turn: Turn, reason: String) -> Turn {
        var turn = turn
        let walk = currentWalk
        let onPath = Set(walk.kept)
        let end = (walk.kept.last ?? -1) + 1
        let waiting = walk.position != .finished
        let keep = state.records.indices.filter { onPath.contains($0) || (waiting && $0 >= end) }
        let dropped = Set(state.records.indices).subtracting(keep).sorted().map { state.records[$0] }
        if !dropped.isEmpty {
            if reason != "back" {
                let labels = dropped.map { "“\(label($0.step))”" }
                turn.messages.append(Message("These answers no longer apply and were set aside: " + labels.joined(separator: ", ") + ".", tone: .notice))
            }
            turn.log += dropped.map { .answerWithdrawn(step: $0.step, reason: reason) }
            state.replaceAnswers(with: keep.map { state.records[$0] })
        }
        state.phase = ConversationState.Phase(at: walk.position)
        return proceed(turn)
    }

    /// Where the path's answers end; the records after it are answers held for questions the
    /// path has not reached again.
    var pathEnd: Int { (currentWalk.kept.last ?? -1) + 1 }

    /// Asks the current question, or ends when the interview is complete.
    mutating func proceed(_ turn: Turn) -> Turn {
        var turn = turn
        guard let step = currentStep else {
            turn.log.append(.conversationFinished)
            turn.next = .end(.finished)
            return turn
        }
        turn.next = .ask(askFully(step, turn: &turn))
        return turn
    }
}
