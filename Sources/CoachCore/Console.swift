/// The port to whoever is typing: a readline terminal, piped stdin, or a test script.
public protocol Console: AnyObject {
    /// Reads one line; `completions` are what TAB offers, `prefill` is put on the line to be
    /// changed (a terminal shows it; a pipe reads the next line as the whole new text).
    func readLine(prompt: String, completions: [String], prefill: String?) -> LineInput
    func write(_ text: String)
}

/// What came back from the keyboard or the pipe.
public enum LineInput: Hashable, Sendable {
    case line(String)
    /// Ctrl-C; the partly typed line was discarded.
    case interrupted(lineHadText: Bool)
    /// Ctrl-D or the end of piped input.
    case end
}

extension Console {
    /// A line typed from empty.
    public func readLine(prompt: String, completions: [String]) -> LineInput {
        readLine(prompt: prompt, completions: completions, prefill: nil)
    }
}
