/// Keyword matching for suggestion rules: words match across inflections ("manage",
/// "managing", "manager", "management"), phrases match as consecutive words.
enum Keywords {
    static func mentions(_ haystack: ExpressionValue, _ needles: ExpressionValue) -> Bool {
        let texts = strings(haystack).map(words)
        return strings(needles).map(words).contains { phrase in
            !phrase.isEmpty && texts.contains { text in contains(text, phrase) }
        }
    }

    private static func strings(_ value: ExpressionValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap(strings)
        default: return []
        }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static func contains(_ text: [String], _ phrase: [String]) -> Bool {
        guard text.count >= phrase.count else { return false }
        return (0...(text.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { matches(text[start + $0], phrase[$0]) }
        }
    }

    private static func matches(_ word: String, _ keyword: String) -> Bool {
        word == keyword || (keyword.count > 3 && WordForms.sharesRoot(word, keyword))
    }
}
