/// Specific: the goal names a concrete action or outcome someone else could observe, not only a
/// wish to change ("improve", "get better at", "be more …") with no observable object.
struct SpecificCriterion: SmartCriterionRule {
    let criterion = SmartCriterion.specific

    /// How one clause reads.
    private enum Reading {
        case outcome(Range<Int>)
        case action(verb: Range<Int>, object: Range<Int>)
        case visibleBehaviour(Range<Int>)
        case result(Range<Int>)
        case vagueFrame(Range<Int>)
        case abstractObject(verb: Range<Int>, object: Range<Int>)
        /// A verb of making on something grown rather than made ("develop my team", "build a following").
        case grown(verb: Range<Int>, object: Range<Int>)
        case judgement(phrase: Range<Int>, word: Range<Int>)
        case noObject(Range<Int>)
        case unnamedOutcome(Range<Int>, VerifiableOutcome.Kind)
        /// An action on an object that does not say which, or how much ("increase sales").
        case unscoped(verb: Range<Int>, object: Range<Int>, needsAmount: Bool)

        var isConcrete: Bool {
            switch self {
            case .outcome, .action, .visibleBehaviour, .result: true
            default: false
            }
        }

        var evidence: [Range<Int>] {
            switch self {
            case .outcome(let span), .visibleBehaviour(let span), .result(let span), .vagueFrame(let span),
                 .noObject(let span), .unnamedOutcome(let span, _):
                [span]
            case .action(let verb, let object), .abstractObject(let verb, let object), .grown(let verb, let object), .unscoped(let verb, let object, _):
                [verb, object]
            case .judgement(let phrase, _):
                [phrase]
            }
        }
    }

    func evaluate(_ goal: ParsedGoal, context: SmartContext) -> CriterionFinding {
        // "increase the number of students who participate in reading challenges": a relative clause
        // describes a noun of the goal; it is read on its own only when it holds the goal's amount
        // ("reduce the share of adults who smoke to 12 per cent") or nothing else can be read.
        let main = goal.clauses.filter { clause in
            !Self.relativePronouns.contains(goal.text.word(at: clause.span.lowerBound - 1) ?? "")
                || goal.quantities.contains { clause.span.contains($0.span.lowerBound) }
        }.compactMap { read($0, in: goal) }
        let readings = main.isEmpty ? goal.clauses.compactMap { read($0, in: goal) } : main
        let concrete = readings.filter(\.isConcrete)
        if let first = concrete.first {
            return CriterionFinding(met: true, reason: reason(first, goal), question: nil,
                                    evidence: goal.evidence(concrete.flatMap(\.evidence)))
        }
        if let first = readings.first {
            return CriterionFinding(met: false, reason: reason(first, goal), question: question(first, goal),
                                    evidence: goal.evidence(readings.flatMap(\.evidence)))
        }
        return CriterionFinding(
            met: false,
            reason: "No action or outcome was found in \(goal.quotedGoal).",
            question: "What will you do, or what result will exist, when this goal is reached?",
            evidence: []
        )
    }

    private static let relativePronouns: Set<String> = ["who", "which", "whom", "whose"]

    // MARK: - Messages

    private func reason(_ reading: Reading, _ goal: ParsedGoal) -> String {
        switch reading {
        case .outcome(let span):
            "\(goal.quote(span)) is a concrete outcome that either happens or does not."
        case .action(let verb, let object):
            "\(goal.quote(verb)) has an observable object: \(goal.quote(object))."
        case .visibleBehaviour(let span):
            "\(goal.quote(span)) is a concrete behaviour anyone could observe."
        case .result(let span):
            "\(goal.quote(span)) names an observable result."
        case .vagueFrame(let span):
            "\(goal.quote(span)) is a wish to change with no observable action or result."
        case .abstractObject(let verb, let object):
            "\(goal.quote(verb)) has no observable object: \(goal.quote(object)) cannot be seen or counted."
        case .grown(let verb, let object):
            "\(goal.quote(verb.lowerBound..<object.upperBound)) grows something rather than delivering a thing, so nothing says when it is done."
        case .judgement(let phrase, let word):
            "\(goal.quote(word)) in \(goal.quote(phrase)) is a judgement rather than something observable."
        case .noObject(let span) where Self.isActivity(span, goal):
            "\(goal.quote(span)) is an activity, and nothing says how long or how often."
        case .noObject(let span):
            "\(goal.quote(span)) has no object, so there is nothing concrete to observe."
        case .unnamedOutcome(let span, let kind):
            "\(goal.quote(span)) does not say \(kind.missingName)."
        case .unscoped(let verb, let object, true) where Self.namesOnlyAPurpose(verb, object, goal):
            "\(goal.quote(verb.lowerBound..<object.upperBound)) does not say how much."
        case .unscoped(let verb, let object, true) where Self.countsTime(object, goal):
            "\(goal.quote(verb.lowerBound..<object.upperBound)) does not say how much time: \(goal.quote(object)) gives no number."
        case .unscoped(let verb, let object, true) where Self.comparative(leading: object, goal) != nil:
            "\(goal.quote(verb.lowerBound..<object.upperBound)) does not say which \(Self.comparative(leading: object, goal)!.which),"
                + " and \(goal.quote(object)) gives no number."
        case .unscoped(let verb, let object, false) where Self.changeNoun(in: object, goal) != nil:
            "\(goal.quote(verb.lowerBound..<object.upperBound)) does not say what the \(Self.changeNoun(in: object, goal)!) is in."
        case .unscoped(let verb, let object, let needsAmount):
            "\(goal.quote(verb.lowerBound..<object.upperBound)) does not say which \(goal.quote(object))"
                + (needsAmount ? " or by how much." : ".")
        }
    }

