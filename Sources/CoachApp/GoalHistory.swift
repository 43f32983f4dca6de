public import CoachCore

/// Every goal a client has set, oldest first, as the conversations that set them recorded them,
/// and which KPIs of the plan serve which goal. A new goal does not erase the old one: the
/// KPIs agreed for it still belong to it.
public struct GoalHistory: Sendable {
    /// One goal, from the first conversation that recorded it.
    public struct Goal: Hashable, Sendable {
        public let text: String
        public let type: String?
        public let deadline: String?
        public let setOn: LocalDate
        let startedAt: Instant
    }

    public let goals: [Goal]
    /// The goal each conversation worked on: its own, or the one it was given (a KPI selection
    /// is given the goal it measures).
    let goalOf: [ConversationID: String]

    /// Reads the client's conversations, oldest first.
    public static func of(client: String, in storage: any ConversationStore) throws(StoreError) -> GoalHistory {
        let mine = try storage.conversations().filter { $0.client?.lowercased() == client.lowercased() }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        var goals: [Goal] = [], goalOf: [ConversationID: String] = [:]
        for summary in mine {
            let answers = try storage.conversation(summary.id).variables
            guard let text = answers["goal.final"]?.display, !text.isEmpty else { continue }
            goalOf[summary.id] = text
            if goals.contains(where: { $0.text == text }) { continue }
            goals.append(Goal(text: text, type: answers["goal.type"]?.display, deadline: answers["goal.deadline"]?.display,
                              setOn: summary.updatedAt.day, startedAt: summary.createdAt))
        }
        return GoalHistory(goals: goals, goalOf: goalOf)
    }

    /// The goal a KPI serves: the one its conversation measured, or for a KPI added by hand the
    /// latest goal begun before it was added.
    public func goal(of kpi: StoredKPI) -> Goal? {
        if let id = kpi.conversation, let text = goalOf[id] { return goals.first { $0.text == text } }
        guard let added = kpi.addedAt else { return goals.last }
        return goals.last { !(added < $0.startedAt) }
    }

    public func kpis(serving goal: Goal, in kpis: [StoredKPI]) -> [StoredKPI] { kpis.filter { self.goal(of: $0) == goal } }
}
