/// Where a KPI stands against the straight line from baseline to target. Raw values are the
/// strings the app prints and stores.
public enum PaceStatus: String, CaseIterable, Sendable {
    case achieved
    case onTrack = "on_track"
    case behind
    case atRisk = "at_risk"
    case notStarted = "not_started"
    case overdue

    /// Classifies the gap between expected and actual progress. The bands are a sixth and a third
    /// of the whole way (0.165, 0.33): small slips are normal, a third is worth a conversation.
    init(gap: Double) {
        self = gap < 0.165 ? .onTrack : gap < 0.33 ? .behind : .atRisk
    }

    /// True when the client's confidence contradicts the numbers: sure of success while behind
    /// (≥ 8) or doubtful while on track (≤ 3). Either is worth raising in the next session.
    public func disagrees(withConfidence confidence: Int) -> Bool {
        switch self {
        case .behind, .atRisk: confidence >= 8
        case .onTrack, .achieved: confidence <= 3
        case .notStarted, .overdue: false
        }
    }

    /// The status as words for people ("on track", "at risk").
    public var words: String { rawValue.split(separator: "_").joined(separator: " ") }
}
