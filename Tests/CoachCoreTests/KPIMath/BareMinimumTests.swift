import CoachCore
import Testing

/// Baseline 10 → target 110 over the 100-day fixture period, so the bare minimum on day n of
/// the period is 10 + n / 100 × 100 = 10 + n.
@Suite("Bare minimum by the next check-in")
struct BareMinimumTests {
    @Test("Next check-in and the value needed there", arguments: [
        // Last check-in 02-12 (day 42) + 7 = 02-19 (day 49): 10 + 0.49 × 100 = 59
        ("2026-02-12", "2026-02-15", Metric.Cadence.weekly, "2026-02-19", 59.0),
        // The check-in due today is still the next one
        ("2026-02-12", "2026-02-19", .weekly, "2026-02-19", 59.0),
        // Missed check-ins: 01-08 + 6 × 7 = 02-19 is the first not before 02-15
        ("2026-01-08", "2026-02-15", .weekly, "2026-02-19", 59.0),
        // 01-31 + 1 month = 02-28 (day 58): 68
        ("2026-01-31", "2026-02-10", .monthly, "2026-02-28", 68.0),
        // 01-31 + 2 months = 03-31 (day 89), not a drifting 03-28: 99
        ("2026-01-31", "2026-03-01", .monthly, "2026-03-31", 99.0),
        // 01-31 + 3 months = 04-30, after the due date: e = 1, so the target itself
        ("2026-01-31", "2026-02-10", .quarterly, "2026-04-30", 110.0),
    ])
    func bareMinimum(_ last: String, _ today: String, _ cadence: Metric.Cadence, _ next: String, _ value: Double) {
        let status = KPIFixture.kpi(10, 110, checkins: [(last, 40)]).evaluate(today: date(today), cadence: cadence)
        #expect(status.nextCheckin == date(next))
        #expect(status.bareMinimum == value)
    }

    @Test func withoutCheckinsTheScheduleStartsAtTheBaseline() {
        // 01-01 + 7 = 01-08 (day 7): 10 + 7 = 17
        let status = KPIFixture.kpi(10, 110).evaluate(today: date("2026-01-03"), cadence: .weekly)
        #expect(status.nextCheckin == date("2026-01-08"))
        #expect(status.bareMinimum == 17)
    }

    @Test func decreaseNeedsAtMostTheLineValue() {
        // Day 49 of 20 → 5: 20 + 0.49 × (5 − 20) = 20 − 7.35 = 12.65
        let status = KPIFixture.kpi(20, 5, .decrease, checkins: [("2026-02-12", 15)])
            .evaluate(today: date("2026-02-15"), cadence: .weekly)
        #expect(status.bareMinimum == 12.65)
    }

    @Test func achievedNeedsNoMinimum() {
        let status = KPIFixture.kpi(10, 110, checkins: [("2026-02-12", 120)])
            .evaluate(today: date("2026-02-15"), cadence: .weekly)
        #expect(status.status == .achieved)
        #expect(status.bareMinimum == nil)
    }
}
