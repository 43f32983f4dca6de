import CoachCore
import CoachPostgres
import CoachStore
import CoachTestSupport
import Foundation
import GRDB
import Testing

@Suite struct AppDatabaseTests {
    let folder: String = {
        let dir = NSTemporaryDirectory() + "kpicoach-store-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    func snapshot(_ records: [AnswerRecord] = [], client: String? = "Ana", finished: Bool = false) -> ConversationSnapshot {
        let state = ConversationState(scriptID: "onboarding", presets: [:], records: records, position: finished ? .finished : .asking("role"))
        return ConversationSnapshot(state: state, scriptHash: "abc", clientName: client)
    }

    @Test func createsThePrivateFileAndKeepsEveryTurn() throws {
        let path = folder + "/sub/kpi.sqlite"
        let db = try AppDatabase.open(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let id = try db.createConversation(snapshot(), log: [])
        let raw = "a\u{0}b 🎯"
        let record = AnswerRecord(step: "role", raw: raw, value: .text("x"))
        try db.record([.inputReceived(step: "role", raw: raw), .answerAccepted(step: "role", value: .text("x"))],
                      update: ConversationUpdate(from: .init(snapshot()), to: snapshot([record], finished: true)), conversation: id, changes: [])
        let stored = try db.conversation(id)
        #expect(stored.state.records == [record])
        #expect(stored.summary.status == .finished)
        #expect(stored.summary.client == "Ana")
        let events = try db.events(of: id)
        #expect(events.map(\.kind) == [.input, .accepted])
        #expect(events[0].raw == raw, "raw input must survive byte for byte")
        #expect(events[1].value == .text("x"))
        #expect(try db.latestUnfinished() == nil)
    }

    /// A database of the last version that kept answers inside the snapshot: opening it moves them
    /// into rows, and the conversation resumes with every answer and named answer it had.
    @Test func answersSavedInsideTheSnapshotMoveIntoRows() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/v5-conversation.sqlite")
        let path = folder + "/old.sqlite"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let db = try AppDatabase.open(path: path)
        let stored = try db.conversation(ConversationID(1))
        #expect(stored.state.records.map(\.step) == ["role", "industry", "years"])
        #expect(stored.state.records.last?.value == .number(5))
        #expect(stored.variables["profile.role"] == .text("Sales associate"))
        #expect(try db.knownAnswers(client: "Zoë")["profile.years"] == .number(5))
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.conversation(ConversationID(1)) == stored, "migrating twice changes nothing")
    }

    /// A conversation left before its first answer reads as abandoned, and discarding one removes
    /// it with its log while the client stays.
    @Test(arguments: Backend.available)
    func abandonedConversationsAreKnownAndCanBeDiscarded(_ backend: Backend) throws {
        let db = try backend.open(folder)
        let empty = try db.createConversation(snapshot(), log: [.promptShown(step: "role", text: "Your role?")])
        let answered = try db.createConversation(snapshot([AnswerRecord(step: "role", raw: "AE", value: .text("AE"))]), log: [])
        #expect(try db.conversations().map { [$0.id.rawValue, Int64($0.answers)] } == [[answered.rawValue, 1], [empty.rawValue, 0]])
        #expect(try db.conversations().map(\.isAbandoned) == [false, true])
        #expect(try db.discardConversation(empty))
        #expect(try !db.discardConversation(empty))
        #expect(try db.conversations().map(\.id) == [answered])
        #expect(try db.events(of: empty).isEmpty)
        #expect(try db.clients().map(\.name) == ["Ana"])
    }

    /// One holder at a time: a second is told who holds it while they run, takes it over once
    /// they are gone, and a release frees it.
    @Test(arguments: Backend.available)
    func aConversationHasOneHolderAtATime(_ backend: Backend) throws {
        let db = try backend.open(folder)
        let id = try db.createConversation(snapshot(), log: [])
        let first = ConversationLease.Holder(pid: 100, host: "a"), second = ConversationLease.Holder(pid: 200, host: "a")
        #expect(try db.claim(id, for: first) { _ in true } == nil)
        #expect(try db.claim(id, for: first) { _ in true } == nil, "the holder may claim again")
        #expect(try db.claim(id, for: second) { _ in true }?.holder == first)
        #expect(try db.claim(id, for: second) { _ in false } == nil, "a lease whose process is gone is taken over")
        try db.release(id, for: first)
        #expect(try db.claim(id, for: first) { _ in true }?.holder == second, "only its holder releases a lease")
        try db.release(id, for: second)
        #expect(try db.claim(id, for: first) { _ in true } == nil)
        #expect(throws: StoreError.noConversation(id: "999")) { try db.claim(ConversationID(999), for: first) { _ in true } }
        let created = try db.createConversation(snapshot(), log: [], changes: [], leasedTo: second)
        #expect(try db.claim(created, for: first) { _ in true }?.holder == second, "a new conversation is held by its creator")
    }

    /// Whatever a turn changed, the conversation read back is the one the engine had —
    /// appended, replaced, removed answers and named answers alike.
    @Test(arguments: Backend.available)
    func aTurnWritesOnlyWhatChangedAndReadsBackWhole(_ backend: Backend) throws {
        let db = try backend.open(folder)
        func answer(_ step: String, _ raw: String) -> AnswerRecord { AnswerRecord(step: step, raw: raw, value: raw == "-" ? nil : .text(raw)) }
        func named(_ records: [AnswerRecord], _ variables: [String: AnswerValue]) -> ConversationSnapshot {
            let state = ConversationState(scriptID: "onboarding", presets: [:], records: records, position: .asking("next"))
            return ConversationSnapshot(state: state, scriptHash: "abc", clientName: "Ana", variables: variables)
        }
        var last = named([answer("role", "AE")], ["client.name": .text("Ana"), "profile.role": .text("AE")])
        let id = try db.createConversation(last, log: [])
        let turns = [
            named(last.state.records + [answer("years", "5"), answer("goal", "-")], ["client.name": .text("Ana"), "profile.role": .text("AE"), "profile.years": .money(5, currency: "EUR")]),
            named([answer("role", "Lead AE"), answer("years", "5"), answer("goal", "-")], ["client.name": .text("Ana"), "profile.role": .text("Lead AE"), "profile.years": .money(5, currency: "EUR")]),
            named([answer("role", "Lead AE")], ["client.name": .text("Ana"), "profile.role": .text("Lead AE")]),
            named([answer("role", "Lead AE"), answer("team", "4")], ["client.name": .text("Ana"), "profile.role": .text("Lead AE"), "team": .number(4),
                                                                   "allies": .list([.text("Bo")])]),
            named([answer("role", "Lead AE"), answer("team", "4")], ["client.name": .text("Ana"), "profile.role": .text("Lead AE"), "team": .number(4),
                                                                   "allies": .list([.text("Bo"), .text("Cy")])]),
        ]
        for next in turns {
            let update = ConversationUpdate(from: .init(last), to: next)
            try db.record([], update: update, conversation: id, changes: [])
            let stored = try db.conversation(id)
            #expect(stored.state == next.state)
            #expect(stored.variables.mapValues(\.display) == next.variables.mapValues(\.display))
            last = next
        }
        #expect(try db.conversation(id).state.records.map(\.raw) == ["Lead AE", "4"])
        #expect(try db.knownAnswers(client: "Ana").mapValues(\.display)
                == ["client.name": "Ana", "profile.role": "Lead AE", "team": "4", "allies": "Bo; Cy"])
    }

    /// The backends behind the storage port: every contract test runs on each.
    /// Every implementation of the storage port keeps the same contract; PostgreSQL runs on a
    /// throwaway server, connected as a coach of a fresh practice.
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, memory, postgres
        var testDescription: String { rawValue }

        /// PostgreSQL only where it is installed, except in CI, where it must be.
        static let available: [Backend] = {
            if case .failure(let why) = PostgresCluster.shared, !PostgresCluster.required {
                print("PostgreSQL contract tests skipped: \(why)")
                return [.sqlite, .memory]
            }
            return allCases
        }()
        func open(_ folder: String) throws -> any CoachStorage {
            switch self {
            case .sqlite: return try AppDatabase.open(path: folder + "/contract-\(UUID().uuidString).sqlite")
            case .memory: return InMemoryStorage()
            case .postgres:
                let cluster = try PostgresCluster.shared.get()
                let database = cluster.freshDatabase()
                let owner = Practice(try PostgresLocation(url: cluster.url(database: database)), password: nil)
                _ = try owner.initialise()
                _ = try owner.addCoach("contract_coach", lead: false, name: "Lee")
                return try PracticeDatabase.open(try PostgresLocation(url: cluster.url(database: database, user: "contract_coach")), password: nil)
            }
        }
    }

    /// A finished interview's plan changes and its last answer are one transaction: when a
    /// change cannot be made, the last answer is not saved either, so resuming asks it again.
    @Test(arguments: Backend.available)
    func theLastAnswerAndThePlanChangesAreSavedTogetherOrNotAtAll(_ backend: Backend) throws {
        let db = try backend.open(folder)
        let id = try db.createConversation(snapshot(), log: [])
        let kpi = PlannedKPI(name: "Deals closed", catalogueID: nil, unit: .count, direction: .increase, baselineValue: 8,
                             baselineDate: LocalDate(year: 2026, month: 1, day: 1)!, baselineSource: "CRM", targetValue: 12,
                             dueDate: LocalDate(year: 2027, month: 6, day: 30)!, cadence: .monthly, weight: 1)
        let last = AnswerRecord(step: "role", raw: "yes", value: .yesNo(true))
        let impossible = PlanChange.checkin(kpi: KPIID(999), client: "Ana", date: LocalDate(year: 2026, month: 11, day: 23)!, value: 9, confidence: nil, note: nil)
        #expect(throws: StoreError.self) {
            try db.record([.answerAccepted(step: "role", value: .yesNo(true))], update: ConversationUpdate(from: .init(snapshot()), to: snapshot([last], finished: true)), conversation: id,
                          changes: [.addKPIs([kpi], client: "Ana"), impossible])
        }
        #expect(try db.conversation(id).summary.status == .active)
        #expect(try db.events(of: id).isEmpty)
        #expect(try db.kpis(client: "Ana") == [])
        try db.record([.answerAccepted(step: "role", value: .yesNo(true))], update: ConversationUpdate(from: .init(snapshot()), to: snapshot([last], finished: true)), conversation: id,
                      changes: [.addKPIs([kpi], client: "Ana")])
        #expect(try db.conversation(id).summary.status == .finished)
        #expect(try db.kpis(client: "Ana")?.map(\.kpi.name) == ["Deals closed"])
    }

    /// Clients, plans and their history behave the same on every backend.
    @Test(arguments: Backend.available)
    func clientsAndPlansFollowTheContract(_ backend: Backend) throws {
        let db = try backend.open(folder)
        #expect(try db.addClient("Ana"))
        #expect(try !db.addClient("ana"), "names are unique in any case")
        #expect(try db.addClient("Bo"))
        #expect(throws: StoreError.clientExists(name: "Ana")) { try db.renameClient("Bo", to: "Ana") }
        #expect(try db.renameClient("Bo", to: "Bea"))
        #expect(try db.archiveClient("Bea", archived: true))
        #expect(try db.clients() == [ClientEntry(name: "Ana", archived: false), ClientEntry(name: "Bea", archived: true)])
        let due = LocalDate(year: 2027, month: 6, day: 30)!
        let kpi = PlannedKPI(name: "Deals closed", catalogueID: nil, unit: .count, direction: .increase, baselineValue: 8,
                             baselineDate: LocalDate(year: 2026, month: 1, day: 1)!, baselineSource: "CRM", targetValue: 12,
                             dueDate: due, cadence: .monthly, weight: 1)
        try db.addKPIs([kpi], client: "Ana", conversation: nil)
        let id = try #require(try db.kpis(client: "Ana")?.first?.id)
        try db.addCheckin(kpi: id, client: "Ana", date: LocalDate(year: 2026, month: 3, day: 1)!, value: 10, confidence: 7, note: "good")
        try db.addCheckin(kpi: id, client: "Ana", date: LocalDate(year: 2026, month: 2, day: 1)!, value: 9, confidence: nil, note: nil)
        #expect(throws: StoreError.noKPI(id: id, client: "Bea")) {
            try db.addCheckin(kpi: id, client: "Bea", date: due, value: 1, confidence: nil, note: nil)
        }
        try db.adjust(kpi: id, client: "Ana", .move(target: 15, due: nil), why: "ahead of plan")
        let stored = try #require(try db.kpis(client: "Ana")?.first)
        #expect(stored.checkins.map(\.value) == [9, 10], "check-ins come in date order")
        #expect(stored.kpi.targetValue == 15)
        #expect(stored.adjustments.map(\.field) == [.target])
        #expect(stored.adjustments.first.map { [$0.from, $0.to, $0.why] } == ["12", "15", "ahead of plan"])
        var seen: [String] = []
        try db.forEachKPI { client, kpi in seen.append("\(client): \(kpi.kpi.name) \(kpi.checkins.count)") }
        #expect(seen == ["Ana: Deals closed 2"])
        #expect(try db.kpis(client: "Nobody") == nil)
        #expect(try db.deleteClient("Ana"))
        #expect(try db.kpis(client: "Ana") == nil)
    }

    /// Conversations, their log and the answers they name, on every backend.
    @Test(arguments: Backend.available)
    func conversationsFollowTheContract(_ backend: Backend) throws {
        let db = try backend.open(folder)
        let first = try db.createConversation(snapshot(), log: [.promptShown(step: "role", text: "Your role?")])
        let second = try db.createConversation(snapshot(client: nil), log: [])
        #expect(try db.conversations().map(\.id) == [second, first], "newest first")
        #expect(try db.latestUnfinished()?.id == second)
        #expect(try db.latestConversation(client: "Ana")?.id == first)
        #expect(try db.latestConversation(client: nil)?.id == first, "any named client's")
        try db.record([.noteAdded(step: "role", text: "keen")], update: nil, conversation: first, changes: [])
        let named = ConversationSnapshot(state: snapshot(finished: true).state, scriptHash: "abc", clientName: "Ana",
                                         variables: ["profile.role": .text("AE")])
        try db.record([.conversationFinished], update: ConversationUpdate(from: .init(snapshot()), to: named), conversation: first, changes: [])
        #expect(try db.events(of: first).map(\.kind) == [.prompt, .note, .finished])
        #expect(try db.notes(client: "Ana").map(\.text) == ["keen"])
        // Alone, a note without a named coach has no author; in a practice its author is the coach who is logged in.
        #expect(try db.notes(client: "Ana").map(\.author) == [backend == .postgres ? "Lee" : nil])
        #expect(try db.knownAnswers(client: "Ana") == ["profile.role": .text("AE")])
        #expect(try db.knownAnswersByClient()["Ana"] == ["profile.role": .text("AE")])
        #expect(try db.conversation(first).summary.status == .finished)
        #expect(try db.latestConversation(client: "Ana")?.id == first)
        #expect(throws: StoreError.noConversation(id: "999")) {
            try db.record([], update: nil, conversation: ConversationID(999), changes: [])
        }
        // An interview its first turn already finishes brings its plan changes in the same transaction.
        let kpi = PlannedKPI(name: "Calls made", catalogueID: nil, unit: .count, direction: .increase, baselineValue: 0,
                             baselineDate: LocalDate(year: 2026, month: 1, day: 1)!, baselineSource: "log", targetValue: 10,
                             dueDate: LocalDate(year: 2027, month: 6, day: 30)!, cadence: .weekly, weight: 1)
        _ = try db.createConversation(snapshot(finished: true), log: [.conversationFinished], changes: [.addKPIs([kpi], client: "Ana")])
        #expect(try db.kpis(client: "Ana")?.map(\.kpi.name) == ["Calls made"])
    }

    @Test func reopensAndListsNewestFirst() throws {
        let path = folder + "/kpi.sqlite"
        let first = try AppDatabase.open(path: path).createConversation(snapshot(), log: [])
        let second = try AppDatabase.open(path: path).createConversation(snapshot(client: nil), log: [])
        let list = try AppDatabase.open(path: path).conversations()
        #expect(list.map(\.id) == [second, first])
        #expect(try AppDatabase.open(path: path).latestUnfinished()?.id == second)
    }

    @Test func unknownConversationIsAClearError() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: StoreError.noConversation(id: "42")) { try db.conversation(ConversationID(42)) }
    }

    @Test func corruptFileGivesOneSentence() throws {
        let path = folder + "/corrupt.sqlite"
        try Data(repeating: 0x41, count: 8_192).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.corrupt(path: path)) { try AppDatabase.open(path: path) }
    }

    @Test func readOnlyFileGivesOneSentence() throws {
        guard getuid() != 0 else { return }  // root may write anyway; the end-to-end test covers a read-only folder
        let path = folder + "/ro.sqlite"
        _ = try AppDatabase.open(path: path)
        chmod(path, 0o400)
        #expect(throws: StoreError.readOnly(path: path)) { try AppDatabase.open(path: path) }
    }

    @Test func newerSchemaIsRefused() throws {
        let path = folder + "/newer.sqlite"
        _ = try AppDatabase.open(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        }
        #expect(throws: StoreError.newerSchema(path: path)) { try AppDatabase.open(path: path) }
    }

    @Test func messagesAreSentencesForPeople() {
        for error in [StoreError.readOnly(path: "/x"), .corrupt(path: "/x"), .newerSchema(path: "/x"), .busy(path: "/x")] {
            #expect(error.description.hasPrefix("The "))
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.contains("SQLITE"))
        }
    }
}
