/// Dates counted from today: weekdays, offsets, periods, days inside a month, times of day.
extension DateReader {
    // MARK: Weekdays

    /// "Friday", "this Friday", "next Friday", "Friday of next week", "next week on Friday", "the
    /// Friday after next", "last Friday", and a weekday with a date ("Thursday Jul 22, 2027",
    /// "Tuesday the 19th"), cross-checked.
    func weekdayPhrase(at start: Int, prefixed: Bool) -> Found? {
        var index = start
        var modifier: String?
        if let weeks = weekOffset(at: index) {
            var cursor = index + 2
            if text.isSymbol(",", at: cursor) || text.word(at: cursor) == "on" { cursor += 1 }
            guard let (weekday, end) = weekdayName(at: cursor) else { return nil }
            return single(DayRange.week(containing: today).first.adding(days: 7 * weeks + weekday - 1), end: end)
        }
        if text.word(at: index) == "the", let (_, end) = weekdayName(at: index + 1), text.word(at: end) == "after", text.word(at: end + 1) == "next" { index += 1 }
        // "on the next Sunday", "the coming Friday": the article changes nothing.
        if text.word(at: index) == "the", ["next", "coming", "upcoming", "last", "past", "previous"].contains(text.word(at: index + 1) ?? ""),
           weekdayName(at: index + 2) != nil { index += 1 }
        // "this coming Friday", "this past Monday".
        if text.word(at: index) == "this", ["coming", "past"].contains(text.word(at: index + 1) ?? "") { index += 1 }
        if let word = text.word(at: index), ["this", "next", "last", "past", "previous", "coming", "upcoming"].contains(word) {
            modifier = word
            index += 1
        }
        guard let (weekday, afterName) = weekdayName(at: index) else { return nil }
        if modifier == nil, let dated = datedWeekday(weekday, after: afterName) { return dated }
        let week = DayRange.week(containing: today).first
        var cursor = afterName
        if text.isSymbol(",", at: cursor) { cursor += 1 }
        if text.word(at: cursor) == "of" { cursor += 1 }
        if let weeks = weekOffset(at: cursor) {
            return single(week.adding(days: 7 * weeks + weekday - 1), end: cursor + 2)
        }
        switch modifier {
        case "next":
            if text.word(at: afterName) == "week" { return nil }
            return single(week.adding(days: 7 + weekday - 1), end: afterName)
        case "last", "past", "previous":
            let back = (today.weekday - weekday + 7) % 7
            return single(today.adding(days: -(back == 0 ? 7 : back)), end: afterName)
        default:
            let coming = today.next(weekday: weekday, strictly: false)
            // "Friday week": a week after the coming Friday.
            if modifier == nil, text.word(at: afterName) == "week", !text.isNumber(at: afterName + 1) {
                return single(coming.adding(days: 7), end: afterName + 1)
            }
            if text.word(at: afterName) == "after", text.word(at: afterName + 1) == "next" {
                return single(week.adding(days: 14 + weekday - 1), end: afterName + 2)
            }
            guard modifier != nil || prefixed || whole || standsAlone(start, end: afterName) else { return nil }
            return single(coming, end: afterName)
        }
    }

    /// "this week", "next week", "last week", "the following week": how many weeks from this one.
    private func weekOffset(at index: Int) -> Int? {
        guard let which = text.word(at: index), text.word(at: index + 1) == "week" else { return nil }
        switch which {
        case "this": return 0
        case "next", "following": return 1
        case "last", "previous": return -1
        default: return nil
        }
    }

    private func datedWeekday(_ weekday: Int, after index: Int) -> Found? {
        var cursor = index
        if text.isSymbol(",", at: cursor) { cursor += 1 }
        // "Thu 5:30 PM 3-5-2009": a time may come between the weekday and the date.
        if let time = timeOfDay(at: cursor), text.contains(time.end), text.isNumber(at: time.end) || monthName(at: time.end) != nil { cursor = time.end }
        let inMonth = ordinalDay(at: text.word(at: cursor) == "the" ? cursor + 1 : cursor) != nil ? dayOfMonth(at: cursor, prefixed: true) : nil
        if text.word(at: cursor) == "the" { cursor += 1 }
        // "Mon Christmas": a holiday is a date, cross-checked the same way.
        let dated = [monthDate(at: cursor), numericInWeekday(at: cursor), inMonth, holiday(at: cursor, prefixed: true)]
            .compactMap { $0 }.max { $0.end < $1.end }
        guard let dated else { return nil }
        if case .problem(.ambiguous(let monthFirst, let dayFirst)) = dated.value {
            // The weekday settles which reading was meant.
            let fitting = [monthFirst, dayFirst].filter { $0.weekday == weekday }
            return fitting.count == 1 ? single(fitting[0], end: dated.end) : dated
        }
        guard case .range(let range) = dated.value else { return dated }
        if range.first.weekday == weekday { return dated }
        return Found(end: dated.end, value: .problem(.weekdayMismatch(range.first, written: weekday)))
    }

