@testable import CoachCore
import CoachLoader
import Foundation
import Testing
import Yams

/// The development set of client profiles built from public "KPIs for <role>" pages
/// (Tests/Fixtures/role-profiles.yaml): how many get two or more of their page's metrics in the
/// top five, and what share of all the pages' metrics appear there.
@Suite struct RoleProfileTests {
    struct RoleProfile {
        let name: String
        let family: String
        let answers: [String: AnswerValue]
        let expected: [String]
    }

    static let profiles: [RoleProfile] = Fixtures.items("role-profiles.yaml", "profiles").map { row in
        RoleProfile(name: row["name"] as? String ?? "?", family: row["family"] as? String ?? "?",
                    answers: Fixtures.answers(row), expected: row["expect"] as? [String] ?? [])
    }

    let catalogue: Catalogue = {
        switch CatalogueLoader.load(rulesDirectory: rulesDirectory, today: today) {
        case .success(let c): return c
        case .failure(let f): fatalError(f.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }()

    @Test func corpusCoversEnoughRolesAndFamilies() {
        #expect(Self.profiles.count >= 80)
        #expect(Set(Self.profiles.map(\.family)).count >= 25)
        let ids = Set(catalogue.metrics.map(\.id))
        for profile in Self.profiles {
            #expect(profile.expected.allSatisfy(ids.contains), "\(profile.name): \(profile.expected)")
        }
    }

    @Test func mostProfilesGetTwoOfTheirGuidesMetricsInTheTopFive() {
        var hits = 0, found = 0, named = 0, scored = 0
        var misses: [String] = []
        for profile in Self.profiles {
            let top = Suggester(catalogue: catalogue, today: today).suggest(profile.answers, limit: 5).map(\.metric.id)
            let matched = profile.expected.filter(top.contains)
            found += matched.count
            named += profile.expected.count
            // A page with one metric the catalogue holds cannot show two; it still counts for the share.
            guard profile.expected.count >= 2 else { continue }
            scored += 1
            if matched.count >= 2 { hits += 1 } else {
                misses.append("  \(profile.name) (\(profile.family)): expected \(profile.expected), top five \(top)")
            }
        }
        let rate = Double(hits) / Double(max(1, scored))
        print("Role profiles: \(hits)/\(scored) (\(Int((rate * 100).rounded())) %) of the profiles whose page names two catalogue metrics have two in the top five; \(found)/\(named) (\(Int((Double(found) / Double(max(1, named)) * 100).rounded())) %) of all the guides' metrics appear there (\(Self.profiles.count) profiles)")
        misses.forEach { print($0) }
        // A development-set floor, not the target: the issue asks for 85 % (see BENCHMARKS.md).
        // The floor follows the set as held-out profiles join it (the sixth stop's held-out ones are harder).
        #expect(rate >= 0.40)
    }

    @Test func theIssuesExamplesReadAsACoachWould() {
        let suggester = Suggester(catalogue: catalogue, today: today)
        let qa = suggester.suggest(["profile.role": .text("QA engineer"), "goal.type": .text("promotion"),
                                    "goal.target_role": .text("QA lead"), "goal.final": .text("become QA lead next year")])
        #expect(qa.prefix(5).contains { $0.metric.id == "escaped_defects" })
        #expect(qa.prefix(5).contains { $0.metric.id == "test_automation_coverage" })
        #expect(qa.first?.reasons.first?.contains("quality assurance") == true)
        let warehouse = suggester.suggest(["profile.role": .text("warehouse supervisor"), "goal.final": .text("fewer accidents on my shift")])
        #expect(warehouse.first?.metric.id == "safety_incidents")
        #expect(suggester.placement(["profile.role": .text("chief vibes officer")]) == nil)
    }

    /// A kind of work inside a family leads with its own results, and the reason says what they are.
    @Test func specialtiesLeadWithTheirOwnResults() {
        let suggester = Suggester(catalogue: catalogue, today: today)
        func top(_ role: String) -> [String] {
            suggester.suggest(["profile.role": .text(role), "goal.type": .text("promotion")]).map(\.metric.id)
        }
        #expect(top("technical recruiter").contains("time_to_hire"))
        #expect(!top("HR business partner").contains("time_to_hire"))
        #expect(top("HR business partner").contains("employee_turnover_rate"))
        #expect(top("AP clerk").contains("invoices_processed"))
        #expect(top("property manager").contains("operating_profit"))
        #expect(!top("listing agent").contains("operating_profit"))
        let family = try! #require(catalogue.roles.read("head chef")?.family)
        #expect(family.metrics(for: "head chef").first == "food_cost_percentage")
        #expect(family.metrics(for: "barista").first == "average_transaction_value")
        #expect(family.reason(for: "barista").contains("what each guest spends"))
        #expect(family.metrics(for: "catering manager") == family.metrics)
    }

    /// Occupations with guides of their own lead with the results those guides name, and an
    /// abbreviation of one field does not capture a title of another ("OTR" is over-the-road).
    @Test func occupationsLeadWithWhatTheirGuidesName() {
        let suggester = Suggester(catalogue: catalogue, today: today)
        func top(_ role: String, _ type: String = "higher salary") -> [String] {
            suggester.suggest(["profile.role": .text(role), "goal.type": .text(type)]).map(\.metric.id)
        }
        #expect(top("HVAC tech").contains("first_time_fix_rate"))
        #expect(top("OTR truck driver").contains("safety_incidents"))
        #expect(top("bartender").contains("pour_cost_percentage"))
        #expect(!top("server").contains("pour_cost_percentage"))
        #expect(catalogue.roles.read("dental hygienist")?.family.metrics(for: "dental hygienist") != catalogue.roles.read("dentist")?.family.metrics(for: "dentist"))
    }

    @Test func titlesReadWithTheirSeniority() {
        let roles = catalogue.roles
        #expect(roles.read("Senior QA Engineer")?.family.id == "quality_assurance_testing")
        #expect(roles.read("Senior QA Engineer")?.seniority == .senior)
        #expect(roles.read("RN")?.family.id == "nursing")
        #expect(roles.read("SDR")?.family.id == "sales")
        #expect(roles.read("head chef")?.family.id == "food_service_hospitality")
        #expect(roles.read("Director of Nursing")?.seniority == .director)
        #expect(roles.families.count >= 30)
    }

    /// Short forms and one-letter slips are read as the title they stand for, keeping what the
    /// client typed as the title shown back; a title that reads as typed is not respelled.
    @Test func shortFormsAndSlipsReadAsTheirTitle() {
        let roles = catalogue.roles
        #expect(roles.read("sr. softwre engr")?.family.id == "software_engineering")
        #expect(roles.read("sr. softwre engr")?.seniority == .senior)
        #expect(roles.read("sr. softwre engr")?.title == "sr. softwre engr")
        #expect(roles.read("jr mktg asst")?.family.id == "marketing_communications")
        #expect(roles.read("acounting clerk")?.family.id == "accounting_finance")
        #expect(roles.read("chief vibes officer")?.family.id != "sales")
        #expect(roles.read("RN")?.title == "RN")
    }

    @Test func oneEditApartIsOneSlip() {
        for (a, b) in [("acount", "account"), ("enginer", "engineer"), ("regsitered", "registered"), ("nurses", "nurse"), ("managre", "manager")] {
            #expect(RoleLexicon.oneEditApart(a, b), "\(a) ~ \(b)")
        }
        for (a, b) in [("nurse", "nurse"), ("nurse", "nursing"), ("clerk", "cleark s"), ("engineer", "gineer")] {
            #expect(!RoleLexicon.oneEditApart(a, b), "\(a) !~ \(b)")
        }
    }
}
