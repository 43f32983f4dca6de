public import CoachCore
import Foundation

/// Reads answers line by line from a pipe or file, with no line editing; each line is echoed
/// after the prompt so the printed transcript reads like the conversation it was.
public final class PipedConsole: Console {
    public init() {}

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func readLine(prompt: String, completions: [String], prefill: String?) -> LineInput {
        write(prompt)
        guard var line = Swift.readLine(strippingNewline: true) else {
            write("\n")
            return .end
        }
        if line.hasSuffix("\r") { line.removeLast() }
        write(TerminalText.sanitize(line) + "\n")
        return .line(line)
    }
}
