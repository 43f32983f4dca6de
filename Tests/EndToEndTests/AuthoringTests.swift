import Foundation
import Testing

/// `kpicoach test`: the shipped conversation tests pass, every shipped interview has one,
/// a wrong expectation fails with its place and the difference, and the seeded walk finds
/// no dead end in 1,000 turns of each interview.
struct AuthoringTests {
    static let prompts = Binary.repository.appendingPathComponent("Prompts").path

    @Test func everyShippedInterviewHasAConversationTestAndItPasses() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.prompts).filter { $0.hasSuffix(".yaml") }.sorted()
        let tests = try FileManager.default.contentsOfDirectory(atPath: Self.prompts + "/tests").filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(Set(scripts).isSubset(of: tests), "every interview has a test file of its own name")
        let result = try Binary.run(["test", "--prompts", Self.prompts])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(tests.count) files,"))
        #expect(result.stdout.contains("steps: all passed"))
        #expect(!result.stdout.contains("FAIL"))
        for script in scripts {
            #expect(result.stdout.contains("Prompts/tests/\(script) (\(script.dropLast(5))):"))
        }
    }

    @Test func aWrongExpectationFailsWithItsPlaceAndTheDifference() throws {
        let folder = Binary.temporaryFolder()
        let file = folder + "/wrong.yaml"
        try """
        script: onboarding
        today: 2026-11-23
        steps:
          - client: Ana
            expect: "What is your job, Ana?"
          - client: Account executive
            saved: {profile.role: Sales}
          - client: /back
            asks: role
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["test", file, "--prompts", Self.prompts])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):5:5: FAIL expect “What is your job, Ana?”"))
        #expect(result.stdout.contains("What is your current role, Ana?"))
        #expect(result.stdout.contains("\(file):7:5: FAIL saved profile.role\n        profile.role: expected “Sales”, but it is “Account executive”"))
        #expect(result.stdout.contains("  ok    9:5  asks role"))
        #expect(result.stdout.contains("1 file, 6 steps: 2 failed"))
        #expect(result.stderr.contains("2 failures in the conversation tests"))
    }

    @Test func aBrokenTestFileIsReportedWithFileLineAndColumn() throws {
        let folder = Binary.temporaryFolder()
        let file = folder + "/broken.yaml"
        try "script: onboarding\nsteps:\n  - clinet: Ana\n  - ends: maybe\n  - jump\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["test", file, "--prompts", Self.prompts])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(file):3:5: error[P003]: unknown key 'clinet'"))
        #expect(result.stdout.contains("\(file):4:11: error[P004]: ends should be finished or paused"))
        #expect(result.stdout.contains("\(file):5:5: error[P004]: a step is 'resume', 'interrupt'"))
        #expect(result.stdout.contains("1 file, 0 steps: none run; 3 problems in the test files"))
        let zero = try Binary.run(["test", "--walk", "0", "--prompts", Self.prompts])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--walk needs a number of turns above 0."))
    }

    @Test func theSeededWalkFindsNoDeadEndInAThousandTurnsOfEachInterview() throws {
        let result = try Binary.run(["test", "--prompts", Self.prompts, "--walk", "1000", "--seed", "20261123", "--quiet"])
        print(result.stdout)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let walks = result.stdout.split(separator: "\n").filter { $0.hasPrefix("walk ") }
        let tests = try FileManager.default.contentsOfDirectory(atPath: Self.prompts + "/tests").filter { $0.hasSuffix(".yaml") }
        #expect(walks.count == tests.count)
        #expect(result.stdout.components(separatedBy: "no dead ends, every question reached, nothing unsafe shown, nothing lost on resume").count == tests.count + 1)
        for walk in walks { #expect(walk.contains("(seed 20261123, 1000 turns)") && !walk.contains(" 0 finished")) }
    }
}
