public import CoachCore
import Foundation
import Yams

/// Reads Rules/catalogue.yaml and Rules/suggestions.yaml and checks them together: unknown or
/// duplicate metric ids, bad conditions, metrics no rule can suggest, thin families, and rules
/// whose own example profiles disagree with them — every problem with `file:line:col`.
public enum CatalogueLoader {
    public static let catalogueFile = "catalogue.yaml"
    public static let rulesFile = "suggestions.yaml"
    public static let rolesFile = "roles.yaml"

    /// The answers rules may read: what onboarding and the SMART goal save.
    public static let ruleVariables: Set<String> = [
        "profile.role", "profile.industry", "profile.years", "goal.type", "goal.target_role", "goal.focus", "goal.final",
        "goal.statement", "discovery.job_description", "discovery.mentor_guidance", "discovery.org_goals",
        "discovery.personal_success", "constraints.hours", "constraints.support", "profile.family",
    ]

    static let metricKeys: Set<String> = ["id", "name", "family", "unit", "direction", "measure", "source", "cadence", "kind", "horizon", "baseline", "scale", "restates"]
    static let ruleKeys: Set<String> = ["id", "if", "add", "add_family", "family_of", "because", "fires_for", "silent_for"]

    /// Loads the catalogue, its rules and the roles from a Rules/ folder (`today` checks the rules' examples).
    public static func load(rulesDirectory dir: String, today: LocalDate, cache: ParseCache = .off) -> Result<Catalogue, LoadFailure> {
        let paths = [catalogueFile, rulesFile, rolesFile].map { (dir as NSString).appendingPathComponent($0) }
        return cache.load("catalogue", files: paths, salt: today.iso) { contents in
            let text = contents.map { $0.map { String(decoding: $0, as: UTF8.self) } ?? "" }
            return load(catalogue: text[0], file: paths[0], rules: text[1], file: paths[1], roles: text[2], file: paths[2], today: today)
        }
    }

    /// Only the titles and family names of Rules/roles.yaml: what placing a title needs, without
    /// reading the catalogue and its rules.
    public static func loadRoles(rulesDirectory dir: String, cache: ParseCache = .off) -> Result<Catalogue, LoadFailure> {
        let path = (dir as NSString).appendingPathComponent(rolesFile)
        return cache.load("roles", files: [path]) { loadRoles(source: $0[0].map { String(decoding: $0, as: UTF8.self) } ?? "", file: path) }
    }

    static func loadRoles(source: String, file path: String) -> Result<Catalogue, LoadFailure> {
        var diagnostics: [Diagnostic] = []
        var unused = NodeReader(file: path)
        let lexicon = RolesLoader.lexicon(source, file: path, judged: nil, diagnostics: &diagnostics, catalogueReader: &unused) ?? .empty
        guard diagnostics.isEmpty else { return .failure(LoadFailure(diagnostics)) }
        return .success(Catalogue(metrics: [], rules: [], roles: lexicon))
    }

