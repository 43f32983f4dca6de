/// A lexicon of multi-word phrases indexed by first word, so scanning a goal costs one lookup per
/// token instead of one comparison per phrase. The longest phrase wins; ties go to the earlier entry.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Match {
        let span: Range<Int>
        let value: Value
    }

    struct Entry: Sendable {
        let rest: [String]
        let value: Value
        let order: Int
    }

    let entries: [String: [Entry]]

    /// A table as built before (the cache of parsed files).
    init(entries: [String: [Entry]]) { self.entries = entries }

    init(_ phrases: [(String, Value)]) {
        var entries: [String: [Entry]] = [:]
        for (order, (phrase, value)) in phrases.enumerated() {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            entries[first, default: []].append(Entry(rest: Array(words.dropFirst()), value: value, order: order))
        }
        self.entries = entries
    }

    init(_ phrases: [String], value: Value) {
        self.init(phrases.map { ($0, value) })
    }

    /// The longest phrase starting exactly at `index`, matching inflected forms ("getting better at").
    func match(in text: GoalText, at index: Int) -> Match? {
        guard text.contains(index) else { return nil }
        var best: (end: Int, order: Int, value: Value)?
        for form in text[index].forms {
            for entry in entries[form] ?? [] {
                guard let end = text.match(entry.rest, from: index + 1) else { continue }
                if let current = best, current.end > end || (current.end == end && current.order < entry.order) {
                    continue
                }
                best = (end, entry.order, entry.value)
            }
        }
        return best.map { Match(span: index..<$0.end, value: $0.value) }
    }

    /// The first phrase found anywhere in `span`.
    func firstMatch(in text: GoalText, within span: Range<Int>) -> Match? {
        for index in span {
            if let found = match(in: text, at: index), found.span.upperBound <= span.upperBound {
                return found
            }
        }
        return nil
    }
}

extension PhraseTable where Value == Bool {
    init(_ phrases: [String]) {
        self.init(phrases, value: true)
    }
}
