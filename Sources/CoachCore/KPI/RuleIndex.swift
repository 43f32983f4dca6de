/// Which suggestion rules could fire for a set of answers, found without evaluating them all.
///
/// Most rules hinge on tests of which one must hold for them to fire: `goal.type == 'promotion'`,
/// `mentions(profile.role, ['sales', 'account'])`, `goal.target_role contains 'director'`. Rules
/// are filed under those tests — by the value, by each keyword's first word (or its first four
/// letters, when inflections may match), by the first three letters of a fragment — so a
/// suggestion list looks up the client's few answers and evaluates only the rules found, plus
/// the few with no such test. It only narrows: every rule returned is still evaluated in full,
/// in catalogue order.
struct RuleIndex: Hashable, Sendable {
    private enum Test: Hashable, Sendable {
        case value(variable: String, text: String)
        case keyword(variable: String, key: String)
        case fragment(variable: String, start: String)
    }

    private var always: [Int] = []
    private var filed: [Test: [Int]] = [:]
    /// Rules filed under a value of each variable, for answers that are not text (dates compare their own way).
    private var byVariable: [String: [Int]] = [:]
    private var keywordVariables: Set<String> = []
    private var fragmentVariables: Set<String> = []

    init(_ rules: [SuggestionRule]) {
        for (i, rule) in rules.enumerated() {
            guard let tests = Self.tests(of: rule.condition) else { always.append(i); continue }
            for test in Set(tests) {
                filed[test, default: []].append(i)
                switch test {
                case .value(let v, _): byVariable[v, default: []].append(i)
                case .keyword(let v, _): keywordVariables.insert(v)
                case .fragment(let v, _): fragmentVariables.insert(v)
                }
            }
        }
    }

    /// Tests of which one must hold for `condition` to hold; nil when there is no such set.
    private static func tests(of condition: Expression) -> [Test]? {
        switch condition {
        case .and(let a, let b):
            let (x, y) = (tests(of: a), tests(of: b))
            guard let x, let y else { return x ?? y }
            let isValue: (Test) -> Bool = { if case .value = $0 { true } else { false } }
            return x.contains(where: isValue) && !y.contains(where: isValue) ? y : x
        case .or(let a, let b):
            guard let x = tests(of: a), let y = tests(of: b) else { return nil }
            return x + y
        case .compare(.equal, .variable(let v), .literal(.string(let s))), .compare(.equal, .literal(.string(let s)), .variable(let v)):
            return [.value(variable: v, text: s.lowercased())]
        case .compare(.contains, .variable(let v), .literal(.string(let s))):
            let start = s.lowercased().unicodeScalars.prefix(3)
            guard start.count == 3, start.allSatisfy(\.isASCII) else { return nil }
            return [.fragment(variable: v, start: String(String.UnicodeScalarView(start)))]
        case .call(.mentions, let args) where args.count == 2:
            guard case .literal(let needles) = args[1], let names = variableNames(args[0]) else { return nil }
            let keys = Keywords.keys(of: needles)
            return names.flatMap { name in keys.map { Test.keyword(variable: name, key: $0) } }
        default:
            return nil
        }
    }

    private static func variableNames(_ e: Expression) -> [String]? {
        switch e {
        case .variable(let name): return [name]
        case .list(let items):
            let names = items.compactMap { if case .variable(let name) = $0 { name } else { nil } }
            return names.count == items.count ? names : nil
        default: return nil
        }
    }

    /// The rules that may fire, in catalogue order.
    func candidates(_ values: [String: ExpressionValue], count: Int) -> [Int] {
        var chosen = [Bool](repeating: false, count: count)
        func choose(_ test: Test) { for i in filed[test] ?? [] { chosen[i] = true } }
        for i in always { chosen[i] = true }
        for (variable, rules) in byVariable {
            switch values[variable] {
            case .string(let s)?: choose(.value(variable: variable, text: s.lowercased()))
            case nil, .null?: continue
            default: for i in rules { chosen[i] = true }
            }
        }
        for variable in keywordVariables {
            for key in Keywords.lookupKeys(of: values[variable] ?? .null) { choose(.keyword(variable: variable, key: key)) }
        }
        for variable in fragmentVariables {
            _ = (values[variable] ?? .null).containsText { text in
                let scalars = Array(text.lowercased().unicodeScalars)
                for start in scalars.indices.dropLast(2) {
                    choose(.fragment(variable: variable, start: String(String.UnicodeScalarView(scalars[start..<(start + 3)]))))
                }
                return false
            }
        }
        return chosen.indices.filter { chosen[$0] }
    }
}
