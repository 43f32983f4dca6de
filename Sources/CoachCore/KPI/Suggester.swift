/// Ranks catalogue metrics for a client: each rule whose condition holds adds its weights, ties
/// break by catalogue order (a job family's results among themselves by the family's), and the
/// top of the list is re-balanced so it holds a personal or well-being metric and both short- and
/// long-term ones, as coaching practice recommends.
public struct Suggester: Sendable {
    public let catalogue: Catalogue
    public let today: LocalDate

    public init(catalogue: Catalogue, today: LocalDate) {
        self.catalogue = catalogue
        self.today = today
    }

    public struct Suggestion: Hashable, Sendable {
        public let metric: Metric
        public let score: Int
        public var reasons: [String]
        /// The ids of the rules that fired for it (for `/why`).
        public let rules: [String]
        /// Only the kind of goal asks for it: nothing about the client's role or words does.
        public var isGeneric = false
        /// The kind of goal asks for it (perhaps with other reasons): one of the goal's own measures.
        public var measuresTheGoal = false
    }

    /// The best `limit` metrics, best first; `answers` uses the interview's names
    /// (`profile.role`, `goal.type`, `goal.final`, …). A metric that restates one already
    /// listed waits in the pool: the place goes to a different number.
    public func suggest(_ answers: [String: AnswerValue], limit: Int = 5) -> [Suggestion] {
        var top: [Suggestion] = []
        var pool: [Suggestion] = []
        for suggestion in rank(answers) {
            if top.count < limit && !top.contains(where: { $0.metric.restates(suggestion.metric) }) {
                top.append(suggestion)
            } else {
                pool.append(suggestion)
            }
        }
        while top.count < limit, !pool.isEmpty { top.append(pool.removeFirst()) }
        return balance(top, pool: pool)
    }

    /// Every metric with a positive score, best first.
    public func rank(_ answers: [String: AnswerValue]) -> [Suggestion] {
        var score: [String: Int] = [:]
        var reasons: [String: [String]] = [:]
        var fired: [String: [String]] = [:]
        var aboutTheClient = Set<String>()
        var goalMeasures = Set<String>()
        var familyPlace: [String: Int] = [:]
        let values = answers.mapValues(ExpressionValue.init)
        for i in catalogue.ruleIndex.candidates(values, count: catalogue.rules.count) where catalogue.rules[i].fires(for: values, today: today) {
            let rule = catalogue.rules[i]
            var weights = rule.weights.map { ($0.metricID, $0.weight, rule.reason) }
            if !rule.familyWeights.isEmpty, let (metrics, reason) = familyResults(for: rule, answers) {
                let weighted = Array(zip(distinct(metrics), rule.familyWeights))
                weights += weighted.map { ($0, $1, reason) }
                for (place, (id, _)) in weighted.enumerated() where familyPlace[id] == nil { familyPlace[id] = place }
            }
            for (metricID, weight, reason) in weights where catalogue[metricID] != nil {
                score[metricID, default: 0] += weight
                if !(reasons[metricID] ?? []).contains(reason) { reasons[metricID, default: []].append(reason) }
                fired[metricID, default: []].append(rule.id)
                if rule.readsTheClient { aboutTheClient.insert(metricID) } else { goalMeasures.insert(metricID) }
            }
        }
        return score.keys
            .sorted { (score[$0]!, -catalogue.position(of: $0)) > (score[$1]!, -catalogue.position(of: $1)) }
            .inFamilyOrder(familyPlace, score: score)
            .map { Suggestion(metric: catalogue[$0]!, score: score[$0]!, reasons: reasons[$0] ?? [], rules: fired[$0] ?? [],
                              isGeneric: !aboutTheClient.contains($0), measuresTheGoal: goalMeasures.contains($0)) }
    }

    /// The results of the family a rule's `family_of` answers name (its specialty's first), with the
    /// reason to give; a family the client picked (`profile.family`) stands in when no title is recognised.
    public func familyResults(for rule: SuggestionRule, _ answers: [String: AnswerValue]) -> (metrics: [String], reason: String)? {
        for name in rule.familyOf {
            guard let text = answers[name]?.display, let reading = catalogue.roles.read(text) else { continue }
            return (reading.family.metrics(for: text), reading.family.reason(for: reading.title, in: text))
        }
        guard let chosen = answers[Self.chosenFamily]?.display, let family = catalogue.roles.family(named: chosen) else { return nil }
        return (family.metrics, "You placed your work in \(family.name), where \(family.judgedBy).")
    }

