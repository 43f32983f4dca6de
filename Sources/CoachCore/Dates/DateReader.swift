/// The grammar's productions over goal tokens. Every reader returns where it stopped and what it
/// read; `point` takes the longest reading, so "June 1st 2027" wins over "June".
struct DateReader {
    let text: GoalText
    let grammar: DateGrammar
    /// The text is the whole answer: bare forms ("June", "2027", "Friday") are dates there.
    let whole: Bool

    var today: LocalDate { grammar.today }

    enum Value: Equatable {
        case range(DayRange)
        /// A day counted from today ("in 3 weeks").
        case window(LocalDate)
        case problem(DateProblem)
        case vague
    }

    struct Found: Equatable {
        let end: Int
        let value: Value

        func meaning(_ anchor: DateAnchor) -> DatePhrase.Meaning {
            switch value {
            case .range(let range): .day(range.date(for: anchor), window: false)
            case .window(let day): .day(day, window: true)
            case .problem(let problem): .problem(problem)
            case .vague: .vague
            }
        }

        var range: DayRange? {
            if case .range(let range) = value { return range }
            return nil
        }

        var day: LocalDate? {
            switch value {
            case .range(let range): range.last
            case .window(let day): day
            default: nil
            }
        }
    }

    static let prefixes = PhraseTable<DateAnchor>([
        ("by", .end), ("by the end of", .end), ("by end of", .end), ("at the end of", .end),
        ("the end of", .end), ("end of", .end), ("before the end of", .end), ("until the end of", .end),
        ("by the close of", .end), ("close of", .end), ("before", .before), ("prior to", .before),
        ("ahead of", .before), ("until", .end), ("till", .end), ("til", .end), ("through", .end), ("thru", .end),
        ("no later than", .end), ("not later than", .end), ("on or before", .end), ("by no later than", .end),
        ("on", .end), ("at", .end), ("during", .end), ("throughout", .end), ("in", .within), ("within", .within),
        ("within the next", .within), ("in the next", .within), ("over the next", .within), ("over the course of", .within),
        ("in the course of", .within), ("during the course of", .within),
        ("for the next", .within), ("during the next", .within), ("the next", .within), ("over", .within), ("across", .within),
        ("for", .within), ("starting", .start), ("starting in", .start), ("starting from", .start),
        ("start of", .start), ("the start of", .start), ("at the start of", .start), ("by the start of", .start),
        ("beginning of", .start), ("the beginning of", .start), ("at the beginning of", .start),
        ("by the beginning of", .start), ("early", .early), ("early in", .early), ("in early", .early),
        ("by early", .early), ("mid", .middle), ("in mid", .middle), ("by mid", .middle), ("middle of", .middle),
        ("the middle of", .middle), ("the morning of", .end), ("the afternoon of", .end), ("the evening of", .end), ("the night of", .end), ("by the middle of", .middle), ("late", .end), ("late in", .end),
        ("in late", .end), ("by late", .end), ("due", .end), ("due on", .end), ("due by", .end), ("is due", .end),
        ("deadline is", .end), ("deadline of", .end), ("due date is", .end), ("due date of", .end),
    ])

    // MARK: - Expressions: a point, a range, a time of day after it

    func expression(at start: Int, prefixed: Bool, anchor: DateAnchor) -> Found? {
        var index = start
        if text.isSymbol("-", at: index), text.isJoined(index + 1) { index += 1 }
        // "@ 2pm", "@noon": typed for "at".
        if whole, index == 0, text.isSymbol("@", at: index) { index += 1 }
        if let word = text.word(at: index), word == "from" || word == "between" {
            return range(from: index + 1, prefixed: true)
        }
        if let leading = leadingDayRange(at: index) { return withTime(leading) }
        // "1700 tomorrow": a 24-hour time written as four digits, before a day named by a word.
        if let afterClock = fourDigitClock(at: index, beside: index + 1), let dated = point(at: afterClock, prefixed: true) {
            return withTime(dated)
        }
        // A time before the day: "8:25 a.m. Dec. 12, 2014", "5pm tomorrow".
        // In a goal the day must be joined by "on" or a comma, or start with a word ("by 5pm tomorrow").
        if let time = timeOfDay(at: index), text.contains(time.end) {
            var after = zoneEnd(after: time.end)
            let joined = text.isSymbol(",", at: after) || text.word(at: after) == "on"
            if joined { after += 1 }
            if whole || joined || (text.word(at: after) != nil && !text.isNumber(at: after)), let dated = point(at: after, prefixed: true) {
                return withTime(dated)
            }
        }
        guard let first = point(at: index, prefixed: prefixed).map(withTime) else { return nil }
        if anchor != .before, let spanned = yearAtEnd(of: first, from: index) ?? rangeEnd(after: first, from: index) { return withTime(spanned) }
        return trailingWeekday(after: first)
    }

    /// "from 10 to 15 August", "between Monday and Friday": the last day of the range.
    private func range(from index: Int, prefixed: Bool) -> Found? {
        if let leading = leadingDayRange(at: index) { return leading }
        guard let first = point(at: index, prefixed: prefixed) else { return nil }
        return rangeEnd(after: first, from: index) ?? (whole ? first : nil)
    }

    /// "13-15 July", "10 to 15 August 2027", "from 4 to 22 this month", "the 4th to the 22nd".
    private func leadingDayRange(at index: Int) -> Found? {
        let start = text.word(at: index) == "the" ? index + 1 : index
        guard let (from, afterDay) = dayNumber(at: start), let afterJoin = rangeJoin(at: afterDay),
              !isJoinedMonth(at: afterJoin), let second = monthDate(at: afterJoin) ?? dayOfMonth(at: afterJoin, prefixed: true),
              let last = second.range?.last, last.day >= from else { return nil }
        return second
    }

