/// Finds the phrases of a goal that say when and resolves deadlines against today, so "by Q3" and
/// "within 6 months" become dates the coach can track. Numbers inside these phrases are time, not
/// measures: the quantity scanner skips every token claimed here.
struct TimeExpressionScanner {
    let text: GoalText
    let today: LocalDate
    /// The occasions a goal can be timed by ("my next evaluation"), from Rules/smart.yaml.
    var occasions: Set<String> = []
    /// Points of a day that recur ("lunch", "bed"), from Rules/smart.yaml.
    var routines: Set<String> = []
    /// Meals ("lunch", "dinner"), routines also after "at" or "with", from Rules/smart.yaml.
    var meals: Set<String> = []

    func scan() -> [TimeExpression] {
        var found: [TimeExpression] = []
        var index = 0
        while index < text.count {
            // Every time phrase starts with a word or a number.
            if text.isSymbol("/", at: index), text.isJoined(index + 1), let end = cadenceUnitEnd(at: index + 1) {
                // "3x/wk", "twice/day": a slash reads as "per".
                found.append(rateOrCadence(index..<end))
                index = end
            } else if text[index].kind == .symbol {
                index += 1
            } else if let expression = vague(at: index) ?? cadence(at: index) ?? hyphenatedPeriod(at: index)
                        ?? numberedStretch(at: index) ?? frame(at: index) ?? turnaround(at: index) ?? occasion(at: index) {
                found.append(expression)
                index = expression.span.upperBound
            } else {
                index += 1
            }
        }
        // "…so I can move into UX design by next summer": times after a reason's marker are the reason's.
        if let reason = (0..<text.count).first(where: { RelevantCriterion.reasonMarkers.match(in: text, at: $0) != nil }) {
            for i in found.indices where found[i].span.lowerBound > reason { found[i].inReason = true }
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
        "fortnight", "term", "semester", "hour", "paycheck", "paycheque", "pay check", "payday", "pay day", "pay period", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "wk", "mo", "yr",
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
            // "each sprint", "each support interaction": up to two words may say which occasion.
            guard let end = cadenceUnitEnd(at: cursor) ?? namedOccasion(from: cursor, through: cursor + 2)?.end else { return nil }
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
            // "my everyday vocabulary": written as one word before a noun, "everyday" is the adjective.
            if word == "everyday", let noun = text.word(at: next), !FunctionWords.contains(noun) { return nil }
            if text.contains(next), text[next].forms.contains(where: Self.metricNouns.contains) {
                return TimeExpression(span: found.span, kind: .period)
            }
            return TimeExpression(span: found.span, kind: .cadence)
        }
    }

    private func cadenceUnitEnd(at index: Int) -> Int? {
        Self.cadenceUnits.match(in: text, at: index)?.span.upperBound
    }

