/// Reading an answer: parsing it by type, the script's checks, readings to choose from, a
/// refusal that says why; an accepted answer moves the conversation on.
extension ConversationEngine {
    mutating func answer(_ typed: String, to step: Step) -> Turn {
        if step.kind == .answerPicker { return pickAnswerToChange(typed, at: step) }
        let scope = variables
        let line = typed.trimmingWhitespace().isEmpty ? step.defaultAnswer.map { $0.render(paths.answers(scope), today: parser.today, smart: paths.smart) } ?? typed : typed
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
            if let target = NaturalNumber.target(of: step.kind, unit: step.unit), let reading = parser.reading(of: line, as: target),
               reading.interpreted {
                turn.messages.append(Message("Saved: \(reading.spoken(as: target)).", tone: .success))
            }
            return accept(record, turn: turn)
        }
    }

    /// One of the readings offered after the last answer, picked by number or typed out.
    func pick(_ line: String, from offered: [AnswerValue], for step: Step) -> Result<AnswerValue, AnswerProblem>? {
        let text = line.trimmingWhitespace()
        guard let n = Int(text), n >= 1, n <= offered.count else { return nil }
        return check(offered[n - 1].display, for: step)
    }

    /// A date written with a year that has passed, refused by the script's own rule, gets a question
    /// instead when the same day next year would do ("that was three weeks ago — did you mean …?").
    func questioned(_ problem: AnswerProblem, _ line: String, for step: Step) -> Result<AnswerValue, AnswerProblem> {
        // A day found in a sentence is offered only when the question would take it.
        if case .dateInSentence(_, let day) = problem, case .failure = check(day.iso, for: step) {
            return .failure(.notUnderstood(hint: AnswerKind.date.formatHint))
        }
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
    func increment(_ line: String, for step: Step) -> Result<AnswerValue, AnswerProblem> {
        let text = line.trimmingWhitespace()
        guard let base = step.relativeTo, text.hasPrefix("+"),
              case .number(let start) = ExpressionValue(.text(base.render(paths.answers(variables), today: parser.today, smart: paths.smart))).numeric else {
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
            for rule in step.rejects where rule.condition.evaluate(paths.lookup(scope), today: parser.today, smart: paths.smart).isTruthy {
                return .failure(.declined(rule.message.render(paths.answers(scope), today: parser.today, smart: paths.smart)))
            }
            return .success(value)
        }
    }

    mutating func rejected(_ line: String, _ problem: AnswerProblem, at step: Step) -> Turn {
        if problem == .unknownNumber || problem == .unsure, !step.required, state.editingIndex == nil {
            // "Dunno" at a question that can wait: leave it for later rather than count a failure.
            state.question?.attempts = 0
            var turn = Turn(log: [.answerAccepted(step: step.id, value: nil)],
                            messages: [Message("That's fine — let's leave it for later; /edit \(step.label) brings it back.", tone: .notice)],
                            next: .end(.paused))
            turn.log.insert(.answerRejected(step: step.id, reason: problem.message), at: 0)
            return accept(AnswerRecord(step: step.id, raw: line, value: nil), turn: turn)
        }
        let reason = problem.message(canSkip: !step.required)
        if let offered = problem.offeredDates {
            state.question?.readings = offered.map(AnswerValue.date)
            var prompt = reopen(step)
            prompt.completions = offered.indices.map { String($0 + 1) } + prompt.completions
            return Turn(log: [.answerRejected(step: step.id, reason: reason)],
                        messages: [Message(reason, tone: .problem)], next: .ask(prompt))
        }
        let attempts = (state.question?.attempts ?? 0) + 1
        state.question?.attempts = attempts
        var turn = Turn(log: [.answerRejected(step: step.id, reason: reason)],
                        messages: [Message(reason, tone: .problem)], next: .end(.paused))
        guard attempts >= step.maxAttempts else {
            turn.next = .ask(reopen(step))
            return turn
        }
        state.question?.attempts = 0
        if !step.required, state.editingIndex == nil {
            turn.messages.append(Message("Let's leave this one for now — /edit \(step.label) brings it back.", tone: .notice))
            turn.log.append(.answerAccepted(step: step.id, value: nil))
            return accept(AnswerRecord(step: step.id, raw: line, value: nil), turn: turn)
        }
        let hint = kind(of: step).formatHint
        turn.messages.append(Message(step.help.map { "\($0) (Expected: \(hint).)" } ?? "Expected: \(hint).", tone: .notice))
        turn.next = .ask(askFully(step, turn: &turn))
        return turn
    }

    /// Stores an accepted (or skipped) answer and moves to what comes next.
    mutating func accept(_ record: AnswerRecord, turn: Turn) -> Turn {
        var turn = turn
        if let index = state.editingIndex {
            let old = state.records[index]
            state.replaceAnswer(at: index, with: record)
            turn.messages.append(Message("Changed “\(label(record.step))”.", tone: .success))
            if old.value != record.value { turn.messages += dependents(of: record.step, after: index) }
            return rewalk(turn, reason: "no longer applies after the change to “\(label(record.step))”")
        }
        if pathEnd < state.records.count {
            state.insertAnswer(record, at: pathEnd)
            return rewalk(turn, reason: "not on the path after the change")
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
    func dependents(of stepID: String, after index: Int) -> [Message] {
        guard let name = script[stepID]?.save?.name else { return [] }
        let affected = state.records[(index + 1)...].compactMap { record -> String? in
            guard let step = script[record.step], step.reads.contains(name) else { return nil }
            return "“\(step.label)” (/edit \(step.label))"
        }
        guard !affected.isEmpty else { return [] }
        return [Message("You may want to look again at " + Set(affected).sorted().joined(separator: ", ") + ".", tone: .notice)]
    }

    mutating func pickAnswerToChange(_ line: String, at step: Step) -> Turn {
        let answered = editableRecords
        let typed = line.trimmingWhitespace()
        // Naming the confirmation that led here ("summary confirmed") asks it again.
        let end = pathEnd
        if end > 0, case let led = state.records[end - 1], !isEditable(led.step),
           [led.step.lowercased(), label(led.step).lowercased()].contains(typed.lowercased()) {
            return startEditing(end - 1, dropLast: true, turn: Turn(next: .end(.paused)))
        }
        // By its number: a looped question's answers share a label ("target" of each KPI).
        if let n = Int(typed), answered.indices.contains(n - 1) {
            return startEditing(answered[n - 1].index, dropLast: true, turn: Turn(next: .end(.paused)))
        }
        let options = answered.map { label($0.record.step) }
        switch ChoiceMatcher(options: options).one(typed) {
        case .failure(let problem):
            let byID = answered.last { $0.record.step == typed.lowercased() }
            guard let byID else { return rejected(line, answered.isEmpty ? .nothingToChange : problem, at: step) }
            return startEditing(byID.index, dropLast: true, turn: Turn(next: .end(.paused)))
        case .success(let option):
            let chosen = answered.last { label($0.record.step) == option }!
            return startEditing(chosen.index, dropLast: true, turn: Turn(next: .end(.paused)))
        }
    }
}
