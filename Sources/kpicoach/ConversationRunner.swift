import CoachCore
import CoachREPL
import CoachStore
import Foundation

/// Starts or resumes a conversation in the shell and says how to come back to it.
struct ConversationRunner {
    let app: AppEnvironment
    let database: AppDatabase

    /// `coach`: the coach leading the session, if any; the prompt then names the client.
    func start(scriptID: String, client: String?, coach: String? = nil) throws(CoachFailure) {
        let script = try app.script(scriptID)
        var presets: [String: AnswerValue] = [:]
        if let client {
            let name = try app.clientName(client)
            let known = try store { () throws(StoreError) in try database.knownAnswers(client: name) }
            presets = known.filter { script.uses.contains($0.key) }
            presets["client.name"] = .text(name)
            if script.uses.contains("plan.kpi") { presets.merge(try checkinPlan(client: name).presets) { $1 } }
        }
        if let coach { presets["coach.name"] = .text(try app.clientName(coach)) }
        var engine = ConversationEngine.begin(script, presets: presets, context: try app.context(for: script))
        if let client = presets["client.name"]?.display {
            let last = try store { () throws(StoreError) in try database.latestConversation(client: client) }?.updatedAt
            try sinceLastTime(client: client, since: last)
        }
        let snapshot = engine.snapshot
        let id = try store { () throws(StoreError) in try database.createConversation(snapshot) }
        try run(&engine, id: id, resumed: false, saved: (snapshot.state, snapshot.scriptHash))
    }

    func resume(_ id: Int64) throws(CoachFailure) {
        let stored = try store { () throws(StoreError) in try database.conversation(id) }
        let script = try app.script(stored.summary.scriptID)
        var engine = ConversationEngine.resume(script, state: stored.state, savedHash: stored.scriptHash, context: try app.context(for: script))
        if let client = stored.summary.client { try sinceLastTime(client: client, since: stored.summary.updatedAt) }
        try run(&engine, id: id, resumed: true, saved: (stored.state, stored.scriptHash))
    }

