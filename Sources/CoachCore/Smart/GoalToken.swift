/// One word, number or symbol of a goal: normalised for matching, but pointing back at the exact
/// source text so evidence can be quoted verbatim.
struct GoalToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word
        case number
        case symbol
    }

    let kind: Kind
    /// Lower-cased, with typographic apostrophes and dashes folded to their ASCII forms.
    let text: String
    /// `text` plus plausible base forms ("closed" → "close"), so lexicons list each word once.
    let forms: [String]
    let range: Range<String.Index>
    /// True when no whitespace separates this token from the previous one ("k" in "80k").
    let joined: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    func has(_ form: String) -> Bool { kind == .word && forms.contains(form) }
}
