/// Relevant: the goal connects to who the user is or wants to become (role, target role,
/// objective), or states the career or organisational value itself ("for my promotion",
/// "the company's revenue goal"). Without any context and no stated reason, relevance is unknown.
struct RelevantCriterion: SmartCriterionRule {
    let criterion = SmartCriterion.relevant

    private struct Source {
        let label: String
        let value: String
        let words: [String]
    }

    func evaluate(_ goal: ParsedGoal, context: SmartContext) -> CriterionFinding {
        let sources = [("your role", context.role), ("your target role", context.targetRole),
                       ("your objective", context.objective)]
            .compactMap { label, value -> Source? in
                guard let value else { return nil }
                let words = Self.contentWords(of: GoalText(value), skipping: nil)
                return words.isEmpty ? nil : Source(label: label, value: value, words: words.map(\.word))
            }
        let links = self.links(goal, sources)
        let values = statedValues(goal)
        let evidence = goal.evidence(links.map { $0.index..<($0.index + 1) } + values)
        if let link = links.first {
            let word = goal.quote(link.index..<(link.index + 1))
            return CriterionFinding(
                met: true,
                reason: "\(word) connects to \(link.source.label) \(Quote.text(link.source.value)).",
                question: nil,
                evidence: evidence
            )
        }
        if let value = values.first {
            return CriterionFinding(
                met: true,
                reason: "\(goal.quote(value)) states the career or organisational value of the goal.",
                question: nil,
                evidence: evidence
            )
        }
        if let reason = statedReason(goal) {
            return CriterionFinding(
                met: true,
                reason: "\(goal.quote(reason)) says why the goal matters to you.",
                question: nil,
                evidence: goal.evidence([reason])
            )
        }
        guard let first = sources.first else {
            return CriterionFinding(
                met: nil,
                reason: "No role, target role or objective is known, and \(goal.quotedGoal) states no reason such as \"for my promotion\".",
                question: "Why does this goal matter now: which role, promotion or team objective does it serve?",
                evidence: []
            )
        }
        let known = sources.map { "\($0.label) \(Quote.text($0.value))" }.joined(separator: " or ")
        return CriterionFinding(
            met: false,
            reason: "Nothing in \(goal.quotedGoal) connects to \(known).",
            question: "How does this goal move you forward as \(Quote.text(first.value)), or what does it serve instead?",
            evidence: []
        )
    }

    // MARK: - Word links

    /// Words too general to show a link ("get", "work", "better").
    private static let generic: Set<String> = [
        "get", "make", "do", "be", "have", "take", "give", "go", "more", "less", "new", "better", "good",
        "great", "best", "improve", "work", "goal", "want", "way", "thing", "lot", "time", "next", "first",
        "last", "senior", "junior", "level",
    ]

    private static func contentWords(of text: GoalText, skipping timeMask: ((Int) -> Bool)?) -> [(index: Int, word: String)] {
        text.tokens.indices.compactMap { index in
            guard let word = text.word(at: index), word.count > 1, !FunctionWords.contains(word),
                  !text[index].forms.contains(where: generic.contains), timeMask?(index) != true else { return nil }
            return (index, word)
        }
    }

    private func links(_ goal: ParsedGoal, _ sources: [Source]) -> [(index: Int, source: Source)] {
        guard !sources.isEmpty else { return [] }
        var topicsByWord: [String: [Int]] = [:]
        func topics(_ word: String) -> [Int] {
            if let known = topicsByWord[word] { return known }
            let found = goal.vocabulary.topics(of: word)
            topicsByWord[word] = found
            return found
        }
        var sourceByWord: [String: Int?] = [:]
        var links: [(index: Int, source: Source)] = []
        for (index, word) in Self.contentWords(of: goal.text, skipping: { goal.time(at: $0) != nil }) {
            let position: Int?
            if let known = sourceByWord[word] {
                position = known
            } else {
                position = sources.firstIndex { source in
                    source.words.contains { other in
                        WordForms.sharesRoot(word, other) || !Set(topics(word)).isDisjoint(with: topics(other))
                    }
                }
                sourceByWord[word] = position
            }
            if let position { links.append((index, sources[position])) }
        }
        return links
    }

    // MARK: - Stated value

    /// Markers after which a value word names what a goal serves: the reason markers and others
    /// ("to reach team lead", "for my promotion").
    private static let purposeMarkers = PhraseTable(reasonPhrases + [
        "so my", "so our", "to qualify for", "to prepare for", "as preparation for", "for my", "for our", "towards",
        "toward", "to reach", "to become", "to support", "to help", "to hit", "to meet", "to get", "to earn", "to land",
        "to contribute to", "as part of", "in line with", "aligned with", "to be ready for", "ahead of", "to achieve",
        "to move", "to step",
    ])

    private static let organisations: Set<String> = [
        "company", "team", "department", "organisation", "organization", "org", "business", "firm", "division", "our",
    ]

    private static let organisationalAims: Set<String> = [
        "goal", "target", "okr", "objective", "mission", "strategy", "kpi", "quota", "priority", "plan",
    ]

    /// "to reach team lead", "for my promotion", "the company's revenue goal".
    private func statedValues(_ goal: ParsedGoal) -> [Range<Int>] {
        let text = goal.text
        var spans: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if let marker = Self.purposeMarkers.match(in: text, at: index),
               let value = firstIndex(after: marker.span.upperBound, within: 6, in: text, where: goal.vocabulary.valueWords) {
                var end = value + 1
                while end - value < 4, let word = text.word(at: end), !FunctionWords.contains(word), goal.time(at: end) == nil {
                    end += 1
                }
                spans.append(index..<end)
                index = end
            } else if let word = text.word(at: index), Self.organisations.contains(word),
                      let aim = firstIndex(after: index + 1, within: 3, in: text, where: Self.organisationalAims) {
                spans.append(index..<(aim + 1))
                index = aim + 1
            } else {
                index += 1
            }
        }
        return spans
    }

    /// Markers that can only lead into a reason, whatever it is ("because my doctor said so").
    private static let reasonPhrases = [
        "because", "so that", "so i can", "so we can", "in order to", "so i", "so we", "which will help", "that will help",
    ]
    static let reasonMarkers = PhraseTable(reasonPhrases)

    /// "because my doctor said I need to get moving": a reason in the client's own terms, with at
    /// least two words of content after its marker.
    private func statedReason(_ goal: ParsedGoal) -> Range<Int>? {
        let text = goal.text
        for index in 0..<text.count {
            guard let marker = Self.reasonMarkers.match(in: text, at: index) else { continue }
            var end = marker.span.upperBound
            var content = 0
            while end < text.count, end - marker.span.upperBound < 8, let word = text.word(at: end) {
                if !FunctionWords.contains(word) { content += 1 }
                end += 1
            }
            if content >= 2 { return index..<end }
        }
        return nil
    }

    private func firstIndex(after start: Int, within distance: Int, in text: GoalText, where words: Set<String>) -> Int? {
        (start..<min(text.count, start + distance)).first { text[$0].forms.contains(where: words.contains) }
    }
}