    /// Opens with what changed in the client's plan since their last session.
    private func sinceLastTime(client: String, since: String?) throws(CoachFailure) {
        guard let since, let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }), !kpis.isEmpty else { return }
        let entries = kpis.map { PlanChanges.Entry(name: $0.kpi.name, cadence: $0.kpi.cadence, before: $0.figures(recordedBefore: since), now: $0.figures) }
        let lines = PlanChanges.summary(entries, today: try app.today())
        guard !lines.isEmpty else { return }
        let console = app.makeConsole()
        console.write(app.style.message(Message("Since last time (\(since.prefix(10))):\n" + lines.joined(separator: "\n"), tone: .notice)))
    }

    /// The most recent client with a check-in due, for `kpicoach` with no command.
    func clientWithCheckinDue() throws(CoachFailure) -> (name: String, kpis: [String])? {
        let recent = try store { () throws(StoreError) in try database.latestConversation(client: nil) }
        guard let client = recent?.client, let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }),
              kpis.contains(where: { !$0.retired }) else { return nil }
        let plan = CheckinPlan(kpis, today: try app.today())
        return plan.anyDue ? (client, plan.due.map(\.kpi.name)) : nil
    }

    /// The client's KPIs due for a check-in; a client without KPIs is told how to get some.
    func checkinPlan(client: String) throws(CoachFailure) -> CheckinPlan {
        guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }) else { throw .noClient(client) }
        guard kpis.contains(where: { !$0.retired }) else { throw .noKPIs(client) }
        return CheckinPlan(kpis, today: try app.today())
    }

    /// What a finished interview changes in the plan, saved in one transaction with its last
    /// answer: the KPIs a selection agreed, or a check-in's figures and adjustments.
    static func planChanges(script: Script, catalogue: Catalogue?) -> (ConversationSnapshot) -> [PlanChange] {
        { snapshot in
            guard let client = snapshot.clientName else { return [] }
            if script.steps.contains(where: { $0.choicesFrom == .suggestions }) {
                let kpis = PlannedKPI.fromSelection(snapshot.variables, catalogue: catalogue)
                return kpis.isEmpty ? [] : [.addKPIs(kpis, client: client)]
            }
            return script.uses.contains("plan.kpi") ? CheckinPlan.changes(snapshot.variables, client: client) : []
        }
    }

    /// After a check-in, each KPI it covered shows where it stands.
    private func showCheckin(_ engine: ConversationEngine, console: any Console) throws(CoachFailure) {
        guard engine.script.uses.contains("plan.kpi"), let client = engine.variables["client.name"]?.display,
              case .list(let ids)? = engine.variables["plan.id"],
              let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }) else { return }
        let covered = Set(ids.compactMap { $0.numberValue.flatMap { Int64(exactly: $0) } })
        let today = try app.today()
        let view = ProgressView(style: app.style)
        for kpi in kpis where covered.contains(kpi.id) {
            let status = kpi.figures.evaluate(today: today, cadence: kpi.kpi.cadence)
            let history = [kpi.kpi.baselineValue] + kpi.checkins.map(\.value)
            for message in view.render(name: kpi.kpi.name, unit: kpi.kpi.unit.rawValue, history: history, status: status) {
                console.write(app.style.message(message))
            }
        }
    }

    /// Says how many KPIs a finished selection added to the plan.
    private func showPlan(_ engine: ConversationEngine, console: any Console) {
        guard engine.script.steps.contains(where: { $0.choicesFrom == .suggestions }),
              let client = engine.variables["client.name"]?.display else { return }
        let count = PlannedKPI.fromSelection(engine.variables, catalogue: engine.catalogue).count
        guard count > 0 else { return }
        console.write(app.style.message(Message("\(count) KPI\(count == 1 ? "" : "s") added to \(TerminalText.sanitize(client))'s plan: kpicoach kpi list --client \(TerminalText.sanitize(client))", tone: .success)))
    }

    /// Each interview leads to the next: onboarding → SMART goal → KPIs. Offer it, same client.
    static let sequence: [String: (script: String, offer: String)] = [
        "onboarding": ("smart-goal", "Shall we turn this into a SMART goal now? (yes/no)"),
        "smart-goal": ("kpi-selection", "Shall we choose the KPIs that will show your progress now? (yes/no)"),
    ]

    private func offerNext(after engine: ConversationEngine, console: any Console) throws(CoachFailure) {
        guard let next = Self.sequence[engine.script.id], let name = engine.variables["client.name"]?.display else { return }
        if try app.askYesNo(next.offer) { return try start(scriptID: next.script, client: name) }
        console.write(app.style.message(Message("Later, run: kpicoach start --script \(next.script) --client \(TerminalText.sanitize(name))", tone: .notice)))
    }

    /// `saved`: what the database already holds for this conversation.
    private func run(_ engine: inout ConversationEngine, id: Int64, resumed: Bool, saved: (state: ConversationState, hash: String)) throws(CoachFailure) {
        let console = app.makeConsole()
        let coachLed = engine.state.presets["coach.name"] != nil
        let style = coachLed ? app.style.speaking(as: engine.variables["client.name"]?.display ?? "client") : app.style
        let shell = ConversationShell(console: console, style: style)
        let recorder = StoreRecorder(database: database, conversationID: id, saved: saved,
                                     finishing: Self.planChanges(script: engine.script, catalogue: engine.catalogue))
        switch shell.run(&engine, recorder: recorder, resumed: resumed) {
        case .finished:
            showPlan(engine, console: console)
            try showCheckin(engine, console: console)
            console.write(app.style.message(Message("All done — saved as conversation \(id). See it again with: kpicoach show \(id)", tone: .success)))
            try offerNext(after: engine, console: console)
        case .paused:
            console.write(app.style.message(Message("Saved. Resume with: kpicoach resume \(id)", tone: .success)))
        case .saveFailed(let why):
            throw .saveFailed(why + " Your earlier answers are safe; resume with: kpicoach resume \(id)")
        }
    }
}