    /// "a week" is a cadence only after a count ("twice a week", "5 calls a week", "a gallon of water
    /// a day"); "take a week off" and "read it in a week" are not.
    private func countPrecedes(_ index: Int) -> Bool {
        // "read it in a week": after a preposition or an article, "a week" is a stretch of time, not a rate.
        if let before = text.word(at: index - 1), FunctionWords.contains(before) { return false }
        for cursor in stride(from: index - 1, through: max(0, index - 4), by: -1) {
            let token = text[cursor]
            switch token.kind {
            case .number: return true
            case .word where NumberLexicon.isCountWord(token.text) || ["times", "a", "an"].contains(token.text): return true
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
        // "a 20-minute walk", "a 2-hour workshop": minutes and hours measure the thing itself.
        guard text.isNumber(at: index), text.isInnerHyphen(at: index + 1), let unit = durationUnit(at: index + 2), ![.minute, .hour].contains(unit) else {
            return nil
        }
        return TimeExpression(span: index..<(index + 3), kind: .period)
    }

    // MARK: - Deadlines and windows

    /// "by Day 21", "before week 4", "in module 3": a numbered stretch of a programme, counted from a
    /// start the goal does not date, is an occasion ("by week" alone is this week's end), as is a
    /// count of occasions ("over three cycles").
    private func numberedStretch(at index: Int) -> TimeExpression? {
        guard let lead = text.word(at: index) else { return nil }
        // "over three cycles", "across 4 sprints": a count of occasions is a window of them.
        if ["over", "across"].contains(lead), let count = NumberLexicon.parse(text, at: index + 1),
           let (end, _) = namedOccasion(from: count.end, through: count.end + 1) {
            return TimeExpression(span: index..<end, kind: .occasion)
        }
        guard ["by", "before", "until", "till", "during", "in", "on"].contains(lead),
              let unit = text.word(at: index + 1), Self.stretches.contains(unit), text.isNumber(at: index + 2) else { return nil }
        return TimeExpression(span: index..<(index + 3), kind: .occasion)
    }

    /// "respond to all inquiries within 24 hours": hours or minutes allowed are a turnaround for each
    /// one (the date grammar reads them as a window only in a whole answer or "from now").
    private func turnaround(at index: Int) -> TimeExpression? {
        guard text.word(at: index) == "within", let count = NumberLexicon.parse(text, at: index + 1),
              let unit = durationUnit(at: count.end), unit.isClock else { return nil }
        return TimeExpression(span: index..<(count.end + 1), kind: .turnaround)
    }

    private static let stretches: Set<String> = ["day", "week", "month", "session", "module", "unit", "phase", "lesson", "sprint", "cycle"]

    /// Dates are read by the one date grammar, exactly as a `type: date` answer is.
    private func frame(at index: Int) -> TimeExpression? {
        guard let phrase = DateGrammar(today: today).phrase(in: text, at: index) else { return nil }
        // "from 9:30 to 7:00 minutes": figures written like clock times, counted in minutes or hours.
        if let unit = durationUnit(at: phrase.span.upperBound), [.minute, .hour].contains(unit),
           phrase.span.allSatisfy({ text.isNumber(at: $0) || text.isSymbol(":", at: $0) || text.isSymbol("-", at: $0)
               || ["from", "to", "between", "and"].contains(text.word(at: $0) ?? "") }) {
            return nil
        }
        // "on Monday and Thursdays": a weekday in the plural recurs, so the phrase is a cadence, not a
        // day ("3 Fridays from now" counts them).
        if phrase.span.contains(where: { index in
            text.word(at: index).map { $0.hasSuffix("days") && DateWords.weekdays[$0] != nil } == true
                && !text.isNumber(at: index - 1) && !NumberLexicon.isCountWord(text.word(at: index - 1) ?? "")
        }) {
            return TimeExpression(span: phrase.span, kind: .cadence)
        }
        switch phrase.meaning {
        case .vague: return TimeExpression(span: phrase.span, kind: .vague)
        case .day(let day, let window):
            if phrase.clockTime { return TimeExpression(span: phrase.span, kind: .timeOfDay(day)) }
            if isReference(phrase, day) { return TimeExpression(span: phrase.span, kind: .period) }
            return TimeExpression(span: phrase.span, kind: window ? .window(day) : .deadline(day))
        case .problem(let problem): return TimeExpression(span: phrase.span, kind: .deadline(nil), problem: problem)
        }
    }

    /// Words that make a past day a deadline all the same ("by last Friday" was missed).
    private static let deadlineLeads: Set<String> = ["by", "before", "until", "till", "til", "prior", "ahead", "no", "not", "through", "thru"]

    /// Words that point back from today.
    private static let backwardWords: Set<String> = ["last", "previous", "past", "ago", "yesterday"]

    /// "than I made last year", "a project I started last month", "than I'm making now": a day
    /// pointed back to (or "now" after "than") without "by" or "before" is what the goal is compared
    /// with, not when it is due; "in the first quarter of this year" is still a frame, even once past,
    /// and "the deadline is now" a deadline.
    private func isReference(_ phrase: DatePhrase, _ day: LocalDate) -> Bool {
        let lead = text.word(at: phrase.span.lowerBound) ?? ""
        if lead == "now", phrase.span.count == 1 {
            return (0..<phrase.span.lowerBound).contains { text.word(at: $0) == "than" }
        }
        return day < today && !Self.deadlineLeads.contains(lead)
            && phrase.span.contains { text.word(at: $0).map(Self.backwardWords.contains) == true }
    }

    // MARK: - Occasions

    /// "before my next evaluation", "prior to the audit", "in the next exam", "during my pulmonary
    /// rotation": a deadline or window set by an occasion, whose calendar date the goal does not
    /// give ("after each meeting" is a cadence). "in", "at" and "on" need the occasion to be ahead ("the
    /// next", "my upcoming"): "in class" is a place, not a time.
    private func occasion(at index: Int) -> TimeExpression? {
        guard let lead = text.word(at: index) else { return nil }
        var cursor = index + 1
        var needsAhead = false
        // "walk after lunch", "read before bed": a point of every day, named without a determiner, is a routine.
        if ["after", "before", "at", "with"].contains(lead), let word = text.word(at: cursor), text[cursor].forms.contains(where: { routines.contains($0) || meals.contains($0) }),
           lead == "after" || lead == "before" || meals.contains(word) {
            return TimeExpression(span: index..<(cursor + 1), kind: .cadence)
        }
        // "when I notice my anxiety rising", "after I start the car", "when watching TV": a trigger the
        // client names times the action each time it happens.
        if let trigger = Self.triggers.match(in: text, at: index), let subject = text.word(at: trigger.span.upperBound),
           Self.triggerSubjects.contains(subject) || (["when", "whenever"].contains(lead) && subject.count > 5 && subject.hasSuffix("ing")),
           let end = clauseEnd(from: trigger.span.upperBound) {
            return TimeExpression(span: index..<end, kind: .cadence)
        }
        // "twice during playtime", "three times in class": how often within a recurring stretch is a cadence.
        if ["during", "in", "at"].contains(lead), let before = text.word(at: index - 1), ["once", "twice", "thrice", "times"].contains(before),
           let word = text.word(at: cursor), !FunctionWords.contains(word), let end = nounPhraseEnd(from: cursor) {
            return TimeExpression(span: index..<end, kind: .cadence)
        }
        switch lead {
        case "by", "through", "throughout", "during": break
        // "whilst on my two-week hospital placement", "while at the conference".
        case "while", "whilst":
            guard let word = text.word(at: cursor), ["on", "in", "at", "during"].contains(word) else { return nil }
            cursor += 1
        case "before", "until", "till", "upon", "after":
            // "before graduation", "until finals": an occasion named without a determiner is the one
            // ahead ("by" and "through" also lead to means, "measured by assessment"; "during class" is any class).
            if lead != "after", let end = occasionEnd(at: cursor) { return TimeExpression(span: index..<end, kind: .occasion) }
            if let end = eventEnd(at: cursor) { return TimeExpression(span: index..<end, kind: .occasion) }
        case "prior", "ahead":
            guard text.word(at: cursor) == "to" || text.word(at: cursor) == "of" else { return nil }
            cursor += 1
        case "in", "at", "on": needsAhead = true
        // "for this shift"; "for the team" is not a time, and "study for my next exam" names a purpose.
        case "for": guard text.word(at: cursor) == "this" else { return nil }
        default: return nil
        }
        // "by age 60", "at the age of 65": an age is a time of life, dated once the client's age is known.
        if ["by", "at", "before", "until"].contains(lead), let end = ageEnd(at: cursor) {
            return TimeExpression(span: index..<end, kind: .occasion)
        }
        // "by the time I graduate": a clause after "by the time" is when.
        if lead == "by", text.word(at: cursor) == "the", text.word(at: cursor + 1) == "time", let end = clauseEnd(from: cursor + 2) {
            return TimeExpression(span: index..<end, kind: .occasion)
        }
        // "by the end of my placement": the end of an occasion is the occasion's time, and the end
        // of anything named ("the end of the marking period", "the start of my contract") is a time.
        var edged = false
        if text.word(at: cursor) == "the", let edge = text.word(at: cursor + 1), ["end", "start", "beginning", "close"].contains(edge),
           text.word(at: cursor + 2) == "of" {
            cursor += 3
            edged = true
        } else if text.word(at: cursor) == "the", let ordinal = text.word(at: cursor + 1), DateWords.ordinalWords[ordinal] != nil,
                  let unit = text.word(at: cursor + 2), DateWords.units[unit] != nil, text.word(at: cursor + 3) == "of" {
            // "by the second week of the placement": a stretch of an occasion is a time, as its end is.
            cursor += 4
            edged = true
        }
        // "by the end of residency", "by the end of training": a stretch named without a determiner.
        if edged, let word = text.word(at: cursor), !FunctionWords.contains(word), !text.isNumber(at: cursor),
           !NumberLexicon.isCountWord(word), let end = nounPhraseEnd(from: cursor),
           !(cursor..<end).contains(where: { DateGrammar(today: today).phrase(in: text, at: $0) != nil }) {
            return TimeExpression(span: index..<end, kind: .occasion)
        }
        // "by season's end", "before the tournament's close": the end of an occasion, said with a possessive.
        if ["by", "before", "until", "till"].contains(lead) {
            let named = Self.occasionDeterminers.contains(text.word(at: cursor) ?? "") ? cursor + 1 : cursor
            if let end = occasionEnd(at: named), text.word(at: end) == "'s", ["end", "close"].contains(text.word(at: end + 1) ?? "") {
                return TimeExpression(span: index..<(end + 2), kind: .occasion)
            }
        }
        // "by the end of 4 treatment visits", "during a hands-on drill": a count of occasions, or
        // one occasion ahead that "during" puts the goal inside, times it as well.
        let counted = edged && text.contains(cursor) && (text.isNumber(at: cursor) || NumberLexicon.isCountWord(text[cursor].text))
        let during = lead == "during" && ["a", "an"].contains(text.word(at: cursor) ?? "")
        if counted || during, let (end, _) = namedOccasion(from: cursor + 1, through: cursor + 4) {
            return TimeExpression(span: index..<end, kind: .occasion)
        }
        guard let determiner = text.word(at: cursor), Self.occasionDeterminers.contains(determiner) else { return nil }
        let recurring = determiner == "each" || determiner == "every"
        if edged, !recurring, lead != "after", lead != "in", let end = nounPhraseEnd(from: cursor + 1),
           !(cursor..<end).contains(where: { DateGrammar(today: today).phrase(in: text, at: $0) != nil }) {
            return TimeExpression(span: index..<end, kind: .occasion)
        }
        guard let (end, saysAhead) = namedOccasion(from: cursor + 1, through: index + 8),
              !needsAhead || saysAhead || Self.aheadWords.contains(determiner) else { return nil }
        return TimeExpression(span: index..<end, kind: recurring ? .cadence : .occasion)
    }

    /// Where an occasion named from `start` ends, if it comes by `last` after content words only
    /// ("next pulmonary rotation", "support interaction"), and whether a word such as "next" put it ahead.
    private func namedOccasion(from start: Int, through last: Int) -> (end: Int, ahead: Bool)? {
        var ahead = false
        var cursor = start
        var named: Int?
        // "on my next essay", "at the upcoming recital": whatever "next" puts ahead is an occasion.
        func aheadNamed() -> (end: Int, ahead: Bool)? { ahead ? named.map { ($0 + 1, true) } : nil }
        while cursor <= last {
            // "my two-week hospital placement".
            if text.isInnerHyphen(at: cursor) {
                cursor += 1
                continue
            }
            // "my 55th birthday", "my fiftieth birthday": an ordinal names which one.
            if let ordinal = NumberLexicon.ordinal(in: text, at: cursor) {
                cursor = ordinal.end
                continue
            }
            guard let word = text.word(at: cursor) else { return aheadNamed() }
            if let end = occasionEnd(at: cursor) { return (end, ahead) }
            if FunctionWords.contains(word) && !Self.aheadWords.contains(word) { return aheadNamed() }
            if Self.aheadWords.contains(word) { ahead = true } else if ahead { named = cursor }
            cursor += 1
        }
        return nil
    }

    /// "before stepping onto a job site", "after completing the course", "before submission": something
    /// the client will do, named by its verb or its noun of action, is an occasion ahead (an adverb may
    /// come first: "before ever starting").
    private func eventEnd(at index: Int) -> Int? {
        var cursor = index
        if let word = text.word(at: cursor), WordForms.isAdverb(word) || ["ever", "even", "first", "only"].contains(word) { cursor += 1 }
        guard let word = text.word(at: cursor), !FunctionWords.contains(word) else { return nil }
        // "before starting", and an event named by its noun of action: "before submission", "after deployment".
        let gerund = word.count > 5 && word.hasSuffix("ing") && !word.hasSuffix("thing")
        let action = word.count > 6 && (word.hasSuffix("ion") || word.hasSuffix("ment"))
        return gerund || action ? cursor + 1 : nil
    }

    /// "age 60", "the age of 65": where an age ends.
    private func ageEnd(at index: Int) -> Int? {
        let cursor = text.word(at: index) == "the" && text.word(at: index + 2) == "of" ? index + 3 : index + 1
        guard text.word(at: index) == "age" || (cursor == index + 3 && text.word(at: index + 1) == "age"),
              text.isNumber(at: cursor), let years = Int(text[cursor].text), (10...120).contains(years) else { return nil }
        return cursor + 1
    }

    /// Where a run of one to four content words from `start` ends ("marking period", "probation period").
    private func nounPhraseEnd(from start: Int) -> Int? {
        var cursor = start
        while cursor < start + 4, let word = text.word(at: cursor), !FunctionWords.contains(word) || word == "next" { cursor += 1 }
        return cursor > start && text.word(at: cursor - 1) != "next" ? cursor : nil
    }

    /// Where a clause of up to six words from `start` ends, at punctuation or a conjunction
    /// ("I graduate", "the new system goes live").
    private func clauseEnd(from start: Int) -> Int? {
        var cursor = start
        while cursor < start + 6, let word = text.word(at: cursor), !["and", "but", "so", "or", "then"].contains(word) { cursor += 1 }
        return cursor > start + 1 ? cursor : nil
    }

    private func occasionEnd(at index: Int) -> Int? {
        text.contains(index) && text[index].forms.contains(where: occasions.contains) ? index + 1 : nil
    }

    /// Words that lead a trigger clause ("when I…", "as soon as I…").
    private static let triggers = PhraseTable(["when", "whenever", "after", "before", "as soon as", "each time", "every time", "any time", "anytime"])
    /// The subjects a trigger clause starts with: the client or someone named by a pronoun or possessive.
    private static let triggerSubjects: Set<String> = ["i", "we", "you", "he", "she", "they", "my", "our"]

    private static let occasionDeterminers: Set<String> = ["my", "the", "our", "this", "next", "his", "her", "their", "your", "each", "every"]
    private static let aheadWords: Set<String> = ["next", "upcoming", "coming", "following", "each", "every"]

    private func durationUnit(at index: Int) -> DateWords.Unit? {
        text.word(at: index).flatMap { DateWords.units[$0] }
    }
}
