/// The one small, safe language for conditions in Prompts/ and Rules/: comparisons,
/// `and/or/not`, `in`, `contains`, strings, numbers, dates and a few functions.
/// It can read answers; it cannot call out, loop or change anything.
public indirect enum Expression: Hashable, Sendable {
    case literal(ExpressionValue)
    case variable(String)
    case list([Expression])
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression)
    case call(Function, [Expression])

    public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
        case isIn = "in", notIn = "not in", contains = "contains"
    }

    public enum Function: String, Hashable, Sendable, CaseIterable {
        /// `date(text)`: the day a text reads as (ISO, or words such as 'end of june'), null when it is no date.
        case date
        case lower, len, today, answered, first
        /// `mentions(text or [texts], 'word' or [words])`: keyword match tolerant of inflections.
        case mentions
        /// `at(list, i)`: the item at 0-based `i`; `concat(a, b)`: one list of both.
        case at, concat
        /// `catalogue(name, 'unit')`: a field (unit, direction, cadence, family, measure, source,
        /// baseline) of the catalogue metric with that name; null for a name of the client's own.
        case catalogue
        /// `phillips()`: the ROI of coaching from the review's answers (`roi.cost`, `roi.value[]`, …).
        case phillips
        /// `pace(baseline, baseline_date, target, due, direction, value, date)`: the pace status in
        /// words (achieved, on track, behind, at risk, not started, overdue) on that date.
        case pace
        /// SMART checks of a goal text, with the client's role and objectives as context.
        case smart, met, critique, followup
        /// `rewrite(goal.statement, fix.outcome, fix.measure, fix.deadline, fix.baseline, fix.why)`:
        /// the goal composed from its parts, hedges and asides left out (missing parts may be null).
        case rewrite
        /// `deadline(goal.final)`: the date a goal commits to (the latest it names), null without one.
        case deadline
        /// `job_family(title)`: the job family a title belongs to (Rules/roles.yaml), '' when none.
        case jobFamily = "job_family"
        /// `table(['KPI', 'Target'], kpi.name, kpi.target)`: the lists as the columns of a table,
        /// one numbered row per item, aligned under the headers.
        case table

        /// The functions that read a goal with the SMART word tables (Rules/smart.yaml).
        public static let smartFunctions: [Function] = [.smart, .met, .critique, .followup, .rewrite, .deadline]

        var arity: ClosedRange<Int> {
            switch self {
            case .today, .phillips: return 0...0
            case .first: return 1...8
            case .pace: return 7...7
            case .table: return 2...9
            case .rewrite: return 1...6
            case .met, .followup, .mentions, .at, .concat, .catalogue: return 2...2
            default: return 1...1
            }
        }
    }

    /// How `catalogue(name, field)` asks the answers for a catalogue field.
    public static let cataloguePrefix = "catalogue:"
    /// How `job_family(title)` asks the answers for a title's family.
    public static let familyPrefix = "family:"

    /// Parses `source`; errors carry the offset of the offending token.
    public init(parsing source: String) throws(ExpressionError) {
        var parser = ExpressionParser(source)
        self = try parser.parseAll()
    }

    /// Every function the expression calls (the catalogue is only loaded for scripts that read it).
    public var functions: Set<Function> {
        gathered { if case .call(let f, _) = $0 { [f] } else { [] } }
    }

    /// Every variable the expression reads (for lint: unknown names are errors).
    public var variables: Set<String> {
        gathered { if case .variable(let name) = $0 { [name] } else { [] } }
    }

    /// What `own` finds in this node and in every node below it.
    private func gathered<T>(_ own: (Expression) -> Set<T>) -> Set<T> {
        let below: [Expression] = switch self {
        case .literal, .variable: []
        case .list(let items), .call(_, let items): items
        case .not(let e): [e]
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b): [a, b]
        }
        return below.reduce(into: own(self)) { $0.formUnion($1.gathered(own)) }
    }

    /// Evaluates against the answers; `today` serves `today()` and date arithmetic, `smart` the
    /// SMART functions' word tables.
    public func evaluate(_ lookup: (String) -> ExpressionValue, today: LocalDate, smart: SmartVocabulary) -> ExpressionValue {
        switch self {
        case .literal(let v): return v
        case .variable(let name): return lookup(name)
        case .list(let items): return .list(items.map { $0.evaluate(lookup, today: today, smart: smart) })
        case .not(let e): return .bool(!e.evaluate(lookup, today: today, smart: smart).isTruthy)
        case .and(let a, let b):
            return .bool(a.evaluate(lookup, today: today, smart: smart).isTruthy && b.evaluate(lookup, today: today, smart: smart).isTruthy)
        case .or(let a, let b):
            return .bool(a.evaluate(lookup, today: today, smart: smart).isTruthy || b.evaluate(lookup, today: today, smart: smart).isTruthy)
        case .compare(let op, let a, let b):
            return .bool(Self.compare(op, a.evaluate(lookup, today: today, smart: smart), b.evaluate(lookup, today: today, smart: smart)))
        case .call(.mentions, let args) where args.count == 2:
            return .bool(Keywords.mentions(args[0].evaluate(lookup, today: today, smart: smart), args[1].evaluate(lookup, today: today, smart: smart)))
        case .call(let f, let args):
            let values = args.map { $0.evaluate(lookup, today: today, smart: smart) }
            if let smart = SmartFunctions.call(f, values, lookup: lookup, today: today, smart: smart) { return smart }
            if f == .phillips { return ROIReview.fromAnswers(lookup).map { .string($0.summary) } ?? .null }
            if f == .pace { return KPIFigures.pace(values, today: today) }
            if f == .catalogue, case .string(let name)? = values.first, values.count > 1, case .string(let field) = values[1] {
                return lookup(Self.cataloguePrefix + field + ":" + name)
            }
            if f == .jobFamily { return lookup(Self.familyPrefix + (values.first?.display ?? "")) }
            return Self.call(f, values, today: today)
        }
    }

    private static func call(_ f: Function, _ args: [ExpressionValue], today: LocalDate) -> ExpressionValue {
        switch (f, args.first) {
        case (.today, _): return .date(today)
        case (.lower, .string(let s)?): return .string(s.lowercased())
        case (.lower, .list(let l)?): return .list(l.map { call(.lower, [$0], today: today) })
        case (.len, .string(let s)?): return .number(Double(s.count))
        case (.len, .list(let l)?): return .number(Double(l.count))
        case (.len, .null?): return .number(0)
        case (.at, .list(let l)?):
            let index: Double? = switch args.count > 1 ? args[1] : .null {
            case .number(let n): n
            case .string(let s): Double(s)
            default: nil
            }
            guard let i = index, i >= 0, i < Double(l.count) else { return .null }
            return l[Int(i)]
        case (.concat, _):
            return .list(args.flatMap { value -> [ExpressionValue] in
                switch value {
                case .list(let items): return items
                case .null: return []
                default: return [value]
                }
            })
        case (.date, .string(let s)?):
            return LocalDate(iso: s).map(ExpressionValue.date) ?? (try? DateGrammar(today: today).read(s).get()).map(ExpressionValue.date) ?? .null
        case (.date, .date(let d)?): return .date(d)
        case (.answered, let v?): return .bool(v != .null)
        case (.first, _): return args.first { !$0.display.isEmpty } ?? .null
        case (.mentions, let text?): return .bool(Keywords.mentions(text, args.count > 1 ? args[1] : .null))
        case (.table, .list(let headers)?): return .string(table(headers.map(\.display), Array(args.dropFirst())))
        default: return f == .answered ? .bool(false) : .null
        }
    }

    /// Columns padded to their widest cell (a cell longer than 28 characters is cut with "…"),
    /// rows numbered from 1 so a client can say which one to change.
    static func table(_ headers: [String], _ columns: [ExpressionValue]) -> String {
        let cells = columns.map { column -> [String] in
            let items: [ExpressionValue] = if case .list(let l) = column { l } else if column == .null { [] } else { [column] }
            return items.map { item in
                let text = TerminalText.sanitize(item.display)
                return text.count > 28 ? String(text.prefix(27)) + "…" : text
            }
        }
        let rows = cells.map(\.count).max() ?? 0
        let widths = headers.indices.map { c in max(headers[c].count, c < cells.count ? cells[c].map(\.count).max() ?? 0 : 0) }
        func line(_ number: String, _ texts: [String]) -> String {
            let padded = texts.enumerated().map { c, t in c == texts.count - 1 ? t : t + String(repeating: " ", count: widths[c] - t.count) }
            var text = number + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let numberWidth = String(rows).count + 2
        var out = [line(String(repeating: " ", count: numberWidth + 1), headers)]
        for r in 0..<rows {
            let number = "\(r + 1))"
            out.append(line(String(repeating: " ", count: numberWidth - number.count) + number + " ",
                            headers.indices.map { c in c < cells.count && r < cells[c].count ? cells[c][r] : "" }))
        }
        return out.joined(separator: "\n")
    }

    static func compare(_ op: ComparisonOperator, _ a: ExpressionValue, _ b: ExpressionValue) -> Bool {
        switch op {
        case .equal: return equal(a, b)
        case .notEqual: return a != .null && b != .null && !equal(a, b)
        case .isIn: return contains(b, a)
        case .notIn: return a != .null && b != .null && !contains(b, a)
        case .contains: return contains(a, b)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            guard let order = order(a, b) else { return false }
            switch op {
            case .less: return order < 0
            case .greater: return order > 0
            case .lessOrEqual: return order <= 0
            default: return order >= 0
            }
        }
    }

    /// Strings compare without regard to case: `goal.type == 'Promotion'` should not hinge on a capital.
    private static func equal(_ a: ExpressionValue, _ b: ExpressionValue) -> Bool {
        switch (a, b) {
        case (.null, _), (_, .null): return false
        case (.string(let x), .string(let y)): return CaseInsensitive.equal(x, y)
        case (.date(let d), .string(let s)), (.string(let s), .date(let d)): return LocalDate(iso: s) == d
        default: return a == b
        }
    }

    private static func contains(_ haystack: ExpressionValue, _ needle: ExpressionValue) -> Bool {
        switch (haystack, needle) {
        case (.list(let items), _): return items.contains { equal($0, needle) }
        case (.string(let s), .string(let n)): return CaseInsensitive.contains(s, n)
        default: return false
        }
    }

    private static func order(_ a: ExpressionValue, _ b: ExpressionValue) -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date, .string(let s)): return LocalDate(iso: s).flatMap { order(a, .date($0)) }
        case (.string(let s), .date): return LocalDate(iso: s).flatMap { order(.date($0), b) }
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        default: return nil
        }
    }
}
