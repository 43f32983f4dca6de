/// Finds the phrases of a goal that say when and resolves deadlines against today, so "by Q3" and
/// "within 6 months" become dates the coach can track. Numbers inside these phrases are time, not
/// measures: the quantity scanner skips every token claimed here.
struct TimeExpressionScanner {
    let text: GoalText
    let today: LocalDate

    func scan() -> [TimeExpression] {
        var found: [TimeExpression] = []
        var index = 0
        while index < text.count {
            // Every time phrase starts with a word or a number.
            if text[index].kind == .symbol {
                index += 1
            } else if let expression = vague(at: index) ?? cadence(at: index) ?? hyphenatedPeriod(at: index)
                        ?? frame(at: index) {
                found.append(expression)
                index = expression.span.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Vague timing

    private static let vaguePhrases = PhraseTable([
        "soon", "sometime", "someday", "some day", "one day", "one of these days", "eventually", "asap",
        "as soon as possible", "in the future", "in the near future", "in the long run", "in the long term",
        "long term", "in due course", "in due time", "at some point", "down the road", "later", "later on",
        "whenever", "when i can", "when possible", "when i have time", "over time", "going forward",
        "before long", "at some stage", "one fine day",
    ])

    private func vague(at index: Int) -> TimeExpression? {
        guard let found = Self.vaguePhrases.match(in: text, at: index) else { return nil }
        // "one day a week" is an amount of time with a cadence, not "someday".
        if text.word(at: index) == "one", cadence(at: found.span.upperBound) != nil { return nil }
        return TimeExpression(span: found.span, kind: .vague)
    }

    // MARK: - Cadence

    private static let cadenceUnits = PhraseTable([
        "day", "week", "month", "quarter", "year", "weekday", "workday", "work day", "working day",
        "business day", "school day", "morning", "evening", "night", "weekend", "sprint", "shift",
        "fortnight", "hour", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ])

    private static let cadenceAdverbs = PhraseTable([
        "daily", "weekly", "monthly", "quarterly", "yearly", "annually", "annual", "biweekly", "bi weekly",
        "bimonthly", "bi monthly", "fortnightly", "nightly", "hourly", "everyday", "week over week",
        "month over month", "quarter over quarter", "year over year",
    ])

    /// Nouns that make a cadence adverb describe the measure ("monthly revenue") rather than a routine.
    private static let metricNouns: Set<String> = [
        "revenue", "sales", "sale", "income", "quota", "target", "salary", "budget", "bonus", "earnings",
        "profit", "goal", "number", "recurring", "average", "rate", "turnover", "growth", "spend", "pay",
        "compensation", "booking", "billing", "arr", "mrr", "kpi", "okr", "total", "volume",
    ]

    private func cadence(at index: Int) -> TimeExpression? {
        guard let word = text.word(at: index) else { return nil }
        switch word {
        case "every", "each":
            var cursor = index + 1
            if let next = text.word(at: cursor), ["other", "second", "single"].contains(next) {
                cursor += 1
            } else if let number = NumberLexicon.parse(text, at: cursor), cadenceUnitEnd(at: number.end) != nil {
                cursor = number.end
            }
            guard let end = cadenceUnitEnd(at: cursor) else { return nil }
            return TimeExpression(span: index..<end, kind: .cadence)
        case "per":
            guard let end = cadenceUnitEnd(at: index + 1) else { return nil }
            return rateOrCadence(index..<end)
        case "a", "an":
            guard let end = cadenceUnitEnd(at: index + 1), countPrecedes(index) else { return nil }
            return rateOrCadence(index..<end)
        case "on":
            guard let next = text.word(at: index + 1), next.hasSuffix("s"), let end = cadenceUnitEnd(at: index + 1) else {
                return nil
            }
            return TimeExpression(span: index..<end, kind: .cadence)
        default:
            guard let found = Self.cadenceAdverbs.match(in: text, at: index) else { return nil }
            let next = found.span.upperBound
            if text.contains(next), text[next].forms.contains(where: Self.metricNouns.contains) {
                return TimeExpression(span: found.span, kind: .period)
            }
            return TimeExpression(span: found.span, kind: .cadence)
        }
    }

    private func cadenceUnitEnd(at index: Int) -> Int? {
        Self.cadenceUnits.match(in: text, at: index)?.span.upperBound
    }

    /// "a week" is a cadence only after a count ("twice a week", "5 calls a week"); "take a week off" is not.
    private func countPrecedes(_ index: Int) -> Bool {
        for cursor in stride(from: index - 1, through: max(0, index - 4), by: -1) {
            let token = text[cursor]
            switch token.kind {
            case .number: return true
            case .word where NumberLexicon.isCountWord(token.text) || token.text == "times": return true
            case .symbol where [",", ".", ";", ":", "!", "?"].contains(token.text): return false
            default: continue
            }
        }
        return false
    }

    /// "$80k a year" states a pay rate, not a routine, so the time unit binds nothing.
    private func rateOrCadence(_ span: Range<Int>) -> TimeExpression {
        let lookback = max(0, span.lowerBound - 5)..<span.lowerBound
        let isMoney = lookback.contains { QuantityScanner.isMoneyMarker(text, at: $0) }
        return TimeExpression(span: span, kind: isMoney ? .rate : .cadence)
    }

    /// "90-day", "5-year": a plan's length, neither a measure nor a deadline.
    private func hyphenatedPeriod(at index: Int) -> TimeExpression? {
        guard text.isNumber(at: index), text.isInnerHyphen(at: index + 1), durationUnit(at: index + 2) != nil else {
            return nil
        }
        return TimeExpression(span: index..<(index + 3), kind: .period)
    }

    // MARK: - Deadlines and windows

    private static let prefixes = PhraseTable<TimeExpression.Anchor>([
        ("by", .end), ("by the end of", .end), ("by end of", .end), ("at the end of", .end),
        ("the end of", .end), ("end of", .end), ("before the end of", .end), ("until the end of", .end),
        ("before", .before), ("until", .end), ("till", .end), ("til", .end), ("through", .end),
        ("no later than", .end), ("not later than", .end), ("on", .end), ("during", .end),
        ("throughout", .end), ("in", .within), ("within", .within), ("within the next", .within),
        ("in the next", .within), ("over the next", .within), ("for the next", .within),
        ("during the next", .within), ("the next", .within), ("over", .within), ("for", .within),
        ("starting", .start), ("starting in", .start), ("starting from", .start), ("start of", .start),
        ("the start of", .start), ("at the start of", .start), ("by the start of", .start),
        ("beginning of", .start), ("the beginning of", .start), ("at the beginning of", .start),
        ("by the beginning of", .start), ("early", .start), ("early in", .start), ("in early", .start),
        ("mid", .middle), ("in mid", .middle), ("by mid", .middle), ("middle of", .middle),
        ("the middle of", .middle), ("by the middle of", .middle), ("late", .end), ("late in", .end),
        ("in late", .end),
    ])

    private enum Core {
        case days(DayRange?)
        case duration(Double, DurationUnit)
        /// "in a few weeks", "in the coming months".
        case fuzzy
    }

    private enum DurationUnit {
        case day, week, fortnight, month, quarter, year, decade
    }

    private func frame(at index: Int) -> TimeExpression? {
        if let prefix = Self.prefixes.match(in: text, at: index) {
            let start = prefix.span.upperBound
            let impliesOne = text.word(at: start - 1) == "next"
            if let (end, core) = core(at: start, prefixed: true, impliesOne: impliesOne) {
                return expression(index..<end, core, anchor: prefix.value)
            }
        }
        if let (end, core) = core(at: index, prefixed: false, impliesOne: false) {
            return expression(index..<end, core, anchor: .end)
        }
        return nil
    }

    private func expression(_ span: Range<Int>, _ core: Core, anchor: TimeExpression.Anchor) -> TimeExpression {
        switch core {
        case .fuzzy:
            TimeExpression(span: span, kind: .vague)
        case .duration(let count, let unit):
            TimeExpression(span: span, kind: .window(advance(today, by: count, unit)))
        case .days(let range):
            TimeExpression(span: span, kind: .deadline(range?.date(for: anchor)))
        }
    }

    /// Today plus a duration; nil for durations too large to be a real plan.
    private func advance(_ day: LocalDate, by count: Double, _ unit: DurationUnit) -> LocalDate? {
        guard count.isFinite, count >= 0 else { return nil }
        let months: Double
        switch unit {
        case .day: return count <= 36_500 ? day.adding(days: Int(count.rounded())) : nil
        case .week: return count <= 5_200 ? day.adding(days: Int((count * 7).rounded())) : nil
        case .fortnight: return count <= 2_600 ? day.adding(days: Int((count * 14).rounded())) : nil
        case .month: months = count
        case .quarter: months = count * 3
        case .year: months = count * 12
        case .decade: months = count * 120
        }
        guard months <= 1_200 else { return nil }
        return day.adding(months: Int(months.rounded()))
    }

    private func core(at start: Int, prefixed: Bool, impliesOne: Bool) -> (Int, Core)? {
        let index = text.isSymbol("-", at: start) ? start + 1 : start
        // After "in the next", a bare unit is a duration ("over the next year" is twelve months).
        if impliesOne, let window = duration(at: index, prefixed: prefixed, impliesOne: true) {
            return window
        }
        let readers: [() -> (Int, Core)?] = [
            { isoDate(at: index) },
            { numericDate(at: index, prefixed: prefixed) },
            { monthDate(at: index, prefixed: prefixed) },
            { quarterOrHalf(at: index) },
            { relative(at: index, prefixed: prefixed) },
            { weekday(at: index, prefixed: prefixed) },
            { season(at: index, prefixed: prefixed) },
            { prefixed ? year(at: index) : nil },
            { duration(at: index, prefixed: prefixed, impliesOne: impliesOne) },
        ]
        for read in readers {
            if let found = read() { return found }
        }
        return nil
    }

    // MARK: Calendar dates

    /// 2027-06-30 or 2027/06/30.
    private func isoDate(at index: Int) -> (Int, Core)? {
        guard let year = fourDigitYear(at: index), text.contains(index + 4) else { return nil }
        let separator = text[index + 1].text
        guard separator == "-" || separator == "/", text.isSymbol(separator, at: index + 3),
              (index + 1...index + 4).allSatisfy(text.isJoined),
              text.isNumber(at: index + 2), text.isNumber(at: index + 4),
              let month = Int(text[index + 2].text), let day = Int(text[index + 4].text) else { return nil }
        return (index + 5, .days(LocalDate(year: year, month: month, day: day).map(DayRange.day)))
    }

    /// "12/31", "31/12/2026": month first unless the first number cannot be a month. Without a year
    /// it needs a prefix ("by 12/31"), so a score such as "8/10" is never read as a date.
    private func numericDate(at index: Int, prefixed: Bool) -> (Int, Core)? {
        guard text.isNumber(at: index), text.isSymbol("/", at: index + 1), text.isJoined(index + 1),
              text.isJoined(index + 2), text.isNumber(at: index + 2), text[index].text.count <= 2,
              text[index + 2].text.count <= 2, let first = Int(text[index].text), let second = Int(text[index + 2].text)
        else { return nil }
        var end = index + 3
        var year: Int?
        if text.isSymbol("/", at: end), text.isJoined(end), text.isJoined(end + 1), text.isNumber(at: end + 1),
           let written = Int(text[end + 1].text), [2, 4].contains(text[end + 1].text.count) {
            year = written < 100 ? 2000 + written : written
            end += 2
        }
        guard prefixed || year != nil else { return nil }
        let (month, day) = first > 12 ? (second, first) : (first, second)
        return (end, .days(resolve(day: day, month: month, year: year)))
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Full names and three-letter abbreviations (plus "sept").
    private static let months: [String: Int] = {
        var months: [String: Int] = ["sept": 9]
        for (offset, name) in monthNames.enumerated() {
            months[name] = offset + 1
            months[String(name.prefix(3))] = offset + 1
        }
        return months
    }()

    /// "June 30", "June 30th, 2027", "30 June 2027", "the 1st of May", "June 2027", and a bare
    /// "June" after a prefix (so the verb "march" or the modal "may" are never read as months).
    private func monthDate(at start: Int, prefixed: Bool) -> (Int, Core)? {
        var index = start
        if text.word(at: index) == "the", dayOfMonth(at: index + 1) != nil { index += 1 }
        if let (day, afterDay) = dayOfMonth(at: index) {
            let monthIndex = text.word(at: afterDay) == "of" ? afterDay + 1 : afterDay
            guard let (month, afterMonth) = monthName(at: monthIndex) else {
                // "by the 15th": a day of this month, or of the next once it has passed.
                let endsHere = text.word(at: afterDay).map(FunctionWords.contains) ?? true
                guard prefixed, index > start || afterDay - index == 2, endsHere else { return nil }
                return (afterDay, .days(resolve(dayOfMonth: day)))
            }
            let (year, end) = optionalYear(at: afterMonth)
            return (end, .days(resolve(day: day, month: month, year: year)))
        }
        guard let (month, afterMonth) = monthName(at: index) else { return nil }
        if let (day, afterDay) = dayOfMonth(at: afterMonth) {
            let (year, end) = optionalYear(at: afterDay)
            return (end, .days(resolve(day: day, month: month, year: year)))
        }
        let (year, end) = optionalYear(at: afterMonth)
        if let year { return (end, .days(DayRange.month(month, year: year))) }
        guard prefixed else { return nil }
        return (afterMonth, .days(DayRange.upcoming(from: today) { DayRange.month(month, year: $0) }))
    }

    private func monthName(at index: Int) -> (Int, Int)? {
        guard let word = text.word(at: index), let month = Self.months[word] else { return nil }
        let abbreviated = !Self.monthNames.contains(word)
        let end = abbreviated && text.isSymbol(".", at: index + 1) && text.isJoined(index + 1) ? index + 2 : index + 1
        return (month, end)
    }

    private func dayOfMonth(at index: Int) -> (Int, Int)? {
        if let (value, end) = NumberLexicon.ordinal(in: text, at: index), (1...31).contains(value) {
            return (value, end)
        }
        guard text.isNumber(at: index), text[index].text.count <= 2, let value = Int(text[index].text),
              (1...31).contains(value) else { return nil }
        return (value, index + 1)
    }

    /// An optional ", 2027" or "of 2027" after a month or day.
    private func optionalYear(at index: Int) -> (Int?, Int) {
        var cursor = index
        if text.isSymbol(",", at: cursor) || text.word(at: cursor) == "of" { cursor += 1 }
        if let year = fourDigitYear(at: cursor) { return (year, cursor + 1) }
        return (nil, index)
    }

    private func fourDigitYear(at index: Int) -> Int? {
        guard text.isNumber(at: index), text[index].text.count == 4, let year = Int(text[index].text),
              (1900...2199).contains(year) else { return nil }
        return year
    }

    private func resolve(day: Int, month: Int, year: Int?) -> DayRange? {
        if let year { return LocalDate(year: year, month: month, day: day).map(DayRange.day) }
        guard let thisYear = LocalDate(year: today.year, month: month, day: day) else {
            return LocalDate(year: today.year + 1, month: month, day: day).map(DayRange.day)
        }
        if thisYear >= today { return .day(thisYear) }
        return LocalDate(year: today.year + 1, month: month, day: day).map(DayRange.day)
    }

    private func resolve(dayOfMonth day: Int) -> DayRange? {
        if let thisMonth = LocalDate(year: today.year, month: today.month, day: day), thisMonth >= today {
            return .day(thisMonth)
        }
        let next = today.adding(months: 1)
        return LocalDate(year: next.year, month: next.month, day: day).map(DayRange.day)
    }

    private func year(at index: Int) -> (Int, Core)? {
        fourDigitYear(at: index).map { (index + 1, .days(DayRange.year($0))) }
    }

    // MARK: Quarters, halves and relative periods

    /// "Q3", "Q1 2027", "H2", "the third quarter", "second half of the year".
    private func quarterOrHalf(at start: Int) -> (Int, Core)? {
        var index = start
        if text.word(at: index) == "the" { index += 1 }
        let isQuarter: Bool
        let number: Int
        let end: Int
        if let letter = text.word(at: index), letter == "q" || letter == "h", text.isNumber(at: index + 1),
           text.isJoined(index + 1), let value = Int(text[index + 1].text) {
            isQuarter = letter == "q"
            number = value
            end = index + 2
        } else if let (value, afterOrdinal) = NumberLexicon.ordinal(in: text, at: index),
                  let noun = text.word(at: afterOrdinal), noun == "quarter" || noun == "half" {
            isQuarter = noun == "quarter"
            number = value
            end = afterOrdinal + 1
        } else {
            return nil
        }
        guard isQuarter ? (1...4).contains(number) : (1...2).contains(number) else { return nil }
        let make: (Int) -> DayRange? = { isQuarter ? DayRange.quarter(number, year: $0) : DayRange.half(number, year: $0) }
        let (explicitYear, afterYear) = optionalYear(at: end)
        if let explicitYear { return (afterYear, .days(make(explicitYear))) }
        if text.word(at: end) == "of", let (offset, afterRelative) = relativeYear(at: end + 1) {
            return (afterRelative, .days(make(today.year + offset)))
        }
        return (end, .days(DayRange.upcoming(from: today, make)))
    }

    /// "the year", "this year", "next year" after "of".
    private func relativeYear(at index: Int) -> (Int, Int)? {
        guard let word = text.word(at: index) else { return nil }
        let offset: Int
        switch word {
        case "the", "this": offset = 0
        case "next": offset = 1
        default: return nil
        }
        return text.word(at: index + 1) == "year" ? (offset, index + 2) : nil
    }

    private static let fixedDays = PhraseTable<Int>([
        ("today", 0), ("tonight", 0), ("tomorrow", 1), ("eod", 0),
    ])

    private enum PeriodUnit {
        case week, weekend, month, quarter, year
    }

    private static let periodUnits = PhraseTable<PeriodUnit>([
        ("week", .week), ("weekend", .weekend), ("month", .month), ("quarter", .quarter), ("year", .year),
    ])

    /// Period-end words that need no qualifier ("by year-end", "EOQ").
    private static let periodEnds = PhraseTable<PeriodUnit>([
        ("year end", .year), ("yearend", .year), ("eoy", .year), ("month end", .month), ("eom", .month),
        ("quarter end", .quarter), ("eoq", .quarter), ("eow", .week),
    ])

    /// "this month", "next quarter", "the year" (after a prefix), "year-end", "tomorrow".
    private func relative(at index: Int, prefixed: Bool) -> (Int, Core)? {
        if let fixed = Self.fixedDays.match(in: text, at: index) {
            return (fixed.span.upperBound, .days(.day(today.adding(days: fixed.value))))
        }
        if let end = Self.periodEnds.match(in: text, at: index) {
            return (end.span.upperBound, .days(period(end.value, offset: 0)))
        }
        var cursor = index
        var offset = 0
        var qualified = false
        while let word = text.word(at: cursor) {
            if word == "the", prefixed, !qualified {
                cursor += 1
            } else if ["this", "current", "coming"].contains(word) {
                offset = word == "coming" ? 1 : 0
                qualified = true
                cursor += 1
            } else if word == "next" {
                offset = 1
                qualified = true
                cursor += 1
            } else {
                break
            }
        }
        // A plural ("the coming weeks") is vague, not a period; the duration reader handles it.
        guard qualified || prefixed, let unit = Self.periodUnits.match(in: text, at: cursor),
              unit.span.count > 1 || !text[cursor].text.hasSuffix("s") else { return nil }
        return (unit.span.upperBound, .days(period(unit.value, offset: offset)))
    }

    private func period(_ unit: PeriodUnit, offset: Int) -> DayRange? {
        switch unit {
        case .week:
            return DayRange.week(containing: today.adding(days: 7 * offset))
        case .weekend:
            let saturday = today.next(weekday: 6, strictly: false).adding(days: 7 * offset)
            return DayRange(first: saturday, last: saturday.adding(days: 1))
        case .month:
            let day = today.adding(months: offset)
            return DayRange.month(day.month, year: day.year)
        case .quarter:
            let day = today.adding(months: 3 * offset)
            return DayRange.quarter(day.quarter, year: day.year)
        case .year:
            return DayRange.year(today.year + offset)
        }
    }

    private static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    private func weekday(at index: Int, prefixed: Bool) -> (Int, Core)? {
        var cursor = index
        var strictly = false
        if let word = text.word(at: cursor), word == "next" || word == "this" {
            strictly = word == "next"
            cursor += 1
        }
        guard cursor > index || prefixed, let name = text.word(at: cursor), let day = Self.weekdays[name] else {
            return nil
        }
        return (cursor + 1, .days(.day(today.next(weekday: day, strictly: strictly))))
    }

    private func season(at index: Int, prefixed: Bool) -> (Int, Core)? {
        var cursor = index
        var offset = 0
        if let word = text.word(at: cursor), ["this", "next", "the"].contains(word) {
            offset = word == "next" ? 1 : 0
            cursor += 1
        }
        guard cursor > index || prefixed, let name = text.word(at: cursor),
              DayRange.season(name, year: today.year) != nil else { return nil }
        let upcoming = DayRange.upcoming(from: today) { DayRange.season(name, year: $0) }
        let range = offset == 0 ? upcoming : upcoming.flatMap { DayRange.season(name, year: $0.first.year + 1) }
        return (cursor + 1, .days(range))
    }

    // MARK: Durations

    private static let durationUnits = PhraseTable<DurationUnit>([
        ("day", .day), ("week", .week), ("fortnight", .fortnight), ("month", .month), ("quarter", .quarter),
        ("year", .year), ("decade", .decade),
    ])

    private func durationUnit(at index: Int) -> PhraseTable<DurationUnit>.Match? {
        Self.durationUnits.match(in: text, at: index)
    }

    /// "6 months", "a year", "four weeks' time", "the next quarter" after a prefix, or
    /// "6 months from now" on its own. Hours and minutes are deliberately absent: "within 4 hours"
    /// is a response-time standard, not a deadline.
    private func duration(at start: Int, prefixed: Bool, impliesOne: Bool) -> (Int, Core)? {
        var index = start
        var count: Double?
        var fuzzy = false
        if text.word(at: index) == "the" { index += 1 }
        if let word = text.word(at: index), word == "a" || word == "an",
           let next = text.word(at: index + 1), next == "few" || next == "couple" {
            fuzzy = true
            index += 2
        } else if let word = text.word(at: index), ["few", "several", "coming", "couple"].contains(word) {
            fuzzy = true
            index += 1
        } else if let word = text.word(at: index), word == "a" || word == "an" {
            count = 1
            index += 1
        } else if let number = NumberLexicon.parse(text, at: index) {
            count = number.value
            index = number.end
        }
        if fuzzy, text.word(at: index) == "of" { index += 1 }
        guard fuzzy || count != nil || impliesOne, let unit = durationUnit(at: index) else { return nil }
        index = unit.span.upperBound
        var trailing = false
        if text.isSymbol("'", at: index) || text.word(at: index) == "'s" { index += 1 }
        if text.word(at: index) == "time" {
            index += 1
            trailing = true
        }
        if text.word(at: index) == "from", let next = text.word(at: index + 1), next == "now" || next == "today" {
            index += 2
            trailing = true
        }
        guard prefixed || trailing else { return nil }
        return (index, fuzzy ? .fuzzy : .duration(count ?? 1, unit.value))
    }
}
