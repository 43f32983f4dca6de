/// Light, dictionary-free inflection handling: enough for lexicons to list "close" once and still
/// match "closed", "closes" and "closing", and for "manager" to be recognised next to "management".
enum WordForms {
    /// The word itself followed by plausible base forms; wrong guesses are harmless because the
    /// forms are only ever looked up in curated lexicons.
    static func candidates(of word: String) -> [String] {
        var forms = [word]
        func add(_ form: String) {
            if form.count > 1, !forms.contains(form) { forms.append(form) }
        }
        func addStem(_ stem: [Character]) {
            add(String(stem))
            add(String(stem) + "e")
            if stem.count > 2, stem[stem.count - 1] == stem[stem.count - 2], !"aeiouls".contains(stem[stem.count - 1]) {
                add(String(stem.dropLast()))
            }
        }
        if let base = irregular[word] { add(base) }
        let letters = Array(word)
        let count = letters.count
        func dropping(_ suffixLength: Int) -> String { String(letters[0..<(count - suffixLength)]) }
        if count > 4, word.hasSuffix("ies") { add(dropping(3) + "y") }
        if count > 3, word.hasSuffix("es") { add(dropping(2)) }
        if count > 3, endsInPluralS(word) { add(dropping(1)) }
        if count > 4, word.hasSuffix("ied") { add(dropping(3) + "y") }
        if count > 4, word.hasSuffix("ed") { addStem(Array(letters[0..<(count - 2)])) }
        if count > 5, word.hasSuffix("ing") { addStem(Array(letters[0..<(count - 3)])) }
        return forms
    }

    /// A final "s" that can mark a plural: not the "s" of "class", "status" or "analysis".
    static func endsInPluralS(_ word: String) -> Bool {
        word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
    }

    /// Whether a noun reads as plural ("emails", "people"); a guess, like the base forms.
    static func isPlural(_ word: String) -> Bool {
        irregularPlurals.contains(word) || (word.count > 2 && endsInPluralS(word))
    }

    private static let irregularPlurals: Set<String> = ["people", "children", "men", "women"]

    /// Whether a word reads as an adverb of manner ("safely", "confidently"); a guess by its ending
    /// that leaves out the nouns ending the same way ("family", "supply").
    static func isAdverb(_ word: String) -> Bool {
        word.count > 4 && word.hasSuffix("ly") && !nounsInLy.contains(word)
    }

    private static let nounsInLy: Set<String> = ["family", "supply", "assembly", "anomaly", "rally", "ally", "reply", "monopoly"]

    /// Whether two words share a root ("sales"/"sale", "manage"/"management", "lead"/"leadership"):
    /// a common prefix of at least four letters after which the shorter word has at most an ending
    /// left ("manager" and "management" share "manage", leaving "r"), so "campus" is not "campaign"
    /// and "content" is not "contractor".
    static func sharesRoot(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.unicodeScalars.count <= b.unicodeScalars.count ? (a, b) : (b, a)
        var common = 0
        for (x, y) in zip(short.unicodeScalars, long.unicodeScalars) {
            guard x == y else { break }
            common += 1
        }
        guard common >= 4 else { return false }
        return endings.contains(String(short.unicodeScalars.dropFirst(common)))
    }

    /// What may follow a shared root in the shorter of two related words.
    private static let endings: Set<String> = [
        "", "s", "e", "d", "r", "y", "es", "ed", "er", "rs", "ly", "al", "ing", "ers", "ies", "ied", "ion", "ist", "ism", "ive",
    ]

    private static let irregular: [String: String] = [
        "got": "get", "gotten": "get", "became": "become", "won": "win", "sold": "sell", "ran": "run",
        "led": "lead", "met": "meet", "gave": "give", "given": "give", "took": "take", "taken": "take",
        "made": "make", "wrote": "write", "written": "write", "paid": "pay", "spent": "spend",
        "built": "build", "grew": "grow", "grown": "grow", "did": "do", "done": "do", "does": "do",
        "was": "be", "were": "be", "been": "be", "am": "be", "is": "be", "are": "be", "being": "be",
        "had": "have", "has": "have", "sent": "send", "held": "hold", "kept": "keep", "left": "leave",
        "brought": "bring", "taught": "teach", "found": "find", "bought": "buy", "spoke": "speak",
        "spoken": "speak", "began": "begin", "begun": "begin", "felt": "feel", "learnt": "learn",
        "people": "person",
    ]
}