    /// "Wed 23 Jan - Sat 16 February 2013": a weekday and a day whose year is written only at the
    /// range's end are checked in that year (the one before, when the day would fall after the end).
    private func yearAtEnd(of first: Found, from start: Int) -> Found? {
        guard case .problem(.weekdayMismatch(let day, let written)) = first.value,
              !(start..<first.end).contains(where: { fourDigitYear(at: $0) != nil }),
              let join = rangeJoin(at: first.end), let second = point(at: join, prefixed: true), let last = second.range?.last,
              (join..<second.end).contains(where: { fourDigitYear(at: $0) != nil }),
              var dated = LocalDate(year: last.year, month: day.month, day: day.day) else { return nil }
        if dated > last, let earlier = LocalDate(year: last.year - 1, month: day.month, day: day.day) { dated = earlier }
        if dated.weekday != written { return Found(end: second.end, value: .problem(.weekdayMismatch(dated, written: written))) }
        return second
    }

    /// "1700 tomorrow", "next Monday 1500" in a whole answer: four digits that are a 24-hour time, read
    /// only beside (at `day`) a day named by a word, "today", "tomorrow", "yesterday", "tonight" or a
    /// weekday; beside a weekday, four digits that could be a plan's year ("Monday 2027", "2027 Monday")
    /// are not taken for a time. The index after the digits, or nil.
    private func fourDigitClock(at index: Int, beside day: Int) -> Int? {
        guard whole, text.isNumber(at: index), text[index].text.count == 4, let value = Int(text[index].text),
              value / 100 <= 23, value % 100 <= 59, let word = text.word(at: day) else { return nil }
        let weekday = DateWords.weekdays[word] != nil
        guard weekday || ["today", "tomorrow", "yesterday", "tonight"].contains(word), !(weekday && Self.planYears.contains(value)) else { return nil }
        return index + 1
    }

    /// "01-Feb-18": a month name joined by hyphens on both sides is the middle of one date, not a range's end.
    private func isJoinedMonth(at index: Int) -> Bool {
        guard let (_, afterMonth) = monthName(at: index) else { return false }
        return text.isSymbol("-", at: index - 1) && text.isJoined(index - 1) && text.isJoined(index)
            && text.isSymbol("-", at: afterMonth) && text.isJoined(afterMonth) && text.isJoined(afterMonth + 1)
    }

    private func rangeJoin(at index: Int) -> Int? {
        if text.isSymbol("-", at: index) { return index + 1 }
        if let word = text.word(at: index), ["to", "till", "until", "through", "thru", "and"].contains(word) { return index + 1 }
        return nil
    }

    /// "dec 2 - 5" on 3 December: a range written without a year that is under way is this one,
    /// although its first day has passed.
    private func rangeEnd(after first: Found, from start: Int) -> Found? {
        // "01/01/2018 - 17:06": a time after a date's dash is the day's, not a range's end ("1am - 6pm" is a span of hours).
        if text.isSymbol("-", at: first.end), timeOfDay(at: start)?.end != first.end, let time = timeOfDay(at: first.end + 1),
           (point(at: first.end + 1, prefixed: true)?.end ?? time.end) <= time.end {
            return Found(end: zoneEnd(after: time.end), value: first.value)
        }
        guard let result = rangeEnd(after: first) else { return nil }
        guard let range = first.range, range.first == range.last, range.first > today,
              !(start..<first.end).contains(where: { fourDigitYear(at: $0) != nil }), (start..<first.end).contains(where: { monthName(at: $0) != nil }),
              case let earlier = range.first.adding(months: -12), earlier < today,
              let shifted = rangeEnd(after: Found(end: first.end, value: .range(.day(earlier)))),
              let last = shifted.range?.last, last >= today, let later = result.range?.last, last < later else { return result }
        return shifted
    }

    /// After "July 13": "-15", "to Nov 12", "to Monday"; the range ends on its last day.
    private func rangeEnd(after first: Found) -> Found? {
        guard let join = rangeJoin(at: first.end) else { return nil }
        if case .problem(.ambiguous) = first.value {
            // "8/10/2012 - 8/15/2012": the end settles it.
            guard let second = point(at: join, prefixed: true), second.range != nil else { return nil }
            return second
        }
        guard let firstRange = first.range else { return nil }
        if firstRange.first == firstRange.last, let (day, afterDay) = dayNumber(at: join),
           !(text.word(at: afterDay) == "of" && monthName(at: afterDay + 1) != nil),
           !text.isSymbol("/", at: afterDay), !text.isSymbol(":", at: afterDay), DateWords.months[text.word(at: afterDay) ?? ""] == nil,
           !(text.isNumber(at: afterDay) && text[afterDay].text.count == 4 && text.isSymbol("-", at: afterDay - 1)),
           day > firstRange.first.day {
            let month = firstRange.first
            var end = afterDay
            var year = month.year
            if text.isSymbol(",", at: end), let written = fourDigitYear(at: end + 1) { year = written; end += 2 }
            else if let written = fourDigitYear(at: end) { year = written; end += 1 }
            guard let last = LocalDate(year: year, month: month.month, day: day) else {
                return Found(end: end, value: .problem(.impossible(Self.missingDay(day, month.month, year))))
            }
            return Found(end: end, value: .range(DayRange(first: last, last: last)))
        }
        guard let second = point(at: join, prefixed: true), let secondRange = second.range else { return nil }
        var last = secondRange.last
        let explicitYear = (join..<second.end).contains { fourDigitYear(at: $0) != nil }
        // "to tomorrow", "to next week": an end counted from today is that day, whatever the start.
        let written = (join..<second.end).contains { monthName(at: $0) != nil || weekdayName(at: $0) != nil || text.isNumber(at: $0) }
        if explicitYear || !written { return Found(end: second.end, value: .range(.day(last))) }
        if last < firstRange.first {
            last = firstRange.first.days(until: last) > -7 ? last.adding(days: 7) : last.adding(months: 12)
        }
        // A year-less end is the first such day after the start ("January 3, 2017 - February 1st").
        while last.adding(months: -12) >= firstRange.first, last.year > firstRange.first.year { last = last.adding(months: -12) }
        return Found(end: second.end, value: .range(DayRange(first: last, last: last)))
    }

