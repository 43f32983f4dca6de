/// Finds verifiable yes-or-no outcomes: promotions, role changes, job offers, certifications and courses.
struct VerifiableOutcomeScanner {
    let text: GoalText
    let timeMask: [Bool]
    let vocabulary: SmartVocabulary

    func scan() -> [VerifiableOutcome] {
        var found: [VerifiableOutcome] = []
        var index = 0
        while index < text.count {
            if !timeMask[index], text[index].isWord,
               let outcome = promotion(at: index) ?? roleChange(at: index) ?? jobOffer(at: index) ?? credential(at: index) {
                found.append(outcome)
                index = max(outcome.span.upperBound, index + 1)
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: - Titles

    /// Up to six words naming a title ("senior engineer", "Director of Engineering"), after any article.
    private func titleSpan(from start: Int) -> Range<Int>? {
        var index = start
        while let word = text.word(at: index), ["a", "an", "the", "my"].contains(word) { index += 1 }
        let first = index
        while index < text.count, index - first < 6, !timeMask[index] {
            if text.isInnerHyphen(at: index) {
                index += 1
                continue
            }
            guard let word = text.word(at: index) else { break }
            if word == "of", index > first, let next = text.word(at: index + 1), !FunctionWords.contains(next) {
                index += 1
                continue
            }
            if FunctionWords.contains(word) { break }
            index += 1
        }
        return index > first ? first..<index : nil
    }

    private func title(from start: Int) -> RankedTitle? {
        guard let span = titleSpan(from: start), let level = vocabulary.roleRank(in: text, span: span) else { return nil }
        return RankedTitle(span: span, level: level)
    }

    /// Whether a title says which role: a word besides the rank words and "role" ("sales manager",
    /// not "a manager role").
    private func names(_ span: Range<Int>) -> Bool {
        span.contains { index in
            text[index].isWord && !FunctionWords.contains(text[index].text) && !text[index].forms.contains(where: vocabulary.rankWords.contains)
                && !vocabulary.genericModifiers.contains(text[index].text) && !text[index].forms.contains(where: Self.jobNouns.contains)
        }
    }

    // MARK: - Promotions and roles

    private static let promotionVerbs: Set<String> = [
        "get", "be", "earn", "win", "receive", "secure", "land", "achieve", "gain",
    ]

    /// "get promoted to senior engineer", "earn a promotion to sales manager", "promoted from junior
    /// analyst to director"; a bare "promotion" needs a verb or a title to be an outcome.
    private func promotion(at index: Int) -> VerifiableOutcome? {
        var cursor = index
        let hasVerb = text[index].forms.contains(where: Self.promotionVerbs.contains)
        if hasVerb {
            cursor += 1
            while let word = text.word(at: cursor), ["a", "an", "the", "my", "that"].contains(word) { cursor += 1 }
        }
        guard text.has("promote", at: cursor) || text.has("promotion", at: cursor) else {
            return fromTo(at: index) ?? step(at: index)
        }
        cursor += 1
        var from: RankedTitle?
        if text.word(at: cursor) == "from", let start = title(from: cursor + 1) {
            from = start
            cursor = start.span.upperBound
        }
        var to: RankedTitle?
        if let word = text.word(at: cursor), ["to", "as", "into"].contains(word), let target = title(from: cursor + 1) {
            to = target
            cursor = target.span.upperBound
        }
        guard hasVerb || to != nil else { return nil }
        // The title left behind says which line of work a bare rank is in ("from junior analyst to director").
        let named = to.map { names($0.span) || from.map { names($0.span) } == true } ?? false
        return VerifiableOutcome(.promotion, index..<cursor, isNamed: named, from: from, to: to)
    }

    /// "from analyst to VP": two ranked titles.
    private func fromTo(at index: Int) -> VerifiableOutcome? {
        guard text.word(at: index) == "from", let start = title(from: index + 1),
              text.word(at: start.span.upperBound) == "to", let target = title(from: start.span.upperBound + 1)
        else { return nil }
        return VerifiableOutcome(.promotion, index..<target.span.upperBound, from: start, to: target)
    }

    private static let stepPhrases = PhraseTable([
        "move up to", "step up to", "step into", "move into", "make", "reach",
    ])

    /// "step up to team lead", "make senior engineer".
    private func step(at index: Int) -> VerifiableOutcome? {
        // "make more sales" is a comparative, not a title to make.
        guard let phrase = Self.stepPhrases.match(in: text, at: index), let target = title(from: phrase.span.upperBound),
              !target.span.contains(where: { ObjectPhrase.qualityWords.contains(text[$0].text) || ObjectScope.comparatives.contains(text[$0].text) })
        else { return nil }
        return VerifiableOutcome(.promotion, index..<target.span.upperBound, isNamed: names(target.span), to: target)
    }

    private static let hireVerbs: Set<String> = [
        "land", "get", "secure", "find", "start", "win", "accept", "take", "earn", "receive", "obtain", "want", "need",
    ]

    private static let jobNouns: Set<String> = ["job", "role", "position", "gig"]

    /// "become a product manager", "work as a paralegal", "land a new job as a UX designer", "get a team lead role".
    private func roleChange(at index: Int) -> VerifiableOutcome? {
        let servesAs = (text.has("work", at: index) || text.has("serve", at: index)) && text.word(at: index + 1) == "as"
        if text.has("become", at: index) || text.has("be", at: index) || servesAs {
            // "be" names a role only with an article ("be a nurse", not "be creative").
            let bare = text.has("be", at: index) && !["a", "an", "the"].contains(text.word(at: index + 1) ?? "")
            guard !bare, let target = title(from: index + (servesAs ? 2 : 1)),
                  !target.span.contains(where: { ObjectPhrase.qualityWords.contains(text[$0].text) || ObjectScope.comparatives.contains(text[$0].text) })
            else { return nil }
            if target.span.contains(where: { text.has("certified", at: $0) }) {
                return VerifiableOutcome(.certification, index..<target.span.upperBound)
            }
            return VerifiableOutcome(.role, index..<target.span.upperBound, isNamed: names(target.span), to: target)
        }
        guard text[index].forms.contains(where: Self.hireVerbs.contains) else { return nil }
        var cursor = index + 1
        while cursor < text.count, cursor - index <= 7, let word = text.word(at: cursor), !timeMask[cursor] {
            if word == "offer" || word == "offers" { return nil }
            if text[cursor].forms.contains(where: Self.jobNouns.contains) {
                let before = (index + 1)..<cursor
                if let level = vocabulary.roleRank(in: text, span: before) {
                    return VerifiableOutcome(.role, index..<(cursor + 1), isNamed: names(before), to: RankedTitle(span: before, level: level))
                }
                if let word = text.word(at: cursor + 1), word == "as" || word == "of", let target = title(from: cursor + 2) {
                    return VerifiableOutcome(.role, index..<target.span.upperBound, isNamed: names(target.span), to: target)
                }
                return nil
            }
            if FunctionWords.prepositions.contains(word) { return nil }
            cursor += 1
        }
        return nil
    }

    private static let offerVerbs: Set<String> = ["get", "land", "receive", "secure", "win", "earn", "accept"]

    /// "job offer", "get an offer from a fintech company", "get hired at Google".
    private func jobOffer(at index: Int) -> VerifiableOutcome? {
        if text.word(at: index) == "job", text.has("offer", at: index + 1) {
            return VerifiableOutcome(.jobOffer, index..<(index + 2))
        }
        if text.has("get", at: index) || text.has("be", at: index), text.has("hire", at: index + 1) {
            let employer = ["at", "by"].contains(text.word(at: index + 2) ?? "")
                && text.word(at: index + 3).map { !FunctionWords.contains($0) } == true && !timeMask[index + 3]
            return VerifiableOutcome(.jobOffer, index..<(employer ? index + 4 : index + 2), isNamed: employer)
        }
        guard text[index].forms.contains(where: Self.offerVerbs.contains) else { return nil }
        for cursor in (index + 1)...(index + 4) {
            guard let word = text.word(at: cursor), !timeMask[cursor] else { return nil }
            if text.has("offer", at: cursor) {
                return VerifiableOutcome(.jobOffer, index..<(cursor + 1))
            }
            if FunctionWords.prepositions.contains(word) || FunctionWords.connectives.contains(word) { return nil }
        }
        return nil
    }

    // MARK: - Credentials

    private static let credentialVerbs: Set<String> = [
        "earn", "get", "obtain", "pass", "achieve", "gain", "receive", "secure", "attain", "acquire",
        "complete", "finish", "graduate", "become", "be",
    ]

    private static let credentialNouns = PhraseTable<VerifiableOutcome.Kind>([
        ("certification", .certification), ("certificate", .certification), ("cert", .certification),
        ("exam", .certification), ("examination", .certification), ("license", .certification),
        ("licence", .certification), ("credential", .certification), ("accreditation", .certification),
        ("qualification", .certification), ("degree", .certification), ("diploma", .certification),
        ("course", .course), ("program", .course), ("programme", .course), ("bootcamp", .course),
        ("training", .course), ("class", .course), ("module", .course), ("specialization", .course),
        ("specialisation", .course), ("nanodegree", .course),
    ])

    /// Places one graduates from ("graduate business school", "graduate from nursing college"):
    /// a named one is a completion as checkable as the degree.
    private static let schools: Set<String> = ["school", "college", "university", "academy", "conservatory", "seminary"]

    /// Credentials whose name is the noun itself ("my MBA", "the PMP").
    private static let namedCredentials: Set<String> = [
        "mba", "phd", "msc", "cpa", "cfa", "pmp", "ccna", "ccnp", "cissp", "cisa", "cism", "csm", "psm",
        "acca", "cima", "shrm", "phr", "sphr", "capm", "itil", "togaf", "comptia", "aws", "gcp", "azure",
    ]

    /// Words that do not say which credential ("a professional certification").
    private static let genericWords: Set<String> = [
        "a", "an", "the", "my", "our", "new", "first", "next", "another", "professional", "relevant",
        "industry", "recognised", "recognized", "some", "any", "good", "great", "better", "official",
        "online", "one", "final", "required", "advanced", "basic", "further", "additional", "more", "own",
        "certain", "this", "that",
    ]

    /// "earn the AWS Solutions Architect certification", "pass the CCNA exam", "get certified in
    /// Scrum", "complete the Coursera SQL course"; unnamed ones ("get a certification") are kept
    /// too, because they make a goal look specific when it is not.
    private func credential(at index: Int) -> VerifiableOutcome? {
        guard text[index].forms.contains(where: Self.credentialVerbs.contains) else { return nil }
        let copula = text.has("be", at: index) || text.has("become", at: index)
        var cursor = index + 1
        if text.word(at: cursor) == "from" { cursor += 1 }
        var named = false
        while cursor < text.count, cursor - index <= 9, !timeMask[cursor] {
            let token = text[cursor]
            if token.has("certified") { return certified(verb: index, at: cursor) }
            if text.has("graduate", at: index), token.forms.contains(where: Self.schools.contains) {
                return VerifiableOutcome(.certification, index..<(cursor + 1), isNamed: named)
            }
            if !copula, let noun = Self.credentialNouns.match(in: text, at: cursor) {
                var end = noun.span.upperBound
                while let next = Self.credentialNouns.match(in: text, at: end) { end = next.span.upperBound }
                // "the program design", "the course materials": the noun only modifies what is done.
                if let next = text.word(at: end), !timeMask[end], !FunctionWords.contains(next), !text.isNumber(at: end) { return nil }
                // "a course in graphic design", "a certificate on data privacy", "training for CPR certification": its subject names it.
                if !named, let word = text.word(at: end), ["in", "on", "for"].contains(word), end + 1 < text.count, !timeMask[end + 1],
                   let subject = text.word(at: end + 1), !FunctionWords.contains(subject) || text.isNumber(at: end + 1) {
                    var last = end + 1
                    while last + 1 < text.count, !timeMask[last + 1], let next = text.word(at: last + 1), !FunctionWords.contains(next) { last += 1 }
                    return VerifiableOutcome(noun.value, index..<(last + 1), isNamed: true)
                }
                // "an exam such as the Pearson Test of English": the example named is the one meant.
                if !named, text.word(at: end) == "such", text.word(at: end + 1) == "as",
                   let name = ((end + 2)..<min(text.count, end + 5)).first(where: { ObjectScope.isName($0, in: text, generalHeads: vocabulary.generalHeads) }) {
                    var last = name
                    while last + 1 < text.count, !timeMask[last + 1], ObjectScope.isName(last + 1, in: text, generalHeads: vocabulary.generalHeads) || text.word(at: last + 1) == "of" { last += 1 }
                    return VerifiableOutcome(noun.value, index..<(last + 1), isNamed: true)
                }
                return VerifiableOutcome(noun.value, index..<end, isNamed: named)
            }
            switch token.kind {
            case .word:
                if Self.namedCredentials.contains(token.text) {
                    named = true
                    if !copula, text.word(at: cursor + 1).map(FunctionWords.contains) ?? true {
                        return VerifiableOutcome(.certification, index..<(cursor + 1))
                    }
                } else if token.text != "of", FunctionWords.contains(token.text), !Self.genericWords.contains(token.text) {
                    return nil
                } else if !Self.genericWords.contains(token.text), token.text != "of" {
                    named = true
                }
            case .number:
                named = true
            case .symbol:
                guard token.text == "-" else { return nil }
            }
            cursor += 1
        }
        return nil
    }

    /// "get certified", "become a Certified Scrum Master", "get certified in Salesforce".
    private func certified(verb: Int, at index: Int) -> VerifiableOutcome {
        var cursor = index + 1
        if let word = text.word(at: cursor), word == "in" || word == "as" { cursor += 1 }
        let nameStart = cursor
        while cursor - nameStart < 4, let word = text.word(at: cursor), !timeMask[cursor], !FunctionWords.contains(word) {
            cursor += 1
        }
        let named = cursor > nameStart
        return VerifiableOutcome(.certification, verb..<(named ? cursor : index + 1), isNamed: named)
    }
}