    private func numericInWeekday(at index: Int) -> Found? {
        guard text.isNumber(at: index) else { return nil }
        let calendar = DateReader(text: text, grammar: grammar, whole: true)
        return calendar.numeric(at: index, prefixed: true) ?? calendar.iso(at: index)
    }

    func single(_ day: LocalDate, end: Int) -> Found {
        Found(end: end, value: .range(.day(day)))
    }

    // MARK: Days of a month

    /// "the third Tuesday of September 2027", "the last weekend of October", "the first week of
    /// March", "the first Monday of the month".
    func ordinalInMonth(at start: Int) -> Found? {
        var index = start
        if text.word(at: index) == "the" { index += 1 }
        let position: Int
        if let word = text.word(at: index), word == "last" || word == "final" {
            position = -1
            index += 1
        } else if let (value, end) = ordinalDay(at: index), (1...366).contains(value) {
            // "the 131st day of 2023": past 31 only a day of a year.
            guard value <= 31 || text.word(at: end) == "day" else { return nil }
            position = value
            index = end
        } else {
            return nil
        }
        enum Target { case weekday(Int), day, week, weekend }
        let target: Target
        if let (weekday, end) = weekdayName(at: index) {
            target = .weekday(weekday)
            index = end
        } else if text.word(at: index) == "day" {
            target = .day
            index += 1
        } else if text.word(at: index) == "week" {
            target = .week
            index += 1
        } else if text.word(at: index) == "weekend" {
            target = .weekend
            index += 1
        } else {
            return nil
        }
        /// "the first day of 2009", "the last Tuesday in 1997", "the 1st day next year": counted in the year.
        func inYear(position: Int, target: Target, year: Int, end: Int) -> Found? {
            guard let range = DayRange.year(year) else { return nil }
            switch target {
            case .day:
                if position == -1 { return single(range.last, end: end) }
                let day = range.first.adding(days: position - 1)
                return day.year == year ? single(day, end: end) : nil
            case .weekday(let weekday):
                if position == -1 { return single(range.last.adding(days: -((range.last.weekday - weekday + 7) % 7)), end: end) }
                return single(range.first.next(weekday: weekday, strictly: false).adding(days: 7 * (position - 1)), end: end)
            case .week, .weekend:
                return nil
            }
        }
        // "the third Thursday of November", "… in November", "… this November", "12th day next month".
        guard let word = text.word(at: index) else { return nil }
        let direct = ["this", "next"].contains(word) && (monthName(at: index + 1) != nil || ["month", "year"].contains(text.word(at: index + 1) ?? ""))
        guard word == "of" || word == "in" || direct else { return nil }
        let specAt = direct ? index : index + 1
        if let (yearValue, end) = writtenYear(at: specAt) ?? relativeYear(at: specAt).map({ (today.year + $0.0, $0.1) }),
           let found = inYear(position: position, target: target, year: yearValue, end: end) {
            return found
        }
        guard let (spec, end) = monthSpec(at: specAt) else {
            // "the last day of this decade", "the first day of next quarter": counted in any period read.
            guard case .day = target, let period = period(at: specAt, prefixed: true), let range = period.range else { return nil }
            let day = position == -1 ? range.last : range.first.adding(days: position - 1)
            return day <= range.last ? single(day, end: period.end) : nil
        }
        func resolve(_ month: Int, _ year: Int) -> Found? {
            guard let range = DayRange.month(month, year: year) else { return nil }
            switch target {
            case .weekday(let weekday):
                guard position <= 5 else {
                    let name = DateWords.weekdayNames[weekday - 1].capitalisedFirst
                    return Found(end: end, value: .problem(.impossible("No month has a \(position)th \(name); a month has at most five of each weekday.")))
                }
                if position == -1 { return single(range.last.adding(days: -((range.last.weekday - weekday + 7) % 7)), end: end) }
                let day = range.first.next(weekday: weekday, strictly: false).adding(days: 7 * (position - 1))
                guard day.month == month else {
                    let name = DateWords.weekdayNames[weekday - 1].capitalisedFirst
                    return Found(end: end, value: .problem(.impossible("\(DateWords.monthNames[month - 1].capitalisedFirst) \(year) has no \(position)th \(name).")))
                }
                return single(day, end: end)
            case .day:
                if position == -1 { return single(range.last, end: end) }
                guard position <= LocalDate.daysIn(month: month, year: year) else { return nil }
                return single(range.first.adding(days: position - 1), end: end)
            case .week:
                guard position <= 5 else { return nil }
                if position == -1 { return single(range.last, end: end) }
                return single(min(range.first.adding(days: 7 * position - 1), range.last), end: end)
            case .weekend:
                guard position <= 5 else { return nil }
                let saturdays = range.first.next(weekday: 6, strictly: false)
                let saturday = position == -1
                    ? range.last.adding(days: -((range.last.weekday - 6 + 7) % 7))
                    : saturdays.adding(days: 7 * (position - 1))
                guard saturday.month == month else { return nil }
                return single(saturday.adding(days: 1), end: end)
            }
        }
        guard let found = resolve(spec.month, spec.year) else { return nil }
        if spec.floating, let day = found.day, day < today {
            let later = spec.advance(spec.month, spec.year)
            return resolve(later.0, later.1)
        }
        return found
    }

