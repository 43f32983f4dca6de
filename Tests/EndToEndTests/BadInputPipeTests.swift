import CoachCore
import Foundation
import Testing

/// The hostile list through the real binary and database: each line is logged byte-exact in
/// SQLite, every refusal comes with a reason, and nothing printed can move the cursor.
struct BadInputPipeTests {
    struct Shown: Decodable {
        struct Event: Decodable { let kind: String; let raw: String? }
        let events: [Event]
    }

    static let kinds = ["text", "number", "money", "percent", "scale(1-10)", "date", "yesno", "choice", "multichoice"]

    /// A folder of one-question interviews that ask again after every answer.
    static func loopingScripts() throws -> String {
        let folder = Binary.temporaryFolder() + "/Prompts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (i, kind) in kinds.enumerated() {
            let choices = kind.hasSuffix("choice") ? "\n    choices: [manager, mentor, peers]" : ""
            try """
            id: loop\(i)
            title: Loop
            start: q
            steps:
              q:
                ask: "Q?"
                type: \(kind)\(choices)
                save: a[]
                required: true
                next: q
            """.write(toFile: folder + "/loop\(i).yaml", atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test(arguments: Store.available) func hostileLinesAreLoggedByteExactAndNothingPrintedMovesTheCursor(_ store: Store) throws {
        let prompts = try Self.loopingScripts()
        let rules = Binary.repository.appendingPathComponent("Rules").path
        let lines = HostileInput.singleLine
        var refused = 0, kept = 0, commands = 0
        for i in Self.kinds.indices {
            let db = try store.fresh()
            let result = try Binary.run(["start", "--script", "loop\(i)", "--client", "Ana", "--db", db, "--prompts", prompts, "--rules", rules],
                                        stdin: lines.map { $0 + "\n/back\n" }.joined())
            #expect(result.status == 0, "\(Self.kinds[i]): \(result.stderr)")
            let unsafe = result.stdout.unicodeScalars.filter { TerminalText.isUnsafe($0) && $0 != "\n" }
            #expect(unsafe.isEmpty, "\(Self.kinds[i]): printed \(unsafe.count) control characters")
            // JSONDecoder, not JSONSerialization: on Linux the latter drops a leading U+FEFF from strings.
            let shown = try Binary.run(["show", "1", "--db", db, "--json"])
            let events = try JSONDecoder().decode(Shown.self, from: Data(shown.stdout.utf8)).events
            // Every hostile line is followed by /back, so kept answers do not pile up.
            let raws = events.filter { $0.kind == "input" }.compactMap(\.raw).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            #expect(raws.count == lines.count, "\(Self.kinds[i]): \(raws.count) of \(lines.count) lines logged")
            for (sent, stored) in zip(lines, raws) where !sent.utf8.elementsEqual(stored.utf8) {
                Issue.record("\(Self.kinds[i]): stored \(stored.debugDescription.prefix(60)) for \(sent.debugDescription.prefix(60))")
            }
            let rejections = events.filter { $0.kind == "rejected" }.count
            let accepted = events.filter { $0.kind == "accepted" }.count
            refused += rejections
            kept += accepted
            commands += lines.count - rejections - accepted
            #expect(events.filter { $0.kind == "input" }.count == 2 * lines.count)
            #expect(result.stdout.components(separatedBy: "\n").filter { $0.contains("Q?") }.count >= 1)
        }
        print("bad-input suite through the binary: \(lines.count) hostile lines × \(Self.kinds.count) answer types = \(lines.count * Self.kinds.count) answers: \(refused) refused with a reason, \(kept) kept, \(commands) read as commands; every line logged byte-exact")
        #expect(refused > kept)
    }
}
