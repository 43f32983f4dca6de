/// Numbers as people give them: "about 5 years", "3-4", "18 months", "an hour a day", "a couple",
/// "since 2019", "none", "two and a half". A question may say what unit it counts in
/// (`unit: years`, `unit: hours a week`); amounts in other units are converted to it.
public struct NaturalNumber: Sendable, Equatable {
    /// The value to store; the midpoint of a range.
    public let value: Double
    /// The range given ("3-4", "a few"), when one was.
    public let range: ClosedRange<Double>?
    /// "about", "maybe", "~": an estimate.
    public let hedged: Bool
    /// The answer needed reading beyond a plain number (a unit converted, a range, a word).
    public let interpreted: Bool

    /// The units a number question can count in.
    public enum Unit: String, Sendable, CaseIterable {
        case years, months, weeks, days, hours
        case hoursAWeek = "hours a week"
        case minutes

        /// Days per unit, for converting a duration; nil for a rate.
        var days: Double? {
            switch self {
            case .years: 365.25
            case .months: 30.4375
            case .weeks: 7
            case .days: 1
            case .hours: 1.0 / 24
            case .minutes: 1.0 / 1_440
            case .hoursAWeek: nil
            }
        }
    }

    /// What the client meant when no number came: "don't know", or a word no reading serves.
    public enum Unread: Error, Equatable, Sendable {
        case unknown
        case notANumber
        case negative
    }

    /// Reads `raw` for a question counting in `unit` (nil: a plain number); `today` serves "since 2019".
    public static func read(_ raw: String, unit: Unit?, today: LocalDate) -> Result<NaturalNumber, Unread> {
        let text = GoalText(raw)
        var reader = Reader(text: text, unit: unit, today: today)
        return reader.read()
    }

    /// What a client says instead of a figure they do not know; a composed goal leaves them out too.
    static let unsurePhrases = PhraseTable([
        "don't know", "dont know", "do not know", "dunno", "not sure", "no idea", "unsure", "no clue",
        "can't say", "cant say", "hard to say", "i don't know", "idk", "not certain",
    ])

    /// True when the whole answer says the client does not know ("dunno", "not sure really"),
    /// with nothing else in it: "not sure, maybe marketing" is an answer.
    public static func isUnsure(_ raw: String) -> Bool {
        var reader = Reader(text: GoalText(raw), unit: nil, today: LocalDate(dayNumber: 0))
        return reader.onlyUnsure()
    }

    /// "about 7 hours a week", "3–4 years": how the saved answer reads back.
    public func spoken(unit: Unit?) -> String {
        let amount = range.map { "\(NumberFormat.plain($0.lowerBound))–\(NumberFormat.plain($0.upperBound))" } ?? NumberFormat.plain(value)
        let unitWords = unit.map { " " + ($0 == .hoursAWeek ? (value == 1 && range == nil ? "hour a week" : "hours a week") : (value == 1 && range == nil ? String($0.rawValue.dropLast()) : $0.rawValue)) } ?? ""
        return (hedged ? "about " : "") + amount + unitWords + (range != nil ? " (\(NumberFormat.plain(value)) for the plan)" : "")
    }
}

private struct Reader {
    typealias Unit = NaturalNumber.Unit
    let text: GoalText
    let unit: Unit?
    let today: LocalDate
    var index = 0
    var hedged = false
    var interpreted = false

    init(text: GoalText, unit: Unit?, today: LocalDate) {
        self.text = text
        self.unit = unit
        self.today = today
    }

    static let hedges = PhraseTable([
        "about", "around", "roughly", "approximately", "approx", "maybe", "perhaps", "probably", "nearly",
        "almost", "over", "at least", "more than", "less than", "under", "up to", "just over", "just under",
        "a bit over", "a bit under", "a little over", "close to", "like", "i think", "i guess", "i'd say",
        "give or take", "something like", "somewhere around", "about maybe", "ish",
    ])

    static let unknownPhrases = NaturalNumber.unsurePhrases

    static let zeroPhrases = PhraseTable([
        "none", "zero", "nothing", "nil", "no", "not any", "nada", "just started", "just starting", "brand new",
        "new to it", "new to this", "starting out", "no experience", "none really", "none yet", "not yet",
    ])

    /// Vague amounts read as a range: "a few" is 2 to 4.
    static let vagueAmounts = PhraseTable<ClosedRange<Double>>([
        ("a couple", 2...2), ("a couple of", 2...2), ("couple", 2...2), ("couple of", 2...2), ("a few", 2...4),
        ("few", 2...4), ("a handful", 3...5), ("a handful of", 3...5), ("several", 3...5), ("a dozen", 12...12),
        ("dozen", 12...12), ("a half", 0.5...0.5), ("half a", 0.5...0.5), ("half an", 0.5...0.5), ("half", 0.5...0.5),
        ("a quarter", 0.25...0.25), ("a", 1...1), ("an", 1...1), ("once", 1...1), ("twice", 2...2),
    ])

