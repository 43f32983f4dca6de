public import CoachCore

/// Runs a conversation: reads a line, hands it to the engine, saves the turn, then shows
/// what the engine said. Saving comes first, so what was answered is on disk before the
/// next question appears.
public struct ConversationShell {
    let console: any Console
    let style: ChatStyle

    public enum Outcome: Equatable, Sendable {
        case finished
        case paused
        /// The turn could not be saved; the conversation stops rather than lose answers.
        case saveFailed(String)
    }

    public init(console: any Console, style: ChatStyle) {
        self.console = console
        self.style = style
    }

    public func run(_ engine: inout ConversationEngine, recorder: any ConversationRecorder, resumed: Bool) -> Outcome {
        var turn = engine.handle(.conversationOpened(resumed: resumed))
        while true {
            do {
                try recorder.record(turn.log, snapshot: engine.snapshot)
                engine.markSaved()
            } catch {
                return .saveFailed("\(error)")
            }
            for message in turn.messages { console.write(style.message(message)) }
            switch turn.next {
            case .end(let ending):
                return ending == .finished ? .finished : .paused
            case .ask(let prompt):
                if let question = prompt.question {
                    console.write(style.question(question))
                    if !prompt.options.isEmpty { console.write(style.options(prompt.options)) }
                }
                turn = engine.handle(event(for: console.readLine(prompt: style.prompt, completions: prompt.completions, prefill: prompt.prefill)))
            }
        }
    }

    private func event(for input: LineInput) -> ConversationEvent {
        switch input {
        case .line(let text): return .lineSubmitted(text)
        case .interrupted(let hadText): return .interruptPressed(lineHadText: hadText)
        case .end: return .inputClosed
        }
    }
}