    public static func load(catalogue: String, file catalogueFile: String, rules: String, file rulesFile: String,
                            roles: String = "", file rolesFile: String = rolesFile, today: LocalDate) -> Result<Catalogue, LoadFailure> {
        var metricReader = NodeReader(file: catalogueFile)
        var ruleReader = NodeReader(file: rulesFile)
        var syntax: [Diagnostic] = []
        func compose(_ source: String, _ file: String, _ reader: inout NodeReader) -> Node? {
            do {
                guard let node = try NodeReader.compose(source) else {
                    reader.report(.missingField, "the file is empty or missing", at: nil)
                    return nil
                }
                return node
            } catch {
                syntax.append(ScriptLoader.syntaxDiagnostic(error, file: file))
                return nil
            }
        }
        var metricNodes: [String: Node] = [:]
        var metrics: [Metric] = []
        var judged: [String: RolesLoader.Judged] = [:]
        if let root = compose(catalogue, catalogueFile, &metricReader) {
            metrics = readMetrics(root, &metricReader, &metricNodes)
            for metric in metrics {
                for other in metric.restates where metricNodes[other] == nil || other == metric.id {
                    metricReader.report(.unknownMetric, "'\(metric.id)' restates '\(other)', which is not another metric in the catalogue",
                                        at: metricNodes[metric.id], offset: 0)
                }
            }
            judged = RolesLoader.judged(root, &metricReader, known: Set(metricNodes.keys))
            checkWording(root, metrics, &metricReader, metricNodes)
        }
        var rolesDiagnostics: [Diagnostic] = []
        let lexicon = RolesLoader.lexicon(roles, file: rolesFile, judged: judged, diagnostics: &rolesDiagnostics,
                                          catalogueReader: &metricReader) ?? .empty
        var rulesOut: [SuggestionRule] = []
        if let root = compose(rules, rulesFile, &ruleReader) {
            rulesOut = readRules(root, &ruleReader, known: Set(metricNodes.keys), today: today)
        }
        let familyRules = rulesOut.filter { !$0.familyWeights.isEmpty }
        for family in lexicon.families {
            let role = family.example["profile.role"]?.display ?? ""
            if lexicon.read(role)?.family.id != family.id {
                metricReader.report(.exampleDisagrees, "the example role '\(role)' of job family '\(family.id)' is not read as that family", at: judged[family.id]?.node)
            } else if !familyRules.contains(where: { $0.fires(for: family.example, today: today) }) {
                metricReader.report(.exampleDisagrees, "no add_family rule fires for the example of job family '\(family.id)'", at: judged[family.id]?.node)
            }
        }
        let suggested = Set(rulesOut.flatMap { $0.weights.map(\.metricID) } + (familyRules.isEmpty ? [] : lexicon.families.flatMap { $0.metrics + $0.specialties.flatMap(\.metrics) }))
        for metric in metrics where !suggested.contains(metric.id) {
            metricReader.report(.unsuggestable, "no rule in \(rulesFile.split(separator: "/").last ?? "") adds '\(metric.id)', so it can never be suggested", at: metricNodes[metric.id])
        }
        if !metrics.isEmpty {
            for family in Catalogue.families {
                let count = metrics.filter { $0.family == family }.count
                if count < Catalogue.minimumPerFamily {
                    metricReader.report(.thinFamily, "the family '\(family)' has \(count) metric\(count == 1 ? "" : "s"); it needs at least \(Catalogue.minimumPerFamily)", at: nil)
                }
            }
        }
        let all = syntax + metricReader.diagnostics + ruleReader.diagnostics + rolesDiagnostics
        guard all.isEmpty else { return .failure(LoadFailure(all)) }
        return .success(Catalogue(metrics: metrics, rules: rulesOut, roles: lexicon))
    }

    private static func items(_ root: Node, _ key: String, _ reader: inout NodeReader, allowed: Set<String>) -> [Node] {
        guard let pairs = reader.mapping(root, "the file", allowed: allowed) else { return [] }
        guard let node = pairs.first(where: { $0.key == key })?.value else {
            reader.report(.missingField, "the file needs '\(key)'", at: root)
            return []
        }
        guard case .sequence(let list) = node else {
            reader.report(.badValue, "'\(key)' should be a list", at: node)
            return []
        }
        return Array(list)
    }

    private static func readMetrics(_ root: Node, _ reader: inout NodeReader, _ nodes: inout [String: Node]) -> [Metric] {
        items(root, "metrics", &reader, allowed: ["id", "version", "metrics", "job_families", "unit_wording"]).compactMap { item in
            guard let pairs = reader.mapping(item, "a metric", allowed: metricKeys) else { return nil }
            var f: [String: Node] = [:]
            for pair in pairs { f[pair.key] = pair.value }
            func text(_ key: String) -> String? {
                guard let node = f[key] else {
                    reader.report(.missingField, "a metric needs '\(key)'", at: item)
                    return nil
                }
                return reader.string(node, key)
            }
            func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T? where T.RawValue == String {
                guard let raw = text(key) else { return nil }
                guard let value = T(rawValue: raw) else {
                    reader.report(.badValue, "\(key) '\(raw)' is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))", at: f[key])
                    return nil
                }
                return value
            }
            guard let id = text("id") else { return nil }
            if nodes[id] != nil {
                reader.report(.duplicateID, "the metric id '\(id)' is used twice", at: f["id"])
                return nil
            }
            nodes[id] = f["id"]
            let family = text("family")
            if let family, !Catalogue.families.contains(family) {
                reader.report(.badValue, "family '\(family)' is not one of: \(Catalogue.families.joined(separator: ", "))", at: f["family"])
            }
            guard let name = text("name"), let family, Catalogue.families.contains(family),
                  let unit = choice("unit", Metric.Unit.self), let direction = choice("direction", Metric.Direction.self),
                  let measure = text("measure"), let source = text("source"), let cadence = choice("cadence", Metric.Cadence.self),
                  let kind = choice("kind", Metric.Kind.self), let horizon = choice("horizon", Metric.Horizon.self),
                  let baseline = text("baseline") else { return nil }
            var scale: ClosedRange<Double>?
            if let node = f["scale"] { scale = Self.scale(of: id, node, unit: unit, measure: measure, &reader) }
            let restates = f["restates"].flatMap { reader.strings($0, "restates") } ?? []
            return Metric(id: id, name: name, family: family, unit: unit, direction: direction, measure: measure, source: source,
                          cadence: cadence, kind: kind, horizon: horizon, baselineQuestion: baseline, scale: scale, restates: restates)
        }
    }

