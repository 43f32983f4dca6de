/// Named periods: weeks, months, quarters and years around today; the school calendar; seasons;
/// holidays. A period as a deadline means its last day (README, "Dates").
extension DateReader {
    private enum PeriodUnit {
        case week, weekend, month, quarter, year, decade
    }

    private static let periodUnits: [String: PeriodUnit] = [
        "week": .week, "wk": .week, "weekend": .weekend, "month": .month, "mth": .month, "quarter": .quarter, "qtr": .quarter,
        "year": .year, "yr": .year, "decade": .decade,
    ]

    /// Words that put a period one ahead ("next quarter", "the subsequent quarter").
    private static let nextWords: Set<String> = ["next", "coming", "following", "upcoming", "subsequent"]

    /// Period ends that need no qualifier ("year-end", "EOQ").
    private static let periodEnds = PhraseTable<PeriodUnit>([
        ("year end", .year), ("yearend", .year), ("eoy", .year), ("month end", .month), ("eom", .month),
        ("quarter end", .quarter), ("eoq", .quarter), ("eow", .week), ("week end", .week),
    ])

    /// "this month", "next quarter", "last week", "the year" (after a prefix), "the week after next",
    /// "year-end", "next year Q2".
    func period(at index: Int, prefixed: Bool) -> Found? {
        if let end = Self.periodEnds.match(in: text, at: index) {
            return periodRange(end.value, offset: 0).map { Found(end: end.span.upperBound, value: .range($0)) }
        }
        var cursor = index
        var offset = 0
        var qualified = false
        if let word = text.word(at: cursor) {
            switch word {
            case "this", "current": qualified = true
            case _ where Self.nextWords.contains(word): offset = 1; qualified = true
            case "last", "previous", "past": offset = -1; qualified = true
            case "the" where prefixed || whole || (text.word(at: index + 2) == "after" && text.word(at: index + 3) == "next"): break
            default:
                guard prefixed, Self.periodUnits[word] != nil else { return nil }
                cursor -= 1
            }
            cursor += 1
        }
        // "This is the year I run a marathon": the period named after "this is the" is this one.
        if text.word(at: index) == "this", text.word(at: cursor) == "is", text.word(at: cursor + 1) == "the",
           let word = text.word(at: cursor + 2), Self.periodUnits[word] != nil {
            cursor += 2
        }
        if text.word(at: index) == "the", let word = text.word(at: cursor), Self.nextWords.contains(word) {
            offset = 1
            qualified = true
            cursor += 1
        }
        // A fiscal or financial year is read as the calendar year (README, "Dates"), shown back to correct.
        if let word = text.word(at: cursor), word == "fiscal" || word == "financial" || word == "calendar", text.word(at: cursor + 1) == "year" {
            cursor += 1
        }
        // "the week after next": two ahead.
        var end = cursor + 1
        if offset == 0, text.word(at: index) == "the", text.word(at: cursor + 1) == "after", text.word(at: cursor + 2) == "next" {
            offset = 2
            qualified = true
            end += 2
        }
        guard qualified || prefixed, let word = text.word(at: cursor), let unit = Self.periodUnits[word] else { return nil }
        // "in the year 2022", "by year 2030": the year named after the word.
        if unit == .year, !qualified, let year = fourDigitYear(at: end) {
            return Self.outsidePlan(year, end: end + 1) ?? DayRange.year(year).map { Found(end: end + 1, value: .range($0)) }
        }
        if unit == .year, offset != 0 || qualified, let quarter = quarterAfterYear(at: cursor + 1, year: today.year + offset) {
            return quarter
        }
        // "next month 28th", "this month on the 15th": a day inside the month just read.
        if unit == .month, qualified, let month = periodRange(unit, offset: offset), let (dayOfMonth, after) = dayInside(at: end) {
            return day(month.first.year, month.first.month, dayOfMonth, end: after)
        }
        return periodRange(unit, offset: offset).map { Found(end: end, value: .range($0)) }
    }

