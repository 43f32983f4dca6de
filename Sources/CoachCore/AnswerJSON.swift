import Foundation

/// Answers as plain JSON values (`"text"`, `12.5`, `"2027-06-30"`, `true`, `["a","b"]`), the
/// shape `show --json` and exports use, so other tools need not know Swift's enum layout.
public enum AnswerJSON {
    public static func object(of value: AnswerValue) -> JSONValue {
        switch value {
        case .text(let s), .choice(let s): .string(s)
        case .number(let n), .money(let n, _), .percent(let n): .number(n)
        case .scale(let n): .integer(Int64(n))
        case .date(let d): .string(d.iso)
        case .yesNo(let b): .bool(b)
        case .choices(let c): JSONValue(c)
        case .list(let l): .array(l.map(object(of:)))
        }
    }

    /// Named answers as one JSON object, keys sorted.
    public static func text(of variables: [String: AnswerValue]) -> String {
        JSONValue.object(variables.mapValues(object(of:))).text(pretty: false)
    }

    /// Reads named answers back from JSON text; types JSON does not keep (money, dates)
    /// come back as numbers and text, which is what conditions and pipes need. Read with
    /// `JSONDecoder`: on Linux `JSONSerialization` drops a leading U+FEFF from strings.
    public static func variables(from text: String) -> [String: AnswerValue] {
        guard let object = try? JSONDecoder().decode([String: Plain].self, from: Data(text.utf8)) else { return [:] }
        return object.compactMapValues(\.answer)
    }

    /// One answer read back from `text(of:)`.
    public static func value(from text: String) -> AnswerValue? {
        (try? JSONDecoder().decode(Plain.self, from: Data(text.utf8)))?.answer
    }

    /// A JSON value as written by `text(of:)`.
    private enum Plain: Decodable {
        case bool(Bool), number(Double), string(String), array([Plain]), other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([Plain].self) { self = .array(a) }
            else { self = .other }
        }

        var answer: AnswerValue? {
            switch self {
            case .bool(let b): return .yesNo(b)
            case .number(let n): return .number(n)
            case .string(let s): return .text(s)
            case .array(let items):
                let texts = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
                return texts.count == items.count ? .choices(texts) : .list(items.compactMap(\.answer))
            case .other: return nil
            }
        }
    }

    /// One value as JSON text.
    public static func text(of value: AnswerValue) -> String {
        object(of: value).text(pretty: false)
    }
}
