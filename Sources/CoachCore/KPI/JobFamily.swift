/// A kind of work that is judged by the same results ("quality assurance": escaped defects,
/// automation coverage). Titles map to it in Rules/roles.yaml; its metrics, in order of weight,
/// live in Rules/catalogue.yaml.
public struct JobFamily: Hashable, Sendable {
    public let id: String
    public let name: String
    /// The Standard Occupational Classification major group it belongs to.
    public let soc: String
    /// Completes "“QA engineer” is quality assurance work, where …".
    public let judgedBy: String
    /// Metric ids, most important first.
    public let metrics: [String]
    /// A profile the family's rules must fire for (lint checks it).
    public let example: [String: AnswerValue]
    /// Kinds of work inside the family judged first by results of their own.
    public let specialties: [Specialty]

    /// A kind of work inside a family, named by words of its titles ("accounts payable" in
    /// accounting, "recruiter" in human resources), with the results it is judged by first.
    public struct Specialty: Hashable, Sendable {
        /// Title words as `RoleLexicon.normalised` writes them ("accounts payable", "recruiter").
        public let titles: [String]
        /// Completes "“AP clerk” is accounting and finance work, where …".
        public let judgedBy: String
        /// Metric ids, most important first; the family's own follow them.
        public let metrics: [String]

        public init(titles: [String], judgedBy: String, metrics: [String]) {
            self.titles = titles
            self.judgedBy = judgedBy
            self.metrics = metrics
        }
    }

    public init(id: String, name: String, soc: String, judgedBy: String = "", metrics: [String] = [],
                example: [String: AnswerValue] = [:], specialties: [Specialty] = []) {
        self.id = id
        self.name = name
        self.soc = soc
        self.judgedBy = judgedBy
        self.metrics = metrics
        self.example = example
        self.specialties = specialties
    }

    /// The specialty whose title words `title` holds, the longest such words winning.
    public func specialty(of title: String) -> Specialty? {
        let spaced = Self.spaced(title)
        var best: (specialty: Specialty, length: Int)?
        for specialty in specialties {
            for phrase in specialty.titles where Self.holds(spaced, phrase) && phrase.count > best?.length ?? 0 {
                best = (specialty, phrase.count)
            }
        }
        return best?.specialty
    }

    /// A title as specialty words are looked for in it: normalised, a space at each end.
    public static func spaced(_ title: String) -> String { " " + RoleLexicon.normalised(title) + " " }

    /// Whether a title made by `spaced(_:)` holds `words` (normalised) as whole words.
    public static func holds(_ spaced: String, _ words: String) -> Bool { spaced.contains(" " + words + " ") }

    /// The metrics `title` is judged by, most important first: its specialty's, then the family's.
    public func metrics(for title: String) -> [String] {
        guard let specialty = specialty(of: title) else { return metrics }
        return specialty.metrics + metrics.filter { !specialty.metrics.contains($0) }
    }

    /// The reason a suggestion from this family gives, naming the title that matched; what the
    /// work is judged by comes from the specialty of `role` (the whole title typed, by default).
    public func reason(for title: String, in role: String? = nil) -> String {
        "“\(TerminalText.sanitize(title))” is \(name) work, where \(specialty(of: role ?? title)?.judgedBy ?? judgedBy)."
    }
}

/// How senior a title reads, in the order a career usually climbs.
public enum Seniority: Int, Comparable, Sendable, CaseIterable {
    case junior, individualContributor, senior, principal, lead, manager, head, director, vp, executive

    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public var name: String {
        switch self {
        case .junior: "junior"
        case .individualContributor: "individual contributor"
        case .senior: "senior"
        case .principal: "principal"
        case .lead: "lead"
        case .manager: "manager"
        case .head: "head"
        case .director: "director"
        case .vp: "vp"
        case .executive: "executive"
        }
    }

    public static func < (a: Seniority, b: Seniority) -> Bool { a.rawValue < b.rawValue }
}

/// What a job title says: which family, which title words matched, how senior.
public struct RoleReading: Hashable, Sendable {
    public let family: JobFamily
    /// The title as the client wrote it, the part that matched.
    public let title: String
    public let seniority: Seniority
}

