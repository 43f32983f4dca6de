/// What one turn changed in a saved conversation, so a store writes that and nothing more: the
/// answers are rows, appended or replaced one by one, and the rest of the state is small. One
/// answer then costs the same at the 3,000th as at the 20th.
public struct ConversationUpdate: Hashable, Sendable {
    /// The state without its answers (`records` is empty); they travel as the changes below.
    public let state: ConversationState
    public let scriptHash: String
    public let clientName: String?
    public let status: ConversationSnapshot.Status
    public let step: String?
    /// Answers before this position are kept (some perhaps replaced); those from it on are removed.
    public let keptAnswers: Int
    /// Answers changed in place, by position (each below `keptAnswers`).
    public let replacedAnswers: [Int: AnswerRecord]
    /// New answers, placed from `keptAnswers` on.
    public let appendedAnswers: [AnswerRecord]
    /// Named answers that are new or changed, except lists that only grew.
    public let setVariables: [String: AnswerValue]
    /// Collected lists (a loop's answers) that only grew: the items added, by name.
    public let extendedVariables: [String: ListExtension]
    public let removedVariables: Set<String>

    /// The changes that turn `old` into `new`.
    public init(from old: ConversationSnapshot, to new: ConversationSnapshot) {
        let before = old.state.records, after = new.state.records
        keptAnswers = min(before.count, after.count)
        var replaced: [Int: AnswerRecord] = [:]
        for index in 0..<keptAnswers where before[index] != after[index] { replaced[index] = after[index] }
        replacedAnswers = replaced
        appendedAnswers = Array(after[keptAnswers...])
        var set: [String: AnswerValue] = [:], extended: [String: ListExtension] = [:]
        for (name, value) in new.variables where old.variables[name] != value {
            if case .list(let before)? = old.variables[name], case .list(let after) = value, after.count > before.count,
               after.prefix(before.count).elementsEqual(before) {
                extended[name] = ListExtension(from: before.count, items: Array(after[before.count...]))
            } else {
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
        removesAnswers = before.count > after.count
        changesState = old.state.withoutAnswers != state || old.scriptHash != scriptHash || old.clientName != clientName
    }

    private let removesAnswers: Bool
    private let changesState: Bool

    /// True when the turn changed nothing a store keeps (a question shown again, `/help`).
    public var isEmpty: Bool {
        !changesState && !removesAnswers && replacedAnswers.isEmpty && appendedAnswers.isEmpty && setVariables.isEmpty
            && extendedVariables.isEmpty && removedVariables.isEmpty
    }

    /// The answers after this update, from the answers before it.
    public func applied(to answers: [AnswerRecord]) -> [AnswerRecord] {
        var result = Array(answers.prefix(keptAnswers))
        for (index, record) in replacedAnswers { result[index] = record }
        return result + appendedAnswers
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
        state.records = []
        return state
    }
}