    /// A family's metrics without those that restate one before them (billable hours after
    /// billable utilisation): each weight of a family rule goes to a different number.
    private func distinct(_ metrics: [String]) -> [String] {
        var kept: [Metric] = []
        for id in metrics {
            guard let metric = catalogue[id] else { continue }
            if !kept.contains(where: { $0.restates(metric) }) { kept.append(metric) }
        }
        return kept.map(\.id)
    }

    /// Where the interview keeps the family a client picked for a title it did not recognise.
    public static let chosenFamily = "profile.family"

    /// What the suggestions could make of the client's role: the family and title, or nil.
    public func placement(_ answers: [String: AnswerValue]) -> RoleReading? {
        for name in ["profile.role", "goal.target_role"] {
            if let text = answers[name]?.display, let reading = catalogue.roles.read(text) { return reading }
        }
        return nil
    }

    /// The entry to give up for balance: what only the kind of goal asked for goes before what the
    /// client's role or words asked for, and within each the weakest entry of a family repeated in
    /// the list (two promotion metrics say less than one and a deal count), else the weakest; never
    /// one of the candidate's own family, which would change nothing.
    private func victim(in top: [Suggestion], sparing locked: Set<Int>, for candidate: Metric) -> Int? {
        let free = top.indices.filter { !locked.contains($0) && top[$0].metric.family != candidate.family }
        var counts: [String: Int] = [:]
        for s in top { counts[s.metric.family, default: 0] += 1 }
        let crowded = free.filter { counts[top[$0].metric.family]! >= 2 }
        let generic = { (pool: [Int]) in pool.filter { top[$0].isGeneric } }
        for pool in [generic(crowded), generic(free), crowded, free] where !pool.isEmpty {
            let weakest = pool.map { top[$0].score }.min()
            return pool.last { top[$0].score == weakest }
        }
        return nil
    }

    /// Swaps entries for the best candidates that restore balance; the first of the goal's own
    /// measures (what the kind of goal asks for) and an entry that is the one meeting a need
    /// (personal, short, long) are never swapped out. Among the candidates, one that also meets a
    /// need still missing is preferred, so one swap does the work of two and more of the ranking stays.
    func balance(_ top: [Suggestion], pool: [Suggestion]) -> [Suggestion] {
        var top = top
        var pool = pool
        var locked = Set(top.indices.first { top[$0].measuresTheGoal }.map { [$0] } ?? [])
        let needs: [((Metric) -> Bool, String)] = [
            ({ $0.kind == .personal }, "Added for balance: a plan needs personal growth and well-being next to results."),
            ({ $0.horizon == .short }, "Added for balance: a short-term milestone keeps progress visible from week to week."),
            ({ $0.horizon == .long }, "Added for balance: a long-term objective keeps the plan pointed at where you want to be."),
        ]
        guard top.count > 1 else { return top }
        for (wanted, note) in needs {
            let providers = top.indices.filter { wanted(top[$0].metric) }
            if providers.count == 1 { locked.insert(providers[0]) }
            if !providers.isEmpty { continue }
            let missing = needs.map(\.0).filter { need in !top.contains { need($0.metric) } }
            let fit = { (m: Metric) in missing.filter { $0(m) }.count }
            // What a rule scored comes first (its reasons say why); the catalogue fills in otherwise.
            var candidate: Suggestion
            if let i = pool.indices.filter({ wanted(pool[$0].metric) }).max(by: { (fit(pool[$0].metric), $1) < (fit(pool[$1].metric), $0) }) {
                candidate = pool.remove(at: i)
            } else {
                let taken = Set(top.map(\.metric.id))
                let inCatalogue = catalogue.metrics.filter { wanted($0) && !taken.contains($0.id) }
                guard let best = inCatalogue.indices.max(by: { (fit(inCatalogue[$0]), $1) < (fit(inCatalogue[$1]), $0) }) else { continue }
                candidate = Suggestion(metric: inCatalogue[best], score: 0, reasons: [], rules: [])
            }
            guard let victim = victim(in: top, sparing: locked, for: candidate.metric) else { continue }
            candidate.reasons.append(note)
            top[victim] = candidate
            locked.insert(victim)
        }
        return top
    }
}

extension [String] {
    /// Among metrics of equal score, a job family's results take the places they hold in the
    /// family's order (its most telling result first); the rest keep the catalogue's order.
    func inFamilyOrder(_ place: [String: Int], score: [String: Int]) -> [String] {
        var result = self
        var start = 0
        while start < result.count {
            var end = start + 1
            while end < result.count, score[result[end]] == score[result[start]] { end += 1 }
            let slots = (start..<end).filter { place[result[$0]] != nil }
            let ordered = slots.map { result[$0] }.sorted { place[$0]! < place[$1]! }
            for (slot, id) in zip(slots, ordered) { result[slot] = id }
            start = end
        }
        return result
    }
}
