/// The grammar of an amount in a client's own words, for every kind of figure a question asks:
/// an amount is a number (digits, words, a fraction, a vague "a few") with what bounds or hedges
/// it ("at least", "under", "about"), a range ("3-4", "15 minutes to an hour"), what it counts in
/// (a duration unit, "%", a currency), compound durations ("2 years and 3 months") and how often
/// ("a day", "per week", "daily"). The words around it are free ("5 years of experience"), but an
/// answer with two amounts that do not combine, a negation or a noun no reading serves is refused.
struct AmountReader {
    typealias Unit = NaturalNumber.Unit
    let text: GoalText
    let target: NaturalNumber.Target
    let today: LocalDate

    /// What an amount counts in.
    enum Kind: Equatable {
        case plain
        case duration
        case percent
        case fraction
        case money(String?)
    }

    /// One amount as written.
    struct Chain {
        var low: Double
        var high: Double
        /// The ends in days, for a duration.
        var lowDays: Double?
        var highDays: Double?
        /// Days in the last unit written ("days" is 1, "hours" 1/24).
        var unitDays: Double?
        var kind: Kind
        /// How many of its periods fit in a week ("a day" is 7), when a rate was written.
        var perWeek: Double?
        var hedged = false
        var negative = false
        /// Nothing it counts in, and a word after it that is no unit ("six figures", "3 developers").
        var noun = false
        /// Written in a way no reading serves ("50 hour days", "every now and then", "1/2 hours").
        var malformed = false
        /// Four digits that could be a year ("since 2019").
        var mayBeYear = false
        var start: Int
    }

    // MARK: - Word tables

    private enum Bound { case atLeast, under, near }

    private static let bounds = PhraseTable<Bound>([
        ("at least", .atLeast), ("a minimum of", .atLeast), ("minimum of", .atLeast), ("minimum", .atLeast),
        ("over", .atLeast), ("more than", .atLeast), ("above", .atLeast), ("upwards of", .atLeast),
        ("in excess of", .atLeast), ("beyond", .atLeast), ("way beyond", .atLeast), ("well over", .atLeast),
        ("just over", .atLeast), ("a bit over", .atLeast), ("a little over", .atLeast), ("no less than", .atLeast),
        ("north of", .atLeast), ("less than", .under), ("under", .under), ("below", .under), ("fewer than", .under),
        ("almost", .near), ("nearly", .near), ("just under", .near), ("a bit under", .near), ("a little under", .near),
        ("up to", .near), ("at most", .near), ("no more than", .near), ("a maximum of", .near), ("maximum", .near),
        ("close to", .near), ("about", .near), ("around", .near), ("roughly", .near), ("approximately", .near),
        ("approx", .near), ("maybe", .near), ("perhaps", .near), ("probably", .near), ("like", .near),
        ("i think", .near), ("i guess", .near), ("i'd say", .near), ("give or take", .near), ("something like", .near),
        ("somewhere around", .near), ("somewhere between", .near), ("about maybe", .near), ("circa", .near),
        ("some", .near), ("roughly about", .near), ("an estimated", .near), ("estimated", .near),
    ])

    private static let zeroPhrases = PhraseTable([
        "none", "zero", "nothing", "nil", "no", "not any", "nada", "never", "just started", "just starting",
        "brand new", "new to it", "new to this", "starting out", "none really", "none yet", "not yet",
    ])

    private static let fillers: Set<String> = [
        "i", "it's", "its", "it", "is", "was", "been", "have", "i've", "ive", "for", "just", "really", "honestly",
        "so", "um", "uh", "well", "oh", "hmm", "erm", "er",
    ]

