import CoachApp
import CoachCore
import CoachLoader
import CoachPostgres
import CoachStore
import Foundation

/// Builds the large data sets BENCHMARKS.md measures and times the in-process parts.
/// `Benchmarks/run.py` drives it; run it yourself with `swift run -c release kpicoach-bench`.
///
///     kpicoach-bench suggest RULES_DIR N       time suggestions over the shipped catalogue plus N generated rules
///     kpicoach-bench practice DB CLIENTS N     fill DB with CLIENTS clients, 2 KPIs each, N check-ins per KPI
///     kpicoach-bench conversation DB PROMPTS N fill DB with one onboarding conversation of at least N events
///     kpicoach-bench dashboard-phases DB       time each part of `kpicoach clients` over DB
///     kpicoach-bench smart FIXTURES_DIR        time one SMART critique and one date reading over the development sets
///     kpicoach-bench commits DB PROMPTS N      answer N questions of an onboarding, printing each answer's commit time
///
/// DB is a SQLite path or a practice's postgresql:// URL (connected as one of its coaches).
let today = LocalDate(year: 2026, month: 11, day: 23)!
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kpicoach-bench: \(message)\n".utf8))
    exit(1)
}

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

/// The store named on the command line: a practice's database by URL, else a SQLite file.
func openStore(_ text: String, create: Bool = true) throws -> any CoachStorage {
    guard PostgresLocation.isURL(text) else { return try AppDatabase.open(path: text, create: create) }
    let location = try PostgresLocation(url: text)
    return try PracticeDatabase.open(location, password: location.password { _ in })
}

/// Rules shaped like the shipped ones: a goal kind, words in the role or the goal, the hours available.
func generatedRules(_ count: Int, metrics: [String]) -> String {
    var rng = SeededGenerator(seed: 2026)
    let kinds = ["promotion", "new skill", "higher salary", "more satisfaction", "better balance", "bigger network", "career change"]
    let fields = ["profile.role", "goal.final", "discovery.job_description", "goal.target_role", "discovery.org_goals"]
    var yaml = ""
    for i in 0..<count {
        let condition: String
        switch i % 4 {
        case 0: condition = "goal.type == '\(kinds.randomElement(using: &rng)!)' and mentions(\(fields.randomElement(using: &rng)!), ['word\(i)', 'topic\(i % 97)'])"
        case 1: condition = "mentions(\(fields.randomElement(using: &rng)!), ['phrase \(i)', 'skill\(i % 131)'])"
        case 2: condition = "constraints.hours < \(i % 20 + 1) and goal.type == '\(kinds.randomElement(using: &rng)!)'"
        default: condition = "\(fields.randomElement(using: &rng)!) contains 'stem\(i % 53)'"
        }
        let chosen = Set((0..<3).map { _ in metrics.randomElement(using: &rng)! })
        let weights = chosen.sorted().map { "\($0): \(Int.random(in: 1...4, using: &rng))" }
        yaml += "  - id: generated_\(i)\n    if: \"\(condition)\"\n    add: {\(weights.joined(separator: ", "))}\n    because: \"Generated rule \(i).\"\n"
    }
    return yaml
}

switch arguments.first {
case "suggest":
    guard arguments.count == 3, let count = Int(arguments[2]) else { fail("usage: suggest RULES_DIR N") }
    let dir = arguments[1]
    let catalogueText = (try? String(contentsOfFile: dir + "/" + CatalogueLoader.catalogueFile, encoding: .utf8)) ?? ""
    let shipped = (try? String(contentsOfFile: dir + "/" + CatalogueLoader.rulesFile, encoding: .utf8)) ?? ""
    let roles = (try? String(contentsOfFile: dir + "/" + CatalogueLoader.rolesFile, encoding: .utf8)) ?? ""
    guard case .success(let base) = CatalogueLoader.load(rulesDirectory: dir, today: today) else { fail("cannot load \(dir)") }
    let rulesText = shipped + "\n" + generatedRules(count, metrics: base.metrics.map(\.id))
    var loaded: Catalogue?
    let load = milliseconds {
        if case .success(let c) = CatalogueLoader.load(catalogue: catalogueText, file: "catalogue.yaml", rules: rulesText, file: "suggestions.yaml",
                                                       roles: roles, file: "roles.yaml", today: today) { loaded = c }
    }
    guard let catalogue = loaded else {
        if case .failure(let f) = CatalogueLoader.load(catalogue: catalogueText, file: "catalogue.yaml", rules: rulesText, file: "suggestions.yaml", today: today) {
            fail("the generated rules did not load:\n" + f.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))
        }
        fail("the generated rules did not load")
    }
    let answers: [String: AnswerValue] = [
        "profile.role": .text("Account executive"), "profile.industry": .text("B2B software"), "goal.type": .choice("promotion"),
        "goal.target_role": .text("Sales manager"), "goal.final": .text("Close 12 new deals a quarter by 2027-05-31 to lead the team"),
        "discovery.job_description": .text("coaching a team and owning a regional forecast"), "constraints.hours": .number(5),
    ]
    let suggester = Suggester(catalogue: catalogue, today: today)
    var top: [Suggester.Suggestion] = []
    let samples = (0..<30).map { _ in milliseconds { top = suggester.suggest(answers, limit: 7) } }
    print("{\"rules\": \(catalogue.rules.count), \"metrics\": \(catalogue.metrics.count), \"load_ms\": \(load), \"suggest_median_ms\": \(median(samples)), \"top\": \"\(top.first?.metric.name ?? "-")\"}")

