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

    /// One value as JSON text.
    public static func text(of value: AnswerValue) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [object(of: value)], options: [.sortedKeys, .fragmentsAllowed])) ?? Data("[null]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
