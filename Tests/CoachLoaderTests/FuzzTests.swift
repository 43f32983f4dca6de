import CoachTestSupport
import CoachCore
import CoachLoader
import Foundation
import Testing

/// Seeded mutations of the shipped files: the loaders and the expression parser must answer
/// every one with a result or `file:line:col` diagnostics — never a crash.
@Suite struct FuzzTests {
    static let fragments = ["{", "}", "[", "]", ":", "- ", "'", "\"", "\n", "  ", "\t", "#", "&a", "*a", "!!", "{x", "==", " and ",
                            "not ", "(", ")", "\u{0}", "\u{1B}[2J", "🎯", "\u{202E}", "next: nowhere", "type: scale(9-1)", "ask: {", "%"]

    static func mutate(_ text: String, seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        var chars = Array(text)
        for _ in 0..<Int.random(in: 1...6, using: &rng) where !chars.isEmpty {
            let at = Int.random(in: 0..<chars.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: chars.insert(contentsOf: fragments.randomElement(using: &rng)!, at: at)
            case 1: chars.removeSubrange(at..<min(chars.count, at + Int.random(in: 1...40, using: &rng)))
            default:
                let other = Int.random(in: 0..<chars.count, using: &rng)
                chars.swapAt(at, other)
            }
        }
        return String(chars)
    }

    static func diagnosticsAreLocated(_ failure: LoadFailure, file: String) {
        #expect(!failure.diagnostics.isEmpty)
        for d in failure.diagnostics {
            #expect(d.line >= 1 && d.column >= 1, "\(d)")
            #expect(d.description.hasPrefix(file + ":"), "\(d)")
        }
    }

    @Test(arguments: ["onboarding", "smart-goal", "kpi-selection", "checkin", "review"])
    func mutatedScriptsNeverCrashTheLoader(_ id: String) throws {
        let source = try String(contentsOfFile: promptsDirectory + "/\(id).yaml", encoding: .utf8)
        for seed in UInt64(1)...150 {
            let file = "Prompts/\(id).yaml"
            if case .failure(let failure) = ScriptLoader.load(source: Self.mutate(source, seed: seed), file: file) {
                Self.diagnosticsAreLocated(failure, file: file)
            }
        }
    }

    @Test func mutatedRulesNeverCrashTheCatalogueLoader() throws {
        let catalogue = try String(contentsOfFile: rulesDirectory + "/catalogue.yaml", encoding: .utf8)
        let rules = try String(contentsOfFile: rulesDirectory + "/suggestions.yaml", encoding: .utf8)
        for seed in UInt64(1)...60 {
            let mutateCatalogue = seed % 2 == 0
            let result = CatalogueLoader.load(catalogue: mutateCatalogue ? Self.mutate(catalogue, seed: seed) : catalogue, file: "Rules/catalogue.yaml",
                                              rules: mutateCatalogue ? rules : Self.mutate(rules, seed: seed), file: "Rules/suggestions.yaml", today: today)
            if case .failure(let failure) = result {
                for d in failure.diagnostics { #expect(d.line >= 1 && d.column >= 1, "\(d)") }
            }
        }
    }

    @Test func mutatedConditionsNeverCrashTheExpressionParser() throws {
        let seeds = ["goal.type in ['promotion', 'career change'] and not answered(x)", "mentions([profile.role, goal.final], ['sales', 'deal'])",
                     "len(kpi.weight) < len(concat(kpi.picked, kpi.custom))", "answer <= today() or date('2027-06-30') > answer"]
        var parsed = 0, refused = 0
        for (i, base) in seeds.enumerated() {
            for seed in UInt64(1)...250 {
                let text = Self.mutate(base, seed: seed &* 31 &+ UInt64(i))
                do {
                    let e = try Expression(parsing: text)
                    _ = e.evaluate({ _ in .string("x") }, today: today, smart: .shipped)
                    parsed += 1
                } catch {
                    #expect(error.offset >= 0 && error.offset <= text.count, "offset \(error.offset) outside “\(text)”")
                    #expect(!error.message.isEmpty)
                    refused += 1
                }
            }
        }
        print("expression fuzz: \(parsed) mutated conditions parsed and evaluated, \(refused) refused with a position")
        #expect(parsed + refused == seeds.count * 250)
    }
}
