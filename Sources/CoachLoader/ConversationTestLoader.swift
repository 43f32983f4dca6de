public import CoachCore
import Yams

/// Reads a conversation test file (`Prompts/tests/*.yaml`), reporting every problem with
/// `file:line:col` the way `kpicoach lint` does.
///
/// ```yaml
/// script: onboarding
/// today: 2026-11-23
/// presets: {client.name: Ana}
/// steps:
///   - expect: "What should I call you?"
///   - client: Ana
///     expect: "Nice to meet you, Ana"
///     asks: role
///   - saved: {client.name: Ana}
///   - resume
///   - ends: finished
/// ```
public enum ConversationTestLoader {
    static let stepKeys: Set<String> = ["client", "expect", "expect_not", "asks", "saved", "ends", "interrupt", "resume"]

    /// Where the `script:` line is, so "no such script" points at it.
    public struct Loaded: Sendable {
        public let test: ConversationTest
        public let scriptLine: Int
        public let scriptColumn: Int
    }

    public static func loadFile(_ path: String) -> Result<Loaded, LoadFailure> {
        NodeReader.source(of: path).flatMap { load(source: $0, file: path) }
    }

    public static func load(source: String, file: String) -> Result<Loaded, LoadFailure> {
        var reader = NodeReader(file: file)
        let root: Node
        switch NodeReader.root(of: source, file: file, needs: "a conversation test needs script and steps") {
        case .success(let node): root = node
        case .failure(let failure): return .failure(failure)
        }
        guard let pairs = reader.mapping(root, "the test", allowed: ["script", "today", "presets", "steps"]) else { return .failure(LoadFailure(reader.diagnostics)) }
        var fields: [String: Node] = [:]
        for pair in pairs { fields[pair.key] = pair.value }
        let script = fields["script"].flatMap { reader.string($0, "script") }
        if fields["script"] == nil { reader.report(.missingField, "the test needs 'script: ID' naming the interview it runs", at: root) }
        var today: LocalDate?
        if let node = fields["today"] {
            today = node.scalar.flatMap { LocalDate(iso: $0.string) }
            if today == nil { reader.report(.badValue, "today should be a real date written YYYY-MM-DD", at: node) }
        }
        var presets: [String: AnswerValue] = [:]
        if let node = fields["presets"], let entries = reader.mapping(node, "presets", allowed: []) {
            for entry in entries { presets[entry.key] = preset(entry.value, &reader) }
        }
        var steps: [ConversationTest.Action] = []
        if let node = fields["steps"] {
            if case .sequence(let items) = node {
                for item in items { steps += actions(item, &reader) }
            } else {
                reader.report(.badValue, "steps should be a list, each item starting with '- '", at: node)
            }
        } else {
            reader.report(.missingField, "the test needs 'steps:', a list of client lines and expectations", at: root)
        }
        guard reader.diagnostics.isEmpty, let script, let mark = fields["script"]?.mark else { return .failure(LoadFailure(reader.diagnostics)) }
        let test = ConversationTest(file: file, scriptID: script, today: today, presets: presets, steps: steps)
        return .success(Loaded(test: test, scriptLine: mark.line, scriptColumn: mark.column))
    }

    /// `- resume` and `- interrupt` stand alone; any other item is a mapping whose keys run in order.
    private static func actions(_ item: Node, _ reader: inout NodeReader) -> [ConversationTest.Action] {
        let mark = item.mark
        func action(_ kind: ConversationTest.Kind, at node: Node) -> ConversationTest.Action {
            ConversationTest.Action(line: node.mark?.line ?? mark?.line ?? 1, column: node.mark?.column ?? mark?.column ?? 1, kind: kind)
        }
        if let word = item.scalar?.string {
            switch word {
            case "resume": return [action(.resume, at: item)]
            case "interrupt": return [action(.interrupt, at: item)]
            default:
                reader.report(.badValue, "a step is 'resume', 'interrupt' or a mapping such as 'client: …' (known keys: \(stepKeys.sorted().joined(separator: ", ")))", at: item)
                return []
            }
        }
        guard let pairs = reader.mapping(item, "a step", allowed: stepKeys) else { return [] }
        return pairs.compactMap { pair -> ConversationTest.Action? in
            let kind: ConversationTest.Kind?
            switch pair.key {
            case "client": kind = reader.string(pair.value, "client").map { .client($0) }
            case "expect": kind = fragments(pair.value, "expect", &reader).map { .expect($0) }
            case "expect_not": kind = fragments(pair.value, "expect_not", &reader).map { .expectNot($0) }
            case "asks": kind = pair.value.scalar.map { isNull($0) ? .asks(nil) : .asks($0.string) }
            case "saved": kind = saved(pair.value, &reader).map { .saved($0) }
            case "interrupt": kind = .interrupt
            case "resume": kind = .resume
            default:
                switch pair.value.scalar?.string {
                case "finished": kind = .ends(.finished)
                case "paused": kind = .ends(.paused)
                default:
                    reader.report(.badValue, "ends should be finished or paused", at: pair.value)
                    kind = nil
                }
            }
            return kind.map { action($0, at: pair.keyNode) }
        }
    }

    private static func fragments(_ node: Node, _ what: String, _ reader: inout NodeReader) -> [String]? {
        if case .sequence = node { return reader.strings(node, what) }
        return reader.string(node, what).map { [$0] }
    }

    private static func saved(_ node: Node, _ reader: inout NodeReader) -> [String: ConversationTest.Expected]? {
        guard let entries = reader.mapping(node, "saved", allowed: []) else { return nil }
        var expected: [String: ConversationTest.Expected] = [:]
        for entry in entries {
            switch entry.value {
            case .scalar(let scalar): expected[entry.key] = isNull(scalar) ? .absent : .value(scalar.string)
            case .sequence: expected[entry.key] = reader.strings(entry.value, "saved \(entry.key)").map { .list($0) }
            case .mapping, .alias: reader.report(.badValue, "saved \(entry.key) should be a value or a list of values", at: entry.value)
            }
        }
        return expected
    }

    /// Presets read as the interview would have saved them: numbers, ISO dates, lists, else text.
    private static func preset(_ node: Node, _ reader: inout NodeReader) -> AnswerValue? {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if scalar.style == .plain, let n = Double(text), n.isFinite { return .number(n) }
            if let date = LocalDate(iso: text) { return .date(date) }
            return .text(text)
        case .sequence(let items):
            return .list(items.compactMap { preset($0, &reader) })
        case .mapping, .alias:
            reader.report(.badValue, "a preset should be a value or a list of values", at: node)
            return nil
        }
    }

    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["~", "null", ""].contains(scalar.string)
    }
}
