import CoachTestSupport
import CoachCore
import CoachLoader
import Foundation
import Testing
import Yams

let rulesDirectory = URL(fileURLWithPath: promptsDirectory).deletingLastPathComponent().appendingPathComponent("Rules").path
let today = LocalDate(year: 2026, month: 11, day: 23)!

/// A client profile written for these tests, with the metrics a coach would expect in the top 5
/// (Tests/Fixtures/suggestion-profiles.yaml).
struct Profile: Sendable, CustomTestStringConvertible {
    let name: String
    let answers: [String: AnswerValue]
    let expected: [String]
    var testDescription: String { name }

    static let all: [Profile] = Fixtures.items("suggestion-profiles.yaml", "profiles").map { row in
        Profile(name: row["name"] as? String ?? "?", answers: Fixtures.answers(row), expected: row["expect"] as? [String] ?? [])
    }
}

@Suite struct SuggestionTests {
    let catalogue: Catalogue = {
        switch CatalogueLoader.load(rulesDirectory: rulesDirectory, today: today) {
        case .success(let c): return c
        case .failure(let f): fatalError(f.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }()

    @Test func shippedCatalogueIsCleanAndCoversEveryFamily() {
        if case .failure(let f) = CatalogueLoader.load(rulesDirectory: rulesDirectory, today: today) {
            Issue.record(Comment(rawValue: f.diagnostics.map(\.description).joined(separator: "\n")))
        }
        #expect(catalogue.metrics.count >= 80)
        for family in Catalogue.families {
            #expect(catalogue.metrics.filter { $0.family == family }.count >= 4, "\(family)")
        }
        #expect(catalogue.metrics.contains { $0.kind == .personal })
    }

    /// The rule index only narrows: for every profile, and for each rule's own examples, the
    /// rules behind the ranking are exactly those whose condition holds when all are evaluated.
    @Test func indexedRankingFindsEveryRuleThatFires() {
        let examples = catalogue.rules.flatMap { [$0.firesFor, $0.silentFor] }.filter { !$0.isEmpty }
        let shouted = Profile.all.map { $0.answers.mapValues { value in
            if case .text(let s) = value { return AnswerValue.text(s.uppercased() + "S") }
            return value
        } }
        var checked = 0
        for answers in Profile.all.map(\.answers) + examples + shouted {
            let suggester = Suggester(catalogue: catalogue, today: today)
            // A family rule adds nothing when the role is not placed in a family.
            let everyRule = Set(catalogue.rules.filter { rule in
                rule.fires(for: answers, today: today) && (rule.familyWeights.isEmpty ? !rule.weights.isEmpty : suggester.familyResults(for: rule, answers) != nil)
            }.map(\.id))
            let ranked = Set(Suggester(catalogue: catalogue, today: today).rank(answers).flatMap(\.rules))
            #expect(ranked == everyRule, "\(answers)")
            checked += 1
        }
        #expect(checked > 200)
    }

    /// Every rule fires for its own example profile and stays silent for the other.
    @Test func rulesAgreeWithTheirExamples() {
        for rule in catalogue.rules {
            #expect(rule.firesFor.isEmpty || rule.fires(for: rule.firesFor, today: today), "\(rule.id) fires_for")
            #expect(rule.silentFor.isEmpty || !rule.fires(for: rule.silentFor, today: today), "\(rule.id) silent_for")
        }
    }

    @Test(arguments: Profile.all)
    func topFiveIsBalanced(_ profile: Profile) {
        let top = Suggester(catalogue: catalogue, today: today).suggest(profile.answers, limit: 5)
        #expect(top.count == 5)
        #expect(top.contains { $0.metric.kind == .personal }, "no personal/well-being metric in \(top.map(\.metric.id))")
        #expect(Set(top.map(\.metric.horizon)).count == 2, "top 5 is all one horizon: \(top.map(\.metric.id))")
        for s in top { #expect(!s.reasons.isEmpty, "\(s.metric.id) has no reason") }
    }

    @Test func expectedMetricsAreInTheTopFiveForMostProfiles() {
        let profiles = Profile.all
        #expect(profiles.count >= 25)
        var hits = 0, total = 0
        var misses: [String] = []
        for profile in profiles {
            let top = Set(Suggester(catalogue: catalogue, today: today).suggest(profile.answers, limit: 5).map(\.metric.id))
            for id in profile.expected {
                total += 1
                if top.contains(id) { hits += 1 } else { misses.append("\(profile.name): \(id)") }
            }
        }
        let rate = total == 0 ? 0 : Double(hits) / Double(total)
        print("KPI suggestion hit rate: \(hits)/\(total) expected metrics in the top 5 (\(Int((rate * 100).rounded()))%) over \(profiles.count) profiles")
        if !misses.isEmpty { print("missed: " + misses.joined(separator: "; ")) }
        #expect(rate >= 0.8)
    }

    @Test func keywordsTolerateInflections() throws {
        let e = try Expression(parsing: "mentions([profile.role, goal.final], ['manage', 'account executive'])")
        func holds(_ answers: [String: AnswerValue]) -> Bool {
            e.evaluate({ answers[$0].map(ExpressionValue.init) ?? .null }, today: today, smart: .shipped).isTruthy
        }
        #expect(holds(["profile.role": .text("Team Manager")]))
        #expect(holds(["goal.final": .text("get into management by 2027")]))
        #expect(holds(["profile.role": .text("Senior Account Executive")]))
        #expect(!holds(["profile.role": .text("accountant")]))
        #expect(!holds([:]))
        // A shared start is not a shared root: what is left of the shorter word must be an ending.
        let campaign = try Expression(parsing: "mentions(goal.final, ['campaign', 'content'])")
        for (text, expected) in [("the next pay band in campus IT", false), ("my contractor rates", false),
                                 ("run two campaigns", true), ("more content", true)] {
            #expect(campaign.evaluate({ $0 == "goal.final" ? .string(text) : .null }, today: today, smart: .shipped).isTruthy == expected, "\(text)")
        }
    }

    @Test func tiesBreakByCatalogueOrderAndScoresAddUp() throws {
        let a = Metric(id: "a", name: "A", family: "salary", unit: .money, direction: .increase, measure: "", source: "", cadence: .monthly, kind: .professional, horizon: .long, baselineQuestion: "")
        let b = Metric(id: "b", name: "B", family: "salary", unit: .money, direction: .increase, measure: "", source: "", cadence: .monthly, kind: .personal, horizon: .short, baselineQuestion: "")
        let always = try Expression(parsing: "true")
        let rules = [
            SuggestionRule(id: "r1", condition: always, weights: [.init(metricID: "b", weight: 2), .init(metricID: "a", weight: 2)], reason: "one"),
            SuggestionRule(id: "r2", condition: try Expression(parsing: "goal.type == 'salary'"), weights: [.init(metricID: "b", weight: 1)], reason: "two"),
        ]
        let suggester = Suggester(catalogue: Catalogue(metrics: [a, b], rules: rules), today: today)
        #expect(suggester.rank([:]).map(\.metric.id) == ["a", "b"])
        let salary = suggester.rank(["goal.type": .choice("salary")])
        #expect(salary.map(\.metric.id) == ["b", "a"])
        #expect(salary[0].score == 3)
        #expect(salary[0].reasons == ["one", "two"])
    }

    @Test func balanceGivesUpWhatOnlyTheKindOfGoalAskedFor() throws {
        func metric(_ id: String, kind: Metric.Kind = .professional, horizon: Metric.Horizon) -> Metric {
            Metric(id: id, name: id, family: kind == .personal ? "balance" : "promotion", unit: .count, direction: .increase, measure: "",
                   source: "", cadence: .monthly, kind: kind, horizon: horizon, baselineQuestion: "")
        }
        let rules = [
            SuggestionRule(id: "kind", condition: try Expression(parsing: "goal.type == 'promotion'"),
                           weights: [.init(metricID: "ready", weight: 5), .init(metricID: "achieved", weight: 4), .init(metricID: "hours", weight: 1)],
                           reason: "kind"),
            SuggestionRule(id: "role", condition: try Expression(parsing: "profile.role contains 'qa'"),
                           weights: [.init(metricID: "defects", weight: 3)], reason: "role"),
        ]
        let catalogue = Catalogue(metrics: [metric("ready", horizon: .short), metric("achieved", horizon: .long), metric("defects", horizon: .long),
                                            metric("hours", kind: .personal, horizon: .short)], rules: rules)
        let top = Suggester(catalogue: catalogue, today: today).suggest(["goal.type": .choice("promotion"), "profile.role": .text("QA engineer")], limit: 3)
        // The role's result stays, though weaker than the second metric the kind of goal asked for.
        #expect(top.map(\.metric.id) == ["ready", "hours", "defects"])
    }

    /// When a list lacks both a personal and a long-term metric, a personal long-term candidate
    /// fills both needs, though ranked below another personal one: one ranked entry is given up, not two.
    @Test func oneSwapMeetsTwoNeedsWhenItCan() throws {
        func metric(_ id: String, family: String, kind: Metric.Kind = .professional, horizon: Metric.Horizon) -> Metric {
            Metric(id: id, name: id, family: family, unit: .count, direction: .increase, measure: "",
                   source: "", cadence: .monthly, kind: kind, horizon: horizon, baselineQuestion: "")
        }
        let rules = [
            SuggestionRule(id: "role", condition: try Expression(parsing: "true"),
                           weights: [.init(metricID: "defects", weight: 5), .init(metricID: "coverage", weight: 4), .init(metricID: "cycle", weight: 3),
                                     .init(metricID: "hours", weight: 2), .init(metricID: "confidence", weight: 1)], reason: "role"),
        ]
        let catalogue = Catalogue(metrics: [metric("defects", family: "quality", horizon: .short), metric("coverage", family: "quality", horizon: .short),
                                            metric("cycle", family: "speed", horizon: .short), metric("hours", family: "balance", kind: .personal, horizon: .short),
                                            metric("confidence", family: "growth", kind: .personal, horizon: .long)], rules: rules)
        let top = Suggester(catalogue: catalogue, today: today).suggest([:], limit: 3)
        #expect(top.map(\.metric.id) == ["defects", "confidence", "cycle"])
    }

    @Test func aRestatedNumberTakesOnePlace() throws {
        func metric(_ id: String, restates: [String] = []) -> Metric {
            Metric(id: id, name: id, family: "salary", unit: .money, direction: .increase, measure: "", source: "", cadence: .monthly,
                   kind: .personal, horizon: .short, baselineQuestion: "", restates: restates)
        }
        let rule = SuggestionRule(id: "pay", condition: try Expression(parsing: "true"),
                                  weights: [.init(metricID: "salary", weight: 5), .init(metricID: "raise", weight: 4), .init(metricID: "ask", weight: 1)],
                                  reason: "pay")
        let suggester = Suggester(catalogue: Catalogue(metrics: [metric("salary"), metric("raise", restates: ["salary"]), metric("ask")], rules: [rule]), today: today)
        #expect(suggester.suggest([:], limit: 2).map(\.metric.id) == ["salary", "ask"])
        // With nothing else to offer, the restatement still fills the list.
        #expect(suggester.suggest([:], limit: 3).map(\.metric.id) == ["salary", "ask", "raise"])
        #expect(suggester.rank([:]).map(\.metric.id) == ["salary", "raise", "ask"])
    }

    /// Broken copies of the shipped files: each problem located with its code.
    @Test(arguments: [
        ("catalogue", "unit: count", "unit: litres", "P004"),
        ("suggestions", "add: {", "add: {no_such_metric: 2, ", "R001"),
        ("suggestions", "if: \"", "if: \"goal.type = 'x' or ", "P008"),
        ("suggestions", "if: \"", "if: \"shoe.size > 40 or ", "P009"),
        // The SMART functions need word tables rules are judged without.
        ("suggestions", "if: \"", "if: \"smart(goal.final) or ", "P008"),
        ("catalogue", "metrics:\n", "metrics:\n  - {id: orphan, name: \"Orphan\", family: \"salary\", unit: count, direction: increase, measure: \"m\", source: \"s\", cadence: monthly, kind: personal, horizon: short, baseline: \"b?\"}\n", "R002"),
        ("catalogue", "family: \"ROI\"", "family: \"salary\"", "R003"),
        ("suggestions", "if: \"", "if: \"false and ", "R004"),
        // A percent metric whose baseline question asks for a count, and an example that contradicts its words.
        ("catalogue", "What share of last month's planned one-to-ones actually happened (in %)?",
         "How many of last month's planned one-to-ones actually happened?", "R007"),
        ("catalogue", "asks: \"What share of your quota", "asks: \"How much of your quota", "R004"),
        // A scale written backwards, and one its measure does not state.
        ("catalogue", "scale: [1, 10]", "scale: [10, 1]", "P004"),
        ("catalogue", "scale: [1, 10]", "scale: [1, 7]", "R004"),
        // A specialty naming words no title of its family holds, or a metric the catalogue lacks.
        ("catalogue", "- titles: [\"recruiter\", ", "- titles: [\"astronaut\", \"recruiter\", ", "R006"),
        ("catalogue", "metrics: [\"time_to_hire\", \"quality_of_hire\", \"cost_per_hire\", \"offer_acceptance_rate\"]\n      - titles",
         "metrics: [\"time_to_hire\", \"no_such_metric\"]\n      - titles", "R001"),
        // A restatement of a metric the catalogue lacks.
        ("catalogue", "restates: [base_salary]", "restates: [base_pay]", "R001"),
    ])
    func brokenCopiesAreLocated(_ file: String, _ original: String, _ broken: String, _ code: String) throws {
        var catalogueText = try String(contentsOfFile: rulesDirectory + "/catalogue.yaml", encoding: .utf8)
        var rulesText = try String(contentsOfFile: rulesDirectory + "/suggestions.yaml", encoding: .utf8)
        if code == "R003" {  // every metric of a family moves elsewhere
            catalogueText = catalogueText.replacingOccurrences(of: original, with: broken)
        } else if file == "catalogue" {
            let range = try #require(catalogueText.range(of: original))
            catalogueText.replaceSubrange(range, with: broken)
        } else {
            let range = try #require(rulesText.range(of: original))
            rulesText.replaceSubrange(range, with: broken)
        }
        let rolesText = try String(contentsOfFile: rulesDirectory + "/roles.yaml", encoding: .utf8)
        guard case .failure(let failure) = CatalogueLoader.load(catalogue: catalogueText, file: "Rules/catalogue.yaml",
                                                                rules: rulesText, file: "Rules/suggestions.yaml",
                                                                roles: rolesText, file: "Rules/roles.yaml", today: today) else {
            Issue.record("accepted a broken copy")
            return
        }
        let lines = failure.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("Rules/\(file).yaml:") && $0.contains("error[\(code)]") }, "\(lines)")
        for line in lines { #expect(line.split(separator: ":").count >= 4, "\(line) lacks file:line:col") }
    }
}
