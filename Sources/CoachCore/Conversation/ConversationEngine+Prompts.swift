/// What is asked: the question, its options and completions, worked out from the script and
/// the answers so far.
extension ConversationEngine {
    var currentStep: Step? { state.activeStep.flatMap { script[$0] } }

    /// The step's answer kind, with options worked out now when they are dynamic.
    func kind(of step: Step) -> AnswerKind {
        switch step.choicesFrom {
        case nil: return step.kind
        case .suggestions: return .multiChoice(suggestions(for: step).map(\.metric.name))
        case .jobFamilies: return .choice(familyChoices)
        }
    }

    /// Every job family, those whose titles share words with the client's title first.
    var familyChoices: [String] {
        catalogue?.roles.closest(to: variables["profile.role"]?.display ?? "").map(\.name) ?? []
    }

    /// How many of the families are listed; the rest are a TAB or a typed name away.
    static let familiesShown = 8

    func suggestions(for step: Step) -> [Suggester.Suggestion] {
        guard step.choicesFrom == .suggestions, let catalogue else { return [] }
        return Suggester(catalogue: catalogue, today: parser.today).suggest(variables, limit: 7)
    }

    /// The answers on the path so far, by saved name, with `--client` presets underneath.
    public var variables: [String: AnswerValue] { currentWalk.variables }

    var currentWalk: ScriptPaths.Walk { memo.walk(paths, state: state) }

    func label(_ stepID: String) -> String { script[stepID]?.label ?? stepID }

    /// The whole question: its own statement (re-shown after a change), the text and options.
    func askFully(_ step: Step, turn: inout Turn) -> Prompt {
        var prompt = reopen(step)
        // A changed answer is asked as it was the first time: with the answers given before it
        // (the second KPI's target names the second KPI).
        let lookup = state.editingIndex.map { paths.walk(records: Array(state.records[..<$0]), presets: state.presets).variables } ?? variables
        if let say = step.say { turn.messages.append(Message(say.render(paths.answers(lookup), today: parser.today, smart: paths.smart))) }
        var text = step.ask?.render(paths.answers(lookup), today: parser.today, smart: paths.smart) ?? ""
        if step.kind == .answerPicker {
            prompt.options = editableRecords.map { "\(label($0.record.step)): \(TerminalText.sanitize($0.record.value?.display ?? "(skipped)"))" }
        }
        if state.editingIndex != nil { text = "(changing “\(step.label)”) " + text }
        prompt.question = text
        prompt.prefill = prefill(for: step, lookup)
        turn.log.append(.promptShown(step: step.id, text: text))
        return prompt
    }

    /// What goes on the input line to be changed: the text answer being edited, as typed, or
    /// the step's `prefill` (the draft goal when the client chose to edit it).
    private func prefill(for step: Step, _ lookup: [String: AnswerValue]) -> String? {
        let text: String?
        if let index = state.editingIndex, step.kind == .text, state.records.indices.contains(index), state.records[index].step == step.id {
            text = state.records[index].value?.display
        } else {
            text = step.prefill?.render(paths.answers(lookup), today: parser.today, smart: paths.smart)
        }
        return text.map { TerminalText.sanitize($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func reopen(_ step: Step) -> Prompt {
        let commands = SlashCommand.allCases.map { "/" + $0.rawValue }
        let edits = currentWalk.answered.filter(isEditable).map { "/edit " + label($0) }.sorted()
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
        let titles = step.completesFrom == .jobTitles ? catalogue?.roles.knownTitles ?? [] : []
        return Prompt(stepID: step.id, question: nil,
                      options: kind == .yesNo ? [] : shown,
                      completions: options + titles + commands + edits)
    }

    var confirmationPrompt: Prompt {
        Prompt(stepID: state.activeStep, question: nil, completions: ["yes", "no"])
    }

    /// "label: value" for every answer so far, in order.
    /// Answers held past the path's end (after a change of branch) are listed apart.
    public var summary: String {
        guard !state.records.isEmpty else { return "Nothing answered yet." }
        let end = pathEnd
        let shown = state.records.enumerated().filter { script[$0.element.step]?.kind != .answerPicker }
        var lines = shown.filter { $0.offset < end }.map { "\(label($0.element.step)): " + TerminalText.sanitize($0.element.value?.display ?? "(skipped)") }
        let held = shown.filter { $0.offset >= end }.map { label($0.element.step) }
        if !held.isEmpty { lines.append("Kept for when they come up again: " + held.joined(separator: ", ") + ".") }
        return lines.joined(separator: "\n")
    }
}