    mutating func read() -> Result<NaturalNumber, NaturalNumber.Unread> {
        // "just started" before the filler is skipped ("just" is filler elsewhere), "really none" after.
        if let zero = zero() { return .success(zero) }
        skipNoise()
        if Self.unknownPhrases.match(in: text, at: index) != nil { return .failure(.unknown) }
        if let zero = zero() { return .success(zero) }
        if text.word(at: index) == "since", unit == .years || unit == .months, let year = text.fourDigitYear(at: index + 1), year <= today.year {
            let years = Double(today.year - year)
            interpreted = true
            let value = unit == .months ? years * 12 : years
            guard rest(after: index + 2) else { return .failure(.notANumber) }
            return .success(NaturalNumber(value: value, range: nil, hedged: hedged, interpreted: true))
        }
        if text.isSymbol("-", at: index), text.isNumber(at: index + 1) { return .failure(.negative) }
        if text.word(at: index) == "between" { index += 1 }
        guard let first = amountAt(index) else { return .failure(.notANumber) }
        if !text.isNumber(at: index) { interpreted = true }
        index = first.end
        var range = first.range
        var said = first.unit
        // A range: "3-4", "3 to 4", "one or two", "between 2 and 3".
        if let join = rangeJoin(at: index), let upper = amountAt(join) {
            index = upper.end
            range = range.lowerBound...max(range.upperBound, upper.range.upperBound)
            said = upper.unit ?? said
            interpreted = true
        }
        skipHedgeSuffix()
        if said == nil, let (unit, end) = unitWord(at: index) {
            said = unit
            index = end
        }
        guard let scaled = convert(range, said: said) else { return .failure(.notANumber) }
        skipNoise()
        guard index >= text.count else { return .failure(.notANumber) }
        let mid = (scaled.lowerBound + scaled.upperBound) / 2
        let kept: ClosedRange<Double>? = scaled.lowerBound == scaled.upperBound ? nil : Self.rounded(scaled.lowerBound)...Self.rounded(scaled.upperBound)
        return .success(NaturalNumber(value: Self.rounded(mid), range: kept, hedged: hedged, interpreted: interpreted || hedged))
    }

    static func rounded(_ n: Double) -> Double { (n * 100).rounded() / 100 }

    /// "none", "just started", "no experience" and nothing after them.
    private func zero() -> NaturalNumber? {
        guard let found = Self.zeroPhrases.match(in: text, at: index), rest(after: found.span.upperBound) else { return nil }
        return NaturalNumber(value: 0, range: nil, hedged: false, interpreted: true)
    }

    /// A "don't know" phrase with nothing but filler around it.
    mutating func onlyUnsure() -> Bool {
        skipNoise()
        guard let found = Self.unknownPhrases.match(in: text, at: index) else { return false }
        index = found.span.upperBound
        skipNoise()
        return index >= text.count
    }

    /// Hedges, "~", "like" and filler before the number.
    private mutating func skipNoise() {
        while index < text.count {
            if text.isSymbol("~", at: index) || text.isSymbol("≈", at: index) { hedged = true; index += 1; continue }
            if let hedge = Self.hedges.match(in: text, at: index), Self.unknownPhrases.match(in: text, at: index) == nil {
                hedged = true
                index = hedge.span.upperBound
                continue
            }
            if let word = text.word(at: index), ["i", "it's", "its", "it", "is", "was", "been", "have", "i've", "ive", "for", "just", "really", "honestly", "so", "um", "uh", "well"].contains(word) {
                index += 1
                continue
            }
            if text[index].kind == .symbol, [",", ".", "!", "?", ":", ";"].contains(text[index].text) { index += 1; continue }
            return
        }
    }

    private mutating func skipHedgeSuffix() {
        if text.isSymbol("-", at: index), text.word(at: index + 1) == "ish" { hedged = true; index += 2 }
        if text.word(at: index) == "ish" { hedged = true; index += 1 }
        if text.word(at: index) == "or", text.word(at: index + 1) == "so" { hedged = true; index += 2 }
        if text.isSymbol("+", at: index) { hedged = true; index += 1 }
    }

    private func rest(after end: Int) -> Bool {
        var cursor = end
        while cursor < text.count, text[cursor].kind == .symbol || ["really", "yet", "so", "far", "at", "all", "years", "year", "hours", "experience"].contains(text.word(at: cursor) ?? "") {
            cursor += 1
        }
        return cursor >= text.count
    }