    /// Units of time, in days.
    private static let durations: [String: Double] = [
        "year": 365.25, "years": 365.25, "yr": 365.25, "yrs": 365.25, "y": 365.25, "decade": 3_652.5, "decades": 3_652.5,
        "month": 30.4375, "months": 30.4375, "mo": 30.4375, "mos": 30.4375, "mth": 30.4375, "mths": 30.4375,
        "fortnight": 14, "fortnights": 14, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "day": 1, "days": 1, "d": 1,
        "hour": 1.0 / 24, "hours": 1.0 / 24, "hr": 1.0 / 24, "hrs": 1.0 / 24, "h": 1.0 / 24,
        "minute": 1.0 / 1_440, "minutes": 1.0 / 1_440, "min": 1.0 / 1_440, "mins": 1.0 / 1_440,
    ]

    /// Periods of a rate, as how many fit in a week.
    private static let periods: [String: Double] = [
        "day": 7, "d": 7, "night": 7, "evening": 7, "morning": 7, "weekday": 5, "workday": 5, "week": 1, "wk": 1,
        "w": 1, "weekend": 1, "fortnight": 0.5, "month": 7 / 30.4375, "mo": 7 / 30.4375, "year": 7 / 365.25,
        "yr": 7 / 365.25, "annum": 7 / 365.25, "hour": 7 * 24, "hr": 7 * 24,
    ]

    private static let rateAdverbs: [String: Double] = [
        "daily": 7, "nightly": 7, "weekly": 1, "fortnightly": 0.5, "monthly": 7 / 30.4375, "yearly": 7 / 365.25,
        "annually": 7 / 365.25,
    ]

    private static let rateLeads = PhraseTable([
        "a", "an", "per", "each", "every", "every single", "of every", "of the", "in a", "each and every",
    ])

    /// The strict money reading's currencies, and the names people also write in words.
    private static let currencySymbols = Dictionary(uniqueKeysWithValues: AnswerParser.currencySymbols)
    private static let currencyWords = Dictionary(uniqueKeysWithValues: AnswerParser.currencyWords).merging([
        "euro": "EUR", "dollar": "USD", "bucks": "USD", "pound": "GBP", "quid": "GBP", "rupee": "INR", "rupees": "INR",
        "rs": "INR", "yen": "JPY",
    ]) { strict, _ in strict }
    private static let moneyScales: [String: Double] = ["grand": 1_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000]
    private static let percentWords = PhraseTable(["%", "percent", "per cent", "pct", "percentage points", "percentage point"])

    // MARK: - Reading

    func read() -> Result<NaturalNumber, NaturalNumber.Unread> {
        if onlyUnsure() { return .failure(.unknown) }
        var chains: [Chain] = []
        var floatingRate: Double?
        var index = 0
        while index < text.count {
            if let (chain, end) = chain(at: index) {
                chains.append(chain)
                index = end
            } else if let (rate, end) = rate(at: index) {
                floatingRate = rate
                index = end
            } else {
                index += 1
            }
        }
        if chains.isEmpty { return zero() ? .success(NaturalNumber(value: 0, range: nil, hedged: false, interpreted: true)) : .failure(.notANumber) }
        if chains.contains(where: \.negative) { return .failure(.negative) }
        if chains.contains(where: \.malformed) { return .failure(.notANumber) }
        switch target {
        case .number(.hoursAWeek?): return hoursAWeek(chains, floatingRate)
        case .number(let unit?): return duration(chains, in: unit)
        case .number(nil): return plain(chains)
        case .money: return money(chains)
        case .percent: return percent(chains)
        }
    }

    /// A "don't know" phrase with nothing but filler around it.
    func onlyUnsure() -> Bool {
        var index = skipNoise(from: 0)
        guard let found = NaturalNumber.unsurePhrases.match(in: text, at: index) else { return false }
        index = skipNoise(from: found.span.upperBound)
        return index >= text.count
    }

