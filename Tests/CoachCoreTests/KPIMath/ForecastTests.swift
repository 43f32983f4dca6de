import CoachCore
import Testing

@Suite("Forecast from the recent rate")
struct ForecastTests {
    private func forecast(_ kpi: KPIFigures) -> LocalDate? {
        kpi.evaluate(today: date("2026-02-01"), cadence: .weekly).forecast
    }

    @Test func oneCheckinMeasuresTheRateFromTheBaseline() {
        // (01-01, 10) → (01-15, 14): 4 per 14 days; 16 to go → 16 × 14 / 4 = 56 days after 01-15.
        let kpi = KPIFixture.kpi(10, 30, checkins: [("2026-01-15", 14)])
        #expect(forecast(kpi) == date("2026-03-12"))
    }

    @Test func upToThreeCheckinsStillStartFromTheBaseline() {
        // (01-01, 10) → (01-22, 16): 6 per 21 days; 14 to go → 14 × 21 / 6 = 49 days after 01-22.
        let kpi = KPIFixture.kpi(10, 30, checkins: [("2026-01-08", 11), ("2026-01-15", 12), ("2026-01-22", 16)])
        #expect(forecast(kpi) == date("2026-03-12"))
    }

    @Test func moreThanThreeCheckinsUseOnlyTheLastThreeAndRoundUp() {
        // Window (01-15, 12) … (01-29, 20): 8 per 14 days; 10 to go → 10 × 14 / 8 = 17.5 → 18 days.
        let kpi = KPIFixture.kpi(10, 30, checkins: [
            ("2026-01-08", 11), ("2026-01-15", 12), ("2026-01-22", 16), ("2026-01-29", 20),
        ])
        #expect(forecast(kpi) == date("2026-02-16"))
    }

    @Test func floatingPointNoiseDoesNotAddADay() {
        // (01-01, 0) → (01-11, 0.1): 0.3 to go at 0.1 per 10 days is 30 days, which binary
        // floating point computes as 30.000000000000004.
        let kpi = KPIFixture.kpi(0, 0.4, checkins: [("2026-01-11", 0.1)])
        #expect(forecast(kpi) == date("2026-02-10"))
    }

    @Test func aTargetNotYetReachedIsAtLeastADayAway() {
        // 1e-12 to go at about 1 a day rounds to 0 days; not reached yet, so the next day.
        let kpi = KPIFixture.kpi(0, 1, checkins: [("2026-01-02", 1 - 1e-12)])
        #expect(forecast(kpi) == date("2026-01-03"))
    }

    @Test func decreaseForecastsWhenFalling() {
        // (01-01, 20) → (01-11, 15): −5 per 10 days; −10 to go → 20 days after 01-11.
        let kpi = KPIFixture.kpi(20, 5, .decrease, checkins: [("2026-01-11", 15)])
        #expect(forecast(kpi) == date("2026-01-31"))
    }

    @Test func unhealthyStayBelowForecastsWhenItWillBeHealthy() {
        // (01-01, 9) → (01-11, 7): −2 per 10 days; −2 to go → 10 days after 01-11.
        let kpi = KPIFixture.kpi(9, 5, .stayBelow, checkins: [("2026-01-11", 7)])
        #expect(forecast(kpi) == date("2026-01-21"))
    }

    @Test("No forecast", arguments: [
        ("nothing moved", KPIFixture.kpi(10, 30, checkins: [("2026-01-15", 10)])),
        ("increase moving down", KPIFixture.kpi(10, 30, checkins: [("2026-01-15", 8)])),
        ("decrease moving up", KPIFixture.kpi(20, 5, .decrease, checkins: [("2026-01-15", 22)])),
        ("no check-ins", KPIFixture.kpi(10, 30)),
        ("no days between the points", KPIFixture.kpi(10, 30, checkins: [("2026-01-01", 12)])),
        ("already reached", KPIFixture.kpi(10, 30, checkins: [("2026-01-15", 31)])),
        ("healthy stay above", KPIFixture.kpi(40, 35, .stayAbove, checkins: [("2026-01-15", 38)])),
        ("past 9999-12-31", KPIFixture.kpi(0, 1e12, checkins: [("2026-01-02", 1)])),
        ("recent window flat", KPIFixture.kpi(10, 30, checkins: [
            ("2026-01-08", 15), ("2026-01-15", 15), ("2026-01-22", 16), ("2026-01-29", 15),
        ])),
    ])
    func none(_ why: String, _ kpi: KPIFigures) {
        #expect(forecast(kpi) == nil, "\(why)")
    }
}