    private func question(_ reading: Reading, _ goal: ParsedGoal) -> String {
        switch reading {
        case .vagueFrame(let span):
            "What would \(goal.quote(span)) look like as something you do or deliver that others could see?"
        case .abstractObject(let verb, let object), .grown(let verb, let object):
            "What observable result would show you did \(goal.quote(verb.lowerBound..<object.upperBound))?"
        case .judgement(let phrase, _):
            "What would \(goal.quote(phrase)) look like in terms someone else could check?"
        case .noObject(let span) where Self.isActivity(span, goal):
            // "sleep more", "walk": an activity is scoped by how long or how often, not by an object.
            "How long, or how often, will you \(goal.quote(span))?"
        case .noObject(let span):
            "What exactly will you \(goal.quote(span)): which deals, people, outputs or results?"
        case .unnamedOutcome(_, let kind):
            switch kind {
            case .promotion: "Promoted to which role?"
            case .role: "Which role exactly, as a job posting would name it?"
            case .jobOffer: "Which job, and with which kind of employer?"
            default: "Can you name \(kind.missingName) exactly, as it would appear on paper?"
            }
        case .unscoped(let verb, let object, true) where Self.namesOnlyAPurpose(verb, object, goal):
            "How much, and by when, for \(goal.quote(verb.lowerBound..<object.upperBound))?"
        case .unscoped(_, let object, true) where Self.countsTime(object, goal):
            // "more hours on my portfolio": how much time in what period, not "which hours".
            "\(Self.comparative(leading: object, goal)!.howMuch.capitalisedFirst) \(Self.comparative(leading: object, goal)!.which), and per \(["minute", "hour", "session"].contains(QuantityScanner.timeUnit(goal.text[object.lowerBound + 1])) ? "day, week" : "week") or month?"
        case .unscoped(_, let object, true) where Self.comparative(leading: object, goal) != nil:
            // "more calls": which calls, and how many more (not "which more calls").
            "Which \(Self.comparative(leading: object, goal)!.which), and \(Self.comparative(leading: object, goal)!.howMuch)?"
        case .unscoped(_, let object, false) where Self.changeNoun(in: object, goal) != nil:
            "\(goal.text.quote(object).capitalisedFirst) in what exactly: which measure, where, or for whom?"
        case .unscoped(_, let object, let needsAmount):
            needsAmount ? "Which \(goal.text.quote(object.dropFirstDeterminer(in: goal.text))), and by how much?"
                : "Which \(goal.text.quote(object.dropFirstDeterminer(in: goal.text))) exactly: where, for whom, or which part?"
        case .outcome, .action, .visibleBehaviour, .result:
            "What will you do, or what result will exist, when this goal is reached?"
        }
    }

    /// A verb of ongoing activity ("walk", "study"): scoped by how long or how often.
    private static func isActivity(_ verb: Range<Int>, _ goal: ParsedGoal) -> Bool {
        goal.text[verb.lowerBound].forms.contains(where: ObjectScope.activityVerbs.contains)
    }

    /// A comparative on a unit of time ("more hours", "fewer evenings"): time is counted, not picked out.
    private static func countsTime(_ object: Range<Int>, _ goal: ParsedGoal) -> Bool {
        comparative(leading: object, goal) != nil && QuantityScanner.timeUnit(goal.text[object.lowerBound + 1]) != nil
    }

