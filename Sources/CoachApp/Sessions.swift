public import CoachCore

/// Where the use cases find interviews and what they read: the executable answers from files,
/// tests from memory.
public protocol InterviewSource {
    func script(_ id: String) throws(CoachFailure) -> Script
    /// The day, date order, catalogue and goal library an interview is made with.
    func context(for script: Script) throws(CoachFailure) -> ConversationContext
}

/// Holding conversations: start, resume, the chain from one interview to the next, and what a
/// finished interview changes in the plan.
public struct Sessions {
    let storage: any CoachStorage
    let interviews: any InterviewSource
    let console: any Console
    let style: ChatStyle
    let today: LocalDate

    public init(storage: any CoachStorage, interviews: any InterviewSource, console: any Console, style: ChatStyle, today: LocalDate) {
        self.storage = storage
        self.interviews = interviews
        self.console = console
        self.style = style
        self.today = today
    }

    /// `coach`: the coach leading the session, if any; the prompt then names the client.
    public func start(scriptID: String, client: String?, coach: String? = nil) throws(CoachFailure) {
        let script = try interviews.script(scriptID)
        var presets: [String: AnswerValue] = [:]
        var plan: (client: String, kpis: [StoredKPI]?)?
        if let client {
            let name = try ClientName.checked(client)
            let known = try store { () throws(StoreError) in try storage.knownAnswers(client: name) }
            let kpis = try store { () throws(StoreError) in try storage.kpis(client: name) }
            presets = known.filter { script.uses.contains($0.key) }
            presets["client.name"] = .text(name)
            if script.uses.contains("plan.kpi") { presets.merge(try checkinPlan(kpis, client: name).presets) { $1 } }
            plan = (name, kpis)
        }
        if let coach { presets["coach.name"] = .text(try ClientName.checked(coach)) }
        var engine = ConversationEngine.begin(script, presets: presets, context: try interviews.context(for: script))
        if let plan {
            let last = try store { () throws(StoreError) in try storage.latestConversation(client: plan.client) }?.updatedAt
            sinceLastTime(client: plan.client, since: last, kpis: plan.kpis)
        }
        try run(&engine, resuming: nil)
    }

    public func resume(_ id: ConversationID) throws(CoachFailure) {
        let stored = try store { () throws(StoreError) in try storage.conversation(id) }
        let script = try interviews.script(stored.summary.scriptID)
        var engine = ConversationEngine.resume(script, state: stored.state, savedHash: stored.scriptHash, context: try interviews.context(for: script))
        if let client = stored.summary.client {
            sinceLastTime(client: client, since: stored.summary.updatedAt, kpis: try store { () throws(StoreError) in try storage.kpis(client: client) })
        }
        try run(&engine, resuming: (id, stored.snapshot))
    }

    /// Opens with what changed in the client's plan since their last session.
    private func sinceLastTime(client: String, since: Instant?, kpis: [StoredKPI]?) {
        guard let since, let kpis, !kpis.isEmpty else { return }
        let entries = kpis.map {
            PlanChanges.Entry(name: $0.kpi.name, cadence: $0.kpi.cadence, before: $0.figures(recordedBefore: since), now: $0.figures,
                              adjustments: $0.adjustments.filter { !($0.at < since) })
        }
        let lines = PlanChanges.summary(entries, lastTime: since.day, today: today)
        guard !lines.isEmpty else { return }
        console.write(style.message(Message("Since last time (\(min(since.day, today).iso)):\n" + lines.joined(separator: "\n"), tone: .notice)))
    }

    /// The question `kpicoach` with no command asks first: the interview, the client and the
    /// question it stopped at (its label, as "Welcome back" names it; the step id if the script is gone).
    public func resumeOffer(_ latest: ConversationSummary) -> String {
        let who = latest.client.map { " with \(TerminalText.sanitize($0))" } ?? ""
        let label = latest.step.map { step in (try? interviews.script(latest.scriptID))?[step]?.label ?? step }
        let at = label.map { ", at “\(TerminalText.sanitize($0))”" } ?? ""
        return "You have an unfinished \(latest.scriptID) conversation\(who)\(at). Resume it? (yes/no)"
    }

    /// The most recent client with a check-in due, for `kpicoach` with no command.
    public func clientWithCheckinDue() throws(CoachFailure) -> (name: String, kpis: [String])? {
        let recent = try store { () throws(StoreError) in try storage.latestConversation(client: nil) }
        guard let client = recent?.client, let kpis = try store({ () throws(StoreError) in try storage.kpis(client: client) }),
              kpis.contains(where: { !$0.retired }) else { return nil }
        let plan = CheckinPlan(kpis, today: today)
        return plan.anyDue ? (client, plan.due.map(\.kpi.name)) : nil
    }

    /// The client's KPIs due for a check-in; a client without KPIs is told how to get some.
    public func checkinPlan(client: String) throws(CoachFailure) -> CheckinPlan {
        try checkinPlan(try store { () throws(StoreError) in try storage.kpis(client: client) }, client: client)
    }

    private func checkinPlan(_ kpis: [StoredKPI]?, client: String) throws(CoachFailure) -> CheckinPlan {
        guard let kpis else { throw .noClient(client) }
        guard kpis.contains(where: { !$0.retired }) else { throw .noKPIs(client) }
        return CheckinPlan(kpis, today: today)
    }