    private func skipNoise(from start: Int) -> Int {
        var index = start
        while index < text.count {
            if let word = text.word(at: index), Self.fillers.contains(word) { index += 1; continue }
            if text[index].kind == .symbol, [",", ".", "!", "?", ":", ";", "~"].contains(text[index].text) { index += 1; continue }
            if let hedge = Self.bounds.match(in: text, at: index), case .near = hedge.value,
               NaturalNumber.unsurePhrases.match(in: text, at: index) == nil {
                index = hedge.span.upperBound
                continue
            }
            return index
        }
        return index
    }

    /// "none", "nothing yet", "zero so far": a zero and nothing else ("no certification yet" says more).
    static func saysOnlyZero(_ raw: String) -> Bool {
        let text = GoalText(raw)
        guard let found = zeroPhrases.match(in: text, at: 0) else { return false }
        let rest: Set<String> = ["yet", "really", "so", "far", "at", "all", "whatsoever", "to", "date"]
        return (found.span.upperBound..<text.count).allSatisfy { text[$0].kind == .symbol || text.word(at: $0).map(rest.contains) == true }
    }

    /// "none", "no experience", "just started": a zero only when no amount was written at all.
    private func zero() -> Bool {
        Self.zeroPhrases.match(in: text, at: 0) != nil || Self.zeroPhrases.match(in: text, at: skipNoise(from: 0)) != nil
    }

    // MARK: - One amount

    private func chain(at start: Int) -> (Chain, Int)? {
        var index = start
        var hedged = false
        var under = false
        if let bound = Self.bounds.match(in: text, at: index), startsAmount(at: bound.span.upperBound) {
            hedged = true
            under = bound.value == .under
            index = bound.span.upperBound
        } else if let symbol = text.contains(index) && text[index].kind == .symbol ? text[index].text : nil,
                  [">", "≥", "<", "≤", "~", "≈"].contains(symbol), startsAmount(at: index + 1) {
            hedged = true
            under = symbol == "<" || symbol == "≤"
            index += 1
        }
        var negative = false
        if text.word(at: index) == "minus", startsAmount(at: index + 1) {
            negative = true
            index += 1
        } else if text.isSymbol("-", at: index), text.isNumber(at: index + 1), text.isJoined(index + 1) {
            negative = true
            index += 1
        }
        if let lead = text.word(at: index - 1), lead == "not" || lead == "never" { negative = true }
        var currency: String?
        if let (code, end) = currencyBefore(at: index) {
            currency = code
            index = end
        }
        guard let first = amount(at: index) else { return nil }
        var chain = Chain(low: first.low, high: first.high, kind: first.fraction ? .fraction : .plain, hedged: hedged || first.vague,
                          negative: negative, start: start)
        chain.mayBeYear = first.mayBeYear
        index = first.end
        index = hedgeSuffix(at: index, &chain)
        var unitAfterFirst = unit(at: index)
        if let found = unitAfterFirst { index = found.end }
        // A range: "3-4", "3 to 4 years", "15 minutes to an hour", "$35 to $50", "£30-50k".
        if let join = rangeJoin(at: index, after: start) {
            var cursor = join
            if let (code, end) = currencyBefore(at: cursor) {
                currency = currency ?? code
                cursor = end
            }
            if let second = amount(at: cursor), second.low >= first.low || second.unitAhead(in: self) {
                chain.high = second.high
                if first.scale == 1, second.scale > 1, first.low * second.scale <= second.high { chain.low *= second.scale }
                chain.mayBeYear = chain.mayBeYear && second.mayBeYear
                chain.hedged = chain.hedged || second.vague
                index = hedgeSuffix(at: second.end, &chain)
                if let found = unit(at: index) {
                    index = found.end
                    chain.apply(found.unit, low: unitAfterFirst == nil, high: true)
                    if let before = unitAfterFirst { chain.apply(before.unit, low: true, high: false) }
                    unitAfterFirst = nil
                }
            }
        }
        if let found = unitAfterFirst { chain.apply(found.unit, low: true, high: true) }
        if let code = currency, case .plain = chain.kind { chain.kind = .money(code) }
        if case .duration = chain.kind { index = compound(at: index, &chain) }
        if under {
            chain.low = 0
            chain.lowDays = chain.lowDays.map { _ in 0 }
        }
        // "1/2 hours": half an hour, or one to two?
        if case .duration = chain.kind, first.fraction, first.slash, text.word(at: first.end).map({ $0.hasSuffix("s") }) == true {
            chain.malformed = true
        }
        // "50 hour days": a unit straight after a unit.
        if case .duration = chain.kind, let word = text.word(at: index), Self.durations[word] != nil { chain.malformed = true }
        if chain.kind == .plain, let word = text.word(at: index), !FunctionWords.contains(word), !Self.fillers.contains(word),
           Self.bounds.match(in: text, at: index) == nil, word != "ago" {
            chain.noun = true
        }
        if let (rate, end) = rate(at: index, skipping: 3) {
            chain.perWeek = rate
            index = end
        } else if let word = text.word(at: index), word == "every" || word == "each" {
            chain.malformed = true
        }
        return (chain, index)
    }