    /// An object led by a comparative ("more calls", "fewer errors"): what it counts ("calls") and
    /// how to ask for the amount ("how many more"); nil for any other object.
    private static func comparative(leading object: Range<Int>, _ goal: ParsedGoal) -> (which: String, howMuch: String)? {
        guard object.count > 1, let word = goal.text.word(at: object.lowerBound), ObjectScope.comparatives.contains(word) else { return nil }
        let which = goal.text.quote((object.lowerBound + 1)..<object.upperBound)
        switch word {
        case "more", "fewer": return (which, "how many \(word)")
        case "few", "several", "many", "lots", "plenty": return (which, "how many")
        default: return (which, "how much \(word)")
        }
    }

    // MARK: - Reading a clause

    /// Abstract-looking heads that are in fact tracked metrics ("resolution time").
    private static let metricCompounds: Set<String> = [
        "response time", "resolution time", "handle time", "handling time", "wait time", "waiting time",
        "lead time", "cycle time", "turnaround time", "screen time", "delivery time",
        "customer satisfaction", "client satisfaction", "patient satisfaction", "employee satisfaction",
        "employee engagement", "student engagement", "customer retention", "employee retention",
    ]

    /// Verbs that name a state rather than an action.
    private static let copulas: Set<String> = ["be", "become", "feel", "stay", "remain", "seem"]

    private func read(_ clause: GoalClause, in goal: ParsedGoal) -> Reading? {
        if let outcome = goal.outcomes.first(where: { $0.span.overlaps(clause.span) }) {
            return outcome.isNamed ? .outcome(outcome.span) : .unnamedOutcome(outcome.span, outcome.kind)
        }
        let verb = goal.verb(in: clause)
        let action = verb.map { read($0, in: clause, goal) }
        if let frame = goal.vocabulary.frameTable.firstMatch(in: goal.text, within: clause.span) {
            // A concrete action before the frame still counts ("publish 3 articles to stand out").
            if let verb, let action, action.isConcrete, verb.span.lowerBound < frame.span.lowerBound { return action }
            let object = ObjectPhrase(in: goal, from: frame.span.upperBound, limit: clause.span.upperBound)
            let start = min(frame.span.lowerBound, verb?.span.lowerBound ?? frame.span.lowerBound)
            return .vagueFrame(start..<max(frame.span.upperBound, object?.span.upperBound ?? 0))
        }
        if let action { return action }
        // A verbless grade target ("from a C+ to a B+") is still a result.
        if let grades = LetterGrades.grade(in: goal, within: clause.span) { return .result(grades) }
        // A clause without a verb can still name a result ("20 new clients by June"), if the number counts something.
        let result = goal.quantities.first {
            clause.span.contains($0.span.lowerBound) && ![.clockTime, .effort, .frequency].contains($0.kind)
                && ($0.kind == .money || $0.phrase.count > $0.span.count)
        }
        if let result { return .result(result.phrase) }
        // "Customer satisfaction above 90% by June": a measure named before its level is a result too.
        guard let level = goal.quantities.first(where: { clause.span.contains($0.span.lowerBound) && [.percentage, .score, .count, .range].contains($0.kind) }),
              let subject = ObjectPhrase(in: goal, from: clause.span.lowerBound, limit: level.span.lowerBound), let head = subject.head,
              !isAbstract(head, in: goal) else { return nil }
        return .result(subject.span.lowerBound..<level.phrase.upperBound)
    }

