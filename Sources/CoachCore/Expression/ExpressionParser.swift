/// Recursive-descent parser for `Expression`:
/// ```
/// or      := and ('or' and)*
/// and     := not ('and' not)*
/// not     := 'not' not | compare
/// compare := primary (op primary)?      op: == != < > <= >= in 'not in' contains
/// primary := number | 'string' | true | false | null | name(.name)* | fn(args) | [list] | (or)
/// ```
struct ExpressionParser {
    private enum Token: Equatable {
        case number(Double), string(String), name(String), symbol(String), end
    }

    private let source: [Character]
    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    private var depth = 0

    init(_ text: String) { source = Array(text) }

    mutating func parseAll() throws(ExpressionError) -> Expression {
        try tokenize()
        guard tokens.count > 1 else { throw ExpressionError(offset: 0, message: "the condition is empty") }
        let e = try parseOr()
        guard case .end = peek else { throw unexpected("after a complete condition") }
        return e
    }

    // MARK: tokens

    private mutating func tokenize() throws(ExpressionError) {
        var i = 0
        while i < source.count {
            let c = source[i]
            if c == " " || c == "\t" || c == "\n" { i += 1; continue }
            let start = i
            if c.isASCIIDigit {
                while i < source.count, source[i].isASCIIDigit || source[i] == "." { i += 1 }
                guard let n = Double(String(source[start..<i])) else {
                    throw ExpressionError(offset: start, message: "'\(String(source[start..<i]))' is not a number")
                }
                tokens.append((.number(n), start))
            } else if c == "'" || c == "\"" {
                i += 1
                var text = ""
                while i < source.count, source[i] != c { text.append(source[i]); i += 1 }
                guard i < source.count else { throw ExpressionError(offset: start, message: "this text has no closing \(c)") }
                i += 1
                tokens.append((.string(text), start))
            } else if c.isLetter || c == "_" {
                while i < source.count, source[i].isLetter || source[i].isASCIIDigit || "_.".contains(source[i]) { i += 1 }
                let name = String(source[start..<i])
                guard !name.hasSuffix("."), !name.contains("..") else {
                    throw ExpressionError(offset: start, message: "'\(name)' is not a valid name")
                }
                tokens.append((.name(name), start))
            } else if let two = i + 1 < source.count ? String(source[i...i + 1]) : nil, ["==", "!=", "<=", ">="].contains(two) {
                tokens.append((.symbol(two), start)); i += 2
            } else if "<>()[],".contains(c) {
                tokens.append((.symbol(String(c)), start)); i += 1
            } else if c == "=" {
                throw ExpressionError(offset: start, message: "use '==' to compare")
            } else {
                throw ExpressionError(offset: start, message: "unexpected character '\(c)'")
            }
        }
        tokens.append((.end, source.count))
    }

    private var peek: Token { tokens[index].token }
    private var offset: Int { tokens[index].offset }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func unexpected(_ context: String) -> ExpressionError {
        let what: String
        switch peek {
        case .end: what = "the condition ends too early"
        case .number(let n): what = "unexpected number \(NumberFormat.plain(n)) \(context)"
        case .string(let s): what = "unexpected text '\(s)' \(context)"
        case .name(let n): what = "unexpected word '\(n)' \(context)"
        case .symbol(let s): what = "unexpected '\(s)' \(context)"
        }
        return ExpressionError(offset: offset, message: what)
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard peek == .symbol(symbol) else { throw unexpected("(expected '\(symbol)')") }
        advance()
    }

    // MARK: grammar

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { throw ExpressionError(offset: offset, message: "the condition is nested too deeply") }
        var left = try parseAnd()
        while peek == .name("or") { advance(); left = .or(left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseNot()
        while peek == .name("and") { advance(); left = .and(left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if peek == .name("not") {
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth < 64 else { throw ExpressionError(offset: offset, message: "the condition is nested too deeply") }
            return .not(try parseNot())
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws(ExpressionError) -> Expression {
        let left = try parsePrimary()
        let op: Expression.ComparisonOperator?
        switch peek {
        case .symbol(let s): op = Expression.ComparisonOperator(rawValue: s)
        case .name("in"): op = .isIn
        case .name("contains"): op = .contains
        case .name("not"):
            advance()
            guard peek == .name("in") else { throw unexpected("(did you mean 'not in'?)") }
            op = .notIn
        default: op = nil
        }
        guard let op else { return left }
        advance()
        return .compare(op, left, try parsePrimary())
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let here = offset
        switch peek {
        case .number(let n): advance(); return .literal(.number(n))
        case .string(let s): advance(); return .literal(.string(s))
        case .symbol("("):
            advance()
            let inner = try parseOr()
            try expect(")")
            return inner
        case .symbol("["):
            advance()
            var items: [Expression] = []
            while peek != .symbol("]") {
                items.append(try parsePrimary())
                if peek == .symbol(",") { advance() } else { break }
            }
            try expect("]")
            // A list of plain values (a rule's keywords) is built once here, not on every evaluation.
            let values = items.compactMap { item -> ExpressionValue? in if case .literal(let v) = item { v } else { nil } }
            return values.count == items.count ? .literal(.list(values)) : .list(items)
        case .name(let name):
            switch name {
            case "true": advance(); return .literal(.bool(true))
            case "false": advance(); return .literal(.bool(false))
            case "null": advance(); return .literal(.null)
            case "and", "or", "not", "in", "contains": throw unexpected("where a value was expected")
            default: break
            }
            advance()
            guard peek == .symbol("(") else { return .variable(name) }
            guard let function = Expression.Function(rawValue: name) else {
                let known = Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")
                throw ExpressionError(offset: here, message: "unknown function '\(name)' (known: \(known))")
            }
            advance()
            var args: [Expression] = []
            while peek != .symbol(")") {
                args.append(try parseOr())
                if peek == .symbol(",") { advance() } else { break }
            }
            try expect(")")
            guard function.arity.contains(args.count) else {
                let count = function.arity.lowerBound == function.arity.upperBound ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)"
                throw ExpressionError(offset: here, message: "\(name)() takes \(count) argument\(count == "1" ? "" : "s")")
            }
            return .call(function, args)
        default:
            throw unexpected("where a value was expected")
        }
    }
}
