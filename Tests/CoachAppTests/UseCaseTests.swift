import CoachApp
import CoachCore
import CoachLoader
import Foundation
import Testing

/// A console that types the given lines and keeps what was written.
final class TypingConsole: Console {
    var lines: [String]
    var written = ""

    init(_ lines: [String]) { self.lines = lines }

    func readLine(prompt: String, completions: [String], prefill: String?) -> LineInput { lines.isEmpty ? .end : .line(lines.removeFirst()) }
    func write(_ text: String) { written += text }
}

/// The shipped interviews and rules, read from the repository.
struct ShippedInterviews: InterviewSource {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let today: LocalDate

    func script(_ id: String) throws(CoachFailure) -> Script {
        switch PromptLibrary(directory: Self.root + "/Prompts").load(id) {
        case .success(let script): return script
        case .failure(let problem): throw .prompts(problem)
        }
    }

    func context(for script: Script) throws(CoachFailure) -> ConversationContext {
        let catalogue: Catalogue?
        switch CatalogueLoader.load(rulesDirectory: Self.root + "/Rules", today: today) {
        case .success(let value): catalogue = value
        case .failure(let failure): throw .prompts(.invalid(failure))
        }
        return ConversationContext(today: today, catalogue: catalogue)
    }
}

/// The use cases of CoachApp on the in-memory store: no terminal, no database file.
@Suite struct UseCaseTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    func sessions(_ storage: InMemoryStorage, typing lines: [String]) -> (Sessions, TypingConsole) {
        let console = TypingConsole(lines)
        return (Sessions(storage: storage, interviews: ShippedInterviews(today: Self.today), console: console, style: ChatStyle(color: false, width: nil),
                         today: Self.today), console)
    }

    static func onboarding() throws -> [String] {
        try String(contentsOfFile: ShippedInterviews.root + "/Examples/onboarding-ana.txt", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func onboardingChainsIntoTheSMARTGoalAndKPIsAddThePlan() throws {
        let storage = InMemoryStorage()
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30", "8 deals a quarter", "accept"]
        var kpis = ["1", "no"]
        kpis += ["", "", "", "8", "today", "CRM report", "12", "", "", "3"]
        let (sessions, console) = sessions(storage, typing: try Self.onboarding() + ["yes"] + smart + ["yes"] + kpis + ["yes"])
        try sessions.start(scriptID: "onboarding", client: "Ana")
        let list = try storage.conversations()
        #expect(list.map(\.scriptID) == ["kpi-selection", "smart-goal", "onboarding"], "each interview offers the next its script names")
        #expect(list.allSatisfy { $0.status == .finished && $0.client == "Ana" })
        #expect(try storage.kpis(client: "Ana")?.count == 1, "the kpi-plan outcome adds the agreed KPI")
        #expect(console.written.contains("1 KPI added to Ana's plan"))
        #expect(try storage.knownAnswers(client: "Ana")["goal.final"] != nil)
    }

    @Test func aPausedConversationResumesAtTheSameQuestion() throws {
        let storage = InMemoryStorage()
        let lines = Array(try Self.onboarding().prefix(3))
        try sessions(storage, typing: lines).0.start(scriptID: "onboarding", client: "Bo")
        let paused = try #require(try storage.latestUnfinished())
        let step = paused.step
        let (again, console) = sessions(storage, typing: [])
        try again.resume(paused.id)
        #expect(console.written.contains("Welcome back, Bo."))
        #expect(try storage.conversation(paused.id).summary.step == step, "nothing answered, nothing moved")
        #expect(try storage.conversation(paused.id).state.records.count == 3)
    }

    @Test func theCheckinPlanKnowsWhatIsDueAndRefusesAPlanWithoutKPIs() throws {
        let storage = InMemoryStorage()
        #expect(throws: CoachFailure.self) { try sessions(storage, typing: []).0.checkinPlan(client: "Nobody") }
        _ = try storage.addClient("Cy")
        #expect(throws: CoachFailure.self) { try sessions(storage, typing: []).0.checkinPlan(client: "Cy") }
        let kpi = PlannedKPI(name: "Deals closed", catalogueID: nil, unit: .count, direction: .increase, baselineValue: 8,
                             baselineDate: Self.today.adding(days: -40), baselineSource: "CRM", targetValue: 12,
                             dueDate: LocalDate(year: 2027, month: 6, day: 30)!, cadence: .weekly, weight: 1)
        try storage.addKPIs([kpi], client: "Cy", conversation: nil)
        let plan = try sessions(storage, typing: []).0.checkinPlan(client: "Cy")
        #expect(plan.anyDue && plan.due.map(\.kpi.name) == ["Deals closed"])
        #expect(plan.presets["plan.kpi"] == .list([.text("Deals closed")]))
    }

    /// The check-in's answers become typed plan changes: each figure a check-in, each agreed
    /// adjustment (a target, a date, retiring) a change with its reason.
    @Test func aFinishedCheckinBecomesCheckinsAndTypedAdjustments() {
        let due = LocalDate(year: 2027, month: 9, day: 30)!
        let answers: [String: AnswerValue] = [
            "checkin.date": .date(Self.today), "plan.id": .list([.number(1), .number(2), .number(3)]),
            "checkin.value": .list([.number(9), .number(4), .number(0)]), "checkin.confidence": .list([.number(7), .text(""), .number(3)]),
            "adjust.kpi": .list([.text("1"), .text("2"), .text("3")]), "adjust.kind": .list([.text("target"), .text("date"), .text("retire")]),
            "adjust.target": .list([.number(15)]), "adjust.due": .list([.date(due)]),
            "adjust.why": .list([.text("ahead"), .text("moved"), .text("no longer the issue")]),
        ]
        let changes = CheckinPlan.changes(answers, client: "Cy")
        #expect(changes.filter { if case .checkin = $0 { true } else { false } }.count == 3)
        #expect(Array(changes.suffix(3)) == [
            .adjust(kpi: KPIID(1), client: "Cy", .move(target: 15, due: nil), why: "ahead"),
            .adjust(kpi: KPIID(2), client: "Cy", .move(target: nil, due: due), why: "moved"),
            .adjust(kpi: KPIID(3), client: "Cy", .retire, why: "no longer the issue"),
        ])
    }

    @Test func aRatingIsHeldToItsScaleOnEveryWayIn() throws {
        let storage = InMemoryStorage()
        let catalogue = Catalogue(metrics: [Metric(id: "wellbeing", name: "Well-being score", family: "work-life balance", unit: .score,
                                                   direction: .increase, measure: "From 1 to 10.", source: "self-rating", cadence: .monthly,
                                                   kind: .personal, horizon: .long, baselineQuestion: "From 1 to 10?", scale: 1...10)],
                                  rules: [])
        let desk = PlanDesk(storage: storage, today: Self.today, catalogue: { catalogue })
        func kpi(catalogue id: String, target: Double) -> PlannedKPI {
            PlannedKPI(name: "Well-being", catalogueID: id, unit: .score, direction: .increase, baselineValue: 5, baselineDate: Self.today,
                       baselineSource: "self-rating", targetValue: target, dueDate: Self.today.adding(days: 200), cadence: .monthly, weight: 1)
        }
        #expect(throws: CoachFailure.self) { try desk.add(kpi(catalogue: "wellbeing", target: 11), client: "Ana") }
        #expect(throws: CoachFailure.self) { try desk.add(kpi(catalogue: "no_such_metric", target: 8), client: "Ana") }
        #expect(try storage.kpis(client: "Ana")?.isEmpty ?? true, "nothing refused was stored")
        _ = try desk.add(kpi(catalogue: "wellbeing", target: 8), client: "Ana")
        let id = try #require(try storage.kpis(client: "Ana")?.first?.id)
        #expect(throws: CoachFailure.self) { try desk.checkin(id, client: "Ana", value: 12, on: nil, confidence: nil, note: nil) }
        #expect(throws: CoachFailure.self) { try desk.adjust(id, client: "Ana", .move(target: 0, due: nil), why: "typo") }
        _ = try desk.checkin(id, client: "Ana", value: 7, on: nil, confidence: nil, note: nil)
        #expect(try storage.kpis(client: "Ana")?.first?.checkins.map(\.value) == [7])
        #expect(CoachFailure.outsideScale("Well-being", 1...10).description == "“Well-being” runs from 1 to 10; give a figure in that range.")
    }

    /// TAB at a title question offers the titles of Rules/roles.yaml ("office man" → "office manager").
    @Test func titleQuestionsCompleteFromTheRoleLexicon() throws {
        let interviews = ShippedInterviews(today: Self.today)
        let script = try interviews.script("onboarding")
        var engine = ConversationEngine.begin(script, presets: ["client.name": .text("Sam")], context: try interviews.context(for: script))
        guard case .ask(let prompt) = engine.handle(.conversationOpened(resumed: false)).next else { Issue.record("no question"); return }
        #expect(prompt.completions.filter { $0.hasPrefix("office man") }.contains("office manager"))
        guard case .ask(let next) = engine.handle(.lineSubmitted("senior clerk")).next else { Issue.record("no next question"); return }
        #expect(!next.completions.contains("office manager"), "the industry question offers no titles")
    }

    @Test func theDashboardPutsWhoNeedsAttentionFirst() throws {
        let storage = InMemoryStorage()
        let due = LocalDate(year: 2027, month: 6, day: 30)!
        func kpi(_ name: String, baselineDate: LocalDate) -> PlannedKPI {
            PlannedKPI(name: name, catalogueID: nil, unit: .count, direction: .increase, baselineValue: 0, baselineDate: baselineDate,
                       baselineSource: "log", targetValue: 10, dueDate: due, cadence: .weekly, weight: 1)
        }
        try storage.addKPIs([kpi("Calls", baselineDate: Self.today)], client: "Ana", conversation: nil)
        try storage.addKPIs([kpi("Calls", baselineDate: Self.today.adding(days: -120))], client: "Bo", conversation: nil)
        _ = try storage.addClient("Cy")
        _ = try storage.archiveClient("Cy", archived: true)
        let lines = try Dashboard.lines(from: storage, today: Self.today, includeArchived: false)
        #expect(lines.map(\.name) == ["Bo", "Ana"], "Bo is months behind; archived Cy is left out")
        #expect(try Dashboard.lines(from: storage, today: Self.today, includeArchived: true).count == 3)
    }

    @Test func theReportGathersThePlanAndKeepsNotesOutUnlessAsked() throws {
        let storage = InMemoryStorage()
        let id = try storage.createConversation(ConversationSnapshot(state: ConversationState(scriptID: "onboarding", presets: [:], position: .finished),
                                                                     scriptHash: "h", clientName: "Ana", variables: ["goal.final": .text("Close 12 deals")]),
                                                log: [.noteAdded(step: nil, text: "private thought")])
        #expect(id.rawValue > 0)
        let plain = try PlanReport.gather(client: "Ana", from: storage, today: Self.today, includeNotes: false).rendered(as: .md)
        #expect(plain.contains("Close 12 deals") && !plain.contains("private thought"))
        let withNotes = try PlanReport.gather(client: "Ana", from: storage, today: Self.today, includeNotes: true).rendered(as: .md)
        #expect(withNotes.contains("private thought"))
        #expect(throws: CoachFailure.self) { try PlanReport.gather(client: "Nobody", from: storage, today: Self.today, includeNotes: false) }
    }

    /// A second goal does not take the first one's KPIs: each KPI serves the goal its selection
    /// measured, or, added by hand, the goal begun before it.
    @Test func eachKPIServesTheGoalItWasAgreedFor() throws {
        let storage = InMemoryStorage()
        func conversation(_ script: String, _ goal: String) throws -> ConversationID {
            try storage.createConversation(ConversationSnapshot(state: ConversationState(scriptID: script, presets: [:], position: .finished),
                                                                scriptHash: "h", clientName: "Ana", variables: ["goal.final": .text(goal)]), log: [])
        }
        _ = try conversation("smart-goal", "Close 12 deals")
        let selection = try conversation("kpi-selection", "Close 12 deals")
        let kpi = { (name: String) in PlannedKPI(name: name, catalogueID: nil, unit: .count, direction: .increase, baselineValue: 0,
                                                 baselineDate: Self.today, baselineSource: "log", targetValue: 12,
                                                 dueDate: Self.today.adding(days: 200), cadence: .monthly, weight: 1) }
        try storage.addKPIs([kpi("Deals closed")], client: "Ana", conversation: selection)
        _ = try conversation("smart-goal", "Hold 48 one-to-ones")
        try storage.addKPIs([kpi("One-to-ones held")], client: "Ana", conversation: nil)
        try storage.addKPIs([kpi("Pipeline reviews")], client: "Ana", conversation: selection)
        let history = try GoalHistory.of(client: "Ana", in: storage)
        let plan = try #require(try storage.kpis(client: "Ana"))
        #expect(history.goals.map(\.text) == ["Close 12 deals", "Hold 48 one-to-ones"])
        #expect(history.kpis(serving: history.goals[0], in: plan).map(\.kpi.name) == ["Deals closed", "Pipeline reviews"])
        #expect(history.kpis(serving: history.goals[1], in: plan).map(\.kpi.name) == ["One-to-ones held"])
    }
}

