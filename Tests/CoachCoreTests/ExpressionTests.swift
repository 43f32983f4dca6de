import CoachTestSupport
import Testing
@testable import CoachCore

@Suite struct ExpressionTests {
    let today = LocalDate(year: 2026, month: 11, day: 23)!
    let answers: [String: AnswerValue] = [
        "goal.type": .choice("promotion"), "profile.years": .number(6), "constraints.support": .choices(["manager", "mentor"]),
        "goal.deadline": .date(LocalDate(iso: "2027-06-30")!), "profile.role": .text("Account Executive"), "done": .yesNo(false),
    ]

    func eval(_ source: String) throws -> Bool {
        try Expression(parsing: source).evaluate({ answers[$0].map(ExpressionValue.init) ?? .null }, today: today, smart: .shipped).isTruthy
    }

    @Test(arguments: [
        ("goal.type == 'promotion'", true), ("goal.type == 'PROMOTION'", true), ("goal.type != 'promotion'", false),
        ("profile.years > 5 and profile.years <= 6", true), ("profile.years < 5 or goal.type in ['promotion', 'salary']", true),
        ("not (profile.years >= 6)", false), ("'mentor' in constraints.support", true), ("constraints.support contains 'coach'", false),
        ("profile.role contains 'executive'", true), ("goal.deadline > date('2027-01-01')", true), ("goal.deadline < today()", false),
        ("goal.deadline == '2027-06-30'", true), ("answered(goal.type) and not answered(missing.name)", true),
        ("missing.name == 'x'", false), ("missing.name != 'x'", false), ("len(profile.role) == 17", true),
        ("lower(profile.role) == 'account executive'", true), ("done == false", true), ("goal.type not in ['skill']", true),
        // date() reads what the date questions read; an answer with more in it than a date is none.
        ("date('end of next month') == '2026-12-31'", true), ("answered(date('10 hours a week'))", false),
        ("answered(date('lead the Q3 launch'))", false), ("answered(date('40'))", false), ("answered(date('12 new deals'))", false),
    ])
    func evaluates(_ source: String, _ expected: Bool) throws {
        #expect(try eval(source) == expected)
    }

    @Test(arguments: [
        ("goal.type = 'x'", 10), ("goal.type == ", 13), ("(a == 1", 7), ("'open", 0), ("a == 1 b", 7),
        ("explode(a)", 0), ("a ==== b", 4), ("a.", 0), ("", 0), ("len(a, b)", 0), ("a not b", 6), ("a $ b", 2),
    ])
    func reportsWhereItBroke(_ source: String, _ offset: Int) {
        #expect(throws: ExpressionError.self) { try Expression(parsing: source) }
        do {
            _ = try Expression(parsing: source)
        } catch {
            #expect(error.offset == offset, "\(source): \(error.message)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let source = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { try Expression(parsing: source) }
        #expect(throws: ExpressionError.self) { try Expression(parsing: String(repeating: "not ", count: 10_000) + "a") }
    }

    @Test func listsTheVariablesItReads() throws {
        #expect(try Expression(parsing: "a.b == 1 or c in [d, 'x']").variables == ["a.b", "c", "d"])
    }
}

@Suite struct TemplateTests {
    @Test func pipesAnswersWithFallbacksAndBraces() throws {
        let t = try Template("Hi {client.name}, {{literal}} {goal.role|your next role}.")
        #expect(t.variables == ["client.name", "goal.role"])
        #expect(t.render({ $0 == "client.name" ? .text("Ana") : nil }, today: LocalDate(year: 2026, month: 1, day: 1)!, smart: .shipped) == "Hi Ana, {literal} your next role.")
    }

    @Test func pipedTextCannotDriveTheTerminal() throws {
        let t = try Template("{x}")
        #expect(t.render({ _ in .text("a\u{1B}[2Jb") }, today: LocalDate(year: 2026, month: 1, day: 1)!, smart: .shipped) == "a\u{FFFD}b")
    }

    @Test func optionalGroupsVanishWhenAValueIsMissing() throws {
        let t = try Template("{first(fix.outcome, goal)}[[: {fix.measure}]][[ by {fix.deadline}]].")
        let answers: [String: AnswerValue] = ["goal": .text("Lead a team"), "fix.deadline": .date(LocalDate(iso: "2027-06-30")!)]
        #expect(t.render({ answers[$0] }, today: LocalDate(year: 2026, month: 1, day: 1)!, smart: .shipped) == "Lead a team by 2027-06-30.")
        #expect(t.variables == ["fix.outcome", "goal", "fix.measure", "fix.deadline"])
        #expect(throws: ExpressionError.self) { try Template("[[ open") }
        #expect(throws: ExpressionError.self) { try Template("{a ==}") }
    }

    @Test func unclosedBraceIsReported() {
        #expect(throws: ExpressionError.self) { try Template("Hello {name") }
    }
}
