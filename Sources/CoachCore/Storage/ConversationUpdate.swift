/// What one turn changed in a saved conversation, so a store writes that and nothing more: the
/// answers are rows (after an answer, one is appended), a collected list grows by its new items,
/// and the rest of the state is small. One answer then costs the same at the 3,000th as at the 20th.
public struct ConversationUpdate: Hashable, Sendable {
    /// The state without its answers (`records` is empty); they travel as the changes below.
    public let state: ConversationState
    public let scriptHash: String
    public let clientName: String?
    public let status: ConversationSnapshot.Status
    public let step: String?
    /// Answers before this position are kept as saved; those from it on are replaced by `appendedAnswers`.
    public let keptAnswers: Int
    /// The answers from `keptAnswers` on: after an answer, just that one.
    public let appendedAnswers: [AnswerRecord]
    /// Named answers that are new or changed, except lists that only grew.
    public let setVariables: [String: AnswerValue]
    /// Collected lists (a loop's answers) that only grew: the items added, by name.
    public let extendedVariables: [String: ListExtension]
    public let removedVariables: Set<String>
    private let changesState: Bool

    /// What a store holds of a conversation, as far as the next update needs to know. It keeps
    /// no answers and no lists (holding them would copy them at every append), only their counts.
    public struct Saved: Sendable {
        enum Kept: Hashable, Sendable { case value(AnswerValue), list(count: Int) }

        let state: ConversationState
        let scriptHash: String
        let clientName: String?
        let answers: Int
        let variables: [String: Kept]

        public init(_ snapshot: ConversationSnapshot) {
            state = snapshot.state.withoutAnswers
            scriptHash = snapshot.scriptHash
            clientName = snapshot.clientName
            answers = snapshot.state.records.count
            variables = snapshot.variables.mapValues { value in
                if case .list(let items) = value { .list(count: items.count) } else { .value(value) }
            }
        }
    }

    /// The changes that turn `old`, as saved, into `new`. Answers are not compared: the state
    /// knows from which one they changed (`unsavedFrom`); when only answers were appended, a
    /// collected list can only have grown, so its new items are all that is sent.
    public init(from old: Saved, to new: ConversationSnapshot) {
        let after = new.state.records
        keptAnswers = min(old.answers, after.count, new.state.unsavedFrom ?? Int.max)
        appendedAnswers = Array(after[keptAnswers...])
        let onlyAppended = keptAnswers == old.answers
        var set: [String: AnswerValue] = [:], extended: [String: ListExtension] = [:]
        for (name, value) in new.variables {
            switch (old.variables[name], value) {
            case (.list(let count)?, .list(let items)) where onlyAppended && items.count >= count:
                if items.count > count { extended[name] = ListExtension(from: count, items: Array(items[count...])) }
            case (.value(let saved)?, _) where saved == value:
                continue
            default:
                set[name] = value
            }
        }
        setVariables = set
        extendedVariables = extended
        removedVariables = Set(old.variables.keys).subtracting(new.variables.keys)
        state = new.state.withoutAnswers
        scriptHash = new.scriptHash
        clientName = new.clientName
        status = new.status
        step = new.step
        changesState = old.state != state || old.scriptHash != scriptHash || old.clientName != clientName || old.answers != keptAnswers
    }

    /// True when the turn changed nothing a store keeps (a question shown again, `/help`).
    public var isEmpty: Bool {
        !changesState && appendedAnswers.isEmpty && setVariables.isEmpty && extendedVariables.isEmpty && removedVariables.isEmpty
    }

    /// The answers after this update, from the answers before it.
    public func applied(to answers: [AnswerRecord]) -> [AnswerRecord] {
        Array(answers.prefix(keptAnswers)) + appendedAnswers
    }

    /// The named answers after this update, from those before it.
    public func applied(to variables: [String: AnswerValue]) -> [String: AnswerValue] {
        var result = variables.filter { !removedVariables.contains($0.key) }.merging(setVariables) { $1 }
        for (name, added) in extendedVariables {
            guard case .list(let items)? = result[name] else { continue }
            result[name] = .list(Array(items.prefix(added.from)) + added.items)
        }
        return result
    }

    /// Items added to a collected list, from position `from` on.
    public struct ListExtension: Hashable, Sendable {
        public let from: Int
        public let items: [AnswerValue]
    }
}

extension ConversationState {
    /// The state as a store keeps it beside its answer rows.
    public var withoutAnswers: ConversationState {
        var state = self
        state.restore([])
        return state
    }
}
