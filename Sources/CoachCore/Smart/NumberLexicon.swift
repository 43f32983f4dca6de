/// What a number word means.
enum NumberWord: Sendable, Equatable {
    case cardinal(Double)
    /// Multiplies what precedes it ("hundred", "million", the "k" in "80k").
    case scale(Double)
    /// A count of occurrences ("once", "twice").
    case frequency(Double)
    /// A multiple of the current level ("double", "half").
    case multiple(Double)
    case ordinal(Int)
}

/// The single table of number words every scanner consults, so "twelve", "a dozen" and "12" are
/// always the same number.
enum NumberLexicon {
    static let table: [String: NumberWord] = {
        var table: [String: NumberWord] = [:]
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                     "eighteen", "nineteen"]
        for (value, word) in units.enumerated() { table[word] = .cardinal(Double(value)) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (offset, word) in tens.enumerated() { table[word] = .cardinal(Double(20 + 10 * offset)) }
        let scales: [(String, Double)] = [("hundred", 100), ("thousand", 1_000), ("million", 1_000_000),
                                          ("billion", 1_000_000_000), ("dozen", 12), ("k", 1_000),
                                          ("mn", 1_000_000), ("bn", 1_000_000_000)]
        for (word, value) in scales { table[word] = .scale(value) }
        for (word, value) in [("once", 1.0), ("twice", 2), ("thrice", 3)] { table[word] = .frequency(value) }
        let multiples: [(String, Double)] = [("double", 2), ("triple", 3), ("treble", 3), ("quadruple", 4),
                                             ("twofold", 2), ("threefold", 3), ("tenfold", 10),
                                             ("half", 0.5), ("halve", 0.5)]
        for (word, value) in multiples { table[word] = .multiple(value) }
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                        "tenth", "eleventh", "twelfth"]
        for (offset, word) in ordinals.enumerated() { table[word] = .ordinal(offset + 1) }
        return table
    }()

    /// Scales that only count when written straight after the digits ("80k", not "80 k").
    private static let suffixScales: Set<String> = ["k", "mn", "bn"]

    /// Ordinal suffixes written after digits ("1st", "30th").
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    static func cardinal(_ word: String) -> Double? {
        if case .cardinal(let value)? = table[word] { return value }
        return nil
    }

    static func multiple(of token: GoalToken) -> Double? {
        guard token.isWord else { return nil }
        for form in token.forms {
            if case .multiple(let value)? = table[form] { return value }
        }
        return nil
    }

    /// An ordinal written as a word ("third") or as digits with a suffix ("3rd"); returns the index after it.
    static func ordinal(in text: GoalText, at index: Int) -> (value: Int, end: Int)? {
        if let word = text.word(at: index), case .ordinal(let value)? = table[word] { return (value, index + 1) }
        if text.isNumber(at: index), let value = Int(text[index].text), text.isJoined(index + 1),
           let suffix = text.word(at: index + 1), ordinalSuffixes.contains(suffix) {
            return (value, index + 2)
        }
        return nil
    }

    /// Whether the token is any kind of count word ("three", "dozen", "twice").
    static func isCountWord(_ word: String) -> Bool {
        switch table[word] {
        case .cardinal?, .scale?, .frequency?: true
        default: false
        }
    }

    /// Parses a number at `index`: digits with scales ("5,000", "2.5", "12k", "3 million") or words
    /// ("twenty-five", "a dozen", "one hundred and twenty"). Returns the value and the index after it.
    static func parse(_ text: GoalText, at index: Int) -> (value: Double, end: Int)? {
        guard text.contains(index) else { return nil }
        if text.isNumber(at: index) {
            guard var value = Double(String(text[index].text.filter { $0 != "," })) else { return nil }
            var end = index + 1
            while let word = text.word(at: end), case .scale(let scale)? = table[word], word != "dozen",
                  !suffixScales.contains(word) || text.isJoined(end) {
                value *= scale
                end += 1
            }
            return (value, end)
        }
        var cursor = index
        var total = 0.0
        var current = 0.0
        var matched = false
        if let article = text.word(at: cursor), article == "a" || article == "an",
           let next = text.word(at: cursor + 1), case .scale? = table[next], !suffixScales.contains(next) {
            current = 1
            cursor += 1
        }
        while text.contains(cursor) {
            if matched, text.isInnerHyphen(at: cursor) || text.word(at: cursor) == "and",
               let next = text.word(at: cursor + 1), cardinal(next) != nil {
                cursor += 1
                continue
            }
            guard let word = text.word(at: cursor), let entry = table[word] else { break }
            switch entry {
            case .cardinal(let value):
                current += value
            case .scale(let scale) where !suffixScales.contains(word):
                if scale < 1_000 {
                    current = max(current, 1) * scale
                } else {
                    total += max(current, 1) * scale
                    current = 0
                }
            default:
                return matched ? (total + current, cursor) : nil
            }
            matched = true
            cursor += 1
        }
        return matched ? (total + current, cursor) : nil
    }
}

extension NumberLexicon {
    /// "three" for 3, digits from 10 up: how counts read in a sentence.
    static func spelled(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        return (0..<10).contains(n) ? words[n] : String(n)
    }

    /// A whole answer written in words ("three", "a dozen", "twenty-five"); nil unless the
    /// number words are all there is, so "three weeks" is not read as 3.
    static func wholeNumber(_ answer: String) -> Double? {
        let text = GoalText(answer)
        guard !text.isNumber(at: 0), let (value, end) = parse(text, at: 0), end == text.count else { return nil }
        return value
    }
}