    /// "20 of next month", "the fifteenth of this month", "the 15th" (this month, or next once it has passed).
    func dayOfMonth(at start: Int, prefixed: Bool) -> Found? {
        var index = start
        let hasThe = text.word(at: index) == "the"
        if hasThe { index += 1 }
        guard let (dayOfMonth, afterDay) = dayNumber(at: index) else { return nil }
        let isOrdinal = ordinalDay(at: index) != nil
        var cursor = afterDay
        if let word = text.word(at: cursor), word == "of" || word == "in" { cursor += 1 }
        if let (spec, end) = monthSpec(at: cursor), !spec.named {
            var found = day(spec.year, spec.month, dayOfMonth, end: end)
            if spec.floating, let day = found.day, day < today {
                let later = spec.advance(spec.month, spec.year)
                found = self.day(later.1, later.0, dayOfMonth, end: end)
            }
            return found
        }
        guard isOrdinal, hasThe || prefixed || whole, text.word(at: afterDay).map({ DateWords.months[$0] == nil }) ?? true else { return nil }
        // "earn the first AWS certificate", "on the first exam": an ordinal before a noun says which, not when.
        if !whole, let next = text.word(at: afterDay), !FunctionWords.contains(next) { return nil }
        if let thisMonth = LocalDate(year: today.year, month: today.month, day: dayOfMonth), thisMonth >= today {
            return single(thisMonth, end: afterDay)
        }
        let next = today.adding(months: 1)
        return day(next.year, next.month, dayOfMonth, end: afterDay)
    }

    struct MonthSpec {
        let month: Int
        let year: Int
        /// Named without a year ("March") or as "the month": it moves on once it has passed.
        let floating: Bool
        let named: Bool
        let advance: (Int, Int) -> (Int, Int)
    }

