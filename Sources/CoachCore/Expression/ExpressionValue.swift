/// What an expression evaluates to. Missing answers are `null`, and every comparison with
/// `null` is false, so a condition over an unanswered question never fires by accident.
public enum ExpressionValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(LocalDate)
    case list([ExpressionValue])

    public init(_ answer: AnswerValue) {
        switch answer {
        case .text(let s), .choice(let s): self = .string(s)
        case .number(let n), .money(let n, _), .percent(let n): self = .number(n)
        case .scale(let n): self = .number(Double(n))
        case .date(let d): self = .date(d)
        case .yesNo(let b): self = .bool(b)
        case .choices(let c): self = .list(c.map { .string($0) })
        case .list(let l): self = .list(l.map(ExpressionValue.init))
        }
    }

    /// How a value reads in a prompt; empty for `null`.
    public var display: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return NumberFormat.plain(n)
        case .string(let s): return s
        case .date(let d): return d.iso
        case .list(let items): return items.map(\.display).joined(separator: ", ")
        }
    }

    /// A number, or text that reads as one ("12.5"); otherwise null.
    public var numeric: ExpressionValue {
        switch self {
        case .number: return self
        case .string(let s): return Double(s).map(ExpressionValue.number) ?? .null
        default: return .null
        }
    }

    /// Truthiness for `and`/`or`/`not` and for a bare variable used as a condition.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .string(let s): return !s.isEmpty
        case .date: return true
        case .list(let l): return !l.isEmpty
        }
    }
}

extension ExpressionValue {
    /// Whether any text in the value (a text, or a list of them, nested) satisfies `test`,
    /// visiting them in order and stopping at the first that does.
    func containsText(where test: (String) -> Bool) -> Bool {
        switch self {
        case .string(let s): return test(s)
        case .list(let items): return items.contains { $0.containsText(where: test) }
        default: return false
        }
    }
}