    private func read(_ verb: PhraseTable<ActionVerb>.Match, in clause: GoalClause, _ goal: ParsedGoal) -> Reading {
        let text = goal.text
        if let (participle, subject) = passive(verb, in: clause, goal) { return read(participle, acting: subject, in: clause, goal) }
        if verb.value.kind == .selfContained {
            // "exercise more" commits to nothing anyone could count.
            if let word = text.word(at: verb.span.upperBound), ObjectScope.comparatives.contains(word), !hasMeasure(in: clause, goal) {
                return .unscoped(verb: verb.span, object: verb.span.upperBound..<(verb.span.upperBound + 1), needsAmount: true)
            }
            // "volunteer regularly": how often, left to a judgement, is what a habit's scope would say.
            if let word = text.word(at: verb.span.upperBound), Self.vagueFrequencies.contains(word), !hasMeasure(in: clause, goal),
               !goal.times.contains(where: { clause.span.contains($0.span.lowerBound) }) {
                return .judgement(phrase: verb.span.lowerBound..<(verb.span.upperBound + 1), word: verb.span.upperBound..<(verb.span.upperBound + 1))
            }
            return .visibleBehaviour(verb.span)
        }
        var objectStart = verb.span.upperBound
        // "Complete and document the API": both verbs share the object.
        if text.word(at: objectStart) == "and", let second = ActionVerb.lexicon.match(in: text, at: objectStart + 1) {
            objectStart = second.span.upperBound
        }
        // "spend the next four months training for a half-marathon": the action follows the time it takes.
        if let time = goal.time(at: objectStart), time.span.upperBound < clause.span.upperBound,
           let next = ActionVerb.lexicon.match(in: text, at: time.span.upperBound), next.span.upperBound <= clause.span.upperBound {
            return read(next, in: clause, goal)
        }
        if let route = route(after: verb, in: clause, goal) { return .action(verb: verb.span, object: route) }
        // "start exercising", "keep running": what is started is the doing, read on its own verb.
        if text[verb.span.lowerBound].forms.contains(where: ["start", "begin", "keep", "continue"].contains),
           let gerund = text.word(at: objectStart), gerund.hasSuffix("ing"), let doing = ActionVerb.lexicon.match(in: text, at: objectStart),
           doing.span.upperBound <= clause.span.upperBound {
            return read(doing, in: clause, goal)
        }
        if let learned = howTo(after: verb, objectStart: objectStart, in: clause, goal) { return learned }
        // "improve from an average test score of 78% to 85%", "increase from 15% to 30% the share of
        // adults who…": a change from one level to another names what changes inside that span or after it.
        if verb.value.direction != nil, text.word(at: objectStart) == "from", hasMeasure(in: clause, goal),
           let named = (objectStart + 1..<min(clause.span.upperBound, objectStart + 10)).lazy
               .compactMap({ ObjectPhrase(in: goal, from: $0, limit: clause.span.upperBound) }).first(where: { $0.head != nil }) {
            return .action(verb: verb.span, object: named.span)
        }
        // "Reduce by 10% the number of data entry errors": the amount may come before what changes.
        if verb.value.direction != nil, text.word(at: objectStart) == "by", let amount = goal.quantity(at: objectStart + 1),
           let changed = ObjectPhrase(in: goal, from: amount.span.upperBound, limit: clause.span.upperBound), let head = changed.head,
           !isAbstract(head, in: goal) {
            return change(verb, of: changed, amount: nil, in: clause, goal)
        }
        // "get an A in geometry", "make an A or a B in this course": a grade in a named class is the result.
        if objectStart < clause.span.upperBound, let first = LetterGrades.grade(in: goal, within: objectStart..<clause.span.upperBound),
           first.lowerBound <= objectStart + 2 {
            var end = first.upperBound
            if text.word(at: end) == "or", end + 1 < clause.span.upperBound,
               let second = LetterGrades.grade(in: goal, within: (end + 1)..<clause.span.upperBound), second.lowerBound == end + 1 {
                end = second.upperBound
            }
            if ObjectScope.startsComplement(at: end, in: goal, clause: clause),
               let subject = ObjectPhrase(in: goal, from: end + 1, limit: clause.span.upperBound), subject.head != nil,
               subject.span.upperBound > objectStart {
                return .action(verb: verb.span, object: objectStart..<subject.span.upperBound)
            }
        }
        guard let object = ObjectPhrase(in: goal, from: objectStart, limit: clause.span.upperBound) else {
            // "steel sales will go up in Boston by 3%": a change with its amount is scoped by what changes, its subject.
            if verb.value.direction != nil, hasMeasure(in: clause, goal),
               let subject = ObjectPhrase(in: goal, from: clause.span.lowerBound, limit: verb.span.lowerBound), subject.head != nil {
                return .action(verb: verb.span, object: subject.span)
            }
            // "engage in at least one patient interaction per week": a counted object after a
            // preposition; a change's "by" gives its amount, not what changes ("increase by 5%").
            if verb.value.direction == nil, let word = text.word(at: objectStart), FunctionWords.prepositions.contains(word),
               let counted = ObjectPhrase(in: goal, from: objectStart + 1, limit: clause.span.upperBound), counted.hasQuantity {
                return .action(verb: verb.span, object: counted.span)
            }
            // "run in the park for thirty minutes each day": how long or how often is the scope of an activity.
            let amountOfActivity = goal.quantities.contains { clause.span.contains($0.span.lowerBound) && [.effort, .frequency].contains($0.kind) }
            return amountOfActivity && verb.value.direction == nil ? .visibleBehaviour(verb.span) : .noObject(verb.span)
        }
        if object.hasQuantity {
            // "achieve a 15% increase in sales": a change named by its noun is scoped as the verb's would be.
            if let head = object.head, text[head].forms.contains(where: Self.changeNouns.contains) {
                var at = object.end
                if let time = goal.time(at: at) { at = time.span.upperBound }
                guard ["in", "of"].contains(text.word(at: at) ?? ""),
                      let changed = ObjectPhrase(in: goal, from: at + 1, limit: clause.span.upperBound), changed.head != nil else {
                    // "a 10% salary increase": a modifier names what changes.
                    return ObjectScope(object, in: goal, clause: clause).narrowed
                        ? .action(verb: verb.span, object: object.span) : .unscoped(verb: verb.span, object: object.span, needsAmount: false)
                }
                return change(verb, of: changed, amount: nil, in: clause, goal)
            }
            return .action(verb: verb.span, object: object.span)
        }
        if hasMeasure(in: clause, goal) {
            guard verb.value.direction != nil else { return .action(verb: verb.span, object: object.span) }
            let amount = goal.quantities.first { (object.end...(object.end + 1)).contains($0.span.lowerBound) }
            return change(verb, of: object, amount: amount, in: clause, goal)
        }
        // "be healthier", "become confident": a state named by a bare word is a judgement; "be the
        // top seller" or "become a certified PMP" name something that can be checked.
        if verb.span.count == 1, text[verb.span.lowerBound].forms.contains(where: Self.copulas.contains),
           let first = text.word(at: object.span.lowerBound), !FunctionWords.determiners.contains(first) {
            if let freed = freed(object, in: goal, limit: clause.span.upperBound) { return .action(verb: verb.span, object: freed) }
            return .judgement(phrase: verb.span.lowerBound..<object.span.upperBound, word: object.span.lowerBound..<(object.span.lowerBound + 1))
        }
        // "eat better", "eat healthier": a quality, or an "-ier" comparative alone, is a judgement.
        // "get fitter", "feel calmer": after a verb of becoming, a lone "-er" word is a comparative, since
        // a thing would take a determiner ("get a fitter").
        let becoming = text[verb.span.lowerBound].forms.contains(where: ["get", "feel", "grow", "stay", "look", "keep"].contains)
        let loneComparative = object.span.count == 1
            && text.word(at: object.span.lowerBound).map {
                (ObjectScope.isComparative($0) || (becoming && $0.hasSuffix("er") && $0.count >= 5)) && !ObjectScope.comparatives.contains($0)
            } == true
        if let word = object.qualityWord ?? (loneComparative ? object.span.lowerBound : nil) {
            return .judgement(phrase: verb.span.lowerBound..<object.span.upperBound, word: word..<(word + 1))
        }
        guard let head = object.head else { return .noObject(verb.span) }
        let scope = ObjectScope(object, in: goal, clause: clause)
        if isAbstract(head, in: goal), !scope.named, !hasTarget(after: object, in: goal) {
            return .abstractObject(verb: verb.span, object: object.span)
        }
        let verbWord = text[verb.span.lowerBound].forms
        // "develop my team members", "build a following": what a verb of making grows is no thing delivered.
        if Self.makes(verb, goal), !scope.named,
           !text[head].forms.contains(where: goal.vocabulary.madeThings.contains) {
            return .grown(verb: verb.span, object: object.span)
        }
        // "more" with nothing to count it by, or a change with no amount, does not say how much.
        if scope.comparative != nil || verb.value.direction != nil {
            return .unscoped(verb: verb.span, object: object.span, needsAmount: true)
        }
        if verbWord.contains(where: ObjectScope.knowingVerbs.contains) {
            return .abstractObject(verb: verb.span, object: object.span)
        }
        if verbWord.contains(where: ObjectScope.learningVerbs.contains), scope.contentWords < 2, !scope.complement {
            return .unscoped(verb: verb.span, object: object.span, needsAmount: false)
        }
        if (scope.general || verb.value.kind == .vague), !scope.narrowed {
            return .unscoped(verb: verb.span, object: object.span, needsAmount: false)
        }
        return .action(verb: verb.span, object: object.span)
    }

