/// School letter grades as a scale: "from a C+ to a B+" is a measurable target even without digits.
enum LetterGrades {
    /// "from (a) C+ to (an) A", inside `span`; the span of the whole phrase.
    static func range(in goal: ParsedGoal, within span: Range<Int>) -> Range<Int>? {
        let text = goal.text
        for index in span where text.word(at: index) == "from" {
            guard let (_, afterFirst) = grade(in: text, at: index + 1), text.word(at: afterFirst) == "to",
                  let (_, end) = grade(in: text, at: afterFirst + 1), end <= span.upperBound else { continue }
            return index..<end
        }
        return nil
    }

    /// A range of grades or a grade aimed at, inside `span`.
    static func grade(in goal: ParsedGoal, within span: Range<Int>) -> Range<Int>? {
        range(in: goal, within: span) ?? target(in: goal, within: span)
    }

    /// A grade aimed at: "get an A in statistics", "stay above a B-", "a minimum grade of B+"; an
    /// article or "grade of" is required, so a capital letter alone is never a grade, and "a C-suite
    /// role" is a word, not a grade.
    static func target(in goal: ParsedGoal, within span: Range<Int>) -> Range<Int>? {
        let text = goal.text
        for index in span {
            // "earn A's on every exam", "straight A’s": a grade written in the plural.
            if let letter = text.word(at: index), letter.count == 1, "abcdef".contains(letter),
               text.source[text[index].range].first?.isUppercase == true, index + 1 < span.upperBound,
               text.word(at: index + 1) == "'s", text.isJoined(index + 1),
               text.word(at: index + 2).map(FunctionWords.contains) ?? true {
                // A noun after it makes it a possessive ("Plan A's steps").
                return index..<(index + 2)
            }
            let start: Int
            switch text.word(at: index) {
            case "a", "an": start = index
            case "of" where Self.scales.contains(text.word(at: index - 1) ?? ""): start = index + 1
            default: continue
            }
            guard let (_, end) = grade(in: text, at: start), end > index + 1, end <= span.upperBound, !continuesWord(text, at: end) else { continue }
            return index..<end
        }
        return nil
    }

    /// Whether the token at `index` is written onto the grade, making it part of a word ("C-suite", "A/B").
    private static func continuesWord(_ text: GoalText, at index: Int) -> Bool {
        text.isJoined(index) && (text.word(at: index) != nil || text.isNumber(at: index) || ["/", "&", "-"].contains { text.isSymbol($0, at: index) })
    }

    /// Nouns a grade is given in ("a grade of B+", "an average of A-").
    private static let scales: Set<String> = ["grade", "grades", "mark", "marks", "average", "score"]

    /// One grade, A to F with an optional + or −, written as a capital letter.
    private static func grade(in text: GoalText, at start: Int) -> (String, Int)? {
        var index = start
        if let article = text.word(at: index), article == "a" || article == "an",
           text.word(at: index + 1).map({ $0.count == 1 }) == true { index += 1 }
        guard let word = text.word(at: index), word.count == 1, "abcdef".contains(word),
              text.source[text[index].range].first?.isUppercase == true else { return nil }
        var end = index + 1
        if text.isSymbol("+", at: end) || text.isSymbol("-", at: end), text.isJoined(end) { end += 1 }
        return (word, end)
    }
}