case "smart":
    guard arguments.count == 2 else { fail("usage: smart FIXTURES_DIR") }
    /// The quoted `text:` of every item in a fixture file.
    func texts(_ file: String) -> [String] {
        let source = (try? String(contentsOfFile: arguments[1] + "/" + file, encoding: .utf8)) ?? ""
        return source.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "{text: \"")?.upperBound, let end = line[start...].range(of: "\", ")?.lowerBound else { return nil }
            return String(line[start..<end])
        }
    }
    let goals = texts("smart-goals.yaml"), dates = texts("dates.yaml")
    guard !goals.isEmpty, !dates.isEmpty else { fail("no goals or dates in \(arguments[1])") }
    guard case .success(let vocabulary) = SmartVocabularyLoader.load(rulesDirectory: arguments[1] + "/../../Rules") else { fail("cannot load Rules/smart.yaml") }
    let analyzer = SmartAnalyzer(vocabulary: vocabulary)
    let context = SmartContext(role: "account executive", today: today)
    let parser = AnswerParser(today: today)
    var critique: [Double] = [], reading: [Double] = []
    for _ in 0..<20 {
        critique.append(milliseconds { for goal in goals { _ = analyzer.analyze(goal, context: context) } } / Double(goals.count))
        reading.append(milliseconds { for date in dates { _ = parser.parse(date, as: .date) } } / Double(dates.count))
    }
    print("{\"goals\": \(goals.count), \"critique_median_ms\": \(median(critique)), \"dates\": \(dates.count), \"date_median_ms\": \(median(reading))}")

case "practice":
    guard arguments.count == 4, let clients = Int(arguments[2]), let checkins = Int(arguments[3]) else { fail("usage: practice DB CLIENTS N") }
    do {
        let db = try openStore(arguments[1])
        let start = LocalDate(year: 2025, month: 1, day: 6)!
        for c in 0..<clients {
            let name = "Client \(c)"
            let state = ConversationState(scriptID: "smart-goal", presets: ["client.name": .text(name)], position: .finished)
            let variables: [String: AnswerValue] = ["goal.final": .text("Close \(12 + c % 9) new deals a quarter by 2027-06-30")]
            let conversation = try db.createConversation(ConversationSnapshot(state: state, scriptHash: "bench", clientName: name, variables: variables), log: [])
            let kpis = [
                PlannedKPI(name: "Deals closed", catalogueID: "deals_closed", unit: .count, direction: .increase, baselineValue: 8, baselineDate: start,
                           baselineSource: "CRM", targetValue: 12, dueDate: LocalDate(year: 2027, month: 6, day: 30)!, cadence: .weekly, weight: 3),
                PlannedKPI(name: "Hours worked per week", catalogueID: "weekly_hours_worked", unit: .hours, direction: .decrease, baselineValue: 55, baselineDate: start,
                           baselineSource: "timesheet", targetValue: 45, dueDate: LocalDate(year: 2027, month: 3, day: 31)!, cadence: .weekly, weight: 1),
            ]
            try db.addKPIs(kpis, client: name, conversation: conversation)
            for (k, id) in (try db.kpis(client: name) ?? []).map(\.id).enumerated() {
                for i in 0..<checkins {
                    let value = k == 0 ? 8 + Double(i) * 0.08 + Double(c % 3) : 55 - Double(i) * 0.15
                    try db.addCheckin(kpi: id, client: name, date: start.adding(days: 7 * i), value: value, confidence: (i + c) % 11, note: nil)
                }
            }
        }
        print("{\"clients\": \(clients), \"checkins_per_kpi\": \(checkins)}")
    } catch { fail("\(error)") }