    /// Whether an amount starts at `index` (for bound words, which are free words otherwise).
    private func startsAmount(at index: Int) -> Bool {
        var cursor = index
        if text.word(at: cursor) == "minus" { cursor += 1 }
        if let (_, end) = currencyBefore(at: cursor) { cursor = end }
        return amount(at: cursor) != nil
    }

    private struct Amount {
        var low: Double
        var high: Double
        var end: Int
        var fraction = false
        var slash = false
        var vague = false
        var mayBeYear = false
        /// The scale written after the digits ("k" in "50k"), 1 when none.
        var scale = 1.0

        /// "a" in "15 minutes to an hour" is an amount only because a unit follows.
        func unitAhead(in reader: AmountReader) -> Bool { reader.unit(at: end) != nil }
    }

    private static let vagueAmounts = PhraseTable<ClosedRange<Double>>([
        ("a couple", 2...2), ("a couple of", 2...2), ("couple", 2...2), ("couple of", 2...2), ("a few", 2...4),
        ("few", 2...4), ("a handful", 3...5), ("a handful of", 3...5), ("several", 3...5),
    ])

    private static let fractions = PhraseTable<Double>([
        ("half", 0.5), ("a half", 0.5), ("half a", 0.5), ("half an", 0.5), ("one half", 0.5), ("a third", 1.0 / 3),
        ("one third", 1.0 / 3), ("one - third", 1.0 / 3), ("two thirds", 2.0 / 3), ("two - thirds", 2.0 / 3),
        ("a quarter", 0.25), ("one quarter", 0.25), ("one - quarter", 0.25), ("three quarters", 0.75),
        ("three - quarters", 0.75), ("a fifth", 0.2), ("one fifth", 0.2), ("a tenth", 0.1), ("one tenth", 0.1),
    ])

    private func amount(at index: Int) -> Amount? {
        guard text.contains(index) else { return nil }
        if let fraction = Self.fractions.match(in: text, at: index), exactly(fraction.span) {
            return Amount(low: fraction.value, high: fraction.value, end: fraction.span.upperBound, fraction: true)
        }
        if let vague = Self.vagueAmounts.match(in: text, at: index), exactly(vague.span) {
            var amount = Amount(low: vague.value.lowerBound, high: vague.value.upperBound, end: vague.span.upperBound, vague: true)
            if text.word(at: amount.end) == "of" { amount.end += 1 }
            return amount
        }
        if let article = text.word(at: index), article == "a" || article == "an" {
            if let found = NumberLexicon.parse(text, at: index), found.end > index + 1 {
                return Amount(low: found.value, high: found.value, end: found.end)
            }
            return unit(at: index + 1) != nil ? Amount(low: 1, high: 1, end: index + 1) : nil
        }
        if text.isNumber(at: index) { return digits(at: index) }
        guard let word = text.word(at: index), NumberLexicon.cardinal(word) != nil || word == "dozen",
              let found = NumberLexicon.parse(text, at: index) else { return nil }
        var amount = Amount(low: found.value, high: found.value, end: found.end)
        // "one in 10", "three out of eight".
        if let ratio = ratio(after: found.end, of: found.value) { return ratio }
        moneyScale(&amount)
        andAHalf(&amount)
        return amount
    }