    /// "September 2027", "October", "the month", "this month", "next month", "last month".
    func monthSpec(at index: Int) -> (MonthSpec, Int)? {
        let byYear: (Int, Int) -> (Int, Int) = { ($0, $1 + 1) }
        let byMonth: (Int, Int) -> (Int, Int) = { $0 == 12 ? (1, $1 + 1) : ($0 + 1, $1) }
        if let (month, afterMonth) = monthName(at: index) {
            // "November 2012", "November, 2012", "November of 2012".
            let yearAt = (text.isSymbol(",", at: afterMonth) || text.word(at: afterMonth) == "of") ? afterMonth + 1 : afterMonth
            if let year = fourDigitYear(at: yearAt) {
                return (MonthSpec(month: month, year: year, floating: false, named: true, advance: byYear), yearAt + 1)
            }
            if let (offset, end) = relativeYear(at: afterMonth) {
                return (MonthSpec(month: month, year: today.year + offset, floating: false, named: true, advance: byYear), end)
            }
            let year = month >= today.month ? today.year : today.year + 1
            return (MonthSpec(month: month, year: year, floating: true, named: true, advance: byYear), afterMonth)
        }
        // "next November" (the first that starts after today), "this November".
        if let word = text.word(at: index), word == "next" || word == "this", let (month, afterMonth) = monthName(at: index + 1) {
            let year = word == "this" ? today.year : (month > today.month ? today.year : today.year + 1)
            return (MonthSpec(month: month, year: year, floating: false, named: true, advance: byYear), afterMonth)
        }
        if text.word(at: index) == "month", text.word(at: index - 1) == "of" {
            return (MonthSpec(month: today.month, year: today.year, floating: true, named: false, advance: byMonth), index + 1)
        }
        guard let word = text.word(at: index), text.word(at: index + 1) == "month" else { return nil }
        let offset: Int
        switch word {
        case "the": offset = 0
        case "this", "current": offset = 0
        case "next", "following": offset = 1
        case "last", "previous": offset = -1
        default: return nil
        }
        // "the month after next": two ahead.
        if word == "the", text.word(at: index + 2) == "after", text.word(at: index + 3) == "next" {
            let day = today.adding(months: 2)
            return (MonthSpec(month: day.month, year: day.year, floating: false, named: false, advance: byMonth), index + 4)
        }
        let day = today.adding(months: offset)
        return (MonthSpec(month: day.month, year: day.year, floating: word == "the", named: false, advance: byMonth), index + 2)
    }

    // MARK: Days

    /// "EOD", "close of business": today's, or the day written after it ("COB Friday", "end of day tomorrow").
    private func endOfDay(after index: Int) -> Found {
        let at = text.word(at: index) == "on" ? index + 1 : index
        if text.contains(at), let day = point(at: at, prefixed: true), day.day != nil { return day }
        return single(today, end: index)
    }

    /// today, tonight, tomorrow, yesterday, the day after tomorrow, now, end of day, by 11am, noon.
    func relativeDay(at start: Int, prefixed: Bool) -> Found? {
        var index = start
        if text.word(at: index) == "the" { index += 1 }
        if let word = text.word(at: index), word == "day" || word == "week",
           let direction = text.word(at: index + 1), direction == "after" || direction == "before",
           let base = point(at: index + 2, prefixed: true), let day = base.day {
            let step = (word == "day" ? 1 : 7) * (direction == "after" ? 1 : -1)
            return single(day.adding(days: step), end: base.end)
        }
        // "the week of March 3": as a deadline, the end of the week holding that day.
        if text.word(at: index) == "week", text.word(at: index + 1) == "of", let base = point(at: index + 2, prefixed: true), let day = base.day {
            return single(DayRange.week(containing: day).last, end: base.end)
        }
        // "by year's end", "by the month's end": the end of the period under way.
        let periodAt = text.word(at: start) == "the" ? start + 1 : start
        if let unit = text.word(at: periodAt), text.word(at: periodAt + 1) == "'s", ["end", "close"].contains(text.word(at: periodAt + 2) ?? ""),
           let period = unit == "day" ? DayRange.day(today) : periodUnderWay(named: unit) {
            return single(period.last, end: periodAt + 3)
        }
        guard let word = text.word(at: start) else { return timeOfDay(at: start).map { single($0.day, end: $0.end) } }
        switch word {
        case "eod", "cob": return endOfDay(after: start + 1)
        case "today", "tonight", "now", "tod", "tdy": return single(today, end: start + 1)
        case "tomorrow", "tmr", "tmrw", "tomorow": return single(today.adding(days: 1), end: start + 1)
        case "yesterday": return single(today.adding(days: -1), end: start + 1)
        case "last" where text.word(at: start + 1) == "night": return single(today.adding(days: -1), end: start + 2)
        case "next", "following":
            switch text.word(at: start + 1) {
            case "day": return single(today.adding(days: 1), end: start + 2)
            case "hour", "minute": return single(today, end: start + 2)
            default: break
            }
        case "this":
            if let part = text.word(at: start + 1), DateWords.dayParts.contains(part) { return single(today, end: start + 2) }
        case "end", "close":
            if text.word(at: start + 1) == "of", let what = text.word(at: start + 2), ["day", "business", "play"].contains(what) {
                return endOfDay(after: start + 3)
            }
            if text.word(at: start + 1) == "of", text.word(at: start + 2) == "the", text.word(at: start + 3) == "day" {
                return single(today, end: start + 4)
            }
        default: break
        }
        if prefixed, let (day, end) = timeOfDay(at: start) { return single(day, end: end) }
        return nil
    }

