import CoachCore
import Testing

/// "Since last time" tells what the client saw change: the status as it stood on the day of
/// their last session against the status today, and one line for every KPI gone unmeasured.
@Suite struct PlanChangesTests {
    static func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    static func deals(_ checkins: [KPICheckin]) -> KPIFigures {
        KPIFigures(baseline: 10, baselineDate: day(9, 1), target: 20, dueDate: day(3, 1, 2027), direction: .increase, checkins: checkins)
    }

    @Test func theStatusBeforeIsTheOneShownAtTheLastSession() {
        let before = Self.deals([KPICheckin(date: Self.day(10, 1), value: 12, confidence: 5)])
        let now = Self.deals(before.checkins + [KPICheckin(date: Self.day(11, 20), value: 16, confidence: 5)])
        let entry = PlanChanges.Entry(name: "Deals", cadence: .monthly, before: before, now: now)
        let lastTime = Self.day(10, 2), today = Self.day(11, 23)
        let shown = before.evaluate(today: lastTime, cadence: .monthly).status
        let current = now.evaluate(today: today, cadence: .monthly).status
        let lines = PlanChanges.summary([entry], lastTime: lastTime, today: today)
        #expect(lines.first == "1 new check-in since we last talked.")
        #expect(shown == .onTrack && current == .onTrack)
        // Judged on today, the old figure would read "behind": a change the client never saw.
        #expect(before.evaluate(today: today, cadence: .monthly).status != .onTrack)
        #expect(!lines.contains { $0.contains("went from") })
        // A last session recorded by the wall clock after `--today` counts as today.
        #expect(PlanChanges.summary([entry], lastTime: Self.day(12, 1), today: today)
                == PlanChanges.summary([entry], lastTime: today, today: today))
    }

    @Test func kpisGoneUnmeasuredShareOneLine() {
        let stale = Self.deals([KPICheckin(date: Self.day(9, 10), value: 11, confidence: 5)])
        let entries = ["Deals", "Calls", "Demos"].map { PlanChanges.Entry(name: $0, cadence: .weekly, before: stale, now: stale) }
        let lines = PlanChanges.summary(entries, lastTime: Self.day(11, 1), today: Self.day(11, 23))
        let unmeasured = lines.filter { $0.hasPrefix("Not measured since a check-in fell due:") }
        #expect(unmeasured.count == 1)
        #expect(unmeasured.first?.contains("“Deals” (last 2026-09-10, due 2026-09-17), “Calls”") == true)
    }

    @Test func aChangedTargetIsSaidWithItsReason() {
        let figures = Self.deals([])
        let lowered = StoredAdjustment(field: .target, from: "20", to: "15", why: "scope changed", at: Instant(millisecondsSince1970: 0))
        let lines = PlanChanges.summary([PlanChanges.Entry(name: "Deals", cadence: .monthly, before: figures, now: figures, adjustments: [lowered])],
                                        lastTime: Self.day(11, 1), today: Self.day(11, 2))
        #expect(lines.contains("“Deals” target lowered from 20 to 15 (scope changed); milestones count from there."))
    }
}
