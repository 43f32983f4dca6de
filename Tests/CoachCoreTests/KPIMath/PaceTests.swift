import CoachCore
import Testing

@Suite("Expected progress and pace status")
struct PaceTests {
    /// Day n of the 100-day fixture period expects n / 100.
    @Test("Expected progress", arguments: [
        ("2025-12-01", 0.0),  // before the baseline: clamped to 0
        ("2026-01-01", 0.0),
        ("2026-01-11", 0.1),  // 10 / 100
        ("2026-02-20", 0.5),  // 50 / 100
        ("2026-04-11", 1.0),
        ("2026-05-01", 1.0),  // after the due date: clamped to 1
    ])
    func expected(_ today: String, _ e: Double) {
        #expect(KPIFixture.kpi(0, 100).evaluate(today: date(today), cadence: .weekly).expected == e)
    }

    /// Baseline date == due date: nothing is expected before that day, everything from it on.
    @Test("Zero-length period", arguments: [("2026-02-28", 0.0), ("2026-03-01", 1.0), ("2026-03-02", 1.0)])
    func zeroLengthPeriod(_ today: String, _ e: Double) {
        let kpi = KPIFixture.kpi(0, 100, from: "2026-03-01", due: "2026-03-01")
        #expect(kpi.evaluate(today: date(today), cadence: .weekly).expected == e)
    }

    /// Baseline 0 → target 100, so progress is current / 100; on 2026-02-20 e = 0.5.
    @Test("Status by gap g = e − p", arguments: [
        ("2026-02-20", 40.0, PaceStatus.onTrack),  // g = 0.1
        ("2026-02-20", 34.0, .onTrack),            // g = 0.16 < 0.165
        ("2026-02-20", 33.0, .behind),             // g = 0.17
        ("2026-02-20", 18.0, .behind),             // g = 0.32 < 0.33
        ("2026-02-20", 16.0, .atRisk),             // g = 0.34
        ("2026-02-20", 60.0, .onTrack),            // ahead: g = −0.1
        ("2026-02-20", 100.0, .achieved),          // p = 1
        ("2026-02-20", 120.0, .achieved),          // p = 1.2
        ("2026-01-11", -10.0, .behind),            // raw p = −0.1 counts: g = 0.1 − (−0.1) = 0.2
        ("2026-04-12", 90.0, .overdue),            // after the due date, p < 1
        ("2026-04-12", 100.0, .achieved),          // reached stays achieved after the due date
        ("2026-04-11", 90.0, .onTrack),            // on the due date: g = 1 − 0.9 = 0.1
    ])
    func status(_ today: String, _ current: Double, _ expected: PaceStatus) {
        let kpi = KPIFixture.kpi(0, 100, checkins: [("2026-01-02", current)])
        #expect(kpi.evaluate(today: date(today), cadence: .weekly).status == expected)
    }

    @Test func notStartedBeforeTheBaselineDate() {
        #expect(KPIFixture.kpi(0, 100).evaluate(today: date("2025-12-31"), cadence: .weekly).status == .notStarted)
        #expect(KPIFixture.kpi(0, 100).evaluate(today: date("2026-01-01"), cadence: .weekly).status == .onTrack)
    }

    @Test func zeroLengthPeriodIsAtRiskOnTheDayAndOverdueAfter() {
        let kpi = KPIFixture.kpi(0, 100, from: "2026-03-01", due: "2026-03-01", checkins: [("2026-03-01", 50)])
        #expect(kpi.evaluate(today: date("2026-03-01"), cadence: .weekly).status == .atRisk)  // g = 1 − 0.5
        #expect(kpi.evaluate(today: date("2026-03-02"), cadence: .weekly).status == .overdue)
    }

    /// Health checks are on_track when healthy and at_risk when not, whatever the date, because
    /// there is no finish line; only before the baseline date are they not_started.
    @Test("Health checks", arguments: [
        (Metric.Direction.stayBelow, 4.0, "2026-02-20", PaceStatus.onTrack),
        (.stayBelow, 5.0, "2026-02-20", .onTrack),
        (.stayBelow, 7.0, "2026-02-20", .atRisk),
        (.stayAbove, 5.0, "2026-02-20", .onTrack),
        (.stayAbove, 4.0, "2026-02-20", .atRisk),
        (.stayBelow, 4.0, "2026-06-01", .onTrack),
        (.stayBelow, 7.0, "2026-06-01", .atRisk),
        (.stayAbove, 9.0, "2025-12-01", .notStarted),
    ])
    func healthCheck(_ direction: Metric.Direction, _ current: Double, _ today: String, _ expected: PaceStatus) {
        let kpi = KPIFixture.kpi(6, 5, direction, checkins: [("2026-01-05", current)])
        let status = kpi.evaluate(today: date(today), cadence: .weekly)
        #expect(status.status == expected)
        #expect(status.bareMinimum == 5)
    }
}
