/// Example SMART goals per goal type, offered with `/examples` so a client sees what a goal
/// they can be held to looks like before writing their own.
public struct GoalLibrary: Hashable, Sendable {
    public let examples: [(type: String, goals: [String])]

    public init(examples: [(type: String, goals: [String])]) { self.examples = examples }

    public static let empty = GoalLibrary(examples: [])

    /// The examples for `type` when there are some, else two of every type.
    public func text(for type: String?) -> String {
        guard !examples.isEmpty else { return "No example goals are installed (Rules/goal-library.yaml)." }
        if let type, let match = examples.first(where: { $0.type.lowercased() == type.lowercased() }) {
            return "Example goals for “\(match.type)”:\n" + match.goals.map { "• " + $0 }.joined(separator: "\n")
        }
        return examples.map { "\($0.type):\n" + $0.goals.prefix(2).map { "• " + $0 }.joined(separator: "\n") }.joined(separator: "\n")
    }

    public static func == (a: GoalLibrary, b: GoalLibrary) -> Bool {
        a.examples.map(\.type) == b.examples.map(\.type) && a.examples.map(\.goals) == b.examples.map(\.goals)
    }

    public func hash(into hasher: inout Hasher) {
        for (type, goals) in examples { hasher.combine(type); hasher.combine(goals) }
    }
}