    /// "28th", "on the 28th", "the 28th": a day of the month written as an ordinal after it.
    private func dayInside(at index: Int) -> (Int, Int)? {
        var cursor = index
        if text.word(at: cursor) == "on" { cursor += 1 }
        if text.word(at: cursor) == "the" { cursor += 1 }
        guard let (dayOfMonth, end) = ordinalDay(at: cursor), (1...31).contains(dayOfMonth) else { return nil }
        return (dayOfMonth, end)
    }

    /// "next year Q2": the quarter of the year just read.
    private func quarterAfterYear(at index: Int, year: Int) -> Found? {
        guard let letter = text.word(at: index), letter == "q" || letter == "h", text.isNumber(at: index + 1),
              let number = Int(text[index + 1].text) else { return nil }
        let range = letter == "q" ? DayRange.quarter(number, year: year) : DayRange.half(number, year: year)
        return range.map { Found(end: index + 2, value: .range($0)) }
    }

    /// The week, month, quarter, year (…) under way, named by its unit word ("year", "qtr").
    func periodUnderWay(named word: String) -> DayRange? {
        Self.periodUnits[word].flatMap { periodRange($0, offset: 0) }
    }

    private func periodRange(_ unit: PeriodUnit, offset: Int) -> DayRange? {
        switch unit {
        case .week:
            return DayRange.week(containing: today.adding(days: 7 * offset))
        case .weekend:
            let sunday = DayRange.week(containing: today).last.adding(days: 7 * offset)
            return DayRange(first: sunday.adding(days: -1), last: sunday)
        case .month:
            let day = today.adding(months: offset)
            return DayRange.month(day.month, year: day.year)
        case .quarter:
            let day = today.adding(months: 3 * offset)
            return DayRange.quarter(day.quarter, year: day.year)
        case .year:
            return DayRange.year(today.year + offset)
        case .decade:
            // "this decade" is the 2020s: its years share all digits but the last.
            let first = (today.year / 10 + offset) * 10
            guard let start = DayRange.year(first), let end = DayRange.year(first + 9) else { return nil }
            return DayRange(first: start.first, last: end.last)
        }
    }

    // MARK: The school calendar

    private enum SchoolPeriod {
        case semester, schoolYear, schoolWeek
    }

    private static let schoolPeriods = PhraseTable<SchoolPeriod>([
        ("semester", .semester), ("term", .semester), ("school term", .semester), ("academic term", .semester),
        ("school year", .schoolYear), ("academic year", .schoolYear), ("school week", .schoolWeek),
    ])

    /// Semesters run 15 January to 31 May and 1 September to 20 December, the school year
    /// 1 September to 30 June, the school week Monday to Friday (README, "Dates"): an
    /// approximation, shown back so the client can correct it. "The end of" one is its last day,
    /// "the start of" its first.
    func schoolPeriod(at index: Int, prefixed: Bool) -> Found? {
        var cursor = index
        var offset = 0
        var season: Int?
        let ahead = ["next", "coming", "upcoming", "following"]
        if let word = text.word(at: cursor), ["this", "the", "current"].contains(word) || ahead.contains(word) {
            cursor += 1
            // "the upcoming academic year" is the next one, as "upcoming academic year" is.
            if word == "the", let next = text.word(at: cursor), ahead.contains(next) { cursor += 1 }
            offset = ahead.contains(text.word(at: cursor - 1) ?? "") ? 1 : 0
        } else if !prefixed {
            return nil
        }
        // "the fall semester"; "the second semester" is the spring one, the first the fall one.
        if let word = text.word(at: cursor), ["spring", "fall", "autumn", "first", "second"].contains(word) {
            season = ["spring", "second"].contains(word) ? 5 : 12
            cursor += 1
        }
        // "the 2011-2012 school year": the one ending in the second year written.
        var endingYear: Int?
        if let first = fourDigitYear(at: cursor), text.isSymbol("-", at: cursor + 1) || text.isSymbol("/", at: cursor + 1),
           let second = fourDigitYear(at: cursor + 2), second == first + 1 {
            endingYear = second
            cursor += 3
        }
        guard let found = Self.schoolPeriods.match(in: text, at: cursor) else { return nil }
        let end = found.span.upperBound
        if let endingYear {
            guard found.value == .schoolYear else { return nil }
            return Found(end: end, value: .range(Self.schoolYear(endingIn: endingYear)))
        }
        switch found.value {
        case .semester:
            let terms = (today.year...(today.year + 2)).flatMap { year in
                Self.semesters.indices.filter { season == nil || season == Self.semesters[$0].last.month }.map { Self.semester($0, of: year) }
            }.filter { $0.last >= today }
            return terms.count > offset ? Found(end: end, value: .range(terms[offset])) : nil
        case .schoolYear:
            let thisYear = Self.schoolYear(endingIn: today.year)
            return Found(end: end, value: .range(Self.schoolYear(endingIn: (thisYear.last >= today ? today.year : today.year + 1) + offset)))
        case .schoolWeek:
            let monday = DayRange.week(containing: today).first
            let base = monday.adding(days: 4) >= today ? monday : monday.adding(days: 7)
            let first = base.adding(days: 7 * offset)
            return Found(end: end, value: .range(DayRange(first: first, last: first.adding(days: 4))))
        }
    }

