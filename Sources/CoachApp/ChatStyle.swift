public import CoachCore

/// How the chat looks: the coach's lines and the client's answers must be easy to tell apart,
/// with colour when allowed (NO_COLOR, `--no-color` and pipes turn it off) and without.
public struct ChatStyle: Sendable {
    public let color: Bool
    /// Terminal columns to wrap at; nil (pipes) leaves lines whole.
    public let width: Int?
    /// Who answers at the prompt: "you", or the client's name when a coach leads.
    public let speaker: String

    public init(color: Bool, width: Int? = nil, speaker: String = "you") {
        self.color = color
        self.width = width
        self.speaker = speaker
    }

    /// The same look with another speaker at the prompt.
    public func speaking(as speaker: String) -> ChatStyle {
        ChatStyle(color: color, width: width, speaker: speaker)
    }

    private func paint(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The input prompt, where the client types.
    public var prompt: String {
        let name = TerminalText.sanitize(String(speaker.prefix(12)))
        return paint("1;32", String(repeating: " ", count: max(0, 5 - name.count)) + name + " ›") + " "
    }

    public func question(_ text: String) -> String {
        block(text, mark: paint("1;36", "coach ›"), body: { paint("1", $0) })
    }

    public func options(_ options: [String]) -> String {
        options.enumerated().map { index, option in
            let number = "\(index + 1))"
            let lines = wrap(number + " " + TerminalText.sanitize(option), hanging: String(repeating: " ", count: number.count + 1))
            return lines.enumerated().map { i, line in
                "        " + (i == 0 ? paint("2", number) + line.dropFirst(number.count) : line)
            }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    public func message(_ message: Message) -> String {
        switch message.tone {
        case .coach: return block(message.text, mark: paint("36", "coach ›"), body: { $0 })
        case .notice: return block(message.text, mark: paint("2", "      ·"), body: { paint("2", $0) })
        case .problem: return block(message.text, mark: paint("33", "      !"), body: { paint("33", $0) })
        case .success: return block(message.text, mark: paint("32", "      ✓"), body: { paint("32", $0) })
        }
    }

    /// A mark before the first line; following lines, and wrapped ones, are indented under the text.
    private func block(_ text: String, mark: String, body: (String) -> String) -> String {
        let lines = TerminalText.sanitize(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrap(String($0)) }
        return lines.enumerated().map { index, line in
            (index == 0 ? mark : "       ") + " " + body(line)
        }.joined(separator: "\n") + "\n"
    }

    /// Breaks a line at spaces to fit the terminal after the 8-column margin, keeping its
    /// leading indentation (plus `hanging`) on the continuation lines.
    func wrap(_ line: String, hanging: String = "") -> [String] {
        guard let width, width > 30 else { return [line] }
        let room = width - 9
        let indent = String(line.prefix { $0 == " " })
        var out: [String] = []
        var current = ""
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false) {
            let margin = indent.count + (out.isEmpty ? 0 : hanging.count)
            if !current.isEmpty, current.count + 1 + word.count > room - margin {
                out.append((out.isEmpty ? indent : indent + hanging) + current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        out.append((out.isEmpty ? indent : indent + hanging) + current)
        return out
    }
}
