/// The five SMART questions a goal is checked against; the raw values are the keys the app emits in JSON.
public enum SmartCriterion: String, CaseIterable, Sendable, Codable {
    case specific
    case measurable
    case achievable
    case relevant
    case timeBound = "time_bound"
}
