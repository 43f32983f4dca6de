/// A seeded random walk through an interview: valid answers, hostile ones, commands, Ctrl-C,
/// quitting and resuming, for as many turns as asked. It reports what a script author must
/// fix: questions nobody can get past, questions never reached, and turns that break a rule
/// of the conversation (unsafe text shown, the wrong question asked, state lost on resume).
public struct ConversationWalk {
    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        public enum Kind: String, Sendable { case deadEnd = "dead end", unreachable = "never asked", unsafeOutput = "unsafe output", lostState = "state lost", noEnd = "never finished" }
        public let kind: Kind
        public let step: String
        public let detail: String
        public var description: String { "\(kind.rawValue) at \(step): \(detail)" }
    }

    public struct Report: Sendable {
        public var turns = 0
        public var finished = 0
        public var resumed = 0
        public var accepted = 0
        public var refused = 0
        public var commands = 0
        public var asked: Set<String> = []
        public var findings: [Finding] = []
    }

    /// Turns without any answer kept before the walk calls it a dead end and starts over.
    static let patience = 80
    /// Answers of the right type a question must refuse, all of them, to count as a dead end.
    static let evidence = 15

    private let start: ConversationEngine
    private var rng: SeededGenerator
    private var engine: ConversationEngine
    private var report = Report()
    private let hostile = HostileInput.samples

    public init(start: ConversationEngine, seed: UInt64) {
        self.start = start
        self.engine = start
        self.rng = SeededGenerator(seed: seed)
    }

    public static func run(start: ConversationEngine, turns: Int, seed: UInt64) -> Report {
        var walk = ConversationWalk(start: start, seed: seed)
        return walk.run(turns: turns)
    }

    private mutating func run(turns: Int) -> Report {
        var turn = engine.handle(.conversationOpened(resumed: false))
        var stuck = 0
        var valid: [String: (tried: Int, kept: Int)] = [:]
        while report.turns < turns {
            inspect(turn)
            switch turn.next {
            case .end(.finished):
                report.finished += 1
                engine = start
                turn = engine.handle(.conversationOpened(resumed: false))
                stuck = 0
                continue
            case .end(.paused):
                turn = resume()
                continue
            case .ask(let prompt):
                if let step = prompt.stepID { report.asked.insert(step) }
            }
            let asked = engine.state.confirmation == nil ? engine.state.activeStep : nil
            let (event, isValid) = nextEvent()
            turn = engine.handle(event)
            report.turns += 1
            var movedOn = false
            for entry in turn.log {
                if case .answerAccepted(let step, let value) = entry {
                    report.accepted += 1
                    movedOn = true
                    if isValid, step == asked, value != nil { valid[step, default: (0, 0)].kept += 1 }
                }
                if case .answerRejected = entry { report.refused += 1 }
            }
            if isValid, let asked { valid[asked, default: (0, 0)].tried += 1 }
            stuck = movedOn ? 0 : stuck + 1
            if stuck >= Self.patience {
                report.findings.append(Finding(kind: .deadEnd, step: engine.state.activeStep ?? "-", detail: "\(stuck) turns without any answer kept"))
                engine = start
                turn = engine.handle(.conversationOpened(resumed: false))
                stuck = 0
            }
        }
        for (step, count) in valid.sorted(by: { $0.key < $1.key }) where count.tried >= Self.evidence && count.kept == 0 {
            report.findings.append(Finding(kind: .deadEnd, step: step, detail: "none of \(count.tried) answers of the right type was accepted"))
        }
        let never = engine.script.steps.filter { $0.isQuestion && !report.asked.contains($0.id) }
        report.findings += never.map { Finding(kind: .unreachable, step: $0.id, detail: "not asked once in \(turns) turns") }
        if report.finished == 0 {
            report.findings.append(Finding(kind: .noEnd, step: engine.state.activeStep ?? "-", detail: "no conversation reached the end in \(turns) turns"))
        }
        return report
    }

    /// Leaving and coming back goes through the saved JSON form; nothing may change on the way.
    private mutating func resume() -> Turn {
        report.resumed += 1
        let state = engine.state
        guard let resumed = try? engine.resumedFromSavedForm() else {
            report.findings.append(Finding(kind: .lostState, step: state.activeStep ?? "-", detail: "the state could not be saved and read back"))
            engine = start
            return engine.handle(.conversationOpened(resumed: false))
        }
        if resumed.state.records != state.records || resumed.state.position != state.position {
            report.findings.append(Finding(kind: .lostState, step: state.activeStep ?? "-", detail: "answers or position differ after resuming"))
        }
        engine = resumed
        return engine.handle(.conversationOpened(resumed: true))
    }

    /// Nothing shown may move the cursor or restyle the terminal, and the prompt must be the open question.
    private mutating func inspect(_ turn: Turn) {
        var shown = turn.messages.map(\.text)
        if case .ask(let prompt) = turn.next {
            shown += [prompt.question ?? ""] + prompt.options + prompt.completions
            if prompt.stepID != engine.state.activeStep {
                report.findings.append(Finding(kind: .lostState, step: prompt.stepID ?? "-", detail: "prompted for \(prompt.stepID ?? "nothing") while \(engine.state.activeStep ?? "nothing") is open"))
            }
        }
        for text in shown where TerminalText.hasUnsafeScalars(text, allowingNewlines: true) {
            report.findings.append(Finding(kind: .unsafeOutput, step: engine.state.activeStep ?? "-", detail: "shown: \(ConversationTest.Kind.quote(text))"))
        }
    }

    // MARK: choosing what the client does

    /// The next thing the client does, and whether it is an answer of the right type.
    private mutating func nextEvent() -> (ConversationEvent, valid: Bool) {
        let roll = Int.random(in: 0..<100, using: &rng)
        if engine.state.confirmation != nil { return (.lineSubmitted(roll < 45 ? "yes" : roll < 90 ? "no" : pick(hostile)), false) }
        switch roll {
        case 0..<55:
            let answer = validAnswer()
            // Picking an answer to change opens it again rather than keeping one, so it is not counted.
            let picks = engine.state.activeStep.flatMap { engine.script[$0] }?.kind == .answerPicker
            return (.lineSubmitted(answer), !answer.isEmpty && !picks)
        case 55..<75: return (.lineSubmitted(pick(hostile)), false)
        case 75..<96: report.commands += 1; return (.lineSubmitted(command()), false)
        default: return (.interruptPressed(lineHadText: roll == 99), false)
        }
    }

    private mutating func command() -> String {
        let answered = engine.state.records.map(\.step)
        let edit = answered.isEmpty ? "/edit" : "/edit " + pick(answered)
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<25: return "/back"
        case 25..<40: return "/skip"
        case 40..<50: return edit
        case 50..<55: return "/help"
        case 55..<60: return "/why " + String(Int.random(in: 0...8, using: &rng))
        case 60..<64: return "/summary"
        case 64..<67: return "/examples"
        case 67..<70: return "/note " + pick(["call Friday", "nervous about the deadline", "😀"])
        case 70..<73: return "/agreed"
        case 73..<76: return "/save"
        case 76..<84: return "/quit"
        case 84..<86: return "/restart"
        default: return pick(["/", "/nope", "/edit nothing-here", "/BACK", "/ back"])
        }
    }

    /// An answer that fits the open question's type; script rules may still refuse it.
    private mutating func validAnswer() -> String {
        guard let id = engine.state.activeStep, let step = engine.script[id] else { return "" }
        if Int.random(in: 0..<10, using: &rng) == 0 { return "" }  // Enter: the default, or a reminder
        switch step.kind {
        case .text: return pick(Self.texts)
        case .number:
            if let bounds = step.bounds { return NumberFormat.plain(Double(Int.random(in: Int(bounds.lowerBound)...Int(bounds.upperBound), using: &rng))) }
            return pick(["0", "1", "3", "12", "12.5", "12,5", "40", "250", "85000", "+3", "-2"])
        case .money: return pick(["85000", "$85k", "1.2m EUR", "£40,000", "0", "120 000"])
        case .percent: return pick(["15", "15%", "0.5%", "100", "-5%"])
        case .scale(let lo, let hi): return String(Int.random(in: lo...hi, using: &rng))
        case .date: return pick(["today", "2027-06-30", "30 June 2027", "in 6 months", "Q3 2027", "2026-01-15", "next Friday", "in 2 weeks"])
        case .yesNo: return pick(["yes", "no", "y", "n", "Yes please", "nope"])
        case .choice(let options):
            return options.isEmpty ? "1" : Bool.random(using: &rng) ? String(Int.random(in: 1...options.count, using: &rng)) : pick(options)
        case .multiChoice(let options):
            let count = max(options.count, step.choicesFrom == nil ? 1 : 7)
            let chosen = (0..<Int.random(in: 1...min(3, count), using: &rng)).map { _ in String(Int.random(in: 1...count, using: &rng)) }
            return chosen.joined(separator: ", ")
        case .answerPicker:
            return String(Int.random(in: 1...max(1, engine.state.records.count), using: &rng))
        }
    }

    private mutating func pick(_ items: [String]) -> String { items[Int.random(in: 0..<items.count, using: &rng)] }

    static let texts = [
        "Ana", "Account executive", "Sales manager within a year", "Increase my sales by 20% by 2027-06-30",
        "Close 12 new deals a quarter", "Run 3 workshops", "my manager", "a mentor", "Time and a noisy open office",
        "I want to lead a team", "Get promoted to senior engineer by June 2027", "Raise my NPS to 60",
        "CRM report", "Ask for two intro calls a week", "🙂 feeling good", "Lee O'Brien-Núñez",
    ]
}
