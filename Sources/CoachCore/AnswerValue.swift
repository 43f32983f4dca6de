/// A parsed answer. Keeping the type (money, date, percent…) lets conditions, summaries and
/// later KPI maths use the value without re-parsing what the client typed.
public enum AnswerValue: Hashable, Sendable, Codable {
    case text(String)
    case number(Double)
    case money(Double, currency: String?)
    case percent(Double)
    case scale(Int)
    case date(LocalDate)
    case yesNo(Bool)
    case choice(String)
    case choices([String])
    /// Several answers to a looping question saved under one name (`save: support.people[]`).
    case list([AnswerValue])

    /// The value as a number when it is one (number, money, percent, scale), for the maths.
    public var numberValue: Double? {
        if case .number(let n) = ExpressionValue(self) { return n }
        return nil
    }

    /// How the value reads back to the client in a summary or a piped prompt.
    public var display: String {
        switch self {
        case .text(let s), .choice(let s): return s
        case .number(let n): return NumberFormat.plain(n)
        case .money(let n, let currency):
            let amount = NumberFormat.grouped(n)
            guard let currency else { return amount }
            return currency.count == 1 ? currency + amount : amount + " " + currency
        case .percent(let n): return NumberFormat.plain(n) + "%"
        case .scale(let n): return String(n)
        case .date(let d): return d.iso
        case .yesNo(let b): return b ? "yes" : "no"
        case .choices(let list): return list.joined(separator: ", ")
        case .list(let list): return list.map(\.display).joined(separator: "; ")
        }
    }
}

/// Number formatting without locale surprises: the same figure prints the same way everywhere.
public enum NumberFormat {
    /// `12`, `12.5`, `0.125` — no trailing zeros, no exponent for everyday magnitudes.
    public static func plain(_ n: Double) -> String {
        if n == 0 { return "0" }
        if !n.isFinite || abs(n) >= 1e15 { return "\(n)" }
        if n.rounded() == n { return String(Int64(n)) }
        var s = String(format2: n)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A fraction as a whole percentage: 0.425 → `43%`.
    public static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

    /// Rounded to hundredths, as `plain` writes it: 6.1111 → `6.11`.
    public static func hundredths(_ n: Double) -> String { plain((n * 100).rounded() / 100) }

    /// `85,000` or `1,234.5`.
    public static func grouped(_ n: Double) -> String {
        let text = plain(abs(n))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(Substring(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(Substring(whole), at: 0)
        let sign = n < 0 ? "-" : ""
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + groups.joined(separator: ",") + fraction
    }
}

extension String {
    /// Up to 6 decimals, rounded half away from zero, without Foundation.
    fileprivate init(format2 n: Double) {
        let scaled = (abs(n) * 1_000_000).rounded()
        let whole = Int64(scaled / 1_000_000)
        let frac = Int64(scaled) - whole * 1_000_000
        var fracText = String(frac)
        fracText = String(repeating: "0", count: 6 - fracText.count) + fracText
        self = (n < 0 ? "-" : "") + String(whole) + "." + fracText
    }
}

/// Saved as `{"text": "Ana"}`, `{"money": 85000, "currency": "EUR"}`, `{"date": "2027-06-30"}`:
/// one level per answer, which halves the time to read back a long conversation. Snapshots
/// written before (`{"text": {"_0": "Ana"}}`) still read.
extension AnswerValue {
    private enum Key: String, CodingKey { case text, number, money, percent, scale, date, yesNo, choice, choices, list, currency }
    private enum Earlier: String, CodingKey { case _0, currency }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard let key = c.allKeys.first(where: { $0 != .currency }) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: c.codingPath, debugDescription: "an answer needs its kind"))
        }
        if let earlier = try? c.nestedContainer(keyedBy: Earlier.self, forKey: key) {
            self = try Self.decodeEarlier(key, earlier)
            return
        }
        switch key {
        case .text: self = .text(try c.decode(String.self, forKey: key))
        case .number: self = .number(try c.decode(Double.self, forKey: key))
        case .money: self = .money(try c.decode(Double.self, forKey: key), currency: try c.decodeIfPresent(String.self, forKey: .currency))
        case .percent: self = .percent(try c.decode(Double.self, forKey: key))
        case .scale: self = .scale(try c.decode(Int.self, forKey: key))
        case .date:
            guard let date = LocalDate(iso: try c.decode(String.self, forKey: key)) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not a date")
            }
            self = .date(date)
        case .yesNo: self = .yesNo(try c.decode(Bool.self, forKey: key))
        case .choice: self = .choice(try c.decode(String.self, forKey: key))
        case .choices: self = .choices(try c.decode([String].self, forKey: key))
        case .list, .currency: self = .list(try c.decode([AnswerValue].self, forKey: .list))
        }
    }

    private static func decodeEarlier(_ key: Key, _ c: KeyedDecodingContainer<Earlier>) throws -> AnswerValue {
        switch key {
        case .text: return .text(try c.decode(String.self, forKey: ._0))
        case .number: return .number(try c.decode(Double.self, forKey: ._0))
        case .money: return .money(try c.decode(Double.self, forKey: ._0), currency: try c.decodeIfPresent(String.self, forKey: .currency))
        case .percent: return .percent(try c.decode(Double.self, forKey: ._0))
        case .scale: return .scale(try c.decode(Int.self, forKey: ._0))
        case .date: return .date(try c.decode(LocalDate.self, forKey: ._0))
        case .yesNo: return .yesNo(try c.decode(Bool.self, forKey: ._0))
        case .choice: return .choice(try c.decode(String.self, forKey: ._0))
        case .choices: return .choices(try c.decode([String].self, forKey: ._0))
        case .list, .currency: return .list(try c.decode([AnswerValue].self, forKey: ._0))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let s): try c.encode(s, forKey: .text)
        case .number(let n): try c.encode(n, forKey: .number)
        case .money(let n, let currency):
            try c.encode(n, forKey: .money)
            try c.encodeIfPresent(currency, forKey: .currency)
        case .percent(let n): try c.encode(n, forKey: .percent)
        case .scale(let n): try c.encode(n, forKey: .scale)
        case .date(let d): try c.encode(d.iso, forKey: .date)
        case .yesNo(let b): try c.encode(b, forKey: .yesNo)
        case .choice(let s): try c.encode(s, forKey: .choice)
        case .choices(let list): try c.encode(list, forKey: .choices)
        case .list(let items): try c.encode(items, forKey: .list)
        }
    }
}