    /// A change with its amount: "increase output by 20%" says how much, not which output; a
    /// modifier, a name or a complement of the object says which, as does a complement after the
    /// amount ("by 80% in the XYZ market") or what the amount counts ("by 10 cars a day"), and
    /// "my sales", "each of their territories" say whose.
    private func change(_ verb: PhraseTable<ActionVerb>.Match, of object: ObjectPhrase, amount: Quantity?, in clause: GoalClause,
                        _ goal: ParsedGoal) -> Reading {
        let text = goal.text
        guard let head = object.head, !isAbstract(head, in: goal),
              !(object.span.lowerBound..<head).contains(where: { FunctionWords.possessives.contains(text.word(at: $0) ?? "") }) else {
            return .action(verb: verb.span, object: object.span)
        }
        let scope = ObjectScope(object, in: goal, clause: clause)
        let counted = amount.map { $0.kind == .count && $0.phrase.upperBound > $0.span.upperBound } ?? false
        let complementAfterAmount = amount.map {
            ObjectScope.startsComplement(at: $0.phrase.upperBound, in: goal, clause: clause) && goal.quantity(at: $0.phrase.upperBound + 1) == nil
                && !text.isNumber(at: $0.phrase.upperBound + 1)
        } ?? false
        return !scope.narrowed && !counted && !complementAfterAmount
            ? .unscoped(verb: verb.span, object: object.span, needsAmount: false) : .action(verb: verb.span, object: object.span)
    }

