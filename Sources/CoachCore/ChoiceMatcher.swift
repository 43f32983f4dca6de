/// Matches typed text to a question's options: by number, exact name, unambiguous prefix, or one
/// slip of the keyboard from a single option.
struct ChoiceMatcher {
    let options: [String]

    func one(_ text: String) -> Result<String, AnswerProblem> {
        let typed = text.lowercased().trimmingCharacters(in: " .")
        if let n = Int(typed), n >= 1, n <= options.count { return .success(options[n - 1]) }
        let matched = matching(typed)
        // "my manager", "the coach": the option without the word that only points at it.
        guard case .failure = matched, let space = typed.firstIndex(of: " "),
              Self.pointers.contains(String(typed[..<space])) else { return matched }
        let rest = matching(String(typed[typed.index(after: space)...]).trimmingCharacters(in: " "))
        if case .success = rest { return rest }
        return matched
    }

    /// Words before an option that only point at it.
    private static let pointers: Set<String> = ["my", "our", "the", "a", "an", "your"]

    private func matching(_ key: String) -> Result<String, AnswerProblem> {
        if let exact = options.first(where: { $0.lowercased() == key }) { return .success(exact) }
        let prefixed = options.filter { $0.lowercased().hasPrefix(key) }
        switch prefixed.count {
        case 1: return .success(prefixed[0])
        case 0:
            // "acept": one letter off one option only, in a word long enough not to be another word.
            let near = key.count >= 5 ? options.filter { RoleLexicon.oneEditApart(key, $0.lowercased()) } : []
            return near.count == 1 ? .success(near[0]) : .failure(.notAChoice(options))
        default: return .failure(.ambiguousChoice(prefixed))
        }
    }

    func many(_ text: String) -> Result<[String], AnswerProblem> {
        if let whole = try? one(text).get() { return .success([whole]) }
        let pieces = text.replacingAll(" and ", with: ",").replacingAll(";", with: ",")
            .split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        var picked: [String] = []
        for piece in pieces {
            switch one(piece) {
            case .success(let option): if !picked.contains(option) { picked.append(option) }
            case .failure(let problem): return .failure(problem)
            }
        }
        return picked.isEmpty ? .failure(.notAChoice(options)) : .success(picked)
    }
}
