/// Combines a goal's KPIs into one progress figure.
public enum Rollup {
    /// Σwᵢpᵢ / Σwᵢ over progress clamped to 0…1, so one over-achieving KPI cannot hide a stalled
    /// one. Weights of 0 or less leave a KPI out; nil when nothing is left to weigh.
    public static func weighted(_ items: [(progress: Double, weight: Double)]) -> Double? {
        let counted = items.filter { $0.weight > 0 }
        let totalWeight = counted.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else { return nil }
        return counted.reduce(0) { $0 + min(max($1.progress, 0), 1) * $1.weight } / totalWeight
    }
}