    /// The school calendar (README, "Dates"): the semesters of a year, as (month, day) of their
    /// first and last days, in the order they come; the school year runs 1 September to 30 June.
    private static let semesters: [(first: (month: Int, day: Int), last: (month: Int, day: Int))] = [((1, 15), (5, 31)), ((9, 1), (12, 20))]

    private static func semester(_ index: Int, of year: Int) -> DayRange {
        let (first, last) = semesters[index]
        return DayRange(first: LocalDate(year: year, month: first.month, day: first.day)!, last: LocalDate(year: year, month: last.month, day: last.day)!)
    }

    private static func schoolYear(endingIn year: Int) -> DayRange {
        DayRange(first: LocalDate(year: year - 1, month: 9, day: 1)!, last: LocalDate(year: year, month: 6, day: 30)!)
    }

    /// The semester or school year after `range`, when it is one (as `schoolPeriod` lays them out).
    static func followingSchoolPeriod(_ range: DayRange) -> DayRange? {
        let year = range.first.year
        if range == schoolYear(endingIn: range.last.year) { return schoolYear(endingIn: range.last.year + 1) }
        guard let index = semesters.indices.first(where: { semester($0, of: year) == range }) else { return nil }
        return index + 1 < semesters.count ? semester(index + 1, of: year) : semester(0, of: year + 1)
    }

    // MARK: Seasons

    /// Northern meteorological seasons: "this spring", "next winter", "summer 2027", "the fall".
    func season(at index: Int, prefixed: Bool) -> Found? {
        var cursor = index
        var modifier: String?
        if let word = text.word(at: cursor), ["this", "next", "the", "coming", "last"].contains(word) {
            modifier = word
            cursor += 1
        }
        guard modifier != nil || prefixed || whole, let name = text.word(at: cursor),
              DayRange.season(name, year: today.year) != nil else { return nil }
        let end = cursor + 1
        // "summer 2027", "the summer of 1964".
        let yearAt = text.word(at: end) == "of" ? end + 1 : end
        if let (year, after) = writtenYear(at: yearAt) { return DayRange.season(name, year: year).map { Found(end: after, value: .range($0)) } }
        let candidates = ((today.year - 2)...(today.year + 2)).compactMap { DayRange.season(name, year: $0) }
        let range: DayRange?
        switch modifier {
        case "next", "coming": range = candidates.first { $0.first > today }
        case "last": range = candidates.last { $0.last < today }
        default: range = candidates.first { $0.last >= today }
        }
        return range.map { Found(end: end, value: .range($0)) }
    }

    // MARK: Holidays

    private enum Holiday {
        case fixed(month: Int, day: Int)
        /// The nth weekday of a month; n = -1 for the last one.
        case nth(Int, weekday: Int, month: Int)
        case easter
    }

