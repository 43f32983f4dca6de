import CoachCore
import Testing

@Suite("KPI progress")
struct ProgressTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let direction: Metric.Direction
        let baseline: Double
        let target: Double
        let current: Double
        let raw: Double
        let clamped: Double
        var testDescription: String { "\(direction.rawValue) \(baseline)→\(target) at \(current)" }
    }

    static let cases: [Case] = [
        // (20 − 10) / (30 − 10) = 0.5
        Case(direction: .increase, baseline: 10, target: 30, current: 20, raw: 0.5, clamped: 0.5),
        // Decrease uses the same formula: (11 − 20) / (5 − 20) = −9 / −15 = 0.6
        Case(direction: .decrease, baseline: 20, target: 5, current: 11, raw: 0.6, clamped: 0.6),
        // Over-achievement: (24 − 10) / (20 − 10) = 1.4, shown as 1
        Case(direction: .increase, baseline: 10, target: 20, current: 24, raw: 1.4, clamped: 1),
        // Below the 5-error target: (2 − 20) / (5 − 20) = 1.2
        Case(direction: .decrease, baseline: 20, target: 5, current: 2, raw: 1.2, clamped: 1),
        // Slipping back: (6 − 10) / (30 − 10) = −0.2, shown as 0
        Case(direction: .increase, baseline: 10, target: 30, current: 6, raw: -0.2, clamped: 0),
        // Negative values: (300 − (−500)) / (1500 − (−500)) = 800 / 2000 = 0.4
        Case(direction: .increase, baseline: -500, target: 1500, current: 300, raw: 0.4, clamped: 0.4),
        // (−6 − (−2)) / (−10 − (−2)) = −4 / −8 = 0.5
        Case(direction: .decrease, baseline: -2, target: -10, current: -6, raw: 0.5, clamped: 0.5),
        // target == baseline: all or nothing in the KPI's direction
        Case(direction: .increase, baseline: 10, target: 10, current: 12, raw: 1, clamped: 1),
        Case(direction: .increase, baseline: 10, target: 10, current: 9, raw: 0, clamped: 0),
        Case(direction: .decrease, baseline: 10, target: 10, current: 9, raw: 1, clamped: 1),
        Case(direction: .decrease, baseline: 10, target: 10, current: 11, raw: 0, clamped: 0),
        // Health checks: 1 when healthy (the threshold itself is healthy), 0 when not
        Case(direction: .stayBelow, baseline: 6, target: 5, current: 4, raw: 1, clamped: 1),
        Case(direction: .stayBelow, baseline: 6, target: 5, current: 7, raw: 0, clamped: 0),
        Case(direction: .stayAbove, baseline: 45, target: 40, current: 40, raw: 1, clamped: 1),
        Case(direction: .stayAbove, baseline: 45, target: 40, current: 39, raw: 0, clamped: 0),
    ]

    @Test("Raw and clamped progress", arguments: cases)
    func progress(_ c: Case) {
        let kpi = KPIFixture.kpi(c.baseline, c.target, c.direction, checkins: [("2026-02-01", c.current)])
        let status = kpi.evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(status.current == c.current)
        #expect(status.progressRaw == c.raw)
        #expect(status.progress == c.clamped)
    }

    @Test func noCheckinsMeansCurrentIsTheBaseline() {
        let status = KPIFixture.kpi(10, 30).evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(status.current == 10)
        #expect(status.progressRaw == 0)
        #expect(status.ignoredCheckins == 0)
        #expect(status.forecast == nil)
        #expect(status.milestonesCrossed == [])
        #expect(status.personalBest == false)
        #expect(status.confidenceDisagrees == false)
    }

    @Test func targetAlreadyMetAtBaselineIsAchieved() {
        let status = KPIFixture.kpi(10, 10).evaluate(today: date("2026-01-01"), cadence: .weekly)
        #expect(status.current == 10)
        #expect(status.progressRaw == 1)
        #expect(status.status == .achieved)
        #expect(status.bareMinimum == nil)
        #expect(status.milestonesCrossed == [])
    }

    @Test func checkinBeforeTheBaselineIsIgnoredAndReported() {
        let kpi = KPIFixture.kpi(10, 30, checkins: [("2025-12-20", 25), ("2026-01-20", 14)])
        let status = kpi.evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(status.current == 14)
        #expect(status.progressRaw == 0.2)  // (14 − 10) / 20
        #expect(status.ignoredCheckins == 1)

        let onlyEarly = KPIFixture.kpi(10, 30, checkins: [("2025-12-31", 25)])
            .evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(onlyEarly.current == 10)
        #expect(onlyEarly.ignoredCheckins == 1)
        #expect(onlyEarly.personalBest == false)
    }

    @Test func checkinOnTheBaselineDateCounts() {
        let status = KPIFixture.kpi(10, 30, checkins: [("2026-01-01", 12)])
            .evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(status.current == 12)
        #expect(status.ignoredCheckins == 0)
    }

    @Test func currentIsTheLatestByDateAndTheLaterEntryOnTies() {
        let byDate = KPIFixture.kpi(10, 30, checkins: [("2026-02-01", 18), ("2026-01-15", 14)])
        #expect(byDate.evaluate(today: date("2026-02-20"), cadence: .weekly).current == 18)

        let tie = KPIFixture.kpi(10, 30, checkins: [("2026-02-01", 18), ("2026-02-01", 16), ("2026-01-15", 14)])
        #expect(tie.evaluate(today: date("2026-02-20"), cadence: .weekly).current == 16)
    }
}
