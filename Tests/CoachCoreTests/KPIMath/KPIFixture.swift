import CoachCore

/// A test date from `YYYY-MM-DD`; the literals in these tests are all valid days.
func date(_ iso: String) -> LocalDate {
    guard let day = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return day
}

/// The KPIs of these tests run 100 days, 2026-01-01 → 2026-04-11, so day n of the period has
/// expected progress n / 100 and the worked numbers stay readable.
enum KPIFixture {
    static let start = date("2026-01-01")
    static let due = date("2026-04-11")

    static func kpi(_ baseline: Double, _ target: Double, _ direction: Metric.Direction = .increase,
                    from start: String = "2026-01-01", due: String = "2026-04-11",
                    checkins: [(String, Double)] = [], confidence: Int = 5, weight: Double = 1) -> KPIFigures {
        KPIFigures(baseline: baseline, baselineDate: date(start), target: target, dueDate: date(due),
                   direction: direction, weight: weight,
                   checkins: checkins.map { KPICheckin(date: date($0.0), value: $0.1, confidence: confidence) })
    }

    /// One check-in a day from 2026-01-02 on, for tests where only the order of values matters.
    static func daily(_ values: [Double]) -> [(String, Double)] {
        values.enumerated().map { (start.adding(days: $0.offset + 1).iso, $0.element) }
    }
}
