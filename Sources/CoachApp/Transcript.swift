public import CoachCore

/// `kpicoach show`: the conversation as it was held, rebuilt from the event log.
public struct Transcript {
    let style: ChatStyle

    public init(style: ChatStyle) { self.style = style }

    public func render(_ stored: StoredConversation, events: [StoredEvent]) -> String {
        let s = stored.summary
        let coach = stored.state.presets["coach.name"]?.display
        let style = coach == nil ? self.style : self.style.speaking(as: s.client ?? "client")
        let led = coach.map { " · led by \(TerminalText.sanitize($0))" } ?? ""
        var out = "Conversation \(s.id) · \(s.scriptID) · \(TerminalText.sanitize(s.client ?? "no name yet"))\(led) · \(s.status.rawValue) · started \(s.createdAt.day.iso)\n\n"
        for event in events {
            switch event.kind {
            case .prompt: out += style.question(event.message ?? "")
            case .input:
                let raw = event.raw ?? ""
                if coach != nil, raw.hasPrefix("/note") || raw.hasPrefix("/agreed") { continue }
                out += style.prompt + TerminalText.sanitize(raw) + "\n"
            case .note: out += style.message(Message("note by \(TerminalText.sanitize(coach ?? "the coach")) (private): \(event.message ?? "")", tone: .notice))
            case .agreed: out += style.message(Message("“\(event.step ?? "?")” agreed together", tone: .success))
            case .rejected: out += style.message(Message(event.message ?? "", tone: .problem))
            case .withdrawn: out += style.message(Message("answer to \(event.step ?? "?") set aside (\(event.message ?? ""))", tone: .notice))
            case .finished: out += style.message(Message("Finished.", tone: .success))
            case .accepted, .skipped, .command: break
            }
        }
        return out
    }
}
