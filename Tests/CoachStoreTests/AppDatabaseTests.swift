import CoachCore
import CoachStore
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
        var state = ConversationState(scriptID: "onboarding", presets: [:], records: records, position: finished ? .finished : .asking("role"))
        state.failedAttempts = 0
        return ConversationSnapshot(state: state, scriptHash: "abc", clientName: client)
    }

    @Test func createsThePrivateFileAndKeepsEveryTurn() throws {
        let path = folder + "/sub/kpi.sqlite"
        let db = try AppDatabase.open(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let id = try db.createConversation(snapshot())
        let raw = "a\u{0}b 🎯"
        let record = AnswerRecord(step: "role", raw: raw, value: .text("x"))
        try db.record([.inputReceived(step: "role", raw: raw), .answerAccepted(step: "role", value: .text("x"))],
                      snapshot: snapshot([record], finished: true), conversation: id)
        let stored = try db.conversation(id)
        #expect(stored.state.records == [record])
        #expect(stored.summary.status == .finished)
        #expect(stored.summary.client == "Ana")
        let events = try db.events(of: id)
        #expect(events.map(\.kind) == ["input", "accepted"])
        #expect(events[0].raw == raw, "raw input must survive byte for byte")
        #expect(events[1].value == "\"x\"")
        #expect(try db.latestUnfinished() == nil)
    }

    /// A finished interview's plan changes and its last answer are one transaction: when a
    /// change cannot be made, the last answer is not saved either, so resuming asks it again.
    @Test func theLastAnswerAndThePlanChangesAreSavedTogetherOrNotAtAll() throws {
        let db = try AppDatabase.open(path: folder + "/plan.sqlite")
        let id = try db.createConversation(snapshot())
        let kpi = PlannedKPI(name: "Deals closed", catalogueID: nil, unit: .count, direction: .increase, baselineValue: 8,
                             baselineDate: LocalDate(year: 2026, month: 1, day: 1)!, baselineSource: "CRM", targetValue: 12,
                             dueDate: LocalDate(year: 2027, month: 6, day: 30)!, cadence: .monthly, weight: 1)
        let last = AnswerRecord(step: "role", raw: "yes", value: .yesNo(true))
        let impossible = PlanChange.checkin(kpi: 999, client: "Ana", date: LocalDate(year: 2026, month: 11, day: 23)!, value: 9, confidence: nil, note: nil)
        #expect(throws: StoreError.self) {
            try db.record([.answerAccepted(step: "role", value: .yesNo(true))], snapshot: snapshot([last], finished: true), conversation: id,
                          changes: [.addKPIs([kpi], client: "Ana"), impossible])
        }
        #expect(try db.conversation(id).summary.status == .active)
        #expect(try db.events(of: id).isEmpty)
        #expect(try db.kpis(client: "Ana") == [])
        try db.record([.answerAccepted(step: "role", value: .yesNo(true))], snapshot: snapshot([last], finished: true), conversation: id,
                      changes: [.addKPIs([kpi], client: "Ana")])
        #expect(try db.conversation(id).summary.status == .finished)
        #expect(try db.kpis(client: "Ana")?.map(\.kpi.name) == ["Deals closed"])
    }

    @Test func reopensAndListsNewestFirst() throws {
        let path = folder + "/kpi.sqlite"
        let first = try AppDatabase.open(path: path).createConversation(snapshot())
        let second = try AppDatabase.open(path: path).createConversation(snapshot(client: nil))
        let list = try AppDatabase.open(path: path).conversations()
        #expect(list.map(\.id) == [second, first])
        #expect(try AppDatabase.open(path: path).latestUnfinished()?.id == second)
    }

    @Test func unknownConversationIsAClearError() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: StoreError.noConversation(id: "42")) { try db.conversation(42) }
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
