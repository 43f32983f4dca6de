public import CoachCore
import class Foundation.FileManager
import Yams

/// Reads an interview script from YAML and checks it the way `kpicoach lint` reports:
/// every problem with `file:line:col` and a code, and no script unless there are none.
public enum ScriptLoader {
    /// Names every script may read without saving them itself.
    public static let builtInVariables: Set<String> = ["client.name"]

    static let stepKeys: Set<String> = ["label", "say", "ask", "compose", "type", "choices_from", "complete_from", "default", "relative_to", "prefill", "choices", "save", "help", "why", "when",
                                        "required", "min", "max", "attempts", "reject", "next", "unit"]

    public static func load(source: String, file: String) -> Result<Script, LoadFailure> {
        let root: Node
        switch NodeReader.root(of: source, file: file, needs: "a script needs id, start and steps") {
        case .success(let node): root = node
        case .failure(let failure): return .failure(failure)
        }
        var builder = ScriptBuilder(reader: NodeReader(file: file))
        let script = builder.build(root, source: source, file: file)
        let diagnostics = builder.reader.diagnostics
        guard diagnostics.isEmpty, let script else { return .failure(LoadFailure(diagnostics)) }
        return .success(script)
    }

    /// YAML syntax errors carry libyaml's mark; everything else is placed at the top of the file.
    static func syntaxDiagnostic(_ error: any Error, file: String) -> Diagnostic {
        guard let yaml = error as? YamlError else {
            return Diagnostic(file: file, line: 1, column: 1, code: .yamlSyntax, message: "cannot read this file as YAML")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, code: .yamlSyntax, message: "YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, code: .duplicateID,
                              message: "'\(duplicates.joined(separator: "', '"))' is defined more than once")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 1, column: 1, code: .yamlSyntax, message: "YAML: \(problem) (is the file UTF-8 text?)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, code: .yamlSyntax, message: "cannot read this file as YAML")
        }
    }

    /// FNV-1a 64: a stable fingerprint of the file, so resume can tell that the script changed.
    public static func fingerprint(_ source: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Builds a `Script` from a YAML tree, then checks targets, reachability and variable names.
private struct ScriptBuilder {
    var reader: NodeReader
    private var nodes: [String: Node] = [:]
    /// Where each name read by a step is written, for "unknown variable" reports.
    private var reads: [(name: String, node: Node, offset: Int, allowsAnswer: Bool)] = []
    private var targets: [(id: String, node: Node)] = []

    init(reader: NodeReader) { self.reader = reader }

    mutating func build(_ root: Node, source: String, file: String) -> Script? {
        guard let pairs = reader.mapping(root, "the script", allowed: ["id", "version", "title", "start", "uses", "outcome", "then", "steps"]) else { return nil }
        var fields: [String: Node] = [:]
        for pair in pairs { fields[pair.key] = pair.value }
        let id = fields["id"].flatMap { reader.string($0, "id") }
        if id == nil, fields["id"] == nil { reader.report(.missingField, "the script needs an 'id'", at: root) }
        let stem = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) }
        if let id, let stem, id != stem, fields["id"] != nil {
            reader.report(.fileName, "the script id '\(id)' should match its file name '\(stem)'", at: fields["id"])
        }
        let version = fields["version"].flatMap { reader.number($0, "version") }.map { Int($0) } ?? 1
        let title = fields["title"].flatMap { reader.string($0, "title") } ?? id ?? "interview"
        let uses = fields["uses"].flatMap { reader.strings($0, "uses") } ?? []
        guard let stepsNode = fields["steps"] else {
            reader.report(.missingField, "the script needs 'steps'", at: root)
            return nil
        }
        let steps = buildSteps(stepsNode)
        let start = fields["start"].flatMap { reader.string($0, "start") } ?? steps.first?.id
        if let startNode = fields["start"], let start { targets.append((start, startNode)) }
        if steps.isEmpty { reader.report(.missingField, "the script has no steps", at: stepsNode) }
        checkTargets()
        checkReachable(steps, start: start)
        checkVariables(steps, uses: uses)
        var outcome: Script.Outcome?
        if let node = fields["outcome"] { outcome = self.outcome(node, steps: steps, uses: uses) }
        var then: Script.NextInterview?
        if let node = fields["then"] { then = next(node, file: file) }
        guard let id, let start else { return nil }
        return Script(id: id, version: version, title: title, start: start, steps: steps, hash: ScriptLoader.fingerprint(source), uses: uses,
                      outcome: outcome, then: then)
    }

    /// `outcome: goal | kpi-plan | checkin | roi`, checked against what the steps can yield.
    private mutating func outcome(_ node: Node, steps: [Step], uses: [String]) -> Script.Outcome? {
        guard let text = reader.string(node, "outcome") else { return nil }
        guard let outcome = Script.Outcome(rawValue: text) else {
            reader.report(.badValue, "outcome must be one of: \(Script.Outcome.allCases.map(\.rawValue).joined(separator: ", "))", at: node)
            return nil
        }
        if outcome == .kpiPlan, !steps.contains(where: { $0.choicesFrom == .suggestions }) {
            reader.report(.badValue, "an interview with outcome kpi-plan needs a step with choices_from: suggestions", at: node)
        }
        if outcome == .checkin, !uses.contains("plan.kpi") {
            reader.report(.badValue, "an interview with outcome checkin needs 'uses: [plan.kpi, …]' to know the KPIs due", at: node)
        }
        return outcome
    }

    /// `then: {script: ID, offer: "…? (yes/no)"}`; the script must sit beside this one.
    private mutating func next(_ node: Node, file: String) -> Script.NextInterview? {
        guard let pairs = reader.mapping(node, "then", allowed: ["script", "offer"]) else { return nil }
        var fields: [String: Node] = [:]
        for pair in pairs { fields[pair.key] = pair.value }
        guard let scriptNode = fields["script"], let script = reader.string(scriptNode, "then.script"),
              let offerNode = fields["offer"], let offer = reader.string(offerNode, "then.offer") else {
            reader.report(.missingField, "then needs a script and the offer that asks for it", at: node)
            return nil
        }
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let sibling = (folder.isEmpty ? "" : folder + "/") + script
        if !file.isEmpty, !["yaml", "yml"].contains(where: { FileManager.default.fileExists(atPath: sibling + "." + $0) }) {
            reader.report(.unknownTarget, "then names the interview '\(script)', but there is no \(script).yaml beside this file", at: scriptNode)
        }
        return Script.NextInterview(script: script, offer: offer)
    }

    private mutating func buildSteps(_ node: Node) -> [Step] {
        guard let pairs = reader.mapping(node, "steps", allowed: []) else { return [] }
        return pairs.compactMap { pair in
            nodes[pair.key] = pair.keyNode
            return buildStep(id: pair.key, pair.value, keyNode: pair.keyNode)
        }
    }

    private mutating func buildStep(id: String, _ node: Node, keyNode: Node) -> Step? {
        guard let pairs = reader.mapping(node, "step '\(id)'", allowed: ScriptLoader.stepKeys) else { return nil }
        var f: [String: Node] = [:]
        for pair in pairs { f[pair.key] = pair.value }
        var step = Step(id: id)
        if let n = f["label"], let s = reader.string(n, "label") { step.label = s }
        step.say = f["say"].flatMap { template($0) }
        step.ask = f["ask"].flatMap { template($0) }
        step.compose = f["compose"].flatMap { template($0) }
        if step.say == nil, step.ask == nil, step.compose == nil {
            reader.report(.missingField, "step '\(id)' neither says, asks nor composes anything (add 'say' or 'ask')", at: keyNode)
        }
        if let composeNode = f["compose"], f["ask"] != nil || f["save"] == nil {
            reader.report(.badValue, "a 'compose' step works out a value to 'save' and cannot also 'ask'", at: composeNode)
        }
        step.help = f["help"].flatMap { reader.string($0, "help") }
        step.why = f["why"].flatMap { reader.string($0, "why") }
        step.save = f["save"].flatMap { reader.string($0, "save") }.map(SaveTarget.init)
        step.when = f["when"].flatMap { expression($0, allowsAnswer: false) }
        step.required = f["required"].flatMap { reader.bool($0, "required") } ?? false
        if let n = f["attempts"], let a = reader.number(n, "attempts") {
            if a >= 1, a <= 20 { step.maxAttempts = Int(a) } else { reader.report(.badValue, "attempts should be from 1 to 20", at: n) }
        }
        if let node = f["choices_from"], let source = reader.string(node, "choices_from") {
            if let dynamic = DynamicChoices(rawValue: source) { step.choicesFrom = dynamic } else {
                reader.report(.badValue, "choices_from '\(source)' is not known (use: suggestions, job_families)", at: node)
            }
        }
        if let node = f["complete_from"], let source = reader.string(node, "complete_from") {
            if let dynamic = DynamicCompletions(rawValue: source) { step.completesFrom = dynamic } else {
                reader.report(.badValue, "complete_from '\(source)' is not known (use: job_titles)", at: node)
            }
        }
        if let node = f["unit"], let name = reader.string(node, "unit") {
            if let unit = NaturalNumber.Unit(rawValue: name) { step.unit = unit } else {
                reader.report(.badValue, "unit '\(name)' is not one of: \(NaturalNumber.Unit.allCases.map(\.rawValue).joined(separator: ", "))", at: node)
            }
        }
        step.defaultAnswer = f["default"].flatMap { template($0) }
        step.relativeTo = f["relative_to"].flatMap { template($0) }
        step.prefill = f["prefill"].flatMap { template($0) }
        switch step.choicesFrom {
        case nil: step.kind = kind(f, keyNode: keyNode)
        case .suggestions: step.kind = .multiChoice([])
        case .jobFamilies: step.kind = .choice([])
        }
        let low = f["min"].flatMap { reader.number($0, "min") }
        let high = f["max"].flatMap { reader.number($0, "max") }
        if case .scale = step.kind {} else if low != nil || high != nil {
            let lo = low ?? -AnswerParser.maxMagnitude, hi = high ?? AnswerParser.maxMagnitude
            if lo <= hi { step.bounds = lo...hi } else { reader.report(.badValue, "min is larger than max", at: f["min"]) }
        }
        step.rejects = f["reject"].map { rejects($0) } ?? []
        step.next = f["next"].map { transitions($0) } ?? []
        return step
    }

    private mutating func kind(_ f: [String: Node], keyNode: Node) -> AnswerKind {
        let typeNode = f["type"]
        let name = typeNode.flatMap { reader.string($0, "type") }?.lowercased().filter { $0 != " " } ?? "text"
        let choices = f["choices"].flatMap { reader.strings($0, "choices") }
        func needChoices() -> [String] {
            if let choices, !choices.isEmpty { return choices }
            reader.report(.missingField, "a '\(name)' question needs a list of 'choices'", at: typeNode ?? keyNode)
            return []
        }
        switch name {
        case "text": return .text
        case "number": return .number
        case "money": return .money
        case "percent": return .percent
        case "date": return .date
        case "yesno", "yes/no": return .yesNo
        case "choice": return .choice(needChoices())
        case "multichoice", "multi-choice": return .multiChoice(needChoices())
        case "pick-answer": return .answerPicker
        case "scale":
            let lo = f["min"].flatMap { reader.number($0, "min") } ?? 1
            let hi = f["max"].flatMap { reader.number($0, "max") } ?? 10
            return .scale(min: Int(lo), max: Int(hi))
        default:
            if name.hasPrefix("scale("), name.hasSuffix(")") {
                let range = name.dropFirst(6).dropLast().split(separator: "-").compactMap { Int($0) }
                if range.count == 2, range[0] < range[1] { return .scale(min: range[0], max: range[1]) }
            }
            reader.report(.badValue, "unknown answer type '\(name)' (use text, number, money, percent, scale(1-10), date, yesno, choice, multichoice, pick-answer)", at: typeNode)
            return .text
        }
    }

    private mutating func template(_ node: Node) -> Template? {
        guard let text = reader.string(node, "text") else { return nil }
        do {
            let t = try Template(text)
            for name in t.variables.sorted() {
                reads.append((name, node, NodeReader.scalarOffset(of: "{" + name, in: text), false))
            }
            return t
        } catch {
            reader.report(.badExpression, error.message, at: node, offset: error.offset)
            return nil
        }
    }

    private mutating func expression(_ node: Node, allowsAnswer: Bool) -> Expression? {
        guard let text = reader.string(node, "condition") else { return nil }
        do {
            let e = try Expression(parsing: text)
            for name in e.variables.sorted() { reads.append((name, node, 0, allowsAnswer)) }
            return e
        } catch {
            reader.report(.badExpression, "bad condition: \(error.message)", at: node, offset: error.offset)
            return nil
        }
    }

    private mutating func rejects(_ node: Node) -> [RejectRule] {
        guard case .sequence(let items) = node else {
            reader.report(.badValue, "reject should be a list of {if: condition, say: reason}", at: node)
            return []
        }
        return items.compactMap { item in
            guard let pairs = reader.mapping(item, "a reject rule", allowed: ["if", "say"]) else { return nil }
            let f = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let ifNode = f["if"], let sayNode = f["say"] else {
                reader.report(.missingField, "a reject rule needs both 'if' and 'say'", at: item)
                return nil
            }
            guard let condition = expression(ifNode, allowsAnswer: true), let message = template(sayNode) else { return nil }
            return RejectRule(condition: condition, message: message)
        }
    }

    private mutating func transitions(_ node: Node) -> [Transition] {
        if let target = node.scalar?.string { return [transition(to: target, node)] }
        guard case .sequence(let items) = node else {
            reader.report(.badValue, "next should be a step id, 'end', or a list of {if: condition, goto: step}", at: node)
            return []
        }
        return items.compactMap { item in
            guard let pairs = reader.mapping(item, "a branch", allowed: ["if", "goto"]) else { return nil }
            let f = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let gotoNode = f["goto"], let target = reader.string(gotoNode, "goto") else {
                reader.report(.missingField, "a branch needs 'goto'", at: item)
                return nil
            }
            let condition = f["if"].flatMap { expression($0, allowsAnswer: false) }
            if f["if"] != nil, condition == nil { return nil }
            var t = transition(to: target, gotoNode)
            t = Transition(condition: condition, target: t.target)
            return t
        }
    }

    private mutating func transition(to target: String, _ node: Node) -> Transition {
        if target == "end" { return Transition(target: .end) }
        targets.append((target, node))
        return Transition(target: .step(target))
    }

    private mutating func checkTargets() {
        for (id, node) in targets where nodes[id] == nil {
            let near = nodes.keys.sorted().first { $0.hasPrefix(String(id.prefix(3))) }
            reader.report(.unknownTarget, "there is no step '\(id)'" + (near.map { " (did you mean '\($0)'?)" } ?? ""), at: node)
        }
    }

    private mutating func checkReachable(_ steps: [Step], start: String?) {
        guard let start else { return }
        var seen: Set<String> = [start]
        var queue = [start]
        let byID = Dictionary(steps.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        while let id = queue.popLast() {
            for t in byID[id]?.next ?? [] {
                if case .step(let next) = t.target, seen.insert(next).inserted { queue.append(next) }
            }
        }
        for step in steps where !seen.contains(step.id) {
            reader.report(.unreachable, "step '\(step.id)' can never be reached from '\(start)'", at: nodes[step.id])
        }
    }

    private mutating func checkVariables(_ steps: [Step], uses: [String]) {
        let known = Set(steps.compactMap { $0.save?.name }).union(uses).union(ScriptLoader.builtInVariables)
        for read in reads where !known.contains(read.name) {
            if read.allowsAnswer, read.name == RejectRule.answerName { continue }
            reader.report(.unknownVariable, "'\(read.name)' is not saved by any step (known: \(known.sorted().joined(separator: ", ")))",
                          at: read.node, offset: read.offset)
        }
    }
}