/// The conversation port of the in-memory store, keeping every update it was sent.
final class UpdateSpy: ConversationStore, @unchecked Sendable {
    let store = InMemoryStorage()
    var updates: [ConversationUpdate?] = []

    func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange],
                            leasedTo holder: ConversationLease.Holder?) throws(StoreError) -> ConversationID {
        try store.createConversation(snapshot, log: log, changes: changes, leasedTo: holder)
    }
    func record(_ log: [LogEntry], update: ConversationUpdate?, conversation: ConversationID, changes: [PlanChange]) throws(StoreError) {
        updates.append(update)
        try store.record(log, update: update, conversation: conversation, changes: changes)
    }
    func conversations() throws(StoreError) -> [ConversationSummary] { try store.conversations() }
    func conversation(_ id: ConversationID) throws(StoreError) -> StoredConversation { try store.conversation(id) }
    func events(of id: ConversationID) throws(StoreError) -> [StoredEvent] { try store.events(of: id) }
    func latestUnfinished() throws(StoreError) -> ConversationSummary? { try store.latestUnfinished() }
    func latestConversation(client: String?) throws(StoreError) -> ConversationSummary? { try store.latestConversation(client: client) }
    func claim(_ id: ConversationID, for holder: ConversationLease.Holder, isAlive: (ConversationLease) -> Bool) throws(StoreError) -> ConversationLease? {
        try store.claim(id, for: holder, isAlive: isAlive)
    }
    func discardConversation(_ id: ConversationID) throws(StoreError) -> Bool { try store.discardConversation(id) }
    func release(_ id: ConversationID, for holder: ConversationLease.Holder) throws(StoreError) { try store.release(id, for: holder) }
    func knownAnswers(client: String) throws(StoreError) -> [String: AnswerValue] { try store.knownAnswers(client: client) }
    func knownAnswersByClient() throws(StoreError) -> [String: [String: AnswerValue]] { try store.knownAnswersByClient() }
}

