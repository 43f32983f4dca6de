/// How a script is walked: which step follows which, given the answers. The engine uses it
/// to move forward, and to recompute the path after `/back`, `/edit` or a changed script.
struct ScriptPaths: Sendable {
    let script: Script
    let today: LocalDate
    /// Answers `catalogue(name, 'unit')` and friends in scripts.
    let catalogue: Catalogue?
    /// The word tables the SMART functions read.
    let smart: SmartVocabulary
    /// A guard against scripts that loop through statements without ever asking.
    static let maxHops = 1_000

    /// Where the walk stops, and what the statements passed on the way said (a question's
    /// own `say` is shown when it is asked).
    struct Move {
        var position: ConversationState.Position
        var said: [String]
        /// The answers, plus what composed steps passed on the way worked out.
        var variables: [String: AnswerValue]
    }

    /// An answer by name; `catalogue:FIELD:NAME` reads a catalogue metric's field by its name.
    func answers(_ scope: [String: AnswerValue]) -> (String) -> AnswerValue? {
        { [catalogue] name in
            if let value = scope[name] { return value }
            if let catalogue, name.hasPrefix(Expression.familyPrefix) {
                return .text(catalogue.roles.read(String(name.dropFirst(Expression.familyPrefix.count)))?.family.name ?? "")
            }
            guard let catalogue, name.hasPrefix(Expression.cataloguePrefix) else { return nil }
            let parts = name.dropFirst(Expression.cataloguePrefix.count).split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let metric = catalogue.metric(named: String(parts[1])) else { return nil }
            return metric.field(String(parts[0]))
        }
    }

    func lookup(_ scope: [String: AnswerValue]) -> (String) -> ExpressionValue {
        let answers = answers(scope)
        return { answers($0).map(ExpressionValue.init) ?? .null }
    }

    /// The first branch whose condition holds; the end of the interview when none does.
    func next(after stepID: String, variables: [String: AnswerValue]) -> Transition.Target {
        guard let step = script[stepID] else { return .end }
        let lookup = lookup(variables)
        return step.next.first { $0.condition?.evaluate(lookup, today: today, smart: smart).isTruthy ?? true }?.target ?? .end
    }

    /// From `target`, passes statements, composed values and steps whose `when` is false, up
    /// to the next question.
    func advance(from target: Transition.Target, variables: [String: AnswerValue]) -> Move {
        var said: [String] = []
        var target = target
        var scope = variables
        for _ in 0..<Self.maxHops {
            guard case .step(let id) = target, let step = script[id] else { return Move(position: .finished, said: said, variables: scope) }
            if let condition = step.when, !condition.evaluate(lookup(scope), today: today, smart: smart).isTruthy {
                target = next(after: id, variables: scope)
                continue
            }
            if step.isQuestion { return Move(position: .asking(id), said: said, variables: scope) }
            if let compose = step.compose, let target = step.save {
                Self.save(.text(compose.render(answers(scope), today: today, smart: smart)), to: target, in: &scope)
            }
            if let say = step.say { said.append(say.render(answers(scope), today: today, smart: smart)) }
            target = next(after: id, variables: scope)
        }
        return Move(position: .finished, said: said, variables: scope)
    }

    /// Replays the recorded answers along the script: keeps, in order, those whose step is
    /// still on the path, and returns where the conversation stands, the kept indices and the
    /// answers (with composed values) along the way.
    func walk(records: [AnswerRecord], presets: [String: AnswerValue]) -> Walk {
        var kept: [Int] = []
        var answered: Set<String> = []
        var next = 0
        var atLastAnswer = presets
        var move = advance(from: .step(script.start), variables: presets)
        while case .asking(let id) = move.position, let index = records[next...].firstIndex(where: { $0.step == id }) {
            // Hand the values over rather than sharing them, so a collected list grows in place
            // instead of being copied at every answer (long conversations stay linear).
            atLastAnswer = [:]
            var scope = move.variables
            move.variables = [:]
            Self.apply(records[index], of: script[id], to: &scope)
            kept.append(index)
            answered.insert(id)
            next = index + 1
            atLastAnswer = scope
            move = advance(from: self.next(after: id, variables: scope), variables: scope)
        }
        return Walk(position: move.position, kept: kept, answered: answered, variables: move.variables, atLastAnswer: atLastAnswer)
    }

    /// The walk one answer further: `record`, at `index` of the records, answers the question `walk` stopped at.
    func extend(_ walk: Walk, with record: AnswerRecord, at index: Int) -> Walk {
        var walk = walk
        var scope = walk.variables
        walk.variables = [:]
        Self.apply(record, of: script[record.step], to: &scope)
        walk.kept.append(index)
        walk.answered.insert(record.step)
        walk.atLastAnswer = scope
        let move = advance(from: next(after: record.step, variables: scope), variables: scope)
        walk.position = move.position
        walk.variables = move.variables
        return walk
    }

    struct Walk {
        var position: ConversationState.Position
        /// Indices of the records still on the path, in order.
        var kept: [Int]
        /// The steps those records answer, for `/edit`'s completions without reading every answer.
        var answered: Set<String>
        /// Every named value, including what composed steps after the last answer worked out.
        var variables: [String: AnswerValue]
        /// The values just after the last kept answer: where moving on from it starts, so a
        /// composed step after it is not applied twice.
        var atLastAnswer: [String: AnswerValue]
    }

    /// A skipped answer leaves a single value unset, but keeps its place in a collected list
    /// (as empty text), so lists answered in the same loop stay aligned.
    private static func apply(_ record: AnswerRecord, of step: Step?, to scope: inout [String: AnswerValue]) {
        guard let target = step?.save else { return }
        if let value = record.value {
            save(value, to: target, in: &scope)
        } else if target.appends {
            save(.text(""), to: target, in: &scope)
        }
    }

    private static func save(_ value: AnswerValue, to target: SaveTarget, in scope: inout [String: AnswerValue]) {
        guard target.appends else { scope[target.name] = value; return }
        var items: [AnswerValue] = []
        if case .list(let existing)? = scope.removeValue(forKey: target.name) { items = existing }
        items.append(value)
        scope[target.name] = .list(items)
    }
}
