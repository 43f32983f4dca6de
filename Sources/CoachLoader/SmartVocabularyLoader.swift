public import CoachCore
import Foundation
import Yams

/// Reads Rules/smart.yaml, the SMART critique's word tables, and analyses each of its examples
/// with them: an example whose verdicts differ from what it states is reported at its line, so a
/// coach who extends a table sees at once what the change broke.
public enum SmartVocabularyLoader {
    public static let file = "smart.yaml"

    static let keys: Set<String> = ["id", "version", "ladder", "topics", "vague_frames", "abstract_heads", "general_heads",
                                    "generic_modifiers", "value_words", "rank_words", "occasions", "routines", "meals", "made_things", "growth", "judged_on", "examples"]
    static let growthKeys: [String] = ["fastest_monthly_growth", "slowest_monthly_keep", "implausible_multiple",
                                       "months_per_extra_level", "shortest_promotion_days"]
    static let verdicts: [(key: String, criterion: SmartCriterion)] = [
        ("specific", .specific), ("measurable", .measurable), ("achievable", .achievable), ("relevant", .relevant), ("time_bound", .timeBound),
    ]
    static let contextKeys: Set<String> = ["goal", "role", "target_role", "objective", "baseline"]

    /// The tables in `rulesDirectory`, with the job titles of its roles.yaml as professions
    /// (cached by their bytes like every parsed file).
    public static func load(rulesDirectory: String, cache: ParseCache = .off) -> Result<SmartVocabulary, LoadFailure> {
        let path = (rulesDirectory as NSString).appendingPathComponent(file)
        let rolesPath = (rulesDirectory as NSString).appendingPathComponent(CatalogueLoader.rolesFile)
        return cache.load("smart", files: [path, rolesPath]) { contents in
            NodeReader.source(contents[1], of: rolesPath).flatMap { CatalogueLoader.loadRoles(source: $0, file: rolesPath) }
                .flatMap { catalogue in
                    NodeReader.source(contents[0], of: path).flatMap { load(source: $0, file: path, professions: catalogue.roles.knownTitles) }
                }
        }
    }

    /// The tables of one smart.yaml; `professions` are the job titles a goal may name as a role to hold.
    public static func load(source: String, file path: String, professions: [String] = []) -> Result<SmartVocabulary, LoadFailure> {
        var reader = NodeReader(file: path)
        let root: Node?
        do { root = try NodeReader.compose(source) } catch {
            return .failure(LoadFailure([ScriptLoader.syntaxDiagnostic(error, file: path)]))
        }
        guard let root, let pairs = reader.mapping(root, "the SMART word tables", allowed: keys) else {
            if reader.diagnostics.isEmpty { reader.report(.missingField, "the file is empty", at: nil) }
            return .failure(LoadFailure(reader.diagnostics))
        }
        let field = Dictionary(pairs.map { ($0.key, $0.value) }) { first, _ in first }
        func required(_ key: String) -> Node? {
            if field[key] == nil { reader.report(.missingField, "smart.yaml needs '\(key)'", at: root) }
            return field[key]
        }
        func words(_ key: String) -> [String] {
            required(key).flatMap { reader.strings($0, key) }?.map { $0.lowercased() } ?? []
        }
        let ladder = required("ladder").map { rungs(in: $0, &reader) } ?? []
        let topics = required("topics").map { node -> [[String]] in
            guard case .sequence(let groups) = node else {
                reader.report(.badValue, "topics should be a list of word lists", at: node)
                return []
            }
            return groups.compactMap { reader.strings($0, "each topic")?.map { $0.lowercased() } }
        } ?? []
        let growth = required("growth").flatMap { limits(in: $0, &reader) }
        let vocabulary = SmartVocabulary(ladder: ladder, topics: topics, vagueFrames: words("vague_frames"),
                                         abstractHeads: Set(words("abstract_heads")), generalHeads: Set(words("general_heads")),
                                         genericModifiers: Set(words("generic_modifiers")), valueWords: Set(words("value_words")),
                                         growth: growth ?? SmartVocabulary.empty.growth,
                                         rankWords: Set(words("rank_words")), occasions: Set(words("occasions")), routines: Set(words("routines")), meals: Set(words("meals")), madeThings: Set(words("made_things")), professions: professions)
        guard reader.diagnostics.isEmpty else { return .failure(LoadFailure(reader.diagnostics)) }
        if let examples = field["examples"] {
            if let day = field["judged_on"].flatMap({ reader.string($0, "judged_on") }).flatMap(LocalDate.init(iso:)) {
                check(examples, with: vocabulary, on: day, &reader)
            } else {
                reader.report(.missingField, "examples need 'judged_on', the day they are judged on (YYYY-MM-DD)", at: field["judged_on"] ?? examples)
            }
        }
        guard reader.diagnostics.isEmpty else { return .failure(LoadFailure(reader.diagnostics)) }
        return .success(vocabulary)
    }

