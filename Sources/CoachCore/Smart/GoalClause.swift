/// A stretch of the goal between connectives and punctuation. Each clause carries at most one
/// action, so "get better at sales and close 10 deals" is read as two.
struct GoalClause: Sendable, Equatable {
    let span: Range<Int>

    private static let connectives: Set<String> = [
        "and", "or", "but", "nor", "then", "while", "because", "although", "though", "whereas", "unless",
        "which", "who", "whom", "whose", "plus", "so", "if", "when", "whenever",
    ]

    /// Symbols that sit inside a phrase rather than between clauses.
    private static let innerSymbols: Set<String> = ["-", "%", "/", "'", "$", "€", "£", "¥", "₹", "#", "@", "+"]

    /// Time phrases stay inside their clause: they qualify it rather than separate it.
    static func split(_ text: GoalText, timeMask: [Bool]) -> [GoalClause] {
        var clauses: [GoalClause] = []
        var start = 0
        for index in 0..<text.count where !timeMask[index] {
            let token = text[index]
            let isBoundary = switch token.kind {
            case .symbol: !innerSymbols.contains(token.text) && !text.isInAside(at: index)
            case .word: connectives.contains(token.text)
            case .number: false
            }
            if isBoundary {
                // "for injury or illness from 5.5 days to 4": "or" between nouns joins them, so the
                // clause goes on; a verb on either side ("read and comprehend") starts a new one.
                if ["and", "or"].contains(token.text), !startsWithVerb(text, after: index),
                   ActionVerb.lexicon.match(in: text, at: index - 1) == nil { continue }
                if index > start { clauses.append(GoalClause(span: start..<index)) }
                start = index + 1
            } else if ActionVerb.startsClause(in: text, at: index) {
                if index - 1 > start { clauses.append(GoalClause(span: start..<(index - 1))) }
                start = index
            }
        }
        if text.count > start { clauses.append(GoalClause(span: start..<text.count)) }
        return clauses
    }

    private static func startsWithVerb(_ text: GoalText, after index: Int) -> Bool {
        var cursor = index + 1
        while let word = text.word(at: cursor), ["to", "i", "we", "will", "also", "then", "'ll", "should", "must", "can"].contains(word) { cursor += 1 }
        return ActionVerb.lexicon.match(in: text, at: cursor) != nil
    }
}