    /// "11am", "11 a.m.", "5:30 pm", "17:00", "noon", "midday", "midnight": today, or tomorrow once
    /// the time has passed (when the clock is known).
    func timeOfDay(at index: Int) -> (day: LocalDate, end: Int)? {
        /// A time without am or pm ("half past 2", "9:30") is the next of its two readings.
        func on(_ minutes: Int, end: Int, twelveHour: Bool = false) -> (LocalDate, Int) {
            var minutes = minutes
            var end = end
            var unmarked = twelveHour && minutes < 13 * 60 && minutes >= 60
            if twelveHour, let (pm, after) = partOfDay(at: end) {
                minutes = minutes % 720 + (pm ? 720 : 0)
                end = after
                unmarked = false
            }
            let passed = grammar.minutesNow.map { $0 > minutes + (unmarked && minutes < 720 ? 720 : 0) } ?? false
            return (passed ? today.adding(days: 1) : today, end)
        }
        if let word = text.word(at: index) {
            switch word {
            case "noon", "midday", "lunchtime": return on(12 * 60, end: index + 1)
            case "midnight": return on(24 * 60 - 1, end: index + 1)
            default:
                if let spoken = spokenTime(at: index) { return on(spoken.minutes, end: spoken.end, twelveHour: !spoken.marked) }
                // "nine o'clock", "eleven in the morning": an hour written as a word needs either after it.
                guard let hour = NumberLexicon.cardinal(word), (1...12).contains(hour), hour == hour.rounded() else { return nil }
                if let next = text.word(at: index + 1), next == "o'clock" || next == "oclock" { return on(Int(hour) * 60, end: index + 2, twelveHour: true) }
                // "three am", "seven pm".
                if let marker = text.word(at: index + 1), marker == "am" || marker == "pm" {
                    return on((Int(hour) % 12 + (marker == "pm" ? 12 : 0)) * 60, end: index + 2)
                }
                guard partOfDay(at: index + 1) != nil else { return nil }
                return on(Int(hour) * 60, end: index + 1, twelveHour: true)
            }
        }
        if let spoken = spokenTime(at: index) { return on(spoken.minutes, end: spoken.end, twelveHour: !spoken.marked) }
        // "12 noon", "12 midnight".
        if text.isNumber(at: index), text[index].text == "12", let word = text.word(at: index + 1), word == "noon" || word == "midnight" {
            return on(word == "noon" ? 12 * 60 : 24 * 60 - 1, end: index + 2)
        }
        // "1045pm": hours and minutes run together before am or pm.
        if text.isNumber(at: index), (3...4).contains(text[index].text.count), let run = Int(text[index].text),
           (1...12).contains(run / 100), run % 100 < 60, let marker = text.word(at: index + 1), marker == "am" || marker == "pm" {
            return on((run / 100 % 12 + (marker == "pm" ? 12 : 0)) * 60 + run % 100, end: index + 2)
        }
        var cursor = index + 1
        var minutes = 0
        var hasClock = false
        let hour: Int
        if text.isNumber(at: index), case let parts = text[index].text.split(separator: "."), parts.count == 2,
           parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h <= 24, m < 60 {
            // "12.16 pm", "13.12", "16.23 GMT": a dotted clock time, read only where nothing else could be meant.
            let marked = ["am", "pm"].contains(text.word(at: cursor) ?? "")
            guard marked || (whole && cursor == text.count) || zoneEnd(after: cursor) > cursor else { return nil }
            (hour, minutes, hasClock) = (h, m, true)
        } else {
            guard text.isNumber(at: index), text[index].text.count <= 2, let h = Int(text[index].text), h <= 24 else { return nil }
            hour = h
        }
        if !hasClock, text.isSymbol(":", at: cursor), text.isJoined(cursor), text.isNumber(at: cursor + 1), text[cursor + 1].text.count == 2,
           let written = Int(text[cursor + 1].text), written < 60 {
            minutes = written
            cursor += 2
            hasClock = true
            if text.isSymbol(":", at: cursor), text.isJoined(cursor), text.isNumber(at: cursor + 1) {
                cursor += 2
                // "09:04:08,00123": a fraction of a second.
                if text.isSymbol(",", at: cursor), text.isJoined(cursor), text.isJoined(cursor + 1), text.isNumber(at: cursor + 1) { cursor += 2 }
            }
        }
        if let marker = text.word(at: cursor), marker == "am" || marker == "pm" || marker == "a" || marker == "p" {
            var end = cursor + 1
            // "5p" in a whole answer, as people type it in a hurry; "a.m." anywhere.
            if marker.count == 1, !(whole && text.isJoined(cursor) && !text.isSymbol(".", at: end)) {
                guard text.isSymbol(".", at: end), text.word(at: end + 1) == "m" else { return nil }
                end += 2
            }
            if text.isSymbol(".", at: end), text.isJoined(end), !text.isNumber(at: end + 1) { end += 1 }
            guard (1...12).contains(hour) else { return nil }
            let isPM = marker.hasPrefix("p")
            return on(((hour % 12) + (isPM ? 12 : 0)) * 60 + minutes, end: end)
        }
        if text.word(at: cursor) == "o'clock" || text.word(at: cursor) == "oclock" { return on(hour * 60, end: cursor + 1, twelveHour: hour <= 12) }
        // "3 in the morning", "6 in the evening": the part of the day makes a bare hour a time.
        if !hasClock, (1...12).contains(hour), partOfDay(at: cursor) != nil { return on(hour * 60, end: cursor, twelveHour: true) }
        guard hasClock, hour < 24 else { return nil }
        return on(hour * 60 + minutes, end: cursor, twelveHour: (1...12).contains(hour) && !text[index].text.hasPrefix("0"))
    }