case "conversation":
    guard arguments.count == 4, let events = Int(arguments[3]) else { fail("usage: conversation DB PROMPTS N") }
    guard case .success(let script) = PromptLibrary(directory: arguments[2]).load("onboarding") else { fail("no onboarding script in \(arguments[2])") }
    do {
        let db = try AppDatabase.open(path: arguments[1])
        var engine = ConversationEngine.begin(script, presets: ["client.name": .text("Ana")], context: ConversationContext(today: today))
        let recorder = StorageRecorder(storage: db)
        var written = 0
        /// The cost of each answered turn (the engine and its commit), by how many answers came before.
        var costs: [Int: Double] = [:]
        func play(_ event: ConversationEvent) throws {
            let before = engine.state.records.count
            let start = DispatchTime.now().uptimeNanoseconds
            let turn = engine.handle(event)
            try recorder.record(turn.log, snapshot: engine.snapshot)
            engine.markSaved()
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            if engine.state.records.count > before { costs[before] = ms }
            written += turn.log.count
        }
        try play(.conversationOpened(resumed: false))
        for line in ["Account executive", "B2B software", "6", "promotion", "Sales manager", "coaching a team", "forecast accurately",
                     "grow revenue 20%", "leading people", "5", "2027-06-30", "manager, mentor"] { try play(.lineSubmitted(line)) }
        var n = 0
        while written < events {
            try play(.lineSubmitted("Ally \(n), who can open a door"))
            try play(.lineSubmitted("yes"))
            n += 1
        }
        /// The median cost of the answers around the `at`th.
        func around(_ at: Int) -> Double { median((at - 20...at + 20).compactMap { costs[$0] }) }
        let id = recorder.conversationID.map(\.rawValue) ?? 0
        print("{\"conversation\": \(id), \"events\": \(written), \"answers\": \(engine.state.records.count), \"answer_ms_at_200\": \(around(200)), \"answer_ms_at_3000\": \(around(3000))}")
    } catch { fail("\(error)") }

case "commits":
    guard arguments.count == 4, let answers = Int(arguments[3]) else { fail("usage: commits DB PROMPTS N") }
    guard case .success(let script) = PromptLibrary(directory: arguments[2]).load("onboarding") else { fail("no onboarding script in \(arguments[2])") }
    do {
        let db = try openStore(arguments[1])
        var engine = ConversationEngine.begin(script, presets: ["client.name": .text("Client \(getpid())")], context: ConversationContext(today: today))
        let recorder = StorageRecorder(storage: db)
        var commits: [Double] = []
        func play(_ event: ConversationEvent) throws {
            let before = engine.state.records.count
            let turn = engine.handle(event)
            let start = DispatchTime.now().uptimeNanoseconds
            try recorder.record(turn.log, snapshot: engine.snapshot)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            engine.markSaved()
            if engine.state.records.count > before { commits.append(ms) }
        }
        try play(.conversationOpened(resumed: false))
        let opening = ["Account executive", "B2B software", "6", "promotion", "Sales manager", "coaching a team", "forecast accurately",
                       "grow revenue 20%", "leading people", "5", "2027-06-30", "manager, mentor"]
        var n = 0
        while commits.count < answers {
            // After the opening answers, the ally loop: a name, then "yes" to add another.
            let line = n < opening.count ? opening[n] : (n - opening.count) % 2 == 0 ? "Ally \(n), who can open a door" : "yes"
            try play(.lineSubmitted(line))
            n += 1
        }
        print("{\"commit_ms\": [\(commits.map { String($0) }.joined(separator: ", "))]}")
    } catch { fail("\(error)") }

case "dashboard-phases":
    guard arguments.count == 2 else { fail("usage: dashboard-phases DB") }
    do {
        let db = try AppDatabase.open(path: arguments[1], create: false)
        var known: [String: [String: AnswerValue]] = [:]
        var failure: (any Error)?
        let plans = milliseconds {
            do { try db.forEachKPI { _, kpi in _ = kpi.figures.evaluate(today: today, cadence: kpi.kpi.cadence) } } catch { failure = error }
        }
        let answers = milliseconds { do { known = try db.knownAnswersByClient() } catch { failure = error } }
        if let failure { fail("\(failure)") }
        print("{\"plans_and_figures_ms\": \(plans), \"known_answers_ms\": \(answers), \"clients\": \(known.count)}")
    } catch { fail("\(error)") }

default:
    fail("commands: suggest RULES_DIR N · practice DB CLIENTS N · conversation DB PROMPTS N")
}
