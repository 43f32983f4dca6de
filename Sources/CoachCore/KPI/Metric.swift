/// One career metric of the catalogue: what it counts, which way is better, where the number
/// comes from and how often to look at it.
public struct Metric: Hashable, Sendable {
    public enum Unit: String, CaseIterable, Sendable { case count, money, percent, hours, score, yesNo = "yes/no" }
    public enum Direction: String, CaseIterable, Sendable { case increase, decrease, stayAbove = "stay above", stayBelow = "stay below" }
    public enum Cadence: String, CaseIterable, Sendable { case weekly, monthly, quarterly }
    /// Professional achievement, or personal growth and well-being — a plan needs both.
    public enum Kind: String, CaseIterable, Sendable { case professional, personal }
    /// A short-term milestone or a long-term objective — a plan needs both.
    public enum Horizon: String, CaseIterable, Sendable { case short, long }

    public let id: String
    public let name: String
    public let family: String
    public let unit: Unit
    public let direction: Direction
    public let measure: String
    public let source: String
    public let cadence: Cadence
    public let kind: Kind
    public let horizon: Horizon
    /// The question that captures where the client starts.
    public let baselineQuestion: String
    /// The fixed range of a rating ("from 1 to 10"): a baseline, target or check-in outside it is refused.
    public let scale: ClosedRange<Double>?
    /// The metrics that carry the same number in another form (a raise in percent restates the
    /// salary): a list of suggestions gives one of them a place, not two.
    public let restates: [String]

    public init(id: String, name: String, family: String, unit: Unit, direction: Direction, measure: String,
                source: String, cadence: Cadence, kind: Kind, horizon: Horizon, baselineQuestion: String,
                scale: ClosedRange<Double>? = nil, restates: [String] = []) {
        self.id = id
        self.name = name
        self.family = family
        self.unit = unit
        self.direction = direction
        self.measure = measure
        self.source = source
        self.cadence = cadence
        self.kind = kind
        self.horizon = horizon
        self.baselineQuestion = baselineQuestion
        self.scale = scale
        self.restates = restates
    }

    /// Whether one of the two carries the other's number.
    public func restates(_ other: Metric) -> Bool {
        restates.contains(other.id) || other.restates.contains(id)
    }

    /// A field by its name in Rules/ (`unit`, `direction`, `cadence`, …; `lowest` and `highest` of
    /// a scale), for scripts.
    public func field(_ name: String) -> AnswerValue? {
        switch name {
        case "lowest": return scale.map { .number($0.lowerBound) }
        case "highest": return scale.map { .number($0.upperBound) }
        default: return text(name).map(AnswerValue.text)
        }
    }

    private func text(_ name: String) -> String? {
        switch name {
        case "id": return id
        case "name": return self.name
        case "family": return family
        case "unit": return unit.rawValue
        case "direction": return direction.rawValue
        case "measure": return measure
        case "source": return source
        case "cadence": return cadence.rawValue
        case "kind": return kind.rawValue
        case "horizon": return horizon.rawValue
        case "baseline": return baselineQuestion
        default: return nil
        }
    }
}
