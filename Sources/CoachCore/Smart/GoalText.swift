/// A goal split into tokens once, so every criterion reads the same words and can quote them
/// back exactly. Tokenising is a single hand-written pass: no regular expressions, linear in length.
struct GoalText: Sendable {
    let source: String
    let tokens: [GoalToken]

    init(_ source: String) {
        self.source = source
        var tokens: [GoalToken] = []
        var index = source.startIndex
        var previousEnd: String.Index?
        while index < source.endIndex {
            let character = source[index]
            if Self.isSeparator(character) {
                index = source.index(after: index)
                continue
            }
            let start = index
            let kind: GoalToken.Kind
            if Self.isDigit(character) {
                kind = .number
                index = Self.endOfNumber(in: source, from: index)
            } else if Self.isLetter(character) {
                kind = .word
                index = Self.endOfWord(in: source, from: index)
            } else {
                kind = .symbol
                index = source.index(after: index)
            }
            Self.append(kind, start..<index, joined: previousEnd == start, of: source, to: &tokens)
            previousEnd = index
        }
        self.tokens = tokens
    }

    var count: Int { tokens.count }

    subscript(_ index: Int) -> GoalToken { tokens[index] }

    func contains(_ index: Int) -> Bool { index >= 0 && index < tokens.count }

    /// The token's text if it is a word.
    func word(at index: Int) -> String? {
        contains(index) && tokens[index].isWord ? tokens[index].text : nil
    }

    func has(_ form: String, at index: Int) -> Bool {
        contains(index) && tokens[index].has(form)
    }

    func isSymbol(_ symbol: String, at index: Int) -> Bool {
        contains(index) && tokens[index].kind == .symbol && tokens[index].text == symbol
    }

    func isNumber(at index: Int) -> Bool {
        contains(index) && tokens[index].isNumber
    }

    func isJoined(_ index: Int) -> Bool {
        contains(index) && tokens[index].joined
    }

    /// A year written as four digits, 1900 to 2199: dates and "since 2019" read years the same way.
    func fourDigitYear(at index: Int) -> Int? {
        guard isNumber(at: index), tokens[index].text.count == 4, let year = Int(tokens[index].text),
              (1900...2199).contains(year) else { return nil }
        return year
    }

    /// Whether `index` is inside a short aside in brackets ("my systolic (top) number"): up to three
    /// words between "(" and ")", the brackets included, which a phrase reads through.
    func isInAside(at index: Int) -> Bool {
        let open = (max(0, index - 4)...index).last { isSymbol("(", at: $0) }
        guard let open, let close = ((open + 1)..<min(count, open + 5)).first(where: { isSymbol(")", at: $0) }),
              close > open + 1, index <= close, ((open + 1)..<close).allSatisfy({ tokens[$0].kind == .word }) else { return false }
        return true
    }

    /// True for a hyphen inside a compound ("year-end", "one-on-one"), which reads like a space.
    func isInnerHyphen(at index: Int) -> Bool {
        isSymbol("-", at: index) && tokens[index].joined && isJoined(index + 1)
    }

    /// True for a hyphen or ampersand inside a compound ("year-end", "FP&A"), which reads like a space.
    func isInnerJoiner(at index: Int) -> Bool {
        isInnerHyphen(at: index) || (isSymbol("&", at: index) && tokens[index].joined && isJoined(index + 1))
    }

    /// Matches `words` against token forms from `start`, reading inner hyphens and ampersands as
    /// spaces; returns the index after the match.
    func match(_ words: some Sequence<String>, from start: Int) -> Int? {
        var index = start
        for word in words {
            if word != "-", isInnerJoiner(at: index) { index += 1 }
            guard contains(index), tokens[index].forms.contains(word) else { return nil }
            index += 1
        }
        return index
    }

    /// The exact source text covered by a token span.
    func quote(_ span: Range<Int>) -> String {
        guard !span.isEmpty, contains(span.lowerBound), contains(span.upperBound - 1) else { return "" }
        return String(source[tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound])
    }

    // MARK: - Character classes

    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2032}", "\u{FF07}"]
    private static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2212}"]

    /// Whitespace, control and invisible format characters (bidi marks, zero-width spaces) only separate tokens.
    private static func isSeparator(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format: true
            default: false
            }
        }
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    private static func isLetter(_ character: Character) -> Bool {
        character.isLetter || (!character.isASCII && character.isNumber)
    }

    /// Digits with inner decimal points ("2.5") and thousands separators ("5,000").
    private static func endOfNumber(in source: String, from start: String.Index) -> String.Index {
        var index = start
        while index < source.endIndex {
            let character = source[index]
            if isDigit(character) {
                index = source.index(after: index)
            } else if character == ".", digits(in: source, after: index) >= 1 {
                index = source.index(after: index)
            } else if character == ",", digits(in: source, after: index) == 3 {
                index = source.index(after: index)
            } else {
                break
            }
        }
        return index
    }

    /// How many ASCII digits follow `index` (capped at 4, enough to tell "5,000" from "5,0001").
    private static func digits(in source: String, after index: String.Index) -> Int {
        var count = 0
        var cursor = source.index(after: index)
        while cursor < source.endIndex, count < 4, isDigit(source[cursor]) {
            count += 1
            cursor = source.index(after: cursor)
        }
        return count
    }

    /// Letters, with apostrophes kept only between letters ("don't", "team’s").
    private static func endOfWord(in source: String, from start: String.Index) -> String.Index {
        var index = start
        while index < source.endIndex {
            let character = source[index]
            if isLetter(character) {
                index = source.index(after: index)
            } else if apostrophes.contains(character) {
                let next = source.index(after: index)
                // "clients’ scores": an apostrophe after a plural's "s" is its possessive.
                if next == source.endIndex || !isLetter(source[next]), index > start, "sS".contains(source[source.index(before: index)]) {
                    return next
                }
                guard next < source.endIndex, isLetter(source[next]) else { break }
                index = next
            } else {
                break
            }
        }
        return index
    }

    private static func normalise(_ raw: Substring) -> String {
        String(raw.lowercased().map { character -> Character in
            if apostrophes.contains(character) { return "'" }
            if hyphens.contains(character) { return "-" }
            return character
        })
    }

    /// Appends a token; a possessive "'s" (or a plural's "'") becomes its own token "'s" so "team’s"
    /// still reads as "team" and "clients’" as "clients".
    private static func append(
        _ kind: GoalToken.Kind,
        _ range: Range<String.Index>,
        joined: Bool,
        of source: String,
        to tokens: inout [GoalToken]
    ) {
        let text = normalise(source[range])
        // How many characters the possessive takes: "'s" after a name, "'" after a plural.
        let possessive = kind == .word && text.count > 2 ? (text.hasSuffix("'s") ? 2 : text.hasSuffix("s'") ? 1 : 0) : 0
        if possessive > 0 {
            let split = source.index(range.upperBound, offsetBy: -possessive)
            let base = normalise(source[range.lowerBound..<split])
            tokens.append(GoalToken(kind: .word, text: base, forms: WordForms.candidates(of: base),
                                    range: range.lowerBound..<split, joined: joined))
            tokens.append(GoalToken(kind: .word, text: "'s", forms: ["'s"], range: split..<range.upperBound, joined: true))
            return
        }
        let forms = kind == .word ? WordForms.candidates(of: text) : [text]
        tokens.append(GoalToken(kind: kind, text: text, forms: forms, range: range, joined: joined))
    }
}