@Suite struct AnswerUpdateTests {
    /// An answer sends that answer and the new items of a collected list, never the answers
    /// before it; `/back` rewrites from the answer it took back; and whatever was sent, the
    /// conversation read back is the one the engine has.
    @Test func eachTurnSendsOnlyWhatItChanged() throws {
        let today = UseCaseTests.today
        let script = try ShippedInterviews(today: today).script("onboarding")
        var engine = ConversationEngine.begin(script, presets: ["client.name": .text("Ana")], context: try ShippedInterviews(today: today).context(for: script))
        let spy = UpdateSpy()
        let recorder = StorageRecorder(storage: spy)
        func play(_ event: ConversationEvent) throws {
            try recorder.record(engine.handle(event).log, snapshot: engine.snapshot)
            engine.markSaved()
        }
        try play(.conversationOpened(resumed: false))
        for line in ["Account executive", "B2B software", "6", "promotion", "Sales manager", "coaching a team", "forecast accurately",
                     "grow revenue 20%", "leading people", "5", "2027-06-30", "manager, mentor", "Maria, my manager", "yes", "Omar, a peer", "yes"] {
            let before = engine.state.records.count
            try play(.lineSubmitted(line))
            guard engine.state.records.count == before + 1, let update = spy.updates.last ?? nil else { continue }
            #expect(update.keptAnswers == before && update.appendedAnswers.count == 1, "“\(line)” sent only itself")
            #expect(update.extendedVariables.values.allSatisfy { $0.items.count == 1 })
        }
        let id = try #require(recorder.conversationID)
        #expect(try spy.conversation(id).state == engine.state)
        let count = engine.state.records.count
        try play(.lineSubmitted("/back"))
        let back = try #require(spy.updates.last ?? nil)
        #expect(back.keptAnswers == count - 1 && back.appendedAnswers.isEmpty)
        #expect(try spy.conversation(id).state == engine.state)
        #expect(try spy.conversation(id).variables == engine.variables)
    }
}