    /// "July 31 2027 (Thursday)": a weekday after the date is checked against it.
    private func trailingWeekday(after found: Found) -> Found {
        guard let range = found.range, range.first == range.last else { return found }
        var index = found.end
        if text.isSymbol(",", at: index) || text.isSymbol("(", at: index) { index += 1 }
        guard let (weekday, end) = weekdayName(at: index), text.word(at: end) != "of" else { return found }
        let close = text.isSymbol(")", at: end) ? end + 1 : end
        if range.first.weekday == weekday { return Found(end: close, value: found.value) }
        return Found(end: close, value: .problem(.weekdayMismatch(range.first, written: weekday)))
    }

    /// "tomorrow at 5pm", "Friday 11am", "June 3 by noon", "tonight around 7", "tomorrow 9:30 - 10:45":
    /// the time belongs to the phrase.
    private func withTime(_ found: Found) -> Found {
        var index = found.end
        if text.isSymbol(",", at: index) || (text.word(at: index) == "t" && text.isJoined(index)) { index += 1 }
        // "tomorrow night at 9": the part of the day may come before the time.
        if let part = text.word(at: index), DateWords.dayParts.contains(part), text.word(at: index + 1) == "at" { index += 1 }
        var introduced = false
        if let word = text.word(at: index) ?? (text.isSymbol("@", at: index) ? "at" : nil), ["at", "by", "around", "about", "from"].contains(word) {
            index += 1
            introduced = true
        }
        // "10/Oct/2000:13:55:36", as server logs write it.
        if !introduced, text.isSymbol(":", at: index), text.isJoined(index), text.isJoined(index + 1), timeOfDay(at: index + 1) != nil { index += 1 }
        let hour = introduced || partOfDay(at: index + 1) != nil ? bareHour(at: index) : nil
        // "on Friday from 11-1:30pm" as an answer: a span of hours may be introduced by "from" (in a goal
        // the hours stay a measure: "walk on Mondays from 3-4PM").
        let spanAllowed = !introduced || (whole && text.word(at: index - 1) == "from")
        if let end = timeOfDay(at: index)?.end ?? (spanAllowed ? hourSpan(at: index) : nil) ?? hour ?? (introduced ? run(at: index) : zonedRun(at: index))
            ?? (index == found.end ? fourDigitClock(at: index, beside: index - 1) : nil) {
            return Found(end: zoneEnd(after: clockRangeEnd(after: end)), value: found.value)
        }
        if let word = text.word(at: found.end), DateWords.dayParts.contains(word) {
            return Found(end: found.end + 1, value: found.value)
        }
        // "tomorrow in the morning", "Friday in the evening".
        if found.range != nil, text.word(at: found.end) == "in", text.word(at: found.end + 1) == "the",
           let part = text.word(at: found.end + 2), DateWords.dayParts.contains(part) {
            return Found(end: found.end + 3, value: found.value)
        }
        // "September 17, 2012 UTC+7", "2013-01-01 -07:00": a zone after a date without a time.
        if found.range != nil, isZoneAbbreviation(at: found.end) || isClockOffset(at: found.end) {
            return Found(end: zoneEnd(after: found.end), value: found.value)
        }
        return found
    }

    /// "-07:00", "+0530": an offset from UTC, written as one (a sign joined to hours and minutes).
    private func isClockOffset(at index: Int) -> Bool {
        guard text.isSymbol("-", at: index) || text.isSymbol("+", at: index), !text.isJoined(index), text.isJoined(index + 1),
              text.isNumber(at: index + 1) else { return false }
        return text[index + 1].text.count == 4 || (text.isSymbol(":", at: index + 2) && text.isJoined(index + 2) && text.isNumber(at: index + 3))
    }

    /// After a clock time, a time zone as timestamps write it: an abbreviation ("PDT", "BRST", "MET
    /// DST"), an offset ("UTC-8", "-0400", "GMT+03:00"), a region ("America/New_York"), a name
    /// ("Mountain Standard Time"), then perhaps its name in brackets ("(Jordan Daylight Time)"): the
    /// day is the one written.
    func zoneEnd(after index: Int) -> Int {
        var end = index
        if isZoneAbbreviation(at: end) {
            end += 1
            if text.word(at: end) == "dst" { end += 1 }
        } else if let named = zoneName(at: end) {
            end = named
        }
        if (text.isSymbol("-", at: end) || text.isSymbol("+", at: end)), text.isJoined(end + 1) || end > index,
           text.isNumber(at: end + 1), [1, 2, 4].contains(text[end + 1].text.count) {
            let named = end > index
            end += 2
            if text.isSymbol(":", at: end), text.isJoined(end), text.isNumber(at: end + 1) { end += 2 }
            // "+0800 CST": the abbreviation may follow the offset.
            if !named, isZoneAbbreviation(at: end) { end += 1 }
        }
        if end > index, text.isSymbol("(", at: end),
           let close = ((end + 1)..<min(text.count, end + 6)).first(where: { text.isSymbol(")", at: $0) }),
           close > end + 1, ((end + 1)..<close).allSatisfy({ text.word(at: $0) != nil }) {
            end = close + 1
        }
        return end
    }

