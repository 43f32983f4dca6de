/// Prompt text with `{piped}` earlier answers: "What is your role, {client.name}?".
/// `{name|fallback}` prints the fallback when the answer is missing; `{{` is a literal brace.
public struct Template: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case text(String)
        case variable(String, fallback: String)
    }

    let parts: [Part]
    public let source: String

    public init(_ source: String) throws(ExpressionError) {
        self.source = source
        var parts: [Part] = []
        var text = ""
        let chars = Array(source)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" { text.append("{"); i += 2; continue }
            if c == "}", i + 1 < chars.count, chars[i + 1] == "}" { text.append("}"); i += 2; continue }
            guard c == "{" else { text.append(c); i += 1; continue }
            guard let close = chars[i...].firstIndex(of: "}") else {
                throw ExpressionError(offset: i, message: "'{' has no closing '}' (write '{{' for a literal brace)")
            }
            let body = String(chars[(i + 1)..<close])
            let pieces = body.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pieces[0].trimmingWhitespace()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isASCIIDigit || "_.".contains($0) }) else {
                throw ExpressionError(offset: i + 1, message: "'{\(body)}' is not an answer name")
            }
            if !text.isEmpty { parts.append(.text(text)); text = "" }
            parts.append(.variable(name, fallback: pieces.count > 1 ? String(pieces[1]) : ""))
            i = close + 1
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    public var variables: Set<String> {
        Set(parts.compactMap { if case .variable(let name, _) = $0 { name } else { nil } })
    }

    /// Fills in answers; piped answers are sanitised so stored text cannot drive the terminal.
    public func render(_ lookup: (String) -> AnswerValue?) -> String {
        parts.map { part in
            switch part {
            case .text(let t): return t
            case .variable(let name, let fallback):
                guard let value = lookup(name) else { return fallback }
                return TerminalText.sanitize(value.display)
            }
        }.joined()
    }
}
