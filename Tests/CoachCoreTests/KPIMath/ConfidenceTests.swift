import CoachCore
import Testing

@Suite("Confidence against pace, and raw values")
struct ConfidenceTests {
    @Test("Disagreement flag", arguments: [
        (PaceStatus.behind, 8, true),
        (.behind, 7, false),
        (.atRisk, 10, true),
        (.atRisk, 2, false),
        (.onTrack, 3, true),
        (.onTrack, 4, false),
        (.achieved, 0, true),
        (.achieved, 9, false),
        (.notStarted, 10, false),
        (.overdue, 10, false),
        (.overdue, 0, false),
    ])
    func disagreement(_ status: PaceStatus, _ confidence: Int, _ flagged: Bool) {
        #expect(status.disagrees(withConfidence: confidence) == flagged)
    }

    @Test func evaluateUsesTheLatestCheckinsConfidence() {
        // 0 → 100, 18 on 02-20 where e = 0.5: g = 0.32, behind
        let sure = KPIFixture.kpi(0, 100, checkins: [("2026-02-01", 18)], confidence: 9)
            .evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(sure.status == .behind)
        #expect(sure.confidenceDisagrees)

        let doubtful = KPIFixture.kpi(0, 100, checkins: [("2026-02-01", 50)], confidence: 2)
            .evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(doubtful.status == .onTrack)
        #expect(doubtful.confidenceDisagrees)

        let realistic = KPIFixture.kpi(0, 100, checkins: [("2026-02-01", 18)], confidence: 4)
            .evaluate(today: date("2026-02-20"), cadence: .weekly)
        #expect(realistic.confidenceDisagrees == false)
    }

    @Test func rawValuesMatchTheApp() {
        #expect(PaceStatus.allCases.map(\.rawValue) == ["achieved", "on_track", "behind", "at_risk", "not_started", "overdue"])
        #expect(Metric.Direction.allCases.map(\.rawValue) == ["increase", "decrease", "stay above", "stay below"])
        #expect(Metric.Cadence.allCases.map(\.rawValue) == ["weekly", "monthly", "quarterly"])
    }
}