    /// Phrase tables match inflected forms; "couples" or "halfs" are not the amounts they list.
    private func exactly(_ span: Range<Int>) -> Bool {
        span.allSatisfy { index in text.word(at: index).map { !$0.hasSuffix("s") || ["thirds", "quarters"].contains($0) } ?? true }
    }

    /// "thirty grand", "30 lakh".
    private func moneyScale(_ amount: inout Amount) {
        guard let word = text.word(at: amount.end), let scale = Self.moneyScales[word] else { return }
        amount.low *= scale
        amount.high = amount.low
        amount.scale = scale
        amount.end += 1
    }

    private func digits(at index: Int) -> Amount? {
        let raw = text[index].text
        var end = index + 1
        var value: Double
        let groups = raw.split(separator: "." as Character)
        if case .money = target, !raw.contains(","), groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            value = Double(raw.filter { $0 != "." }) ?? 0
        } else if text.isSymbol(",", at: end), text.isJoined(end), text.isNumber(at: end + 1), text.isJoined(end + 1),
                  let decimal = AnswerParser.decimal(raw + "," + text[end + 1].text) {
            value = decimal
            end += 2
        } else if let found = NumberLexicon.parse(text, at: index) {
            value = found.value
            end = found.end
        } else {
            return nil
        }
        var amount = Amount(low: value, high: value, end: end)
        if let written = Double(raw.filter { $0 != "," }), written > 0, value / written > 1.5 { amount.scale = value / written }
        // "1/2", "3/4": a fraction.
        if text.isSymbol("/", at: end), text.isJoined(end), text.isNumber(at: end + 1), text.isJoined(end + 1),
           let denominator = Double(text[end + 1].text), denominator > 0, raw.count <= 2, text[end + 1].text.count <= 2 {
            let fraction = value / denominator
            return Amount(low: fraction, high: fraction, end: end + 2, fraction: true, slash: true)
        }
        // "50:50": a share.
        if text.isSymbol(":", at: end), text.isJoined(end), text.isNumber(at: end + 1), text.isJoined(end + 1),
           let other = Double(text[end + 1].text), value + other > 0, target == .percent {
            let share = value / (value + other)
            return Amount(low: share, high: share, end: end + 2, fraction: true)
        }
        if let ratio = ratio(after: end, of: value) { return ratio }
        if text.isJoined(end), let word = text.word(at: end), word == "m" || word == "mn", target == .money {
            amount.low *= 1_000_000; amount.high = amount.low; amount.scale = 1_000_000; amount.end = end + 1
        }
        moneyScale(&amount)
        if raw.count == 4, let year = Int(raw), (1900...today.year).contains(year), amount.end == index + 1 { amount.mayBeYear = true }
        andAHalf(&amount)
        return amount
    }

    /// "two and a half", "1 and a half".
    private func andAHalf(_ amount: inout Amount) {
        if text.word(at: amount.end) == "and", text.word(at: amount.end + 1) == "a", text.word(at: amount.end + 2) == "half" {
            amount.low += 0.5
            amount.high += 0.5
            amount.end += 3
        }
    }

    /// "one in 10", "3 out of 8": a fraction at a share question; elsewhere "3.5 out of 5" is the
    /// score 3.5 on its scale.
    private func ratio(after end: Int, of value: Double) -> Amount? {
        if target != .percent {
            guard text.word(at: end) == "out", text.word(at: end + 1) == "of", let whole = NumberLexicon.parse(text, at: end + 2),
                  whole.value >= value else { return nil }
            return Amount(low: value, high: value, end: whole.end)
        }
        var cursor = end
        if let found = unit(at: cursor), case .duration = found.unit { cursor = found.end }
        if let rate = rate(at: cursor, skipping: 0) { cursor = rate.end }
        let lead: Int
        if text.word(at: cursor) == "in" { lead = cursor + 1 } else if text.word(at: cursor) == "out", text.word(at: cursor + 1) == "of" { lead = cursor + 2 } else { return nil }
        guard let whole = NumberLexicon.parse(text, at: lead), whole.value > 0, whole.value >= value else { return nil }
        return Amount(low: value / whole.value, high: value / whole.value, end: whole.end, fraction: true)
    }

    private func hedgeSuffix(at start: Int, _ chain: inout Chain) -> Int {
        var index = start
        while true {
            if text.isSymbol("+", at: index) || text.word(at: index) == "plus" || text.word(at: index) == "ish" || text.word(at: index) == "odd" {
                chain.hedged = true; index += 1
            } else if text.isSymbol("-", at: index), let word = text.word(at: index + 1), word == "ish" || word == "odd" {
                chain.hedged = true; index += 2
            } else if text.word(at: index) == "or", let next = text.word(at: index + 1), next == "so" || next == "more" {
                chain.hedged = true; index += 2
            } else {
                return index
            }
        }
    }

    // MARK: - Units, ranges, rates

    enum UnitWord { case duration(Double), percent, currency(String) }

    /// What an amount counts in, written after it ("years", "%", "EUR", "€"); one describing word may
    /// come between ("one focused hour").
    func unit(at index: Int) -> (unit: UnitWord, end: Int)? {
        if let word = text.word(at: index), let days = Self.durations[word] {
            if word == "d" || word == "y" || word == "h", !text.isJoined(index) { return nil }
            return (.duration(days), index + 1)
        }
        if let percent = Self.percentWords.match(in: text, at: index) { return (.percent, percent.span.upperBound) }
        if let word = text.word(at: index), let code = Self.currencyWords[word] { return (.currency(code), index + 1) }
        if text.contains(index), text[index].kind == .symbol, let code = Self.currencySymbols[text[index].text] { return (.currency(code), index + 1) }
        if let word = text.word(at: index), !FunctionWords.contains(word), Self.bounds.match(in: text, at: index) == nil,
           let next = text.word(at: index + 1), let days = Self.durations[next], next.count > 1 {
            return (.duration(days), index + 2)
        }
        return nil
    }

    private func rangeJoin(at index: Int, after start: Int) -> Int? {
        if text.contains(index), text[index].kind == .symbol, ["-", "–", "—", "~"].contains(text[index].text) { return index + 1 }
        guard let word = text.word(at: index) else { return nil }
        if ["to", "or", "till", "until"].contains(word) { return index + 1 }
        let between = (max(0, start - 2)...start).contains { text.word(at: $0) == "between" }
        return word == "and" && between ? index + 1 : nil
    }

    /// "a day", "per week", "/month", "every single day", "daily", after up to `skipping` free words
    /// ("13 hours of work every single day").
    private func rate(at start: Int, skipping: Int = 0) -> (Double, end: Int)? {
        for index in start...(start + skipping) {
            guard text.contains(index) else { return nil }
            if let word = text.word(at: index), let factor = Self.rateAdverbs[word] { return (factor, index + 1) }
            var cursor: Int?
            if text.isSymbol("/", at: index) { cursor = index + 1 }
            if let lead = Self.rateLeads.match(in: text, at: index) { cursor = lead.span.upperBound }
            if var cursor {
                if let word = text.word(at: cursor), ["working", "work", "single", "calendar"].contains(word) { cursor += 1 }
                if let word = text.word(at: cursor), let factor = Self.periods[word] ?? Self.periods[String(word.dropLast())] {
                    return (factor, cursor + 1)
                }
            }
            if text.isNumber(at: index) || (text[index].kind == .symbol && [",", ";", "."].contains(text[index].text)) { return nil }
        }
        return nil
    }

    /// "$100", "£ 8.10", "EUR 12,000", "Rs. 20": a currency before the amount.
    private func currencyBefore(at index: Int) -> (String, Int)? {
        guard text.contains(index) else { return nil }
        if text[index].kind == .symbol, let code = Self.currencySymbols[text[index].text] { return (code, index + 1) }
        if let word = text.word(at: index), let code = Self.currencyWords[word], word.count <= 3 {
            let end = text.isSymbol(".", at: index + 1) ? index + 2 : index + 1
            return text.isNumber(at: end) ? (code, end) : nil
        }
        return nil
    }

    /// "2 years and 3 months", "1 year 1 month 21 days", "an hour and a half": smaller units add up.
    private func compound(at start: Int, _ chain: inout Chain) -> Int {
        var index = start
        while let unitDays = chain.unitDays {
            var cursor = index
            if text.word(at: cursor) == "and" || text.isSymbol(",", at: cursor) { cursor += 1 }
            if text.word(at: cursor) == "a", text.word(at: cursor + 1) == "half" {
                chain.lowDays = chain.lowDays.map { $0 + unitDays / 2 }
                chain.highDays = chain.highDays.map { $0 + unitDays / 2 }
                index = cursor + 2
                continue
            }
            guard let part = amount(at: cursor), let found = unit(at: part.end), case .duration(let days) = found.unit, days < unitDays else { break }
            chain.lowDays = chain.lowDays.map { $0 + part.low * days }
            chain.highDays = chain.highDays.map { $0 + part.high * days }
            chain.unitDays = days
            index = found.end
        }
        return index
    }

    // MARK: - What the question asks for

    private func reading(_ low: Double, _ high: Double, hedged: Bool, currency: String? = nil) -> Result<NaturalNumber, NaturalNumber.Unread> {
        func rounded(_ n: Double) -> Double { (n * 100).rounded() / 100 }
        let middle = rounded((low + high) / 2)
        let (low, high) = (rounded(min(low, high)), rounded(max(low, high)))
        var number = NaturalNumber(value: middle, range: low == high ? nil : low...high, hedged: hedged, interpreted: true)
        number.currency = currency
        return .success(number)
    }

    /// Years of experience and the like: a duration, a bare number, or a year it started ("since 2019").
    private func duration(_ chains: [Chain], in unit: Unit) -> Result<NaturalNumber, NaturalNumber.Unread> {
        guard chains.count == 1, let chain = chains.first, let unitDays = unit.days, chain.perWeek == nil else { return .failure(.notANumber) }
        if let started = startYear(chain) {
            let years = (Double(today.year) - started.high, Double(today.year) - started.low)
            return reading(years.0 * 365.25 / unitDays, years.1 * 365.25 / unitDays, hedged: chain.hedged)
        }
        switch chain.kind {
        case .duration:
            guard let low = chain.lowDays, let high = chain.highDays else { return .failure(.notANumber) }
            return reading(low / unitDays, high / unitDays, hedged: chain.hedged)
        case .plain where !chain.noun:
            return reading(chain.low, chain.high, hedged: chain.hedged)
        default:
            return .failure(.notANumber)
        }
    }

    private static let startWords: Set<String> = ["since", "started", "start", "began", "begun", "joined", "from"]

    /// "since 2019", "started working in 2001", "I started professionally in 88".
    private func startYear(_ chain: Chain) -> (low: Double, high: Double)? {
        guard chain.kind == .plain, !chain.noun else { return nil }
        let said = (0..<text.count).contains { text.word(at: $0).map(Self.startWords.contains) == true }
        if chain.mayBeYear, said || text.word(at: chain.start - 1) == "in" || text.word(at: chain.start) == "since" { return (chain.low, chain.high) }
        let lead = text.word(at: chain.start - 1) ?? text.word(at: chain.start)
        guard said, lead == "in" || lead == "since", chain.low == chain.high, chain.low.rounded() == chain.low, (0...99).contains(chain.low) else { return nil }
        let century = chain.low <= Double(today.year % 100) ? 2000.0 : 1900.0
        return (century + chain.low, century + chain.low)
    }

    /// Hours a week: hours (or minutes) at a rate ("an hour a day"), times the days a week when said.
    private func hoursAWeek(_ chains: [Chain], _ floatingRate: Double?) -> Result<NaturalNumber, NaturalNumber.Unread> {
        let daysAWeek = chains.filter { $0.kind == .duration && $0.unitDays == 1 && $0.perWeek == 1 }
        let hours = chains.filter { chain in !daysAWeek.contains { $0.start == chain.start } }
        guard hours.count == 1, let chain = hours.first, daysAWeek.count <= 1 else { return .failure(.notANumber) }
        let low: Double, high: Double
        switch chain.kind {
        case .duration:
            guard let unitDays = chain.unitDays, unitDays < 1, let lowDays = chain.lowDays, let highDays = chain.highDays else { return .failure(.notANumber) }
            (low, high) = (lowDays * 24, highDays * 24)
        case .plain where !chain.noun:
            (low, high) = (chain.low, chain.high)
        default:
            return .failure(.notANumber)
        }
        let perWeek: Double
        if let days = daysAWeek.first {
            guard chain.perWeek == nil || chain.perWeek == 7 else { return .failure(.notANumber) }
            perWeek = (days.low + days.high) / 2
        } else {
            perWeek = chain.perWeek ?? floatingRate ?? 1
        }
        return reading(low * perWeek, high * perWeek, hedged: chain.hedged)
    }

    private func plain(_ chains: [Chain]) -> Result<NaturalNumber, NaturalNumber.Unread> {
        guard chains.count == 1, let chain = chains.first else { return .failure(.notANumber) }
        return reading(chain.low, chain.high, hedged: chain.hedged)
    }

    /// An amount of money, its currency kept; a rate after it ("a year") is what the question asks.
    private func money(_ chains: [Chain]) -> Result<NaturalNumber, NaturalNumber.Unread> {
        guard chains.count == 1, let chain = chains.first, !chain.noun else { return .failure(.notANumber) }
        switch chain.kind {
        case .money(let currency): return reading(chain.low, chain.high, hedged: chain.hedged, currency: currency)
        case .plain: return reading(chain.low, chain.high, hedged: chain.hedged)
        default: return .failure(.notANumber)
        }
    }

    /// A share: a percentage, a fraction ("almost half", "one in 10"), or days of a working week.
    private func percent(_ chains: [Chain]) -> Result<NaturalNumber, NaturalNumber.Unread> {
        guard chains.count == 1, let chain = chains.first, !chain.noun else { return .failure(.notANumber) }
        switch chain.kind {
        case .percent, .plain: return reading(chain.low, chain.high, hedged: chain.hedged)
        case .fraction: return reading(chain.low * 100, chain.high * 100, hedged: chain.hedged)
        case .duration where chain.unitDays == 1 && chain.perWeek == 1:
            return reading(chain.low / 5 * 100, chain.high / 5 * 100, hedged: chain.hedged)
        default: return .failure(.notANumber)
        }
    }
}

extension AmountReader.Chain {
    /// Gives the end(s) the unit written after them.
    mutating func apply(_ unit: AmountReader.UnitWord, low applyLow: Bool, high applyHigh: Bool) {
        switch unit {
        case .duration(let days):
            if kind != .duration {
                kind = .duration
                lowDays = low * days
                highDays = high * days
            }
            if applyLow { lowDays = low * days }
            if applyHigh { highDays = high * days }
            unitDays = days
        case .percent:
            if kind == .fraction { low *= 100; high *= 100 }
            kind = .percent
        case .currency(let code):
            kind = .money(code)
        }
    }
}
