public import CoachCore
import CReadline
import Foundation
import Synchronization

/// Line editing, history and TAB completion with GNU readline, in callback mode inside a
/// `pselect` loop so that Ctrl-C clears the line (even mid-search) instead of killing the
/// process, and a resize redraws cleanly.
public final class ReadlineConsole: Console {
    private let historyPath: String?
    private var waitingMask = sigset_t()

    /// `historyPath`: where typed lines are remembered between sessions (created 0600).
    public init(historyPath: String?) {
        self.historyPath = historyPath
        kc_rl_configure(complete)
        kc_signals_install(&waitingMask)
        if let historyPath {
            try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            read_history(historyPath)
        }
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public func readLine(prompt: String, completions: [String], prefill: String?) -> LineInput {
        ReadlineState.shared.withLock { $0 = ReadlineState(candidates: completions) }
        rl_callback_handler_install(Self.markInvisible(prompt), lineHandler)
        defer { rl_callback_handler_remove() }
        if let prefill, !prefill.isEmpty {
            rl_insert_text(prefill)
            rl_redisplay()
        }
        while true {
            let ready = kc_wait_readable(STDIN_FILENO, &waitingMask)
            if kc_take_sigwinch() != 0 { rl_resize_terminal() }
            if kc_take_sigint() != 0 {
                let hadText = kc_rl_line_length() > 0
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_cleanup_after_signal()
                write("\n")
                return .interrupted(lineHadText: hadText)
            }
            if ready > 0 { rl_callback_read_char() }
            if let finished = ReadlineState.shared.withLock({ $0.finished }) {
                guard let line = finished else { return .end }
                remember(line)
                return .line(line)
            }
        }
    }

    private func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.count < 4_096 else { return }
        add_history(trimmed)
        if let historyPath {
            if append_history(1, historyPath) != 0 { write_history(historyPath) }
            history_truncate_file(historyPath, 1_000)
        }
    }

    /// Readline must be told which prompt bytes take no space (colour codes), or it
    /// miscounts the width and redraws in the wrong place.
    static func markInvisible(_ prompt: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{1B}" { out += "\u{01}"; inEscape = true }
            out.unicodeScalars.append(scalar)
            if inEscape, scalar == "m" { out += "\u{02}"; inEscape = false }
        }
        return out
    }
}

/// What readline's C callbacks share with Swift; they cannot capture context.
private struct ReadlineState: Sendable {
    var candidates: [String] = []
    var matches: [String] = []
    /// `.some(nil)` is end of input.
    var finished: String?? = nil

    static let shared = Mutex(ReadlineState())
}

private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    let text = line.map { String(cString: $0) }
    free(line)
    ReadlineState.shared.withLock { $0.finished = .some(text) }
}

private func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    kc_rl_completion_over()
    guard let text else { return nil }
    let line = String(cString: text)
    ReadlineState.shared.withLock { state in
        state.matches = state.candidates.filter { $0.lowercased().hasPrefix(line.lowercased()) }
        // "mentor, pe": in a list of picks, the part after the last comma is what is being typed.
        if state.matches.isEmpty, let comma = line.lastIndex(of: ",") {
            let kept = line[...comma]
            let spaces = line[line.index(after: comma)...].prefix(while: \.isWhitespace)
            let typed = line[line.index(after: comma)...].dropFirst(spaces.count).lowercased()
            state.matches = state.candidates.filter { $0.lowercased().hasPrefix(typed) }.map { kept + (spaces.isEmpty ? " " : spaces) + $0 }
        }
    }
    return rl_completion_matches(text, nextMatch)
}

private func nextMatch(_ text: UnsafePointer<CChar>?, _ index: Int32) -> UnsafeMutablePointer<CChar>? {
    ReadlineState.shared.withLock { state in
        guard !state.matches.isEmpty else { return nil }
        return strdup(state.matches.removeFirst())
    }
}
