import CoachCore
import Testing

@Suite("Milestones and personal bests")
struct MilestoneTests {
    /// Baseline 0 → target 100: each value is its own percentage.
    @Test("Milestones crossed by the latest check-in", arguments: [
        ([20.0, 55.0], [25, 50]),           // 0.2 → 0.55
        ([30.0], [25]),                     // from the baseline's 0
        ([25.0], [25]),                     // landing exactly on a milestone crosses it
        ([50.0, 50.0], []),                 // already crossed
        ([20.0, 55.0, 40.0, 60.0], []),     // a dip and recovery does not celebrate 50 again
        ([20.0, 55.0, 40.0, 80.0], [75]),
        ([20.0, 10.0], []),                 // going backwards crosses nothing
        ([140.0], [25, 50, 75, 100]),       // over-achievement in one go
        ([Double](), []),
    ])
    func milestones(_ values: [Double], _ crossed: [Int]) {
        let kpi = KPIFixture.kpi(0, 100, checkins: KPIFixture.daily(values))
        #expect(kpi.evaluate(today: date("2026-02-20"), cadence: .weekly).milestonesCrossed == crossed)
    }

    @Test func decreaseMilestones() {
        // 20 → 5: 17 is 0.2 of the way, 11 is 0.6
        let kpi = KPIFixture.kpi(20, 5, .decrease, checkins: KPIFixture.daily([17, 11]))
        #expect(kpi.evaluate(today: date("2026-02-20"), cadence: .weekly).milestonesCrossed == [25, 50])
    }

    @Test func floatingPointNoiseDoesNotMissAMilestone() {
        // (0.3 − 0.1) / (0.5 − 0.1) is 0.49999999999999994 in binary floating point
        let kpi = KPIFixture.kpi(0.1, 0.5, checkins: KPIFixture.daily([0.3]))
        #expect(kpi.evaluate(today: date("2026-02-20"), cadence: .weekly).milestonesCrossed == [25, 50])
    }

    @Test func healthChecksHaveNoMilestones() {
        let kpi = KPIFixture.kpi(6, 5, .stayBelow, checkins: KPIFixture.daily([4]))
        #expect(kpi.evaluate(today: date("2026-02-20"), cadence: .weekly).milestonesCrossed == [])
    }

    @Test("Personal best beats the baseline and every earlier check-in", arguments: [
        (Metric.Direction.increase, 10.0, [12.0, 11.0, 13.0], true),
        (.increase, 10.0, [11.0], false),  // a first figure has nothing to beat yet
        (.increase, 10.0, [11.0, 12.0], true),
        (.increase, 10.0, [12.0, 12.0], false),  // matching is not beating
        (.increase, 10.0, [9.0], false),
        (.increase, 10.0, [], false),
        (.decrease, 20.0, [15.0, 14.0], true),
        (.decrease, 20.0, [15.0, 16.0], false),
        (.increase, -500.0, [-300.0, -400.0, -200.0], true),
        (.stayBelow, 6.0, [5.0, 4.0], true),
    ])
    func personalBest(_ direction: Metric.Direction, _ baseline: Double, _ values: [Double], _ best: Bool) {
        let kpi = KPIFixture.kpi(baseline, 0, direction, checkins: KPIFixture.daily(values))
        #expect(kpi.evaluate(today: date("2026-02-20"), cadence: .weekly).personalBest == best)
    }
}
