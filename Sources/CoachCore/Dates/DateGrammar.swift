/// The one reading of dates in KPI Coach: a whole answer ("end of next month") and a phrase inside
/// a goal ("…by the end of the semester") go through the same rules, so both always give the same
/// day. Conventions (README, "Dates"): a named period means its last day; a day without a year is
/// its next occurrence; "next Friday" is the Friday of next week (weeks run Monday to Sunday).
public struct DateGrammar: Sendable {
    public let today: LocalDate
    /// How to read 03/04/2027 when both numbers could be a month; nil means ask.
    public let order: DateOrder?
    /// Minutes since midnight, when the clock is known: "by 11am" after 11am means tomorrow.
    public let minutesNow: Int?

    public init(today: LocalDate, order: DateOrder? = nil, minutesNow: Int? = nil) {
        self.today = today
        self.order = order
        self.minutesNow = minutesNow
    }

    /// Reads a whole answer; anything left over means it was not a date.
    public func read(_ raw: String) -> Result<LocalDate, AnswerProblem> {
        let text = GoalText(raw)
        var end = text.count
        while end > 0, text[end - 1].kind == .symbol, [".", "!", ",", ";"].contains(text[end - 1].text) { end -= 1 }
        guard let found = phrase(in: text, at: 0, whole: true), found.span.upperBound >= end else {
            return .failure(dateInSentence(text) ?? .notUnderstood(hint: AnswerKind.date.formatHint))
        }
        switch found.meaning {
        case .day(let day, _): return .success(day)
        case .problem(let problem): return .failure(problem.answerProblem(grammar: self))
        case .vague: return .failure(.vagueDate(text.quote(found.span)))
        }
    }

    /// A date phrase starting at `index` of a goal, with any prefix ("by the end of", "within").
    func phrase(in text: GoalText, at index: Int, whole: Bool = false) -> DatePhrase? {
        let reader = DateReader(text: text, grammar: self, whole: whole)
        // "run a marathon in 3:40:59", "within 2:30", "a mile under 7:30": a time taken, not a time of day.
        let timeTaken = Self.timeTakenLeads.contains(text.word(at: index - 1) ?? "")
        if let prefix = DateReader.prefixes.match(in: text, at: index) {
            let start = prefix.span.upperBound
            if let found = reader.expression(at: start, prefixed: true, anchor: prefix.value) {
                let clock = reader.timeOfDay(at: start)?.end == found.end
                if clock, timeTaken || prefix.value == .within { return nil }
                // "before this decade is out", "before the month ends": before the period is over, so by its end.
                if prefix.value == .before, found.range != nil, let over = Self.periodOver.match(in: text, at: found.end) {
                    return DatePhrase(span: index..<over.span.upperBound, meaning: found.meaning(.end), clockTime: false)
                }
                return DatePhrase(span: index..<found.end, meaning: ahead(found, prefix.value, in: text, from: start), clockTime: clock)
            }
        }
        guard let found = reader.expression(at: index, prefixed: whole, anchor: .end) else { return nil }
        let clock = reader.timeOfDay(at: index)?.end == found.end
        if clock, timeTaken { return nil }
        return DatePhrase(span: index..<found.end, meaning: found.meaning(.end), clockTime: clock)
    }

    /// "Get promoted by year's end" typed for a date: the one day a sentence names, read as a goal's
    /// phrase is, to offer back; nil when it names none or several.
    private func dateInSentence(_ text: GoalText) -> AnswerProblem? {
        var found: [(Range<Int>, LocalDate)] = []
        var index = 0
        while index < text.count {
            if let phrase = phrase(in: text, at: index), let day = phrase.date {
                found.append((phrase.span, day))
                index = phrase.span.upperBound
            } else {
                index += 1
            }
        }
        guard let (span, day) = found.first, found.allSatisfy({ $0.1 == day }) else { return nil }
        return .dateInSentence(text.quote(span), day)
    }

    /// What follows a period to say it has run its course ("is out", "ends").
    private static let periodOver = PhraseTable<Bool>(["is out", "is over", "is up", "is done", "is through", "ends", "is finished", "finishes", "runs out", "closes", "comes to an end"])