    /// The noun of change an object ends in ("a 25% increase"), when it is one.
    private static func changeNoun(in object: Range<Int>, _ goal: ParsedGoal) -> String? {
        guard let last = object.last(where: { goal.text[$0].isWord }), goal.text[last].forms.contains(where: changeNouns.contains) else { return nil }
        return goal.text[last].text
    }

    /// Nouns that name a change ("a 15% increase", "a 10% reduction"), whose amount does not say what changes.
    private static let changeNouns: Set<String> = [
        "increase", "decrease", "reduction", "rise", "drop", "decline", "growth", "improvement", "gain", "boost", "cut", "jump", "uplift",
    ]

    /// "develop", "build": a vague verb that makes a thing when its object is one (`made_things`).
    private static func makes(_ verb: PhraseTable<ActionVerb>.Match, _ goal: ParsedGoal) -> Bool {
        verb.value.kind == .vague && goal.text[verb.span.lowerBound].forms.contains(where: ActionVerb.making.contains)
    }

    /// "learn how to cook nutritious food": what is learned is the doing of something, specific when
    /// it acts on something named; "learn how to troubleshoot" (for anyone) does not say which.
    private func howTo(after verb: PhraseTable<ActionVerb>.Match, objectStart: Int, in clause: GoalClause, _ goal: ParsedGoal) -> Reading? {
        let text = goal.text
        guard text[verb.span.lowerBound].forms.contains(where: ObjectScope.learningVerbs.contains),
              text.word(at: objectStart) == "how", text.word(at: objectStart + 1) == "to",
              let doing = text.word(at: objectStart + 2), !FunctionWords.contains(doing), objectStart + 2 < clause.span.upperBound else { return nil }
        let skill = objectStart..<(objectStart + 3)
        guard let next = text.word(at: objectStart + 3), !FunctionWords.contains(next),
              let object = ObjectPhrase(in: goal, from: objectStart + 3, limit: clause.span.upperBound), object.head != nil else {
            return .unscoped(verb: verb.span, object: skill, needsAmount: false)
        }
        return .action(verb: verb.span, object: skill.lowerBound..<object.span.upperBound)
    }

    /// "The design of Project A will be completed": a copula before the participle of an action verb
    /// is the passive, whose subject is what is acted on. The participle and the subject's phrase.
    private func passive(_ verb: PhraseTable<ActionVerb>.Match, in clause: GoalClause, _ goal: ParsedGoal)
        -> (PhraseTable<ActionVerb>.Match, ObjectPhrase)? {
        let text = goal.text
        guard verb.value.kind == .copula, let word = text.word(at: verb.span.upperBound), word.hasSuffix("ed") || word.hasSuffix("en"),
              let participle = ActionVerb.lexicon.match(in: text, at: verb.span.upperBound), participle.value.kind == .action,
              participle.value.direction == nil,
              let subject = ObjectPhrase(in: goal, from: clause.span.lowerBound, limit: verb.span.lowerBound), let head = subject.head,
              !FunctionWords.pronouns.contains(text[head].text) else { return nil }
        return (participle, subject)
    }

    /// A passive action read on its subject, as an active one is on its object.
    private func read(_ participle: PhraseTable<ActionVerb>.Match, acting subject: ObjectPhrase, in clause: GoalClause, _ goal: ParsedGoal) -> Reading {
        guard let head = subject.head, !isAbstract(head, in: goal) else { return .abstractObject(verb: participle.span, object: subject.span) }
        let scope = ObjectScope(subject, in: goal, clause: clause)
        if (scope.general && !scope.narrowed) && !subject.hasQuantity && !hasMeasure(in: clause, goal) {
            return .unscoped(verb: participle.span, object: subject.span, needsAmount: false)
        }
        return .action(verb: participle.span, object: subject.span)
    }