    /// "in the morning", "in the afternoon", "at night" after a time: whether it is pm, and where it stops.
    func partOfDay(at index: Int) -> (pm: Bool, end: Int)? {
        if text.word(at: index) == "at", text.word(at: index + 1) == "night" { return (true, index + 2) }
        guard text.word(at: index) == "in", text.word(at: index + 1) == "the", let part = text.word(at: index + 2) else { return nil }
        switch part {
        case "morning": return (false, index + 3)
        case "afternoon", "evening": return (true, index + 3)
        default: return nil
        }
    }

    /// "a quarter to seven", "half past 6", "quarter past five pm": minutes since midnight (the
    /// morning's unless "pm" follows).
    private func spokenTime(at start: Int) -> (minutes: Int, end: Int, marked: Bool)? {
        var index = text.word(at: start) == "a" ? start + 1 : start
        var past = 0
        if let part = text.word(at: index), part == "quarter" || part == "half" {
            past = part == "quarter" ? 15 : 30
        } else if whole, text.isNumber(at: index), let count = Int(text[index].text), (1...59).contains(count) {
            // "10 to 2", "20 past 4": only as a whole answer, where "from 10 to 2" cannot be a count.
            past = count
        } else if let word = text.word(at: index), text.word(at: index + 1) == "minutes", let count = NumberLexicon.cardinal(word),
                  (1...59).contains(count), count == count.rounded() {
            past = Int(count)
        } else {
            return nil
        }
        // "ten minutes to three".
        let counted = text.word(at: index + 1) == "minutes" ? 1 : 0
        guard let direction = text.word(at: index + 1 + counted), direction == "to" || direction == "past" || (past == 30 && direction == "after") else { return nil }
        index += 2 + counted
        let hour: Int
        if text.isNumber(at: index), let h = Int(text[index].text), (1...12).contains(h) { hour = h }
        else if ["noon", "midday"].contains(text.word(at: index) ?? "") { hour = 12 }
        else if let word = text.word(at: index), let h = NumberLexicon.cardinal(word), (1...12).contains(h), h == h.rounded() { hour = Int(h) }
        else { return nil }
        index += 1
        let pm = text.word(at: index) == "pm"
        let marked = ["am", "pm"].contains(text.word(at: index) ?? "")
        if marked { index += 1 }
        let noon = ["noon", "midday"].contains(text.word(at: index - 1) ?? "")
        let minutes = (hour % 12 + (pm ? 12 : 0)) * 60 + (direction == "to" ? -past : past)
        return ((minutes + 24 * 60) % (24 * 60), index, marked || noon)
    }

    // MARK: Offsets

