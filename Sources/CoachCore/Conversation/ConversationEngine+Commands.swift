/// The slash commands: help, why, summary, examples, notes, agreement, skip, back, edit,
/// restart and quit.
extension ConversationEngine {
    mutating func run(_ command: SlashCommand, argument: String, at step: Step, turn: Turn) -> Turn {
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
            turn.messages.append(Message("Skipped — /edit \(step.label) brings it back.", tone: .notice))
            return accept(AnswerRecord(step: step.id, raw: "/skip", value: nil), turn: turn)
        case .back:
            if case .editing(_, _, let returning) = state.phase {
                state.phase = ConversationState.Phase(at: returning)
                turn.messages.append(Message("Edit cancelled.", tone: .notice))
                return proceed(turn)
            }
            let end = pathEnd
            guard end > 0 else {
                turn.messages.append(Message("This is the first question.", tone: .notice))
                turn.next = .ask(reopen(step))
                return turn
            }
            let last = state.removeAnswer(at: end - 1)
            turn.log.append(.answerWithdrawn(step: last.step, reason: "back"))
            return rewalk(turn, reason: "back")
        case .edit:
            return edit(argument, at: step, turn: turn)
        }
        return turn
    }

    mutating func edit(_ argument: String, at step: Step, turn: Turn) -> Turn {
        var turn = turn
        let answered = editableRecords
        let key = argument.lowercased()
        let match = answered.last { $0.record.step.lowercased() == key || label($0.record.step).lowercased() == key }
        guard let match else {
            let list = uniqued(answered.map { label($0.record.step) }).joined(separator: ", ")
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

    mutating func startEditing(_ index: Int, dropLast: Bool, turn: Turn) -> Turn {
        var turn = turn
        if dropLast, pathEnd > 0 {
            let last = state.removeAnswer(at: pathEnd - 1)
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

    var editableRecords: [(index: Int, record: AnswerRecord)] {
        state.records.enumerated().filter { isEditable($0.element.step) }.map { ($0.offset, $0.element) }
    }

    /// Answers a client can change: not the pick of an answer to change, nor the confirmation
    /// that leads to it ("Does this capture it?" is answered again after a change, not edited).
    func isEditable(_ stepID: String) -> Bool {
        guard let step = script[stepID], step.kind != .answerPicker else { return false }
        return !step.next.contains { transition in
            if case .step(let target) = transition.target { script[target]?.kind == .answerPicker } else { false }
        }
    }
}

/// Order-preserving de-duplication.
private func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