    /// "PST", "BRST", "AEDT": a zone abbreviation is written in capitals and ends in "T" (standard,
    /// daylight or summer time), unless it is one of the few that do not ("UTC", "Z").
    private func isZoneAbbreviation(at index: Int) -> Bool {
        guard let word = text.word(at: index) else { return false }
        if DateWords.timeZones.contains(word) { return true }
        let raw = text.source[text[index].range]
        return (3...5).contains(raw.count) && raw.last == "T" && raw.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// "Mountain Standard Time", "America/New_York": a zone by its name or its region.
    private func zoneName(at index: Int) -> Int? {
        if text.word(at: index) != nil, let kind = text.word(at: index + 1), ["standard", "daylight", "summer"].contains(kind),
           text.word(at: index + 2) == "time" {
            return index + 3
        }
        guard let area = text.word(at: index), DateWords.zoneAreas.contains(area), text.isSymbol("/", at: index + 1),
              text.isJoined(index + 1), text.isJoined(index + 2), text.word(at: index + 2) != nil else { return nil }
        var end = index + 3
        while text.isSymbol("_", at: end), text.isJoined(end), text.isJoined(end + 1), text.word(at: end + 1) != nil { end += 2 }
        return end
    }

    /// "5-8pm", "9 to 11am" after a day, or "9-5" ending a whole answer: a span of hours, the day's.
    private func hourSpan(at index: Int) -> Int? {
        guard text.isNumber(at: index), text[index].text.count <= 2, let first = Int(text[index].text), (1...24).contains(first),
              let join = rangeJoin(at: index + 1), text.word(at: index + 1) != "and" else { return nil }
        if let second = timeOfDay(at: join) { return second.end }
        guard whole, join + 1 == text.count, text.isNumber(at: join), text[join].text.count <= 2,
              let last = Int(text[join].text), (1...24).contains(last) else { return nil }
        return join + 1
    }

    /// "at 8", "around 7": an hour with nothing after it but a part of the day or the end of the phrase.
    private func bareHour(at index: Int) -> Int? {
        let spelled = text.word(at: index).flatMap(NumberLexicon.cardinal).flatMap { $0 == $0.rounded() ? Int($0) : nil }
        guard let hour = spelled ?? (text.isNumber(at: index) && text[index].text.count <= 2 ? Int(text[index].text) : nil),
              (1...12).contains(hour) else { return nil }
        if let (_, end) = partOfDay(at: index + 1) { return end }
        if let next = text.word(at: index + 1) { return DateWords.dayParts.contains(next) || next == "tonight" ? index + 2 : nil }
        guard index + 1 == text.count || [",", ".", "!", "?", ";", ")"].contains(where: { text.isSymbol($0, at: index + 1) }) else { return nil }
        return index + 1
    }

    /// "1535 GMT", "1145EST": hours and minutes run together are a time when a zone follows.
    private func zonedRun(at index: Int) -> Int? {
        guard let end = run(at: index), zoneEnd(after: end) > end else { return nil }
        return end
    }

    /// "0900", "2100": hours and minutes run together, as the 24-hour clock writes them.
    private func run(at index: Int) -> Int? {
        guard text.isNumber(at: index), text[index].text.count == 4, let run = Int(text[index].text), run / 100 < 24, run % 100 < 60 else { return nil }
        return index + 1
    }

    /// "9:30 - 10:45", "1:30 PM to 3:35 PM": the end of a span of hours is part of the same day.
    private func clockRangeEnd(after end: Int) -> Int {
        guard let join = rangeJoin(at: end), let second = timeOfDay(at: join) else { return end }
        return second.end
    }

    // MARK: - Points

    func point(at index: Int, prefixed: Bool) -> Found? {
        guard text.contains(index) else { return nil }
        let readers: [() -> Found?] = [
            { iso(at: index) },
            { numeric(at: index, prefixed: prefixed) },
            { monthDate(at: index) },
            { weekdayPhrase(at: index, prefixed: prefixed) },
            { monthAlone(at: index, prefixed: prefixed) },
            { ordinalInMonth(at: index) },
            { dayOfMonth(at: index, prefixed: prefixed) },
            { quarterOrHalf(at: index) },
            { relativeDay(at: index, prefixed: prefixed) },
            { offset(at: index, prefixed: prefixed) },
            { period(at: index, prefixed: prefixed) },
            { schoolPeriod(at: index, prefixed: prefixed) },
            { season(at: index, prefixed: prefixed) },
            { holiday(at: index, prefixed: prefixed) },
            { (prefixed || whole) ? year(at: index) : nil },
        ]
        var best: Found?
        for read in readers {
            guard let found = read() else { continue }
            if best == nil || found.end > best!.end { best = found }
        }
        return best
    }

    // MARK: Calendar dates

    /// 2027-06-30, 2027/06/30, 2027.06.30, 2027-06 (the month), 20270630.
    func iso(at index: Int) -> Found? {
        guard let year = fourDigitYear(at: index) ?? fullISOYear(at: index) else { return basicISO(at: index) }
        let separator = text.contains(index + 1) ? text[index + 1].text : ""
        guard ["-", "/", "."].contains(separator), text.isJoined(index + 1), text.isJoined(index + 2),
              text.isNumber(at: index + 2), text[index + 2].text.count <= 2, let month = Int(text[index + 2].text) else {
            return nil
        }
        if text.isSymbol(separator, at: index + 3), text.isJoined(index + 3), text.isJoined(index + 4),
           text.isNumber(at: index + 4), text[index + 4].text.count <= 2, let dayOfMonth = Int(text[index + 4].text) {
            let era = ["ad", "ce"].contains(text.word(at: index + 5) ?? "")
            return day(year, month, dayOfMonth, end: era ? index + 6 : index + 5)
        }
        guard separator == "-" || separator == "/", (1...12).contains(month) else {
            return month > 12 ? Found(end: index + 3, value: .problem(.impossible(Self.noMonth(month)))) : nil
        }
        return DayRange.month(month, year: year).map { Found(end: index + 3, value: .range($0)) }
    }

    /// "1884-08-06": a year, with month and day, of any millennium people write about.
    private func fullISOYear(at index: Int) -> Int? {
        guard let year = writtenFourDigits(at: index),
              text.isSymbol("-", at: index + 1), text.isSymbol("-", at: index + 3), text.isNumber(at: index + 2), text.isNumber(at: index + 4),
              (index + 1...index + 4).allSatisfy(text.isJoined) else { return nil }
        return year
    }

    /// "20270630" as a whole answer, perhaps with a time as timestamps write it ("20030925T104941",
    /// "19990523T23:55:21Z").
    private func basicISO(at index: Int) -> Found? {
        guard whole, text.isNumber(at: index), text[index].text.count == 8, let all = Int(text[index].text),
              Self.writtenYears.contains(all / 10_000), (1...12).contains((all / 100) % 100) else { return nil }
        var end = index + 1
        if text.word(at: end) == "t", text.isJoined(end), text.isJoined(end + 1) {
            if let time = timeOfDay(at: end + 1) {
                end = time.end
            } else if text.isNumber(at: end + 1), [4, 6].contains(text[end + 1].text.count) {
                end += 2
            } else {
                return nil
            }
            end = zoneEnd(after: end)
        } else if let time = timeOfDay(at: end) {
            end = zoneEnd(after: time.end)
        } else if text.isNumber(at: end), [4, 6].contains(text[end].text.count) {
            // "19970210 173201": the time written as compactly as the date.
            end = zoneEnd(after: end + 1)
        }
        return end == text.count ? day(all / 10_000, (all / 100) % 100, all % 100, end: end) : nil
    }

    /// 10/31/2027, 13/03/2027, 3/4/27, 12.31.2027: the order follows from the numbers, the user's
    /// setting, or it is asked. Without a year it needs a prefix or a whole answer, so a score such
    /// as "8/10" is never read as a date.
    func numeric(at index: Int, prefixed: Bool) -> Found? {
        var parts: [Int] = []
        var end = index
        if text.isNumber(at: index), text[index].text.filter({ $0 == "." }).count == 2 {
            parts = text[index].text.split(separator: ".").compactMap { Int($0) }
            end = index + 1
            guard parts.count == 3, text[index].text.split(separator: ".").last?.count != 3 else { return nil }
        } else {
            guard text.isNumber(at: index), text[index].text.count <= 2, let first = Int(text[index].text),
                  text.contains(index + 1), ["/", "-", "."].contains(text[index + 1].text), text.isJoined(index + 1),
                  text.isJoined(index + 2), text.isNumber(at: index + 2), let second = Int(text[index + 2].text) else { return nil }
            if text[index + 2].text.count == 4, text[index + 1].text == "/", prefixed || whole, (1...12).contains(first) {
                return DayRange.month(first, year: second).map { Found(end: index + 3, value: .range($0)) }
            }
            guard text[index + 2].text.count <= 2 else { return nil }
            let separator = text[index + 1].text
            parts = [first, second]
            end = index + 3
            if text.isSymbol(separator, at: end), text.isJoined(end), text.isJoined(end + 1), text.isNumber(at: end + 1),
               [2, 4].contains(text[end + 1].text.count), let written = Int(text[end + 1].text) {
                parts.append(written)
                end += 2
            } else if separator != "/" || !(prefixed || whole) {
                return nil
            }
        }
        if parts.count == 3, parts[0] >= 1000 { return day(parts[0], parts[1], parts[2], end: end) }
        let year: Int? = parts.count == 3 ? (parts[2] < 100 ? century(parts[2]) : parts[2]) : nil
        let (a, b) = (parts[0], parts[1])
        let monthFirst = (1...12).contains(a) && (1...31).contains(b)
        let dayFirst = (1...12).contains(b) && (1...31).contains(a)
        if monthFirst, dayFirst, a != b {
            if let order = grammar.order {
                return order == .mdy ? numericDay(month: a, day: b, year: year, end: end) : numericDay(month: b, day: a, year: year, end: end)
            }
            let asMonthFirst = numericDay(month: a, day: b, year: year, end: end)
            let asDayFirst = numericDay(month: b, day: a, year: year, end: end)
            guard let m = asMonthFirst.day else { return asDayFirst.day == nil ? asMonthFirst : asDayFirst }
            guard let d = asDayFirst.day else { return asMonthFirst }
            return Found(end: end, value: .problem(.ambiguous(monthFirst: m, dayFirst: d)))
        }
        if monthFirst { return numericDay(month: a, day: b, year: year, end: end) }
        if dayFirst { return numericDay(month: b, day: a, year: year, end: end) }
        guard whole else { return nil }
        return Found(end: end, value: .problem(.impossible("Neither \(a) nor \(b) can be a month, so that isn't a date.")))
    }

    private func numericDay(month: Int, day dayOfMonth: Int, year: Int?, end: Int) -> Found {
        if let year { return day(year, month, dayOfMonth, end: end) }
        return yearless(month: month, day: dayOfMonth, end: end)
    }

    /// "June 1st", "1st of June 2027", "Jun 1, 2027", "2027 May 22nd", "2027/Aug/10", "8/Oct/2027",
    /// "the 3rd of March next year".
    func monthDate(at start: Int) -> Found? {
        var index = start
        if text.word(at: index) == "the", ordinalDay(at: index + 1) != nil { index += 1 }
        // Year first: "2027 May 22nd", "2027/Aug/10", "2027-aug-10".
        if let year = fourDigitYear(at: index) {
            var cursor = index + 1
            let separator = text.contains(cursor) && ["/", "-", "."].contains(text[cursor].text) ? text[cursor].text : nil
            if separator != nil { cursor += 1 }
            guard let (month, afterMonth) = monthName(at: cursor) else { return nil }
            cursor = afterMonth
            if let separator, text.isSymbol(separator, at: cursor) { cursor += 1 }
            guard let (dayOfMonth, afterDay) = dayNumber(at: cursor) else { return nil }
            return day(year, month, dayOfMonth, end: afterDay)
        }
        // Day first: "1st of June", "8/Oct/2027", "32 January".
        if let (dayOfMonth, afterDay) = dayNumber(at: index) ?? (whole ? impossibleDay(at: index) : nil) {
            var cursor = afterDay
            let separator = text.contains(cursor) && ["/", "-", "."].contains(text[cursor].text) && text.isJoined(cursor) ? text[cursor].text : nil
            if separator != nil { cursor += 1 } else if text.word(at: cursor) == "of" { cursor += 1 }
            guard let (month, afterMonth) = monthName(at: cursor) else { return nil }
            cursor = afterMonth
            if let separator, text.isSymbol(separator, at: cursor), let year = yearNumber(at: cursor + 1) {
                return day(year, month, dayOfMonth, end: cursor + 2)
            }
            return withYear(month: month, day: dayOfMonth, after: cursor)
        }
        // "next Dec 22nd": the day in the first such month that starts after today, as "next March" is.
        if text.word(at: index) == "next", let (month, afterMonth) = monthName(at: index + 1),
           let (dayOfMonth, afterDay) = dayNumber(at: afterMonth), !text.isSymbol(":", at: afterDay),
           writtenYear(at: afterDay) == nil, !(text.isSymbol(",", at: afterDay) && writtenYear(at: afterDay + 1) != nil) {
            return day(month > today.month ? today.year : today.year + 1, month, dayOfMonth, end: afterDay)
        }
        // Month first: "June 1st", "Jun 1, 2027", "March the 3rd".
        guard let (month, afterMonth) = monthName(at: index) else { return nil }
        var cursor = afterMonth
        let separator = text.contains(cursor) && ["-", "/", "."].contains(text[cursor].text) ? text[cursor].text : "-"
        let hyphened = text.isSymbol(separator, at: cursor) && text.isJoined(cursor) && text.isJoined(cursor + 1)
        if text.word(at: cursor) == "the" || hyphened { cursor += 1 }
        // "January, 16th 2012": a comma may part the month from an ordinal day.
        if text.isSymbol(",", at: cursor), text.contains(cursor + 1), ordinalDay(at: cursor + 1) != nil { cursor += 1 }
        if whole, let (impossible, afterDay) = impossibleDay(at: cursor), text.isSymbol(",", at: afterDay) || fourDigitYear(at: afterDay) != nil {
            return withYear(month: month, day: impossible, after: afterDay)
        }
        guard let (dayOfMonth, afterDay) = dayNumber(at: cursor), !text.isSymbol(":", at: afterDay),
              !(text.isNumber(at: cursor) && text[cursor].text.count > 2) else { return nil }
        // "jul-15-2004", "Jan-01-19": the year joined the same way.
        if hyphened, text.isSymbol(separator, at: afterDay), text.isJoined(afterDay), text.isJoined(afterDay + 1), let year = yearNumber(at: afterDay + 1) {
            return day(year, month, dayOfMonth, end: afterDay + 2)
        }
        return withYear(month: month, day: dayOfMonth, after: afterDay)
    }

    /// An optional year after a day and month: ", 2027", "of 2027", "next year", "this year".
    private func withYear(month: Int, day dayOfMonth: Int, after index: Int) -> Found {
        var cursor = index
        if text.isSymbol(",", at: cursor) || text.word(at: cursor) == "of" { cursor += 1 }
        var timed = false
        if let time = timeOfDay(at: cursor), writtenYear(at: zoneEnd(after: time.end)) != nil {
            cursor = zoneEnd(after: time.end)
            timed = true
        }
        // "Thu Jan 21 17:13:27 2010 -0400": the zone may come after the year.
        if let (year, after) = writtenYear(at: cursor) { return day(year, month, dayOfMonth, end: timed ? zoneEnd(after: after) : after) }
        if let (offset, end) = relativeYear(at: cursor) { return day(today.year + offset, month, dayOfMonth, end: end) }
        return yearless(month: month, day: dayOfMonth, end: index)
    }

    // MARK: Months, quarters, years

    /// "June", "June 2027", "next March", "March after next", "this May", "last October", "June next year".
    private func monthAlone(at start: Int, prefixed: Bool) -> Found? {
        if let year = fourDigitYear(at: start), let (month, end) = monthName(at: start + 1), dayNumber(at: end) == nil {
            return monthRange(month, year, end: end)
        }
        var index = start
        var modifier: String?
        if let word = text.word(at: index), ["this", "next", "last", "coming"].contains(word) {
            modifier = word
            index += 1
        }
        // "06-2008", "6/2027": a month and a year joined by a separator.
        if modifier == nil, text.isNumber(at: index), text[index].text.count <= 2, let month = Int(text[index].text), (1...12).contains(month),
           text.contains(index + 1), ["-", "/"].contains(text[index + 1].text), text.isJoined(index + 1), text.isJoined(index + 2),
           let year = fourDigitYear(at: index + 2), !text.isSymbol(text[index + 1].text, at: index + 3) {
            return monthRange(month, year, end: index + 3)
        }
        guard let (month, afterMonth) = monthName(at: index) else { return nil }
        var cursor = afterMonth
        if text.word(at: cursor) == "of" || text.isSymbol(",", at: cursor)
            || (text.contains(cursor) && ["-", "/", "."].contains(text[cursor].text) && text.isJoined(cursor) && text.isJoined(cursor + 1)),
           writtenYear(at: cursor + 1) != nil { cursor += 1 }
        if let (year, after) = writtenYear(at: cursor) { return monthRange(month, year, end: after) }
        // "June next year", "June of next year".
        if let (offset, end) = relativeYear(at: text.word(at: afterMonth) == "of" ? afterMonth + 1 : afterMonth) {
            return monthRange(month, today.year + offset, end: end)
        }
        let next = month > today.month ? today.year : today.year + 1
        if text.word(at: afterMonth) == "after", text.word(at: afterMonth + 1) == "next" {
            return monthRange(month, next + 1, end: afterMonth + 2)
        }
        switch modifier {
        case "next", "coming": return monthRange(month, next, end: afterMonth)
        case "last": return monthRange(month, month < today.month ? today.year : today.year - 1, end: afterMonth)
        default:
            guard modifier != nil || prefixed || whole || standsAlone(start, end: afterMonth) else { return nil }
            return DayRange.upcoming(from: today) { DayRange.month(month, year: $0) }.map { Found(end: afterMonth, value: .range($0)) }
        }
    }

    /// "Buy a balloon Monday.", "I'll be out February": a weekday or month written out in full
    /// that ends a clause, after no determiner or counting word, names a day without "by" or "on".
    /// "May" and "March" are also verbs, so they need a prefix.
    func standsAlone(_ start: Int, end: Int) -> Bool {
        guard let name = text.word(at: start), DateWords.weekdayNames.contains(name) || DateWords.monthNames.contains(name),
              name != "may", name != "march",
              text.word(at: start - 1).map({ !FunctionWords.determiners.contains($0) && !["of", "per", "one", "every", "each"].contains($0) })
                  ?? (start == 0) else { return false }
        // "Grocery shopping Thursday at 11:30pm": a time of day after the name makes it a day too.
        let clock = ["at", "by", "around", "from"].contains(text.word(at: end) ?? "") ? end + 1 : end
        if let time = timeOfDay(at: clock), time.end > clock { return true }
        return end == text.count || [".", ",", "!", "?", ";"].contains { text.isSymbol($0, at: end) }
    }

    private func monthRange(_ month: Int, _ year: Int, end: Int) -> Found? {
        if let refused = Self.outsidePlan(year, end: end) { return refused }
        return DayRange.month(month, year: year).map { Found(end: end, value: .range($0)) }
    }

    /// "Q3", "Q3 2027", "2027Q4", "2027-Q4", "2027H2", "Q2 next year", "the third quarter of 2027", "H2", "the second half of the year".
    private func quarterOrHalf(at start: Int) -> Found? {
        var index = start
        var leadingYear: Int?
        if let year = fourDigitYear(at: index), ["q", "h"].contains(text.word(at: index + 1) ?? "") || text.isSymbol("-", at: index + 1) {
            leadingYear = year
            index += text.isSymbol("-", at: index + 1) ? 2 : 1
        } else if text.word(at: index) == "the" {
            index += 1
        }
        // "the 1997 second quarter": the year may stand between "the" and the ordinal.
        var yearBeforeOrdinal = false
        if leadingYear == nil, index > start, let year = fourDigitYear(at: index), NumberLexicon.ordinal(in: text, at: index + 1) != nil {
            leadingYear = year
            yearBeforeOrdinal = true
            index += 1
        }
        let isQuarter: Bool
        let number: Int
        var end: Int
        if let letter = text.word(at: index), letter == "q" || letter == "h", text.isNumber(at: index + 1),
           text.isJoined(index + 1), let value = Int(text[index + 1].text) {
            (isQuarter, number, end) = (letter == "q", value, index + 2)
        } else if leadingYear == nil || yearBeforeOrdinal, let (value, afterOrdinal) = NumberLexicon.ordinal(in: text, at: index),
                  let noun = text.word(at: afterOrdinal), noun == "quarter" || noun == "half" {
            (isQuarter, number, end) = (noun == "quarter", value, afterOrdinal + 1)
        } else {
            return nil
        }
        guard isQuarter ? (1...4).contains(number) : (1...2).contains(number) else {
            // "2013Q5": written as a quarter of a year, so refused with the reason.
            guard leadingYear != nil || whole else { return nil }
            return Found(end: end, value: .problem(.impossible(isQuarter ? "A year has four quarters, so there is no Q\(number)." : "A year has two halves, so there is no H\(number).")))
        }
        let make: (Int) -> DayRange? = { isQuarter ? DayRange.quarter(number, year: $0) : DayRange.half(number, year: $0) }
        if let leadingYear { return make(leadingYear).map { Found(end: end, value: .range($0)) } }
        var cursor = end
        if text.word(at: cursor) == "of" || text.isSymbol(",", at: cursor) { cursor += 1 }
        if let year = fourDigitYear(at: cursor) { return make(year).map { Found(end: cursor + 1, value: .range($0)) } }
        if text.word(at: cursor) == "fy", let year = yearNumber(at: cursor + 1) {
            return make(year).map { Found(end: cursor + 2, value: .range($0)) }
        }
        if let (offset, afterYear) = relativeYear(at: cursor) {
            return make(today.year + offset).map { Found(end: afterYear, value: .range($0)) }
        }
        if text.word(at: cursor) == "the", text.word(at: cursor + 1) == "year" {
            cursor += 2
            return DayRange.upcoming(from: today, make).map { Found(end: cursor, value: .range($0)) }
        }
        return DayRange.upcoming(from: today, make).map { Found(end: end, value: .range($0)) }
    }

    private func year(at index: Int) -> Found? {
        guard let year = fourDigitYear(at: index) else { return nil }
        return DayRange.year(year).map { Found(end: index + 1, value: .range($0)) }
    }

    /// "next year", "this year", "last year" as an offset from this year; returns the index after it.
    func relativeYear(at index: Int) -> (Int, Int)? {
        guard let word = text.word(at: index), text.word(at: index + 1) == "year" else { return nil }
        switch word {
        case "this": return (0, index + 2)
        case "next": return (1, index + 2)
        case "last": return (-1, index + 2)
        default: return nil
        }
    }

    // MARK: - Shared pieces

    func fourDigitYear(at index: Int) -> Int? { text.fourDigitYear(at: index) }

    /// A year as written after a date: four digits, or two after an apostrophe ("July 4, '79").
    /// An era may stand before or after it ("AD 2000", "1952 AD"), and after a month any year of the
    /// millennia people write about is one ("17 August 1656").
    func writtenYear(at index: Int) -> (Int, Int)? {
        if text.word(at: index) == "ad", let (year, end) = writtenYear(at: index + 1) { return (year, end) }
        // "99 BC", "25 AD": a year with its era, however short, so that it can be refused by name.
        if text.isNumber(at: index), text[index].text.count <= 4, let year = Int(text[index].text), year > 0,
           let era = text.word(at: index + 1), ["bc", "bce", "ad", "ce"].contains(era) {
            return (era.hasPrefix("b") ? -year : year, index + 2)
        }
        if let year = writtenFourDigits(at: index) {
            return (year, ["ad", "ce"].contains(text.word(at: index + 1) ?? "") ? index + 2 : index + 1)
        }
        guard text.isSymbol("'", at: index), text.isJoined(index + 1), text.isNumber(at: index + 1), text[index + 1].text.count == 2,
              let short = Int(text[index + 1].text) else { return nil }
        return (century(short), index + 2)
    }

    /// Four digits that can only be a year: one of the written years, or one with a leading zero ("0597").
    private func writtenFourDigits(at index: Int) -> Int? {
        guard text.isNumber(at: index), text[index].text.count == 4, let year = Int(text[index].text),
              Self.writtenYears.contains(year) || text[index].text.hasPrefix("0") else { return nil }
        return year
    }

    /// A four-digit year, or two digits (see `century`).
    private func yearNumber(at index: Int) -> Int? {
        if let year = fourDigitYear(at: index) { return year }
        guard text.isNumber(at: index), text[index].text.count == 2, let short = Int(text[index].text) else { return nil }
        return century(short)
    }

    /// A two-digit year is the one of the nearest century that is at most 50 years ahead of today:
    /// "3/4/27" is 2027, "1/1/95" is 1995.
    func century(_ short: Int) -> Int {
        let year = today.year / 100 * 100 + short
        if year > today.year + 50 { return year - 100 }
        return year <= today.year - 50 ? year + 100 : year
    }

    func monthName(at index: Int) -> (Int, Int)? {
        guard let word = text.word(at: index), let month = DateWords.months[word] else { return nil }
        // "Jan. 8", and "May. 17" by analogy with the abbreviations: a full name takes the dot only before the day.
        let dotted = !DateWords.monthNames.contains(word) || (word.count <= 4 && text.isNumber(at: index + 2))
        let end = dotted && text.isSymbol(".", at: index + 1) && text.isJoined(index + 1) ? index + 2 : index + 1
        return (month, end)
    }

    func weekdayName(at index: Int) -> (Int, Int)? {
        guard let word = text.word(at: index), let weekday = DateWords.weekdays[word] else { return nil }
        let end = word.count <= 5 && text.isSymbol(".", at: index + 1) && text.isJoined(index + 1) ? index + 2 : index + 1
        return (weekday, end)
    }

    /// "3rd", "third", "twenty-first", "thirty first".
    func ordinalDay(at index: Int) -> (Int, Int)? {
        if let (value, end) = NumberLexicon.ordinal(in: text, at: index) { return (value, end) }
        guard let word = text.word(at: index) else { return nil }
        if let value = DateWords.ordinalWords[word], value > 12 { return (value, index + 1) }
        guard word == "twenty" || word == "thirty" else { return nil }
        let next = text.isInnerHyphen(at: index + 1) ? index + 2 : index + 1
        guard let unitWord = text.word(at: next), let unit = DateWords.ordinalWords[unitWord], unit < 10 else { return nil }
        return ((word == "twenty" ? 20 : 30) + unit, next + 1)
    }

    /// A day written as a number (1–31) or an ordinal.
    func dayNumber(at index: Int) -> (Int, Int)? {
        if let ordinal = ordinalDay(at: index) { return (1...31).contains(ordinal.0) ? ordinal : nil }
        guard text.isNumber(at: index), text[index].text.count <= 2, let value = Int(text[index].text),
              (1...31).contains(value) else { return nil }
        return (value, index + 1)
    }

    /// A day no month has, written beside a month name in a whole answer ("32 January", "52nd Feb"), to be refused with the reason.
    private func impossibleDay(at index: Int) -> (Int, Int)? {
        if let (value, end) = NumberLexicon.ordinal(in: text, at: index) { return value > 31 || value == 0 ? (value, end) : nil }
        guard text.isNumber(at: index), text[index].text.count <= 2, let value = Int(text[index].text), value > 31 || value == 0 else { return nil }
        return (value, index + 1)
    }

    /// The years a plan can use; a date in another is refused with the reason.
    static let planYears = 1900...2199
    /// The years people write about, read after a month or in a full date so that they can be refused by name.
    static let writtenYears = 1000...2999

    static func outsidePlan(_ year: Int, end: Int) -> Found? {
        guard !planYears.contains(year) else { return nil }
        let written = year <= 0 ? "\(-year) BC" : "\(year)"
        return Found(end: end, value: .problem(.impossible("\(written) is outside the years a coaching plan can use (\(planYears.lowerBound)–\(planYears.upperBound)).")))
    }

    func day(_ year: Int, _ month: Int, _ dayOfMonth: Int, end: Int) -> Found {
        guard (1...12).contains(month) else { return Found(end: end, value: .problem(.impossible(Self.noMonth(month)))) }
        if let refused = Self.outsidePlan(year, end: end) { return refused }
        guard let date = LocalDate(year: year, month: month, day: dayOfMonth) else {
            return Found(end: end, value: .problem(.impossible(Self.missingDay(dayOfMonth, month, year))))
        }
        return Found(end: end, value: .range(.day(date)))
    }

    /// A day and month without a year: its next occurrence, today included (29 February: the next leap year).
    func yearless(month: Int, day dayOfMonth: Int, end: Int) -> Found {
        for year in today.year...(today.year + 8) {
            if let date = LocalDate(year: year, month: month, day: dayOfMonth), date >= today {
                return Found(end: end, value: .range(.day(date)))
            }
        }
        return Found(end: end, value: .problem(.impossible(Self.missingDay(dayOfMonth, month, nil))))
    }

    static func noMonth(_ month: Int) -> String {
        "There is no month \(month); months go from 1 to 12."
    }

    static func missingDay(_ day: Int, _ month: Int, _ year: Int?) -> String {
        let name = DateWords.monthNames[month - 1].capitalisedFirst
        guard let year else { return "\(name) never has a day \(day)." }
        return "\(name) \(year) has only \(LocalDate.daysIn(month: month, year: year)) days, so \(day) \(name) \(year) doesn't exist."
    }
}