    /// "in 3 weeks" (after a prefix), "3 weeks from now", "two weeks from today", "in 1 year 2 months",
    /// "a week after tomorrow", "3 days ago", "3 Fridays from now", "in a few weeks" (vague).
    func offset(at start: Int, prefixed: Bool) -> Found? {
        var index = start
        // A bare amount of time is a window only after a prefix ("in 3 weeks"), never as a whole answer ("a day").
        var windowed = prefixed && (!whole || start > 0)
        if text.word(at: index) == "the", text.word(at: index + 1) != "next" { index += 1 }
        var countsFromNow = false
        // "within the first 90 days", "in my first year": the first stretch of time is counted from now.
        if prefixed, let word = text.word(at: index), ["my", "our", "your", "their"].contains(word), text.word(at: index + 1) == "first" { index += 1 }
        let first = prefixed && text.word(at: index) == "first"
        if first {
            index += 1
            windowed = true
            countsFromNow = true
        }
        if !first, let word = text.word(at: index), word == "after" || (word == "next" && NumberLexicon.parse(text, at: index + 1) != nil) {
            index += 1
            windowed = true
            countsFromNow = word == "next"
        }
        if let (count, weekday, end) = countedWeekdays(at: index) {
            guard let (trailing, after) = trailer(at: end) else { return nil }
            let first = today.next(weekday: weekday, strictly: true)
            let steps = 7 * (count - 1)
            switch trailing {
            case .fromNow: return single(first.adding(days: steps), end: after)
            case .ago:
                let back = (today.weekday - weekday + 7) % 7
                return single(today.adding(days: -(back == 0 ? 7 : back) - steps), end: after)
            case .from(let base): return single(base.next(weekday: weekday, strictly: true).adding(days: steps), end: after)
            case .before(let base):
                let back = (base.weekday - weekday + 7) % 7
                return single(base.adding(days: -(back == 0 ? 7 : back) - steps), end: after)
            }
        }
        let impliesOne = first || (prefixed && text.word(at: start - 1) == "next")
        // "in a 12 week period", "over a six-month span": the length before the noun of time is the window.
        if windowed, let article = text.word(at: index), article == "a" || article == "an",
           let inner = duration(at: index + 1, impliesOne: false), let noun = text.word(at: inner.end), Self.stretchNouns.contains(noun),
           let months = inner.months, let days = inner.days {
            return shifted(today, months, days, end: inner.end + 1, window: true)
        }
        guard let amount = duration(at: index, impliesOne: impliesOne) else { return nil }
        if let (trailing, after) = trailer(at: amount.end) ?? (text.word(at: amount.end) == "before" && amount.end + 1 == text.count ? (.ago, amount.end + 1) : nil) {
            guard let months = amount.months, let days = amount.days else { return Found(end: after, value: .vague) }
            switch trailing {
            case .fromNow: return shifted(today, months, days, end: after, window: true)
            case .ago: return shifted(today, -months, -days, end: after, window: false)
            case .from(let base): return shifted(base, months, days, end: after, window: false)
            case .before(let base): return shifted(base, -months, -days, end: after, window: false)
            }
        }
        // "put in 10 hours a week": an amount of time per period, not a window.
        if let word = text.word(at: amount.end), ["a", "an", "per", "each", "every"].contains(word),
           let unit = text.word(at: amount.end + 1), DateWords.units[unit] != nil { return nil }
        // "in 2 hours" and "for the next 48 hours" are deadlines; "within 4 hours" in a goal is a response-time standard.
        guard windowed, !amount.clock || whole || countsFromNow || text.word(at: start - 1) == "in" else { return nil }
        guard let months = amount.months, let days = amount.days else { return Found(end: amount.end, value: .vague) }
        return shifted(today, months, days, end: amount.end, window: true)
    }

    private enum Trailer {
        case fromNow, ago
        case from(LocalDate)
        case before(LocalDate)
    }

    /// What an amount of time is counted from: "from now", "later", "ago", "after tomorrow", "before Christmas".
    private func trailer(at index: Int) -> (Trailer, Int)? {
        var cursor = index
        if text.isSymbol("'", at: cursor) || text.word(at: cursor) == "'s" { cursor += 1 }
        guard let word = text.word(at: cursor) else { return nil }
        switch word {
        case "time", "later", "hence", "out": return (.fromNow, cursor + 1)
        case "ago", "back", "earlier": return (.ago, cursor + 1)
        case "from", "after", "before":
            if let next = text.word(at: cursor + 1), next == "now" || next == "today" {
                return (word == "before" ? .ago : .fromNow, cursor + 2)
            }
            guard let base = point(at: cursor + 1, prefixed: true), let day = base.day else { return nil }
            return (word == "before" ? .before(day) : .from(day), base.end)
        default: return nil
        }
    }