    private static let holidays = PhraseTable<Holiday>([
        ("christmas", .fixed(month: 12, day: 25)), ("christmas day", .fixed(month: 12, day: 25)),
        ("xmas", .fixed(month: 12, day: 25)), ("christmas eve", .fixed(month: 12, day: 24)),
        ("xmas eve", .fixed(month: 12, day: 24)), ("new year 's day", .fixed(month: 1, day: 1)),
        ("new years day", .fixed(month: 1, day: 1)), ("new year day", .fixed(month: 1, day: 1)),
        ("new year", .fixed(month: 1, day: 1)), ("new year 's", .fixed(month: 1, day: 1)),
        ("new year 's eve", .fixed(month: 12, day: 31)), ("new years eve", .fixed(month: 12, day: 31)),
        ("nye", .fixed(month: 12, day: 31)), ("halloween", .fixed(month: 10, day: 31)),
        ("valentine 's day", .fixed(month: 2, day: 14)), ("valentines day", .fixed(month: 2, day: 14)),
        ("valentine 's", .fixed(month: 2, day: 14)), ("valentine day", .fixed(month: 2, day: 14)),
        ("independence day", .fixed(month: 7, day: 4)), ("the fourth of july", .fixed(month: 7, day: 4)),
        ("fourth of july", .fixed(month: 7, day: 4)), ("thanksgiving", .nth(4, weekday: 4, month: 11)),
        ("thanksgiving day", .nth(4, weekday: 4, month: 11)), ("memorial day", .nth(-1, weekday: 1, month: 5)),
        ("labor day", .nth(1, weekday: 1, month: 9)), ("labour day", .nth(1, weekday: 1, month: 9)),
        ("easter", .easter), ("easter sunday", .easter), ("easter day", .easter),
        ("the holidays", .fixed(month: 12, day: 24)), ("the holiday season", .fixed(month: 12, day: 24)),
        ("holiday season", .fixed(month: 12, day: 24)), ("the christmas holidays", .fixed(month: 12, day: 24)),
    ])

    /// Christmas, Easter, Thanksgiving (US) and the rest by name: the next one, or the one of a year written after it.
    func holiday(at index: Int, prefixed: Bool) -> Found? {
        var cursor = index
        var modifier: String?
        if let word = text.word(at: cursor), ["this", "next", "last"].contains(word) {
            modifier = word
            cursor += 1
        }
        guard let found = Self.holidays.match(in: text, at: cursor) else { return nil }
        let end = found.span.upperBound
        let make: (Int) -> LocalDate? = { Self.day(of: found.value, in: $0) }
        // "Christmas 2027", "Christmas of 2027", "Thanksgiving in 2027".
        let yearAt = text.isSymbol(",", at: end) || ["of", "in"].contains(text.word(at: end) ?? "") ? end + 1 : end
        if let (year, after) = writtenYear(at: yearAt), let day = make(year) { return single(day, end: after) }
        let upcoming = (today.year...(today.year + 1)).compactMap(make).first { $0 >= today }
        switch modifier {
        case "next": return (today.year...(today.year + 1)).compactMap(make).first { $0 > today }.map { single($0, end: end) }
        case "last": return ((today.year - 1)...today.year).compactMap(make).last { $0 < today }.map { single($0, end: end) }
        default: return upcoming.map { single($0, end: end) }
        }
    }

    private static func day(of holiday: Holiday, in year: Int) -> LocalDate? {
        switch holiday {
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: day)
        case .nth(let n, let weekday, let month):
            guard let range = DayRange.month(month, year: year) else { return nil }
            if n == -1 { return range.last.adding(days: -((range.last.weekday - weekday + 7) % 7)) }
            return range.first.next(weekday: weekday, strictly: false).adding(days: 7 * (n - 1))
        case .easter:
            // The anonymous Gregorian computus.
            let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
            let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
            let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
            return LocalDate(year: year, month: month, day: day)
        }
    }
}