    /// "walk up the staircase", "walk from my house to the mailbox": a way of moving with a route to
    /// a place picked out by a determiner is a trip made or not, not an open-ended activity. The
    /// route's span, or nil.
    private func route(after verb: PhraseTable<ActionVerb>.Match, in clause: GoalClause, _ goal: ParsedGoal) -> Range<Int>? {
        let text = goal.text
        guard text[verb.span.lowerBound].forms.contains(where: ObjectScope.motionVerbs.contains) else { return nil }
        var cursor = verb.span.upperBound
        var end: Int?
        while let word = text.word(at: cursor), ObjectScope.pathWords.contains(word), cursor + 1 < clause.span.upperBound,
              let place = text.word(at: cursor + 1), FunctionWords.determiners.contains(place),
              let phrase = ObjectPhrase(in: goal, from: cursor + 1, limit: clause.span.upperBound), let head = phrase.head,
              !isAbstract(head, in: goal) {
            end = phrase.span.upperBound
            cursor = phrase.span.upperBound
        }
        return end.map { verb.span.upperBound..<$0 }
    }

    /// "save for retirement": the verb's object is its purpose, so what is missing is how much.
    private static func namesOnlyAPurpose(_ verb: Range<Int>, _ object: Range<Int>, _ goal: ParsedGoal) -> Bool {
        object.lowerBound == verb.upperBound + 1 && goal.text.word(at: verb.upperBound) == "for"
    }

    /// A count, amount, share, score or time spent anywhere in the clause gives its action a scope.
    private func hasMeasure(in clause: GoalClause, _ goal: ParsedGoal) -> Bool {
        goal.quantities.contains { clause.span.contains($0.span.lowerBound) } || LetterGrades.grade(in: goal, within: clause.span) != nil
    }

    /// Clauses whose action is concrete and scoped: done or not done, so checkable as yes or no
    /// ("contact my references", "revise the department manual"); a verb the lexicon does not know
    /// may name an activity, so it completes nothing.
    func completions(in goal: ParsedGoal) -> [Range<Int>] {
        goal.clauses.compactMap { clause in
            guard let written = goal.verb(in: clause) else { return nil }
            let verb = passive(written, in: clause, goal)?.0 ?? written
            let forms = goal.text[verb.span.lowerBound].forms
            // "become debt-free": the state of something gone is reached or not, like paying it off.
            let state = forms.contains(where: Self.copulas.contains)
            // "walk to the mailbox" is a trip made or not; "not eat dessert" a rule kept or broken.
            // "do strength training workouts on Mondays", "hold team huddles every morning": a light
            // verb names its events, which a schedule makes kept or missed.
            let bounded = route(after: verb, in: clause, goal) != nil || Self.negates(verb.span, goal) || Self.abstains(verb, goal)
                || (forms.contains(where: Self.lightVerbs.contains) && isScheduled(clause, in: goal))
            let makes = Self.makes(verb, goal)
            guard state || ((verb.value.kind == .action || makes) && verb.value.direction == nil && ActionVerb.lexicon.match(in: goal.text, at: verb.span.lowerBound) != nil
                            && (bounded || !forms.contains(where: ObjectScope.activityVerbs.contains))),
                  case .action(let verbSpan, let object)? = read(clause, in: goal),
                  state ? object.contains(where: { goal.text.word(at: $0) == "free" })
                      : !isBarePlural(object, in: goal) || isScheduled(clause, in: goal) || Self.abstains(verb, goal),
                  !makes || namesMadeThing(object, in: clause, goal)
            else { return nil }
            return min(verbSpan.lowerBound, object.lowerBound)..<max(verbSpan.upperBound, object.upperBound)
        }
    }

    /// "develop an onboarding checklist", "build a website for the shop": a verb of making delivers a
    /// thing of Rules/smart.yaml's `made_things` named by a modifier or a complement, which is there or
    /// not; "develop a plan" does not say which, and "develop my team" grows people rather than making a thing.
    private func namesMadeThing(_ object: Range<Int>, in clause: GoalClause, _ goal: ParsedGoal) -> Bool {
        let text = goal.text
        guard let phrase = ObjectPhrase(in: goal, from: object.lowerBound, limit: clause.span.upperBound), let head = phrase.head,
              text[head].forms.contains(where: goal.vocabulary.madeThings.contains) else { return false }
        let modified = (object.lowerBound..<head).contains { index in
            text[index].isWord && !FunctionWords.contains(text[index].text) && !goal.vocabulary.genericModifiers.contains(text[index].text)
        }
        // "a plan to address turnover" says what the plan is for, not which plan it is.
        return modified || (text.word(at: phrase.end) != "to" && ObjectScope.startsComplement(at: phrase.end, in: goal, clause: clause))
    }