    private func rangeJoin(at index: Int) -> Int? {
        if text.isSymbol("-", at: index) || text.isSymbol("–", at: index) || text.isSymbol("/", at: index) { return index + 1 }
        if let word = text.word(at: index), ["to", "or", "and", "till"].contains(word) { return index + 1 }
        return nil
    }

    /// A number with its unit at `index`: the range it names and where it ends.
    private func amountAt(_ start: Int) -> (range: ClosedRange<Double>, end: Int, unit: Unit?)? {
        var cursor = start
        var low: Double
        var high: Double
        if text.isNumber(at: cursor), let value = AnswerParser.decimal(numberText(at: cursor)) {
            (low, high) = (value, value)
            cursor += 1
            if text.isSymbol(",", at: cursor), text.isJoined(cursor), text.isNumber(at: cursor + 1), text.isJoined(cursor + 1),
               let decimal = AnswerParser.decimal(text[cursor - 1].text + "," + text[cursor + 1].text) {
                (low, high) = (decimal, decimal)
                cursor += 2
            }
        } else if let number = NumberLexicon.parse(text, at: cursor) {
            (low, high) = (number.value, number.value)
            cursor = number.end
        } else if let vague = Self.vagueAmounts.match(in: text, at: cursor) {
            (low, high) = (vague.value.lowerBound, vague.value.upperBound)
            cursor = vague.span.upperBound
        } else {
            return nil
        }
        // "two and a half", "1 and a half", "a year and a half".
        if text.word(at: cursor) == "and", text.word(at: cursor + 1) == "a", text.word(at: cursor + 2) == "half" {
            low += 0.5; high += 0.5
            cursor += 3
        }
        if text.word(at: cursor) == "of" { cursor += 1 }
        var unit: Unit?
        if let (found, end) = unitWord(at: cursor) {
            unit = found
            cursor = end
            if text.word(at: cursor) == "and", text.word(at: cursor + 1) == "a", text.word(at: cursor + 2) == "half" {
                low += 0.5; high += 0.5
                cursor += 3
            }
        }
        return (low...high, cursor, unit)
    }

    private func numberText(at index: Int) -> String { text[index].text }

    /// A unit word, with a rate after it ("an hour a day", "3 hrs per week", "2h/day").
    private func unitWord(at index: Int) -> (Unit, Int)? {
        guard let word = text.word(at: index) else { return nil }
        let base: Unit
        switch word {
        case "year", "years", "yr", "yrs", "y": base = .years
        case "month", "months", "mo", "mos", "mths": base = .months
        case "week", "weeks", "wk", "wks": base = .weeks
        case "day", "days", "d": base = .days
        case "hour", "hours", "hr", "hrs", "h": base = .hours
        case "minute", "minutes", "min", "mins", "m": base = .minutes
        default: return nil
        }
        return (base, index + 1)
    }

    /// Converts what was said to the question's unit: "18 months" at a years question is 1.5,
    /// "an hour a day" at an hours-a-week question is 7, "90 minutes" is 1.5 hours.
    private mutating func convert(_ range: ClosedRange<Double>, said: NaturalNumber.Unit?) -> ClosedRange<Double>? {
        guard let said, let unit, said != unit || perPeriodFollows() else { return range }
        interpreted = true
        if unit == .hoursAWeek {
            let hours: Double
            switch said {
            case .hours, .hoursAWeek: hours = 1
            case .minutes: hours = 1.0 / 60
            default: return nil
            }
            let perWeek = perPeriod() ?? 1
            return (range.lowerBound * hours * perWeek)...(range.upperBound * hours * perWeek)
        }
        guard let from = said.days, let to = unit.days else { return nil }
        return (range.lowerBound * from / to)...(range.upperBound * from / to)
    }

    private func perPeriodFollows() -> Bool {
        let word = text.word(at: index)
        return word == "a" || word == "an" || word == "per" || word == "each" || word == "every" || text.isSymbol("/", at: index)
    }

    /// "a day", "per week", "each month", "/day": how many of that period fit in a week.
    private mutating func perPeriod() -> Double? {
        guard perPeriodFollows() else { return nil }
        var cursor = index + 1
        if text.word(at: cursor) == "working" || text.word(at: cursor) == "work" { cursor += 1 }
        guard let word = text.word(at: cursor) else { return nil }
        let factor: Double
        switch word {
        case "day", "d", "night", "evening", "morning": factor = 7
        case "weekday", "workday": factor = 5
        case "week", "wk", "w": factor = 1
        case "fortnight": factor = 0.5
        case "month", "mo": factor = 7 / 30.4375
        case "weekend": factor = 1
        default: return nil
        }
        index = cursor + 1
        return factor
    }
}
