import Foundation

/// Answers as plain JSON values (`"text"`, `12.5`, `"2027-06-30"`, `true`, `["a","b"]`), the
/// shape `show --json` and exports use, so other tools need not know Swift's enum layout.
public enum AnswerJSON {
    public static func object(of value: AnswerValue) -> Any {
        switch value {
        case .text(let s), .choice(let s): return s
        case .number(let n), .money(let n, _), .percent(let n): return n
        case .scale(let n): return n
        case .date(let d): return d.iso
        case .yesNo(let b): return b
        case .choices(let c): return c
        case .list(let l): return l.map(object(of:))
        }
    }

    /// Named answers as one JSON object, keys sorted.
    public static func text(of variables: [String: AnswerValue]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: variables.mapValues(object(of:)), options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads named answers back from JSON text; types JSON does not keep (money, dates)
    /// come back as numbers and text, which is what conditions and pipes need.
    public static func variables(from text: String) -> [String: AnswerValue] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return [:] }
        return object.compactMapValues(value(of:))
    }

    static func value(of object: Any) -> AnswerValue? {
        switch object {
        case let n as NSNumber:
            // JSON true/false arrive as a distinct boolean class; 1 and 0 as plain numbers.
            let isBool = String(describing: type(of: n)).contains("Boolean")
            return isBool ? .yesNo(n.boolValue) : .number(n.doubleValue)
        case let s as String: return .text(s)
        case let list as [String]: return .choices(list)
        case let list as [Any]: return .list(list.compactMap(value(of:)))
        default: return nil
        }
    }

    /// One value as JSON text.
    public static func text(of value: AnswerValue) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [object(of: value)], options: [.sortedKeys, .fragmentsAllowed])) ?? Data("[null]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
