import CoachCore
import CoachREPL
import CoachStore

/// `kpicoach show`: the conversation as it was held, rebuilt from the event log.
struct Transcript {
    let style: ChatStyle

    func render(_ stored: StoredConversation, events: [StoredEvent]) -> String {
        let s = stored.summary
        var out = "Conversation \(s.id) · \(s.scriptID) · \(TerminalText.sanitize(s.client ?? "no name yet")) · \(s.status.rawValue) · started \(s.createdAt.prefix(10))\n\n"
        for event in events {
            switch event.kind {
            case "prompt": out += style.question(event.message ?? "")
            case "input": out += style.prompt + TerminalText.sanitize(event.raw ?? "") + "\n"
            case "rejected": out += style.message(Message(event.message ?? "", tone: .problem))
            case "withdrawn": out += style.message(Message("answer to \(event.step ?? "?") set aside (\(event.message ?? ""))", tone: .notice))
            case "finished": out += style.message(Message("Finished.", tone: .success))
            default: break
            }
        }
        return out
    }
}
