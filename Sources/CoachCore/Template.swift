/// Prompt text with `{piped}` earlier answers: "What is your role, {client.name}?".
/// A placeholder holds an expression (`{first(fix.outcome, goal.statement)}`), optionally with a
/// fallback (`{goal.role|your next role}`); `[[ … ]]` is dropped when a placeholder inside it
/// has no value; `{{` and `}}` are literal braces.
public struct Template: Hashable, Sendable {
    indirect enum Part: Hashable, Sendable {
        case text(String)
        case value(Expression, fallback: String?)
        case optional([Part])
    }

    let parts: [Part]
    public let source: String

    /// A template as parsed before (the cache of parsed files).
    init(parts: [Part], source: String) {
        self.parts = parts
        self.source = source
    }

    public init(_ source: String) throws(ExpressionError) {
        self.source = source
        var index = 0
        let chars = Array(source)
        parts = try Self.parse(chars, &index, inGroup: false)
    }

    private static func parse(_ chars: [Character], _ i: inout Int, inGroup: Bool) throws(ExpressionError) -> [Part] {
        var parts: [Part] = []
        var text = ""
        func flush() { if !text.isEmpty { parts.append(.text(text)); text = "" } }
        func next(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == "{", next(1) == "{" { text.append("{"); i += 2; continue }
            if c == "}", next(1) == "}" { text.append("}"); i += 2; continue }
            if c == "[", next(1) == "[" {
                guard !inGroup else { throw ExpressionError(offset: i, message: "'[[' groups cannot be nested") }
                let start = i
                i += 2
                flush()
                let inner = try parse(chars, &i, inGroup: true)
                guard i <= chars.count, i >= 2, String(chars[(i - 2)..<i]) == "]]" else {
                    throw ExpressionError(offset: start, message: "'[[' has no closing ']]'")
                }
                parts.append(.optional(inner))
                continue
            }
            if inGroup, c == "]", next(1) == "]" { i += 2; flush(); return parts }
            guard c == "{" else { text.append(c); i += 1; continue }
            guard let close = chars[i...].firstIndex(of: "}") else {
                throw ExpressionError(offset: i, message: "'{' has no closing '}' (write '{{' for a literal brace)")
            }
            let body = String(chars[(i + 1)..<close])
            let pieces = body.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let expression: Expression
            do {
                expression = try Expression(parsing: String(pieces[0]))
            } catch {
                throw ExpressionError(offset: i + 1 + error.offset, message: "in '{\(body)}': \(error.message)")
            }
            flush()
            parts.append(.value(expression, fallback: pieces.count > 1 ? String(pieces[1]) : nil))
            i = close + 1
        }
        if inGroup { throw ExpressionError(offset: chars.count, message: "'[[' has no closing ']]'") }
        flush()
        return parts
    }

    public var variables: Set<String> { Self.gathered(parts, \.variables) }

    /// Every function its expressions call.
    public var functions: Set<Expression.Function> { Self.gathered(parts, \.functions) }

    /// What `own` finds in every expression of the parts, optional groups included.
    private static func gathered<T>(_ parts: [Part], _ own: (Expression) -> Set<T>) -> Set<T> {
        parts.reduce(into: []) { found, part in
            switch part {
            case .text: break
            case .value(let e, _): found.formUnion(own(e))
            case .optional(let inner): found.formUnion(gathered(inner, own))
            }
        }
    }

    /// Fills in answers; piped values are sanitised so stored text cannot drive the terminal.
    public func render(_ answers: (String) -> AnswerValue?, today: LocalDate, smart: SmartVocabulary) -> String {
        Self.render(parts, answers, today, smart) ?? ""
    }

    /// `nil` when a value without a fallback is missing (which drops an optional group).
    private static func render(_ parts: [Part], _ answers: (String) -> AnswerValue?, _ today: LocalDate, _ smart: SmartVocabulary) -> String? {
        var out = ""
        var complete = true
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .value(let e, let fallback):
                // A plain name keeps the answer's own formatting ($85,000, 12.5%).
                let shown = if case .variable(let name) = e { answers(name)?.display ?? "" } else {
                    e.evaluate({ answers($0).map(ExpressionValue.init) ?? .null }, today: today, smart: smart).display
                }
                if shown.isEmpty { complete = complete && fallback != nil }
                out += TerminalText.sanitize(shown.isEmpty ? fallback ?? "" : shown, keepNewlines: true)
            case .optional(let inner):
                out += render(inner, answers, today, smart) ?? ""
            }
        }
        return complete ? out : nil
    }
}
