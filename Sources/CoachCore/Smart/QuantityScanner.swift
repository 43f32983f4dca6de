/// Finds the measures in a goal: counts, percentages, money, multiples, scores, ranges, effort and
/// clock-time limits, written in digits or words. Tokens already claimed as time are skipped,
/// which is what keeps "within 6 months" from counting as a measure.
struct QuantityScanner {
    let text: GoalText
    let timeMask: [Bool]

    func scan() -> [Quantity] {
        var found: [Quantity] = []
        var index = 0
        while index < text.count {
            if timeMask[index] {
                index += 1
            } else if let end = identifierEnd(at: index) {
                index = end
            } else if let quantity = quantity(at: index) {
                found.append(quantity)
                index = quantity.span.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Money

    private static let currencySymbols: Set<String> = ["$", "€", "£", "¥", "₹"]
    private static let currencyCodes: Set<String> = ["usd", "eur", "gbp", "chf", "cad", "aud", "inr", "jpy"]
    private static let currencyWords: Set<String> = ["dollar", "dollars", "euro", "euros", "bucks", "usd", "eur", "gbp"]

    /// Whether the token marks money: a currency symbol, code or word, or the "k" of "80k".
    static func isMoneyMarker(_ text: GoalText, at index: Int) -> Bool {
        let token = text[index]
        switch token.kind {
        case .symbol: return currencySymbols.contains(token.text)
        case .word: return currencyWords.contains(token.text) || currencyCodes.contains(token.text)
            || (token.text == "k" && token.joined && text.isNumber(at: index - 1))
        case .number: return false
        }
    }

    // MARK: - Identifiers

    /// Numbers that name rather than measure: "Level 1", "one of", "one-on-ones", "EC2", "MATH 005".
    private static let identifierPhrases = PhraseTable([
        "one of", "no one", "one on one", "one to one", "1 on 1", "one another", "the one", "number one",
        "day one",
    ])

    private static let identifierLeads: Set<String> = [
        "level", "part", "phase", "version", "step", "grade", "tier", "chapter", "module", "round", "gen",
        "generation", "v", "series", "section", "web", "python", "windows", "iso",
    ]

    private func identifierEnd(at index: Int) -> Int? {
        if let phrase = Self.identifierPhrases.match(in: text, at: index) { return phrase.span.upperBound }
        if let word = text.word(at: index), Self.identifierLeads.contains(word), text.isNumber(at: index + 1) {
            return index + 2
        }
        if text.isNumber(at: index), text.isJoined(index), text.word(at: index - 1) != nil { return index + 1 }
        // "MATH 005", "room 07": a number written with a leading zero is a code.
        let written = text[index].text
        if text.isNumber(at: index), written.count > 1, written.hasPrefix("0"), written.allSatisfy(\.isNumber) { return index + 1 }
        return nil
    }

    // MARK: - Numbers

    private static let percentWords = PhraseTable(["%", "percent", "per cent", "pct", "percentage points", "percentage point"])
    /// Units of time spent, written after a number ("30 minutes", "2 hours").
    private static let effortUnitWords = ["minute", "min", "hour", "hr", "h", "day", "week", "month", "year", "night", "evening", "morning", "weekend", "session"]
    private static let effortUnits = PhraseTable(effortUnitWords)
    /// Short forms of minutes and hours, also joined to the number ("2h", "45mins").
    private static let shortTimeUnits = ["h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute"]

    /// The unit of time a word names, however it is written ("hrs" and "hours" are "hour"); nil for any other word.
    static func timeUnit(_ token: GoalToken) -> String? {
        token.forms.map { shortTimeUnits[$0] ?? $0 }.first(where: effortUnitWords.contains)
    }
    private static let clockSuffixes = PhraseTable(["am", "pm", "a . m .", "p . m .", "a . m", "p . m", "o'clock"])
    /// Units a single one of which is already an amount ("a mile", "a serving").
    private static let measureUnits: Set<String> = [
        "mile", "kilometre", "kilometer", "km", "metre", "meter", "gallon", "litre", "liter", "pint", "quart", "pound", "lb",
        "kilogram", "kilo", "kg", "ounce", "oz", "cup", "glass", "serving", "lap", "page", "chapter",
    ]
    /// Words before an amount that make it money more than a race ("an extra 5k").
    private static let moneyLeads: Set<String> = ["extra", "additional", "another", "further", "more", "bonus"]
    /// Parts of a unit written as words ("a quarter mile", "a half mile").
    private static let fractions: [String: Double] = ["quarter": 0.25, "half": 0.5, "third": 1.0 / 3]
    private static let scoreUnits: Set<String> = ["star", "stars", "point", "points", "rating"]

    private func quantity(at index: Int) -> Quantity? {
        if Self.isMoneyMarker(text, at: index), text[index].text != "k",
           let (value, end) = NumberLexicon.parse(text, at: index + 1) {
            let million = text.word(at: end) == "m" && text.isJoined(end)
            return make(.money, million ? value * 1_000_000 : value, index..<(million ? end + 1 : end))
        }
        if let article = text.word(at: index), article == "a" || article == "an",
           let unit = text.word(at: index + 1), unit == "hour" || unit == "minute" {
            return make(.effort, 1, index..<(index + 2))
        }
        // "walk a mile", "drink a gallon of water", "read a chapter", "add an extra quarter mile": one
        // (or part) of a unit of measure is a count, unless a word follows that makes the unit part of
        // a name ("a glass ceiling"); "half a mile" is half of one.
        let halfOne = text.word(at: index) == "half" && ["a", "an"].contains(text.word(at: index + 1) ?? "")
        if let article = text.word(at: index), article == "a" || article == "an" || halfOne {
            var cursor = index + 1
            var value = 1.0
            if halfOne {
                value = 0.5
                cursor += 1
            } else {
                if ["extra", "additional", "further"].contains(text.word(at: cursor) ?? "") { cursor += 1 }
                if let part = text.word(at: cursor).flatMap({ Self.fractions[$0] }) { value = part; cursor += 1 }
            }
            if let unit = text.word(at: cursor), Self.measureUnits.contains(unit),
               text.word(at: cursor + 1).map(FunctionWords.contains) ?? true {
                return make(.count, value, index..<(cursor + 1))
            }
        }
        if let multiple = NumberLexicon.multiple(of: text[index]), !text.isInnerHyphen(at: index + 1) {
            // "half the staff meetings", "half of my clients": a share of something, not a multiple of today.
            if text.word(at: index) == "half", let next = text.word(at: index + 1),
               next == "of" || ["the", "my", "our", "all", "their", "your"].contains(next) {
                return make(.percentage, 50, index..<(index + 1))
            }
            return make(.multiple, multiple, index..<(index + 1))
        }
        if let word = text.word(at: index), case .frequency(let count)? = NumberLexicon.table[word] {
            let next = index + 1
            guard (text.contains(next) && timeMask[next]) || ["a", "per", "every", "each"].contains(text.word(at: next) ?? "")
            else { return nil }
            return make(.frequency, count, index..<next)
        }
        guard let (value, numberEnd) = NumberLexicon.parse(text, at: index) else { return nil }
        var end = numberEnd
        var kind: Quantity.Kind = (index..<numberEnd).contains { Self.isMoneyMarker(text, at: $0) } ? .money : .count
        // "train for a 10k", "run the annual 5k": a race named by its distance; "a 5k bonus" and "an
        // extra 5k" stay money.
        let races: Set<String> = ["a", "the", "my", "this", "that", "next", "first"]
        let raceLead = text.word(at: index - 1).map { races.contains($0) || (!FunctionWords.contains($0) && !Self.moneyLeads.contains($0)
            && text.word(at: index - 2).map(races.contains) == true) } ?? false
        if kind == .money, text.word(at: numberEnd - 1) == "k", !(index..<numberEnd).contains(where: { text[$0].kind == .symbol }),
           raceLead, text.word(at: numberEnd).map(FunctionWords.contains) ?? true {
            kind = .count
        }
        if text.isJoined(end), let suffix = text.word(at: end), text.isNumber(at: end - 1) {
            switch suffix {
            case "x": return make(.multiple, value, index..<(end + 1))
            case "am", "pm": return make(.clockTime, value, index..<(end + 1))
            case _ where Self.shortTimeUnits[suffix] != nil: return make(.effort, value, index..<(end + 1))
            default: return nil
            }
        }
        if let percent = Self.percentWords.match(in: text, at: end) {
            return make(.percentage, value, index..<percent.span.upperBound)
        }
        if let word = text.word(at: end), Self.currencyWords.contains(word) {
            return make(.money, value, index..<(end + 1))
        }
        if kind == .money { return make(kind, value, index..<end) }
        if text.isSymbol("-", at: end), text.isJoined(end), text.isJoined(end + 1),
           let upper = NumberLexicon.parse(text, at: end + 1), upper.value > value {
            return make(.range, value, index..<upper.end)
        }
        if text.isSymbol("/", at: end), text.isNumber(at: end + 1) {
            return make(.score, value, index..<(end + 2))
        }
        if text.word(at: end) == "out", text.word(at: end + 1) == "of", text.isNumber(at: end + 2) {
            return make(.score, value, index..<(end + 3))
        }
        if text.isSymbol(":", at: end), text.isJoined(end), text.isJoined(end + 1), text.isNumber(at: end + 1) {
            guard text[end + 1].text.count == 2 else { return nil }
            let seconds = Double(text[end + 1].text) ?? 0
            end += 2
            if let suffix = Self.clockSuffixes.match(in: text, at: end) { end = suffix.span.upperBound }
            // "from 9:30 to 7:00 minutes": minutes and seconds of a duration, not a time of day.
            if isDuration(from: end) { return make(.effort, value + seconds / 60, index..<end) }
            return make(.clockTime, value, index..<end)
        }
        if let suffix = Self.clockSuffixes.match(in: text, at: end), !(end < text.count && timeMask[end]) {
            return make(.clockTime, value, index..<suffix.span.upperBound)
        }
        if let unit = Self.effortUnits.match(in: text, at: end) {
            return make(.effort, value, index..<unit.span.upperBound)
        }
        // "a 20-minute walk", "a 2-hour workshop".
        if text.isInnerHyphen(at: end), let unit = text.word(at: end + 1), ["minute", "hour", "min", "hr"].contains(unit) {
            return make(.effort, value, index..<(end + 2))
        }
        if let word = text.word(at: end), Self.scoreUnits.contains(word) {
            kind = .score
        } else if text.word(at: end) == "times" {
            return make(.frequency, value, index..<(end + 1))
        }
        return make(kind, value, index..<end)
    }

    /// A unit of time right after an "m:ss" figure, or after the other end of its range ("to 7:00 minutes").
    private func isDuration(from end: Int) -> Bool {
        if Self.effortUnits.match(in: text, at: end) != nil { return true }
        guard text.word(at: end) == "to" || text.isSymbol("-", at: end), text.isNumber(at: end + 1),
              text.isSymbol(":", at: end + 2), text.isNumber(at: end + 3) else { return false }
        return Self.effortUnits.match(in: text, at: end + 4) != nil
    }

    /// Extends the number over up to three following content words, the thing being counted.
    private func make(_ kind: Quantity.Kind, _ value: Double, _ span: Range<Int>) -> Quantity {
        var end = span.upperBound
        var next = end
        var words = 0
        while words < 3, let word = text.word(at: next), !timeMask[next], !FunctionWords.contains(word),
              NumberLexicon.table[word] == nil {
            end = next + 1
            next = text.isInnerHyphen(at: end) ? end + 1 : end
            words += 1
        }
        return Quantity(kind: kind, value: value, span: span, phrase: span.lowerBound..<end)
    }
}
