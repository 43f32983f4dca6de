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
