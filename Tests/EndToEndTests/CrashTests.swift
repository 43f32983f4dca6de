import CoachCore
import Foundation
import Testing

/// SIGKILL at moments chosen by a seed — mid-turn included — then resume: whatever was
/// acknowledged is saved in order, and the conversation ends identical to an uninterrupted run.
@Suite(.serialized) struct CrashTests {
    @Test func fiftyKillsAtSeededMomentsLoseNothing() throws {
        let lines = try Binary.example("onboarding-ana.txt")
        let reference = Binary.temporaryFolder() + "/ref.sqlite"
        try Binary.run(["start", "--client", "Ana", "--db", reference], stdin: lines.joined(separator: "\n") + "\n")
        let expected = try Binary.json(["show", "1", "--db", reference])["answers"] as? NSDictionary
        var rng = SeededGenerator(seed: 20261123)
        var killedMidway = 0
        for round in 0..<50 {
            let k = Int.random(in: 1..<lines.count, using: &rng)
            let delay = UInt32.random(in: 0...40_000, using: &rng)
            let db = Binary.temporaryFolder() + "/kill\(round).sqlite"
            let (process, input, output, _) = try Binary.launch(["start", "--client", "Ana", "--db", db])
            // Once the first question is on screen, feed k lines and kill at a seeded moment while
            // they are being answered — between turns or in the middle of one.
            _ = output.fileHandleForReading.availableData
            input.fileHandleForWriting.write(Data((lines[..<k].joined(separator: "\n") + "\n").utf8))
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Killed before the first answer was saved, nothing is kept: the client starts again.
            guard let show = Binary.jsonIfReady(["show", "1", "--db", db]) else {
                #expect((try Binary.json(["sessions", "--db", db])["sessions"] as? [Any])?.isEmpty == true, "round \(round): an unanswered conversation was kept")
                try Binary.run(["start", "--client", "Ana", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
                #expect((try Binary.json(["show", "1", "--db", db])["answers"] as? NSDictionary) == expected, "round \(round): started again")
                killedMidway += 1
                continue
            }
            let events = show["events"] as? [[String: Any]] ?? []
            let inputs = events.filter { $0["kind"] as? String == "input" }.compactMap { $0["raw"] as? String }
            let accepted = events.filter { $0["kind"] as? String == "accepted" }.count
            #expect(inputs == Array(lines[..<inputs.count]), "round \(round): saved input is not a prefix of what was fed")
            #expect(accepted == inputs.count && accepted <= k, "round \(round): \(accepted) accepted of \(inputs.count) inputs, \(k) fed")
            if accepted < k { killedMidway += 1 }
            let rest = try Binary.run(["resume", "1", "--db", db], stdin: lines[accepted...].joined(separator: "\n") + "\n")
            #expect(rest.status == 0, "round \(round): \(rest.stderr)")
            let final = try Binary.json(["show", "1", "--db", db])
            #expect((final["answers"] as? NSDictionary) == expected, "round \(round): killed after \(accepted) of \(k) lines")
            #expect(final["status"] as? String == "finished")
        }
        print("crash suite: 50 kills (seed 20261123), \(killedMidway) before every line fed was answered; all resumed to an identical end")
    }
}
