/// Commands that work at every question. They are recognised before the answer parser, so a
/// client can always ask for help or go back, whatever the question expects.
public enum SlashCommand: String, CaseIterable, Sendable {
    case help, why, back, skip, edit, summary, examples, note, agreed, save, quit, restart

    public var summary: String {
        switch self {
        case .help: return "help with this question"
        case .why: return "why this question is asked"
        case .back: return "undo the last answer"
        case .skip: return "leave this question for now"
        case .edit: return "change an earlier answer: /edit <step>"
        case .summary: return "what you have answered so far"
        case .examples: return "example SMART goals for your kind of goal"
        case .note: return "coach: a private note, /note TEXT (not in the client's report)"
        case .agreed: return "coach: mark the last answer as agreed together"
        case .save: return "save now (answers are saved as you go)"
        case .quit: return "save and stop; resume later"
        case .restart: return "start this interview over"
        }
    }

    /// `"/edit role"` → (.edit, "role"); `"/nope"` → (nil, "") with the unknown name kept by the caller.
    public static func parse(_ line: String) -> (name: String, command: SlashCommand?, argument: String)? {
        let text = line.trimmingWhitespace()
        guard text.hasPrefix("/"), text.count > 1, text.dropFirst().first?.isLetter == true else { return nil }
        let body = text.dropFirst()
        let name = body.prefix { !$0.isWhitespace }.lowercased()
        let argument = body.dropFirst(name.count).trimmingWhitespace()
        return (name, SlashCommand(rawValue: name), argument)
    }

    public static var helpText: String {
        allCases.map { "/\($0.rawValue) — \($0.summary)" }.joined(separator: "\n")
    }
}
