import CoachTestSupport
import CoachCore
import CoachLoader
import Foundation
import Testing

/// The repository's Prompts/ folder, found from this file so the tests run from any directory.
let promptsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Prompts").path

@Suite struct ScriptLoaderTests {
    @Test func everyShippedScriptLoadsCleanly() throws {
        let library = PromptLibrary(directory: promptsDirectory)
        #expect(library.scriptIDs.contains("onboarding"))
        for id in library.scriptIDs {
            switch library.load(id) {
            case .success(let script): #expect(script.id == id)
            case .failure(let problem): Issue.record("\(id): \(problem)")
            }
        }
    }

    @Test func onboardingCoversTheIntake() throws {
        let script = try PromptLibrary(directory: promptsDirectory).load("onboarding").get()
        let saved = Set(script.steps.compactMap { $0.save?.name })
        for name in ["client.name", "profile.role", "profile.industry", "profile.years", "goal.type", "goal.target_role",
                     "discovery.job_description", "discovery.mentor_guidance", "discovery.org_goals",
                     "discovery.personal_success", "constraints.hours", "constraints.support", "summary.confirmed"] {
            #expect(saved.contains(name), "onboarding does not ask for \(name)")
        }
    }

    static let base = """
        id: t
        start: a
        steps:
          a:
            ask: "Role?"
            save: profile.role
            next: b
          b:
            ask: "Goal?"
            type: choice
            choices: [x, y]
            save: goal.type
            next: end
        """

    /// Each broken copy: the text replaced, the code expected and where (line:col).
    @Test(arguments: [
        ("next: b", "next: c", "P006", "7:11"),
        ("type: choice", "type: choise", "P004", "10:11"),
        ("ask: \"Goal?\"", "ask: \"Goal {nope}?\"", "P009", "9:16"),
        ("ask: \"Goal?\"", "ask: \"Goal {nope?\"", "P008", "9:16"),
        ("next: end", "next:\n      - if: \"goal.type = 'x'\"\n        goto: a", "P008", "14:24"),
        ("save: goal.type", "save: goal.type\n    colour: red", "P003", "13:5"),
        ("    choices: [x, y]\n", "", "P002", "10:11"),
        ("next: b", "next: end", "P007", "8:3"),
        ("  a:\n", "  a:\n    ask: twice\n", "P005", "5:5"),
        ("steps:", "steps: [", "P001", "5:8"),
        ("id: t", "id: other", "P010", "1:5"),
    ])
    func brokenScriptsAreReportedWithFileLineAndColumn(_ original: String, _ broken: String, _ code: String, _ position: String) {
        let source = Self.base.replacingOccurrences(of: original, with: broken)
        #expect(source != Self.base)
        guard case .failure(let failure) = ScriptLoader.load(source: source, file: "Prompts/t.yaml") else {
            Issue.record("accepted a broken script")
            return
        }
        let found = failure.diagnostics.map(\.description)
        #expect(found.contains { $0.hasPrefix("Prompts/t.yaml:\(position): error[\(code)]:") }, "\(found)")
    }

    @Test func theBaseScriptIsValid() throws {
        let script = try ScriptLoader.load(source: Self.base, file: "Prompts/t.yaml").get()
        #expect(script.steps.map(\.id) == ["a", "b"])
        #expect(script.hash == ScriptLoader.fingerprint(Self.base))
    }

    @Test func garbageNeverCrashesTheLoader() {
        let samples = ["", "\u{0}\u{1}\u{2}", "- - - [", "steps: 12", "id: [1,2]\nsteps: {a: 3}", String(repeating: "[", count: 5_000),
                       "steps:\n  a:\n    ask: x\n    next: [1, 2]", "steps:\n  a:\n    reject: {if: 1}", "\u{FEFF}id: t"]
        for sample in samples {
            if case .failure(let failure) = ScriptLoader.load(source: sample, file: "f.yaml") {
                #expect(!failure.diagnostics.isEmpty)
            }
        }
    }
}

@Suite struct GoalLibraryTests {
    @Test func shippedLibraryCoversEveryOnboardingGoalType() throws {
        let rules = URL(fileURLWithPath: promptsDirectory).deletingLastPathComponent().appendingPathComponent("Rules").path
        let library = try GoalLibraryLoader.load(rulesDirectory: rules).get()
        let onboarding = try PromptLibrary(directory: promptsDirectory).load("onboarding").get()
        guard case .choice(let types)? = onboarding["goal_type"]?.kind else {
            Issue.record("onboarding has no goal_type choice")
            return
        }
        #expect(Set(library.examples.map(\.type)) == Set(types))
        let analyzer = SmartAnalyzer(vocabulary: .shipped)
        for (type, goals) in library.examples {
            #expect(goals.count >= 3, "\(type)")
            for goal in goals {
                let critique = analyzer.analyze(goal, context: SmartContext(today: LocalDate(year: 2026, month: 11, day: 23)!))
                #expect(critique[.measurable].met == true && critique[.timeBound].met == true && critique[.specific].met == true,
                        "example “\(goal)” is not SMART by our own analyzer")
            }
        }
    }

    @Test func brokenLibraryIsLocated() {
        guard case .failure(let failure) = GoalLibraryLoader.load(source: "examples:\n  promotion: 12\n", file: "Rules/goal-library.yaml") else {
            Issue.record("accepted a broken library")
            return
        }
        #expect(failure.diagnostics.map(\.description) == ["Rules/goal-library.yaml:2:14: error[P004]: examples of promotion should be a list, e.g. [a, b]"])
    }
}