    private static func rungs(in node: Node, _ reader: inout NodeReader) -> [(title: String, rank: Int)] {
        guard case .sequence(let rungs) = node else {
            reader.report(.badValue, "ladder should be a list of {rank, titles}", at: node)
            return []
        }
        return rungs.flatMap { rung -> [(title: String, rank: Int)] in
            guard let pairs = reader.mapping(rung, "a rung of the ladder", allowed: ["rank", "titles"]),
                  let rankNode = pairs.first(where: { $0.key == "rank" })?.value,
                  let titlesNode = pairs.first(where: { $0.key == "titles" })?.value else {
                reader.report(.missingField, "each rung of the ladder needs 'rank' and 'titles'", at: rung)
                return []
            }
            guard let rank = reader.number(rankNode, "rank"), rank == rank.rounded(), (0...20).contains(rank) else {
                reader.report(.badValue, "rank should be a whole number from 0 to 20", at: rankNode)
                return []
            }
            return (reader.strings(titlesNode, "titles") ?? []).map { ($0.lowercased(), Int(rank)) }
        }
    }

    private static func limits(in node: Node, _ reader: inout NodeReader) -> SmartVocabulary.Growth? {
        guard let pairs = reader.mapping(node, "growth", allowed: Set(growthKeys)) else { return nil }
        var values: [String: Double] = [:]
        for pair in pairs {
            guard let n = reader.number(pair.value, pair.key) else { continue }
            guard n > 0 else {
                reader.report(.badValue, "\(pair.key) should be above zero", at: pair.value)
                continue
            }
            values[pair.key] = n
        }
        let missing = growthKeys.filter { values[$0] == nil }
        guard missing.isEmpty else {
            if reader.diagnostics.isEmpty { reader.report(.missingField, "growth needs \(missing.joined(separator: ", "))", at: node) }
            return nil
        }
        return SmartVocabulary.Growth(fastestMonthly: values[growthKeys[0]]!, slowestMonthlyKeep: values[growthKeys[1]]!,
                                      implausibleMultiple: values[growthKeys[2]]!, monthsPerExtraLevel: values[growthKeys[3]]!,
                                      shortestPromotionDays: Int(values[growthKeys[4]]!))
    }

    /// Analyses every example with the tables just read and reports each verdict that differs.
    private static func check(_ node: Node, with vocabulary: SmartVocabulary, on today: LocalDate, _ reader: inout NodeReader) {
        guard case .sequence(let examples) = node else {
            reader.report(.badValue, "examples should be a list of {goal, verdicts}", at: node)
            return
        }
        let analyzer = SmartAnalyzer(vocabulary: vocabulary)
        for example in examples {
            guard let pairs = reader.mapping(example, "an example", allowed: contextKeys.union(verdicts.map(\.key))) else { continue }
            var field: [String: Node] = [:]
            for pair in pairs { field[pair.key] = pair.value }
            guard let goal = field["goal"].flatMap({ reader.string($0, "goal") }) else {
                reader.report(.missingField, "each example needs 'goal'", at: example)
                continue
            }
            let context = SmartContext(role: field["role"]?.scalar?.string, targetRole: field["target_role"]?.scalar?.string,
                                       objective: field["objective"]?.scalar?.string,
                                       baseline: field["baseline"].flatMap { reader.number($0, "baseline") }, today: today)
            let critique = analyzer.analyze(goal, context: context)
            for (key, criterion) in verdicts {
                guard let node = field[key], let stated = node.scalar?.string.lowercased() else { continue }
                let expected: Bool?? = switch stated {
                case "true", "yes": .some(true)
                case "false", "no": .some(false)
                case "unknown": .some(nil)
                default: nil
                }
                guard let expected else {
                    reader.report(.badValue, "\(key) should be true, false or unknown", at: node)
                    continue
                }
                let got = critique[criterion].met
                if got != expected {
                    let word = { (v: Bool?) in v.map { $0 ? "true" : "false" } ?? "unknown" }
                    reader.report(.exampleDisagrees, "“\(goal)” is judged \(key) \(word(got)), not \(word(expected)): \(critique[criterion].reason)", at: node)
                }
            }
        }
    }
}
