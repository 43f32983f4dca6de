import CoachCore
import Testing

@Suite("Goal roll-up")
struct RollupTests {
    @Test func weightedMeanOfClampedProgress() {
        // 1.4 counts as 1; weights 0 and −1 are left out: (0.5 × 2 + 1 × 1) / 3 = 2/3
        #expect(Rollup.weighted([(0.5, 2), (1.4, 1), (0.2, 0), (0.9, -1)]) == 2.0 / 3.0)
        // (0.75 × 3 + 0.25 × 1) / 4 = 0.625
        #expect(Rollup.weighted([(0.75, 3), (0.25, 1)]) == 0.625)
        // −0.5 counts as 0: (0 + 1) / 2
        #expect(Rollup.weighted([(-0.5, 1), (1, 1)]) == 0.5)
    }

    @Test func nothingToWeighIsNil() {
        #expect(Rollup.weighted([]) == nil)
        #expect(Rollup.weighted([(0.5, 0), (0.7, -2)]) == nil)
    }

    @Test func rollsUpEvaluatedKPIs() {
        let today = date("2026-02-20")
        let kpis = [
            KPIFixture.kpi(10, 30, checkins: [("2026-02-01", 20)], weight: 3),          // p = 0.5
            KPIFixture.kpi(20, 5, .decrease, checkins: [("2026-02-01", 11)], weight: 1), // p = 0.6
        ]
        let items = kpis.map { (progress: $0.evaluate(today: today, cadence: .weekly).progress, weight: $0.weight) }
        // (0.5 × 3 + 0.6 × 1) / 4 = 2.1 / 4 = 0.525
        #expect(Rollup.weighted(items) == 0.525)
    }
}
