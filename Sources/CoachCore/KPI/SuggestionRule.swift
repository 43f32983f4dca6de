/// When `condition` holds for a client, each metric in `weights` gains that weight, and the
/// client is told `reason`. Rules carry a profile they must fire for and one they must not.
public struct SuggestionRule: Hashable, Sendable {
    public let id: String
    public let condition: Expression
    public let weights: [MetricWeight]
    public let reason: String
    public let firesFor: [String: AnswerValue]
    public let silentFor: [String: AnswerValue]
    /// Weights for the metrics of the client's job family, in the family's order (`add_family`).
    public let familyWeights: [Int]
    /// The answers whose title decides the family, first readable one wins (`family_of`).
    public let familyOf: [String]
    /// It reads more than the kind of goal (the role, the goal's words, the family): what it asks
    /// for is about this client. Worked out once, as the suggester asks for every rule that fires.
    public let readsTheClient: Bool

    public struct MetricWeight: Hashable, Sendable {
        public let metricID: String
        public let weight: Int

        public init(metricID: String, weight: Int) {
            self.metricID = metricID
            self.weight = weight
        }
    }

    public init(id: String, condition: Expression, weights: [MetricWeight], reason: String,
                firesFor: [String: AnswerValue] = [:], silentFor: [String: AnswerValue] = [:],
                familyWeights: [Int] = [], familyOf: [String] = []) {
        self.familyWeights = familyWeights
        self.familyOf = familyOf
        self.readsTheClient = !familyWeights.isEmpty || !condition.variables.isSubset(of: ["goal.type"])
        self.id = id
        self.condition = condition
        self.weights = weights
        self.reason = reason
        self.firesFor = firesFor
        self.silentFor = silentFor
    }

    public func fires(for answers: [String: AnswerValue], today: LocalDate) -> Bool {
        fires(for: answers.mapValues(ExpressionValue.init), today: today)
    }

    /// With the answers already converted, as the suggester does once for all its rules.
    func fires(for values: [String: ExpressionValue], today: LocalDate) -> Bool {
        condition.evaluate({ values[$0] ?? .null }, today: today, smart: .empty).isTruthy
    }
}