    /// `scale: [1, 10]`: the fixed range of a rating, lowest first, which its measure must state
    /// ("from 1 (poor) to 10 (thriving)") so the client and the check are reading the same scale.
    private static func scale(of id: String, _ node: Node, unit: Metric.Unit, measure: String,
                              _ reader: inout NodeReader) -> ClosedRange<Double>? {
        guard case .sequence(let items) = node, items.count == 2,
              let lowest = items[0].scalar.flatMap({ Double($0.string) }), let highest = items[1].scalar.flatMap({ Double($0.string) }) else {
            reader.report(.badValue, "scale should be two numbers, lowest first, e.g. [1, 10]", at: node)
            return nil
        }
        guard lowest < highest else {
            reader.report(.badValue, "scale should run from its lowest to its highest value, e.g. [1, 10]", at: node)
            return nil
        }
        guard unit == .score else {
            reader.report(.badValue, "only a metric with unit 'score' has a scale ('\(id)' is '\(unit.rawValue)')", at: node)
            return nil
        }
        let said = [lowest, highest].map(NumberFormat.plain)
        let words = Set(measure.split { !($0.isNumber || $0 == "-" || $0 == ".") }
            .map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) })
        if !said.allSatisfy(words.contains) {
            reader.report(.exampleDisagrees, "the measure of '\(id)' should state its scale, from \(said[0]) to \(said[1]) (“\(measure)”)", at: node)
        }
        return lowest...highest
    }

    /// `unit_wording`: the words a baseline question of a unit uses, so that the answer comes in
    /// that unit (a percent metric asks for a share, not "how many"). Each entry's two examples,
    /// a question that asks rightly and one that does not, are checked against its words too.
    private static func checkWording(_ root: Node, _ metrics: [Metric], _ reader: inout NodeReader, _ nodes: [String: Node]) {
        guard case .mapping(let top) = root, let section = top.first(where: { $0.key.scalar?.string == "unit_wording" })?.value else { return }
        guard case .sequence(let entries) = section else { return reader.report(.badValue, "unit_wording should be a list", at: section) }
        for entry in entries {
            guard let pairs = reader.mapping(entry, "a unit wording", allowed: ["unit", "words", "asks", "refuses"]) else { continue }
            var f: [String: Node] = [:]
            for pair in pairs { f[pair.key] = pair.value }
            guard let unitNode = f["unit"], let wordsNode = f["words"], let asksNode = f["asks"], let refusesNode = f["refuses"] else {
                reader.report(.missingField, "a unit wording needs 'unit', 'words', 'asks' and 'refuses'", at: entry)
                continue
            }
            guard let raw = reader.string(unitNode, "unit"), let unit = Metric.Unit(rawValue: raw) else {
                reader.report(.badValue, "unit is not one of: \(Metric.Unit.allCases.map(\.rawValue).joined(separator: ", "))", at: unitNode)
                continue
            }
            guard let words = reader.strings(wordsNode, "words")?.map({ $0.lowercased() }), !words.isEmpty,
                  let asks = reader.string(asksNode, "asks"), let refuses = reader.string(refusesNode, "refuses") else { continue }
            func uses(_ question: String) -> Bool { words.contains { question.lowercased().contains($0) } }
            if !uses(asks) { reader.report(.exampleDisagrees, "the example “\(asks)” uses none of the words of \(unit.rawValue)", at: asksNode) }
            if uses(refuses) { reader.report(.exampleDisagrees, "the example “\(refuses)” should be refused but uses a word of \(unit.rawValue)", at: refusesNode) }
            for metric in metrics where metric.unit == unit && !uses(metric.baselineQuestion) {
                reader.report(.unitWording, "the baseline question of '\(metric.id)' does not ask for a \(unit.rawValue) (“\(metric.baselineQuestion)”); use one of: \(words.joined(separator: ", "))", at: nodes[metric.id])
            }
        }
    }

    private static func readRules(_ root: Node, _ reader: inout NodeReader, known: Set<String>, today: LocalDate) -> [SuggestionRule] {
        var seen = Set<String>()
        return items(root, "rules", &reader, allowed: ["id", "version", "rules"]).compactMap { item -> SuggestionRule? in
            guard let pairs = reader.mapping(item, "a rule", allowed: ruleKeys) else { return nil }
            var f: [String: Node] = [:]
            for pair in pairs { f[pair.key] = pair.value }
            for key in ["id", "if", "because"] where f[key] == nil {
                reader.report(.missingField, "a rule needs '\(key)'", at: item)
            }
            if f["add"] == nil, f["add_family"] == nil { reader.report(.missingField, "a rule needs 'add' or 'add_family'", at: item) }
            guard let idNode = f["id"], let id = reader.string(idNode, "id"), let ifNode = f["if"], let source = reader.string(ifNode, "if"),
                  f["add"] != nil || f["add_family"] != nil, let reasonNode = f["because"], let reason = reader.string(reasonNode, "because") else { return nil }
            guard seen.insert(id).inserted else {
                reader.report(.duplicateID, "the rule id '\(id)' is used twice", at: idNode)
                return nil
            }
            let condition: CoachCore.Expression
            switch Result(catching: { () throws(ExpressionError) in try CoachCore.Expression(parsing: source) }) {
            case .success(let parsed): condition = parsed
            case .failure(let error):
                reader.report(.badExpression, "bad condition: \(error.message)", at: ifNode, offset: error.offset)
                return nil
            }
            // Rules are judged without the SMART word tables: those functions are for interview scripts.
            for function in Expression.Function.smartFunctions where condition.functions.contains(function) {
                reader.report(.badExpression, "\(function.rawValue)() reads a goal with the SMART word tables, which suggestion rules do not load; use mentions() on goal.final instead",
                              at: ifNode, offset: NodeReader.scalarOffset(of: function.rawValue, in: source))
            }
            for name in condition.variables.sorted() where !ruleVariables.contains(name) {
                reader.report(.unknownVariable, "'\(name)' is not an answer rules can read (known: \(ruleVariables.sorted().joined(separator: ", ")))",
                              at: ifNode, offset: NodeReader.scalarOffset(of: name, in: source))
            }
            var familyWeights: [Int] = []
            if let node = f["add_family"] {
                guard case .sequence(let list) = node else {
                    reader.report(.badValue, "add_family is a list of weights for the family's metrics, most important first", at: node)
                    return nil
                }
                for item in list {
                    guard let w = reader.number(item, "a weight"), w >= 1, w <= 6, w == w.rounded() else {
                        reader.report(.badValue, "family weights are whole numbers from 1 to 6", at: item)
                        continue
                    }
                    familyWeights.append(Int(w))
                }
            }
            let familyOf = f["family_of"].flatMap { reader.strings($0, "family_of") } ?? []
            for name in familyOf where !ruleVariables.contains(name) {
                reader.report(.unknownVariable, "'\(name)' is not an answer rules can read", at: f["family_of"])
            }
            let weightPairs = f["add"].flatMap { reader.mapping($0, "add", allowed: []) } ?? []
            var weights: [SuggestionRule.MetricWeight] = []
            for pair in weightPairs {
                guard known.contains(pair.key) else {
                    reader.report(.unknownMetric, "there is no metric '\(pair.key)' in the catalogue", at: pair.keyNode)
                    continue
                }
                guard let w = reader.number(pair.value, "a weight"), w >= 1, w <= 5, w == w.rounded() else {
                    reader.report(.badValue, "weights are whole numbers from 1 to 5", at: pair.value)
                    continue
                }
                weights.append(.init(metricID: pair.key, weight: Int(w)))
            }
            let fires = f["fires_for"].map { profile($0, &reader) } ?? [:]
            let silent = f["silent_for"].map { profile($0, &reader) } ?? [:]
            let rule = SuggestionRule(id: id, condition: condition, weights: weights, reason: reason, firesFor: fires, silentFor: silent,
                                      familyWeights: familyWeights, familyOf: familyOf)
            if let node = f["fires_for"], !rule.fires(for: fires, today: today) {
                reader.report(.exampleDisagrees, "rule '\(id)' does not fire for its own fires_for profile", at: node)
            }
            if let node = f["silent_for"], rule.fires(for: silent, today: today) {
                reader.report(.exampleDisagrees, "rule '\(id)' fires for its own silent_for profile", at: node)
            }
            return rule
        }
    }

    /// An example profile: numbers stay numbers, everything else is text.
    static func profile(_ node: Node, _ reader: inout NodeReader) -> [String: AnswerValue] {
        guard let pairs = reader.mapping(node, "an example profile", allowed: []) else { return [:] }
        var answers: [String: AnswerValue] = [:]
        for pair in pairs {
            guard let text = reader.string(pair.value, pair.key) else { continue }
            let plain = pair.value.scalar?.style == .plain
            answers[pair.key] = plain ? (Double(text).map(AnswerValue.number) ?? .text(text)) : .text(text)
        }
        return answers
    }
}
