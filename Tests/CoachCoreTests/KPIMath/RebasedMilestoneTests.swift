import CoachCore
import Testing

/// Milestones are earned by the figures: after the target is lowered, they count from the reading
/// at the change to the new target, and past check-ins keep the milestones they had.
@Suite struct RebasedMilestoneTests {
    static func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 10, day: d)! }
    static func at(_ ms: Int64) -> Instant { Instant(millisecondsSince1970: ms) }

    static func kpi(target: Double, checkins: [(Int, Double, Int64)], adjustments: [StoredAdjustment]) -> StoredKPI {
        let planned = PlannedKPI(name: "Talks given", catalogueID: nil, unit: .count, direction: .increase, baselineValue: 0,
                                 baselineDate: day(1), baselineSource: "log", targetValue: target,
                                 dueDate: LocalDate(year: 2027, month: 6, day: 30)!, cadence: .monthly, weight: 1)
        return StoredKPI(id: KPIID(1), kpi: planned,
                         checkins: checkins.map { StoredCheckin(date: day($0.0), value: $0.1, confidence: nil, note: nil, recordedAt: at($0.2)) },
                         adjustments: adjustments, retired: false)
    }

    @Test func aLoweredTargetDoesNotHandOutMilestones() {
        let lowered = StoredAdjustment(field: .target, from: "10", to: "6", why: "fewer slots", at: Self.at(2_000))
        let small = Self.kpi(target: 6, checkins: [(5, 1, 1_000), (20, 2, 3_000)], adjustments: [lowered])
        // 2 of 6 is a third of the way from 0, but from 1 (where it stood at the change) to 6 it is a fifth.
        #expect(small.figures.evaluate(today: Self.day(21), cadence: .monthly).milestonesCrossed == [])
        let big = Self.kpi(target: 6, checkins: [(5, 1, 1_000), (20, 4, 3_000)], adjustments: [lowered])
        #expect(big.figures.evaluate(today: Self.day(21), cadence: .monthly).milestonesCrossed == [25, 50])
        // The check-in before the change keeps what it earned against the old target (10 %: none).
        #expect(big.figures(atCheckin: 0).rebasedOn == nil)
        #expect(big.figures(atCheckin: 0).target == 10)
        let unchanged = Self.kpi(target: 10, checkins: [(5, 1, 1_000), (20, 3, 3_000)], adjustments: [])
        #expect(unchanged.figures.evaluate(today: Self.day(21), cadence: .monthly).milestonesCrossed == [25])
    }
}
