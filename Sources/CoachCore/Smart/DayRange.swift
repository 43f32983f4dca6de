/// An inclusive run of calendar days ("Q3 2026", "June", "next week"); the deadline is picked from
/// it according to how the goal phrases it ("by the end of", "early", "before").
struct DayRange: Sendable, Equatable {
    let first: LocalDate
    let last: LocalDate

    static func day(_ day: LocalDate) -> DayRange {
        DayRange(first: day, last: day)
    }

    static func month(_ month: Int, year: Int) -> DayRange? {
        guard let first = LocalDate(year: year, month: month, day: 1),
              let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
        else { return nil }
        return DayRange(first: first, last: last)
    }

    static func months(_ firstMonth: Int, through lastMonth: Int, year: Int) -> DayRange? {
        guard let start = month(firstMonth, year: year), let end = month(lastMonth, year: year) else { return nil }
        return DayRange(first: start.first, last: end.last)
    }

    static func quarter(_ quarter: Int, year: Int) -> DayRange? {
        months(quarter * 3 - 2, through: quarter * 3, year: year)
    }

    static func half(_ half: Int, year: Int) -> DayRange? {
        months(half * 6 - 5, through: half * 6, year: year)
    }

    static func year(_ year: Int) -> DayRange? {
        months(1, through: 12, year: year)
    }

    /// Monday to Sunday.
    static func week(containing day: LocalDate) -> DayRange {
        let monday = day.adding(days: 1 - day.weekday)
        return DayRange(first: monday, last: monday.adding(days: 6))
    }

    /// Seasons follow the northern-hemisphere meteorological calendar; winter runs into the next year.
    static func season(_ name: String, year: Int) -> DayRange? {
        switch name {
        case "spring": months(3, through: 5, year: year)
        case "summer": months(6, through: 8, year: year)
        case "autumn", "fall": months(9, through: 11, year: year)
        case "winter":
            month(12, year: year).flatMap { december in
                month(2, year: year + 1).map { DayRange(first: december.first, last: $0.last) }
            }
        default: nil
        }
    }

    /// This year's instance of a yearly period, or next year's once this year's has ended.
    static func upcoming(from today: LocalDate, _ make: (Int) -> DayRange?) -> DayRange? {
        if let current = make(today.year), current.last >= today { return current }
        return make(today.year + 1)
    }
}
