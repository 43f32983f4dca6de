import Synchronization

/// Keyword matching for suggestion rules: words match across inflections ("manage",
/// "managing", "manager", "management"), phrases match as consecutive words.
///
/// Thousands of rules read the same few answers, so each answer is split and indexed once
/// (by its words and their first four letters, the least a shared root needs) and each rule's
/// keywords are split once; both are remembered, the matching itself is pure.
enum Keywords {
    static func mentions(_ haystack: ExpressionValue, _ needles: ExpressionValue) -> Bool {
        if case .string(let text) = haystack {
            let indexed = IndexedText.of(text)
            return needles.containsText { needle in
                let phrase = phrase(needle)
                return !phrase.words.isEmpty && indexed.contains(phrase)
            }
        }
        return haystack.containsText { mentions(.string($0), needles) }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A keyword or phrase split into words, with the key its first word is looked up by.
    struct Phrase: Sendable {
        let words: [String]
        /// The first word itself, or its first four letters when inflections may match.
        let key: String
        let byRoot: Bool
    }

    private static let phrases = Mutex<[String: Phrase]>([:])

    private static func phrase(_ text: String) -> Phrase {
        if let known = phrases.withLock({ $0[text] }) { return known }
        let split = words(text)
        let first = split.first ?? ""
        let phrase = Phrase(words: split, key: first.count > 3 ? rootKey(first) : first, byRoot: first.count > 3)
        phrases.withLock { memo in
            if memo.count >= 65_536 { memo.removeAll(keepingCapacity: true) }
            memo[text] = phrase
        }
        return phrase
    }

    /// The keys a rule's keywords are filed under in a `RuleIndex`: each phrase's first word,
    /// or its first four letters when inflections may match.
    static func keys(of needles: ExpressionValue) -> [String] {
        var keys: [String] = []
        _ = needles.containsText { needle in
            let phrase = phrase(needle)
            if !phrase.words.isEmpty { keys.append(phrase.key) }
            return false
        }
        return keys
    }

    /// The keys under which an answer's words find rules: each word, and its first four letters.
    static func lookupKeys(of haystack: ExpressionValue) -> Set<String> {
        var keys = Set<String>()
        _ = haystack.containsText { text in
            for word in IndexedText.of(text).words {
                keys.insert(word)
                keys.insert(rootKey(word))
            }
            return false
        }
        return keys
    }

    static func matches(_ word: String, _ keyword: String) -> Bool {
        word == keyword || (keyword.count > 3 && WordForms.sharesRoot(word, keyword))
    }

    /// The key two words sharing a root must have in common.
    static func rootKey(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(4)))
    }
}

/// An answer split into words, with where each word and each four-letter start occurs.
private struct IndexedText: Sendable {
    let words: [String]
    let positions: [String: [Int]]
    let rootPositions: [String: [Int]]

    private static let memo = Mutex<[String: IndexedText]>([:])

    static func of(_ text: String) -> IndexedText {
        if let known = memo.withLock({ $0[text] }) { return known }
        let indexed = IndexedText(Keywords.words(text))
        memo.withLock { cache in
            if cache.count >= 1_024 { cache.removeAll(keepingCapacity: true) }
            cache[text] = indexed
        }
        return indexed
    }

    private init(_ words: [String]) {
        self.words = words
        var positions: [String: [Int]] = [:]
        var roots: [String: [Int]] = [:]
        for (i, word) in words.enumerated() {
            positions[word, default: []].append(i)
            roots[Keywords.rootKey(word), default: []].append(i)
        }
        self.positions = positions
        self.rootPositions = roots
    }

    func contains(_ phrase: Keywords.Phrase) -> Bool {
        let needle = phrase.words
        guard let starts = phrase.byRoot ? rootPositions[phrase.key] : positions[phrase.key] else { return false }
        return starts.contains { start in
            start + needle.count <= words.count && needle.indices.allSatisfy { Keywords.matches(words[start + $0], needle[$0]) }
        }
    }
}
