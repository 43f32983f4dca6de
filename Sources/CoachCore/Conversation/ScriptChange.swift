import Foundation

extension ConversationEngine {
    /// Continues a saved conversation. When the script changed since (another hash), each
    /// answer is matched to its step by id and re-checked; what no longer fits is set aside
    /// and the client is told which answers and why.
    /// The suggestions and families the client chose from exist by then, since the context comes first.
    public static func resume(_ script: Script, state saved: ConversationState, savedHash: String,
                              context: ConversationContext) -> ConversationEngine {
        var engine = ConversationEngine(script: script, state: saved, context: context)
        // A conversation comes back asking its question: an edit or a yes/no in progress is left.
        engine.state.phase = ConversationState.Phase(at: saved.position)
        guard savedHash != script.hash else { return engine }
        var notes: [String] = []
        var log: [LogEntry] = []
        var kept: [AnswerRecord] = []
        for record in saved.records {
            guard let step = script[record.step], step.isQuestion, step.kind != .answerPicker else {
                notes.append("“\(record.step)” is no longer part of the interview.")
                log.append(.answerWithdrawn(step: record.step, reason: "script changed: step removed"))
                continue
            }
            guard record.value != nil else { kept.append(record); continue }
            engine.state.replaceAnswers(with: kept)
            switch engine.check(record.raw, for: step) {
            case .success(let value):
                kept.append(AnswerRecord(step: record.step, raw: record.raw, value: value))
            case .failure(let problem):
                notes.append("Your answer to “\(step.label)” no longer fits: \(problem.message)")
                log.append(.answerWithdrawn(step: record.step, reason: "script changed: \(problem.message)"))
            }
        }
        let walk = engine.paths.walk(records: kept, presets: saved.presets)
        for (index, record) in kept.enumerated() where !walk.kept.contains(index) {
            notes.append("“\(script[record.step]?.label ?? record.step)” no longer applies.")
            log.append(.answerWithdrawn(step: record.step, reason: "script changed: not on the path"))
        }
        engine.state.replaceAnswers(with: walk.kept.map { kept[$0] })
        engine.state.phase = ConversationState.Phase(at: walk.position)
        if !notes.isEmpty {
            notes.insert("The interview “\(script.title)” changed since last time.", at: 0)
        }
        engine.openingNotes = (log, notes.map { Message($0, tone: .notice) })
        return engine
    }
}

extension ConversationEngine {
    /// The conversation as `kpicoach resume` finds it: the state through its saved JSON form,
    /// continued with the same script and context.
    public func resumedFromSavedForm() throws -> ConversationEngine {
        let saved = try JSONDecoder().decode(ConversationState.self, from: JSONEncoder().encode(state))
        return ConversationEngine.resume(script, state: saved, savedHash: script.hash, context: context)
    }
}