    /// Adverbs that say "often" without saying how often.
    private static let vagueFrequencies: Set<String> = ["regularly", "often", "frequently", "consistently", "sometimes", "occasionally"]

    /// Verbs whose object is the event itself ("do a workout", "have a meeting").
    private static let lightVerbs: Set<String> = ["do", "have", "hold"]

    /// "cut out french fries", "give up sugar": a verb of giving something up is an abstention, kept or broken.
    private static func abstains(_ verb: PhraseTable<ActionVerb>.Match, _ goal: ParsedGoal) -> Bool {
        let phrase = verb.span.compactMap { goal.text.word(at: $0) }.joined(separator: " ")
        return ["cut out", "give up", "eliminate", "quit", "avoid"].contains(phrase)
    }

    /// "not eat dessert", "never check email": the verb is negated, so the goal is an abstention.
    private static func negates(_ verb: Range<Int>, _ goal: ParsedGoal) -> Bool {
        guard let word = goal.text.word(at: verb.lowerBound - 1) else { return false }
        return ["not", "never", "don't", "dont", "won't"].contains(word) || (word == "to" && goal.text.word(at: verb.lowerBound - 2) == "not")
    }

    /// "debt-free", "smoke free", "free of credit card debt": something named that will be gone, a
    /// state as checkable as paying it off or quitting it. The span it covers, or nil.
    private func freed(_ object: ObjectPhrase, in goal: ParsedGoal, limit: Int) -> Range<Int>? {
        let text = goal.text
        let words = object.span.filter { text[$0].isWord }
        // What is gone must be a thing, not a feeling ("stress free" stays a judgement).
        let concrete = { (index: Int) in !FunctionWords.contains(text[index].text) && !text[index].forms.contains(where: goal.vocabulary.abstractHeads.contains) }
        if words.count >= 2, let last = words.last, text.word(at: last) == "free", concrete(words[words.count - 2]) {
            return object.span
        }
        guard words.count == 1, text.word(at: words[0]) == "free", let joiner = text.word(at: object.end), joiner == "of" || joiner == "from",
              let thing = ObjectPhrase(in: goal, from: object.end + 1, limit: limit), let head = thing.head, concrete(head) else { return nil }
        return object.span.lowerBound..<thing.span.upperBound
    }

    /// An uncounted plural with no determiner ("send thank-you emails", "meet new people") names a
    /// habit, not a thing done once; "my references" and "the two reports" are things.
    private func isBarePlural(_ object: Range<Int>, in goal: ParsedGoal) -> Bool {
        let text = goal.text
        guard let first = text.word(at: object.lowerBound), !FunctionWords.determiners.contains(first),
              !goal.quantities.contains(where: { object.overlaps($0.span) }),
              let head = text.word(at: object.upperBound - 1) else { return false }
        return WordForms.isPlural(head)
    }

    /// "administer pain assessments every four hours", "hold weekly mentorship sessions": a habit on a
    /// schedule is kept or not at each time it names, which can be checked.
    private func isScheduled(_ clause: GoalClause, in goal: ParsedGoal) -> Bool {
        goal.times.contains { $0.kind == .cadence && clause.span.contains($0.span.lowerBound) }
    }

    private func isAbstract(_ head: Int, in goal: ParsedGoal) -> Bool {
        let text = goal.text
        // "each patient", "every client": only a countable thing follows "each" or "every".
        if let before = text.word(at: head - 1), before == "each" || before == "every" { return false }
        let previous = text.isInnerHyphen(at: head - 1) ? head - 2 : head - 1
        if let modifier = text.word(at: previous), Self.metricCompounds.contains("\(modifier) \(text[head].text)") {
            return false
        }
        return text[head].forms.contains(where: goal.vocabulary.abstractHeads.contains)
    }

    /// "grow my network to 500 connections": a counted or priced target makes an abstract object concrete.
    private func hasTarget(after object: ObjectPhrase, in goal: ParsedGoal) -> Bool {
        guard let word = goal.text.word(at: object.end), ["to", "of", "from"].contains(word),
              let target = goal.quantity(at: object.end + 1) else { return false }
        return [.count, .money, .score, .range].contains(target.kind)
    }
}