    /// Words after which a clock figure is how long something took.
    private static let timeTakenLeads: Set<String> = ["in", "within", "under"]
}

extension DateGrammar {
    /// "by mid-year" in December: the middle of the year under way is past, so the next year's is
    /// meant (as "by March" means the next March). "By the middle of this year" says which, and
    /// stays, to be questioned as past.
    fileprivate func ahead(_ found: DateReader.Found, _ anchor: DateAnchor, in text: GoalText, from start: Int) -> DatePhrase.Meaning {
        let meaning = found.meaning(anchor)
        guard case .day(let day, window: false) = meaning, day < today, let range = found.range, range.first <= today, today <= range.last,
              !(start..<found.end).contains(where: { ["this", "current"].contains(text.word(at: $0) ?? "") }),
              let next = Self.following(range) else { return meaning }
        return .day(next.date(for: anchor), window: false)
    }

    /// The calendar year, quarter, month or week, or the semester or school year, after `range`
    /// when it is one of those.
    private static func following(_ range: DayRange) -> DayRange? {
        let first = range.first
        if range == DayRange.year(first.year) { return DayRange.year(first.year + 1) }
        if range == DayRange.quarter(first.quarter, year: first.year) {
            let next = first.adding(months: 3)
            return DayRange.quarter(next.quarter, year: next.year)
        }
        if range == DayRange.month(first.month, year: first.year) {
            let next = first.adding(months: 1)
            return DayRange.month(next.month, year: next.year)
        }
        if range == DayRange.week(containing: first) { return DayRange.week(containing: first.adding(days: 7)) }
        return DateReader.followingSchoolPeriod(range)
    }
}

/// Which number comes first in a numeric date, for people who always write one way.
public enum DateOrder: String, Sendable, CaseIterable {
    case dmy, mdy
}

/// What a date phrase resolved to.
struct DatePhrase: Sendable, Equatable {
    enum Meaning: Sendable, Equatable {
        /// A day; `window` when it was counted from today ("in 3 weeks").
        case day(LocalDate, window: Bool)
        case problem(DateProblem)
        /// Timing that fixes no day ("in a few weeks").
        case vague
    }

    let span: Range<Int>
    let meaning: Meaning
    /// Only a time of day was written ("by 11am"): the day is today's (or tomorrow's).
    let clockTime: Bool

    var date: LocalDate? {
        if case .day(let day, _) = meaning { return day }
        return nil
    }
}

/// A date that was written but cannot be used as it stands.
public enum DateProblem: Sendable, Equatable, Hashable {
    case impossible(String)
    /// Both readings of a numeric date, month-first then day-first.
    case ambiguous(monthFirst: LocalDate, dayFirst: LocalDate)
    /// The weekday written does not fall on the date written.
    case weekdayMismatch(LocalDate, written: Int)

    func answerProblem(grammar: DateGrammar) -> AnswerProblem {
        switch self {
        case .impossible(let why): .impossibleDate(why)
        case .ambiguous(let monthFirst, let dayFirst): .ambiguousDate([monthFirst, dayFirst])
        case .weekdayMismatch(let day, let written):
            .weekdayMismatch(day, written: DateWords.weekdayNames[written - 1].capitalisedFirst)
        }
    }
}

/// Which day of a period a phrase points at ("by the end of June" versus "early June").
enum DateAnchor: Sendable, Equatable {
    case start, early, middle, end, before, within
}

extension DayRange {
    func date(for anchor: DateAnchor) -> LocalDate {
        let length = first.days(until: last) + 1
        switch anchor {
        case .start: return first
        case .early: return length <= 1 ? first : first.adding(days: max(0, length / 3 - 1))
        case .middle:
            if length >= 365 { return LocalDate(year: first.year, month: 6, day: 30) ?? first }
            if first.day == 1, last.day == LocalDate.daysIn(month: last.month, year: last.year), first.month == last.month, first.year == last.year {
                return first.adding(days: 14)
            }
            return first.adding(days: max(0, length / 2 - 1))
        case .end, .within: return last
        case .before: return first.adding(days: -1)
        }
    }
}
