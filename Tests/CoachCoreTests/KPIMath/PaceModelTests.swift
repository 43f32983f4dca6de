import CoachCore
import Testing

/// One pace model: status, forecast and the minimum for the next check-in come from the same
/// figures and never contradict each other. Each worked case states what a coach would say.
@Suite("One pace model") struct PaceModelTests {
    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let direction: Metric.Direction
        let baseline: Double, target: Double
        let checkins: [(String, Double)]
        let today: String
        let status: PaceStatus
        let forecast: String?
        var testDescription: String { name }
    }

    /// Baseline on 2026-09-01, due 2027-06-30 (302 days), monthly check-ins.
    static let cases: [Case] = [
        Case(name: "ahead of the line and of the date", direction: .increase, baseline: 100, target: 200,
             checkins: [("2026-10-15", 130), ("2026-11-01", 160)], today: "2026-11-23", status: .onTrack, forecast: "2026-12-12"),
        Case(name: "near the line but too slow to finish by the due date", direction: .increase, baseline: 10, target: 15,
             checkins: [("2026-11-01", 11), ("2026-11-23", 11)], today: "2026-11-23", status: .behind, forecast: "2027-10-21"),
        Case(name: "a third of the way short", direction: .increase, baseline: 0, target: 100,
             checkins: [("2027-01-31", 10)], today: "2027-01-31", status: .atRisk, forecast: "2030-10-30"),  // 90 to go at 10 per 152 days: 1,368 days
        Case(name: "falling KPI on pace", direction: .decrease, baseline: 52, target: 45,
             checkins: [("2026-10-01", 51), ("2026-11-01", 49)], today: "2026-11-01", status: .onTrack, forecast: "2027-01-22"),  // 4 to go at 3 per 61 days: 82 days
        Case(name: "already beyond the straight line's next point", direction: .increase, baseline: 0, target: 10,
             checkins: [("2026-09-15", 9)], today: "2026-09-15", status: .onTrack, forecast: "2026-09-17"),
        Case(name: "target reached", direction: .increase, baseline: 0, target: 10,
             checkins: [("2026-12-01", 10)], today: "2026-12-01", status: .achieved, forecast: nil),
    ]

    @Test(arguments: cases)
    func statusForecastAndMinimumAgree(_ c: Case) {
        let figures = KPIFigures(baseline: c.baseline, baselineDate: Self.day("2026-09-01"), target: c.target, dueDate: Self.day("2027-06-30"),
                                 direction: c.direction, checkins: c.checkins.map { KPICheckin(date: Self.day($0.0), value: $0.1, confidence: 5) })
        let s = figures.evaluate(today: Self.day(c.today), cadence: .monthly)
        #expect(s.status == c.status)
        #expect(s.forecast?.iso == c.forecast)
        if s.status == .onTrack, let forecast = s.forecast { #expect(forecast <= figures.dueDate, "on track means done by the due date") }
        if let minimum = s.bareMinimum {
            #expect(c.direction == .decrease ? minimum <= s.current : minimum >= s.current, "the next minimum is not a step back")
        }
        #expect(s.personalBest == (c.checkins.count >= 2 && c.direction.isBetter(c.checkins.last!.1, than: c.checkins.dropLast().map(\.1).reduce(c.baseline) { c.direction.isBetter($0, than: $1) ? $0 : $1 })))
    }
}