    private func shifted(_ base: LocalDate, _ months: Double, _ days: Double, end: Int, window: Bool) -> Found? {
        guard abs(months) <= 1_200, abs(days) <= 36_500 else { return nil }
        let wholeMonths = months.rounded(.towardZero)
        var extraDays = (months - wholeMonths) * 30.436875 + days
        if extraDays.rounded() != extraDays {
            // Part of a day: with the clock known it may cross midnight; without, it stays on the day.
            let now = Double(grammar.minutesNow ?? 0) / 1_440
            extraDays = grammar.minutesNow == nil ? extraDays.rounded(.towardZero) : (now + extraDays).rounded(.down)
        }
        let day = base.adding(months: Int(wholeMonths)).adding(days: Int(extraDays))
        return window ? Found(end: end, value: .window(day)) : single(day, end: end)
    }

    /// Nouns a length of time can name ("a 12-week period").
    private static let stretchNouns: Set<String> = ["period", "span", "window", "timeframe", "stretch", "timespan"]

    struct Amount {
        let end: Int
        /// nil for a vague amount ("a few weeks").
        let months: Double?
        let days: Double?
        /// Hours or minutes are part of it.
        var clock = false
    }

    /// "3 weeks", "a year", "1 year 2 months", "a year and a half", "six months", "half a year", "a few weeks".
    func duration(at start: Int, impliesOne: Bool) -> Amount? {
        var index = start
        var months = 0.0
        var days = 0.0
        var parts = 0
        var vague = false
        var lastUnit: DateWords.Unit?
        var clock = false
        while true {
            var cursor = index
            if parts > 0, text.word(at: cursor) == "and" || text.isSymbol(",", at: cursor) { cursor += 1 }
            if let word = text.word(at: cursor), ["about", "around", "roughly", "approximately", "nearly", "almost", "some"].contains(word) {
                cursor += 1
            }
            var count: Double?
            if let word = text.word(at: cursor), word == "a" || word == "an" || word == "one",
               text.word(at: cursor + 1) == "half" || text.word(at: cursor + 1) == "quarter", parts > 0 {
                let fraction = text.word(at: cursor + 1) == "half" ? 0.5 : 0.25
                if let last = lastUnit { months += (last.months ?? 0) * fraction; days += last.days * fraction }
                index = cursor + 2
                parts += 1
                continue
            }
            if let word = text.word(at: cursor), ["few", "several", "couple", "coming", "next"].contains(word) || (word == "a" && ["few", "couple"].contains(text.word(at: cursor + 1) ?? "")) {
                if word == "next" { break }
                vague = true
                cursor += word == "a" ? 2 : 1
                if text.word(at: cursor) == "of" { cursor += 1 }
            } else if text.word(at: cursor) == "half", let article = text.word(at: cursor + 1), article == "a" || article == "an" {
                count = 0.5
                cursor += 2
            } else if let word = text.word(at: cursor), word == "a" || word == "an" {
                count = 1
                cursor += 1
            } else if let number = NumberLexicon.parse(text, at: cursor), number.value >= 0, number.value < 100_000 {
                count = number.value
                cursor = number.end
                if text.isInnerHyphen(at: cursor) { cursor += 1 }
                // "four consecutive weeks", "two full months": the words say nothing about the length.
                if let word = text.word(at: cursor), ["consecutive", "straight", "full", "whole", "successive"].contains(word) { cursor += 1 }
            } else if !(parts == 0 && impliesOne) {
                break
            }
            guard let word = text.word(at: cursor), let unit = DateWords.units[word] else { break }
            // Parts run from larger units to smaller ("1 year 2 months"): "10 hours a week" is a rate.
            if let last = lastUnit, unit.rawValue >= last.rawValue { break }
            let amount = vague ? 0 : (count ?? 1)
            months += (unit.months ?? 0) * amount
            days += unit.days * amount
            lastUnit = unit
            clock = clock || unit.isClock
            index = cursor + 1
            parts += 1
            if vague { break }
        }
        guard parts > 0 else { return nil }
        return vague ? Amount(end: index, months: nil, days: nil) : Amount(end: index, months: months, days: days, clock: clock)
    }

    /// "3 Fridays", "two Mondays".
    private func countedWeekdays(at index: Int) -> (Int, Int, Int)? {
        guard let number = NumberLexicon.parse(text, at: index), number.value >= 1, number.value <= 520,
              let word = text.word(at: number.end), word.hasSuffix("s") || number.value == 1,
              let weekday = DateWords.weekdays[word] else { return nil }
        return (Int(number.value), weekday, number.end + 1)
    }
}