    /// What a finished interview changes in the plan, by the outcome its script declares, saved
    /// in one transaction with its last answer.
    static func planChanges(script: Script, catalogue: Catalogue?) -> (ConversationSnapshot) -> [PlanChange] {
        { snapshot in
            guard let client = snapshot.clientName else { return [] }
            switch script.outcome {
            case .kpiPlan?:
                let kpis = PlannedKPI.fromSelection(snapshot.variables, catalogue: catalogue)
                return kpis.isEmpty ? [] : [.addKPIs(kpis, client: client)]
            case .checkin?:
                return CheckinPlan.changes(snapshot.variables, client: client)
            case .profile?, .goal?, .roi?, nil:
                return []
            }
        }
    }

    /// After a check-in, each KPI it covered shows where it stands.
    private func showCheckin(_ engine: ConversationEngine) throws(CoachFailure) {
        guard engine.script.outcome == .checkin, let client = engine.variables["client.name"]?.display,
              case .list(let ids)? = engine.variables["plan.id"],
              let kpis = try store({ () throws(StoreError) in try storage.kpis(client: client) }) else { return }
        let covered = Set(ids.compactMap { $0.numberValue.flatMap { Int64(exactly: $0) }.map { KPIID($0) } })
        let view = ProgressView(style: style)
        for kpi in kpis where covered.contains(kpi.id) {
            let status = kpi.figures.evaluate(today: today, cadence: kpi.kpi.cadence)
            let history = [kpi.kpi.baselineValue] + kpi.checkins.map(\.value)
            for message in view.render(name: kpi.kpi.name, unit: kpi.kpi.unit.rawValue, history: history, status: status) {
                console.write(style.message(message))
            }
        }
    }

    /// Says how many KPIs a finished selection added to the plan.
    private func showPlan(_ engine: ConversationEngine) {
        guard engine.script.outcome == .kpiPlan, let client = engine.variables["client.name"]?.display else { return }
        let count = PlannedKPI.fromSelection(engine.variables, catalogue: engine.catalogue).count
        guard count > 0 else { return }
        console.write(style.message(Message("\(count) KPI\(count == 1 ? "" : "s") added to \(TerminalText.sanitize(client))'s plan: kpicoach kpi list --client \(TerminalText.sanitize(client))", tone: .success)))
    }

    /// Each interview offers the one its script names next (`then:`), for the same client and led
    /// by the same coach.
    private func offerNext(after engine: ConversationEngine) throws(CoachFailure) {
        guard let next = engine.script.then, let name = engine.variables["client.name"]?.display else { return }
        switch YesNoQuestion(console: console, style: speakerStyle(engine)).ask(next.offer) {
        case true?: return try start(scriptID: next.script, client: name, coach: engine.state.presets["coach.name"]?.display)
        case false?: break
        case nil: return
        }
        console.write(style.message(Message("Later, run: kpicoach start --script \(next.script) --client \(TerminalText.sanitize(name))", tone: .notice)))
    }

    /// When a coach leads, the prompt names the client: they are the one answering.
    private func speakerStyle(_ engine: ConversationEngine) -> ChatStyle {
        engine.state.presets["coach.name"] == nil ? style : style.speaking(as: engine.variables["client.name"]?.display ?? "client")
    }

    private func run(_ engine: inout ConversationEngine, resuming: (id: ConversationID, saved: ConversationSnapshot)?) throws(CoachFailure) {
        let shell = ConversationShell(console: console, style: speakerStyle(engine))
        let holder = ConversationLease.Holder.current
        if let resuming, let held = try store({ () throws(StoreError) in try storage.claim(resuming.id, for: holder, isAlive: \.isAlive) }) {
            throw .store(.conversationHeld(id: resuming.id, by: held))
        }
        let recorder = StorageRecorder(storage: storage, holder: holder, resuming: resuming,
                                       finishing: Self.planChanges(script: engine.script, catalogue: engine.catalogue))
        defer { if let id = recorder.conversationID { try? storage.release(id, for: holder) } }
        let outcome = shell.run(&engine, recorder: recorder, resumed: resuming != nil)
        let id = recorder.conversationID.map(\.description) ?? "?"
        switch outcome {
        case .finished:
            showPlan(engine)
            try showCheckin(engine)
            console.write(style.message(Message("All done — saved as conversation \(id). See it again with: kpicoach show \(id)", tone: .success)))
            try offerNext(after: engine)
        case .paused where recorder.conversationID == nil:
            console.write(style.message(Message("Nothing was answered, so nothing was kept.", tone: .notice)))
        case .paused:
            console.write(style.message(Message("Saved. Resume with: kpicoach resume \(id)", tone: .success)))
        case .saveFailed(let why):
            guard recorder.conversationID != nil else { throw .saveFailed(why) }
            throw .saveFailed(why + " Your earlier answers are safe; resume with: kpicoach resume \(id)")
        }
    }
}

/// A yes/no question outside an interview (resume this? delete that?); nil when the input ended
/// (Ctrl-D), which means leaving, not "no".
public struct YesNoQuestion {
    let console: any Console
    let style: ChatStyle

    public init(console: any Console, style: ChatStyle) {
        self.console = console
        self.style = style
    }

    public func ask(_ question: String) -> Bool? {
        console.write(style.question(question))
        while case .line(let line) = console.readLine(prompt: style.prompt, completions: ["yes", "no"]) {
            // "/quit" here, as at any question, means stop for now.
            if SlashCommand.parse(line)?.command == .quit { return false }
            switch AnswerParser.yesNoWord(line) {
            case .success(let yes): return yes
            case .failure(let problem): console.write(style.message(Message(problem.message, tone: .problem)))
            }
        }
        return nil
    }
}

/// A client's name as typed on the command line, checked once for every command.
public enum ClientName {
    public static func checked(_ raw: String) throws(CoachFailure) -> String {
        let name = raw.trimmingWhitespace()
        guard (1...100).contains(name.count), !TerminalText.hasUnsafeScalars(name) else { throw .badClientName }
        return name
    }
}