/// Job titles, their spellings and abbreviations, mapped to families; reads any title a client types.
public struct RoleLexicon: Sendable {
    public let families: [JobFamily]
    let titles: PhraseTable<Int>
    let seniority: PhraseTable<Seniority>
    let titleWords: [String: Set<Int>]
    /// Short forms clients type for a title's words ("exec" → "executive", "mgr" → "manager").
    let shorthand: [String: String]

    public static let empty = RoleLexicon(families: [], titles: [:], seniority: [])

    /// Every title the lexicon knows, in order, as TAB offers them.
    public var knownTitles: [String] {
        titles.entries.flatMap { first, entries in entries.map { ([first] + $0.rest).joined(separator: " ") } }.sorted()
    }

    /// `titles` maps a title, `normalised`, to the index of its family in `families`.
    public init(families: [JobFamily], titles: [String: Int], seniority: [(String, Seniority)], shorthand: [String: String] = [:]) {
        self.families = families
        self.shorthand = shorthand
        self.titles = PhraseTable(titles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        self.seniority = PhraseTable(seniority.map { (Self.normalised($0.0), $0.1) })
        var words: [String: Set<Int>] = [:]
        for (title, family) in titles {
            for word in title.split(separator: " ") where word.count > 2 { words[String(word), default: []].insert(family) }
        }
        titleWords = words
    }

    /// The lexicon as built before, read back from the cache of parsed files.
    init(families: [JobFamily], titles: PhraseTable<Int>, seniority: PhraseTable<Seniority>, titleWords: [String: Set<Int>],
         shorthand: [String: String]) {
        self.families = families
        self.titles = titles
        self.seniority = seniority
        self.titleWords = titleWords
        self.shorthand = shorthand
    }

    /// A title's words as the goal tokenizer reads them ("front-end" → "front end", "jr." → "jr",
    /// "buyer's agent" → "buyer 's agent"). ASCII titles take a quick path: thousands are read at start-up.
    public static func normalised(_ title: String) -> String {
        guard title.utf8.allSatisfy({ $0 < 128 }) else { return normalisedByTokens(title) }
        var words: [String] = []
        var current: [UInt8] = []
        var digits = false
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current = []
        }
        let bytes = Array(title.utf8)
        for (i, byte) in bytes.enumerated() {
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            let isLetter = (97...122).contains(lower), isDigit = (48...57).contains(lower)
            if byte == UInt8(ascii: "'"), !current.isEmpty, !digits, i + 1 < bytes.count, (65...90).contains(bytes[i + 1]) || (97...122).contains(bytes[i + 1]) {
                // An apostrophe between letters stays in the word; a possessive "'s" becomes its own word.
                let rest = bytes[(i + 1)...].prefix { (65...90).contains($0) || (97...122).contains($0) }
                if rest.count == 1, rest.first.map({ $0 | 32 }) == UInt8(ascii: "s"), current.count > 0 { flush(); current = [byte] } else { current.append(byte) }
                continue
            }
            if isLetter, !digits || current.isEmpty { current.append(lower); digits = false; continue }
            if isDigit, digits || current.isEmpty { current.append(lower); digits = true; continue }
            flush()
            if isLetter || isDigit { current = [lower]; digits = isDigit }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// The same through the goal tokenizer itself: the reference the quick path is tested against.
    static func normalisedByTokens(_ title: String) -> String {
        GoalText(title).tokens.filter { $0.kind != .symbol }.map(\.text).joined(separator: " ")
    }

    public func family(named name: String) -> JobFamily? {
        families.first { $0.name.lowercased() == name.lowercased() || $0.id == name }
    }

    /// The longest title found in `role`, its family and seniority; nil when no title matches.
    /// A title typed short ("mktg coord") or with one letter wrong ("acount executive") is read
    /// as spelled out, when that matches a longer title than the words as typed.
    public func read(_ role: String) -> RoleReading? {
        let typed = readAsTyped(role)
        let words = Self.normalised(role)
        let spelled = spelledOut(words)
        guard spelled != words, let respelled = readAsTyped(spelled), respelled.words > (typed?.words ?? -1) else {
            return typed?.reading
        }
        return RoleReading(family: respelled.reading.family, title: TerminalText.sanitize(role.trimmingWhitespace()), seniority: respelled.reading.seniority)
    }

    /// A title's words (`normalised`) with each short form written out and each unknown word of
    /// five letters or more that is one edit (a letter added, dropped, changed or two swapped)
    /// from exactly one title word taken as that word.
    func spelledOut(_ words: String) -> String {
        words.split(separator: " ").map { part -> String in
            let word = String(part)
            if let long = shorthand[word] { return long }
            guard word.count >= 5, titleWords[word] == nil, !word.allSatisfy(\.isNumber) else { return word }
            let near = titleWords.keys.filter { Self.oneEditApart(word, $0) }
            return near.count == 1 ? near[0] : word
        }.joined(separator: " ")
    }

    /// True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours.
    static func oneEditApart(_ a: String, _ b: String) -> Bool {
        // Most of the thousands of title words differ in length by more: no copy for them.
        guard abs(a.utf8.count - b.utf8.count) <= 1 else { return false }
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x != y else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }

    /// The reading and how many words of a known title it matched (0: placed by its words' votes).
    private func readAsTyped(_ role: String) -> (reading: RoleReading, words: Int)? {
        let text = GoalText(role)
        var best: PhraseTable<Int>.Match?
        for index in 0..<text.count {
            guard let found = titles.match(in: text, at: index) else { continue }
            if best == nil || found.span.count > best!.span.count { best = found }
        }
        var level = Seniority.individualContributor
        var index = 0
        while index < text.count {
            if let found = seniority.match(in: text, at: index) {
                level = max(level, found.value)
                index = found.span.upperBound
            } else {
                index += 1
            }
        }
        guard let best else {
            // No whole title: the family its words point to, when they point to one clearly
            // ("janitorial supervisor", "landscape crew leader").
            return votedFamily(text).map { (RoleReading(family: $0, title: role.trimmingWhitespace(), seniority: level), 0) }
        }
        let span = text.tokens[best.span.lowerBound].range.lowerBound..<text.tokens[best.span.upperBound - 1].range.upperBound
        return (RoleReading(family: families[best.value], title: String(role[span]), seniority: level), best.span.count)
    }

    /// Each content word votes for the families whose titles hold it, split between them; a
    /// family wins with at least one whole vote and more than any other.
    private func votedFamily(_ text: GoalText) -> JobFamily? {
        var votes = [Double](repeating: 0, count: families.count)
        var index = 0
        while index < text.count {
            if let found = seniority.match(in: text, at: index) { index = found.span.upperBound; continue }
            let token = text[index]
            index += 1
            guard token.isWord, token.text.count > 2, !FunctionWords.contains(token.text),
                  let owners = token.forms.lazy.compactMap({ titleWords[$0] }).first else { continue }
            for family in owners { votes[family] += 1 / Double(owners.count) }
        }
        let ranked = votes.indices.sorted { votes[$0] > votes[$1] }
        guard let first = ranked.first, votes[first] >= 1, ranked.count < 2 || votes[first] > votes[ranked[1]] else { return nil }
        return families[first]
    }

    /// Families whose titles share words with `role`, most shared first, then the rest in file order:
    /// the short list offered when a title is not recognised.
    public func closest(to role: String) -> [JobFamily] {
        let score = sharedWords(role)
        return families.indices.sorted { (score[$0], -$0) > (score[$1], -$1) }.map { families[$0] }
    }

    /// Only the families whose titles share a word with `text`, most shared first: what to name
    /// when a title is not recognised ("chief vibes officer" shares "chief" and "officer").
    public func related(to text: String) -> [JobFamily] {
        let score = sharedWords(text)
        return families.indices.filter { score[$0] > 0 }.sorted { (score[$0], -$0) > (score[$1], -$1) }.map { families[$0] }
    }

    private func sharedWords(_ text: String) -> [Int] {
        var score = [Int](repeating: 0, count: families.count)
        for token in GoalText(text).tokens where token.isWord && !FunctionWords.contains(token.text) {
            for form in token.forms { for family in titleWords[form] ?? [] { score[family] += 1 } }
        }
        return score
    }
}
