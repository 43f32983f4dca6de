import CoachCore
import Yams

/// Reads Rules/roles.yaml (titles and seniority words) and the `job_families` of the catalogue
/// (what each family is judged by): every title in one known family, every family with its metrics.
enum RolesLoader {
    static let familyKeys: Set<String> = ["id", "name", "soc", "titles"]
    static let judgedKeys: Set<String> = ["id", "judged_by", "metrics", "example", "source", "specialties"]
    static let specialtyKeys: Set<String> = ["titles", "judged_by", "metrics", "source"]

    struct Judged {
        let judgedBy: String
        let metrics: [String]
        let example: [String: AnswerValue]
        let specialties: [(value: JobFamily.Specialty, node: Node)]
        let node: Node
    }

    /// The `job_families` section of catalogue.yaml, by family id; metric ids are checked against `known`.
    static func judged(_ root: Node, _ reader: inout NodeReader, known: Set<String>) -> [String: Judged] {
        guard case .mapping(let top) = root, let list = top.first(where: { $0.key.string == "job_families" })?.value else { return [:] }
        guard case .sequence(let items) = list else {
            reader.report(.badValue, "'job_families' should be a list", at: list)
            return [:]
        }
        var out: [String: Judged] = [:]
        for item in items {
            guard let pairs = reader.mapping(item, "a job family", allowed: judgedKeys) else { continue }
            var f: [String: Node] = [:]
            for pair in pairs { f[pair.key] = pair.value }
            guard let id = f["id"].flatMap({ reader.string($0, "id") }),
                  let judgedBy = f["judged_by"].flatMap({ reader.string($0, "judged_by") }),
                  let metricsNode = f["metrics"], let metrics = reader.strings(metricsNode, "metrics") else {
                reader.report(.missingField, "a job family needs 'id', 'judged_by' and 'metrics'", at: item)
                continue
            }
            for metric in metrics where !known.contains(metric) {
                reader.report(.unknownMetric, "there is no metric '\(metric)' in the catalogue", at: metricsNode)
            }
            if metrics.count < Catalogue.minimumPerFamily {
                reader.report(.thinFamily, "the job family '\(id)' has \(metrics.count) metrics; it needs at least \(Catalogue.minimumPerFamily)", at: metricsNode)
            }
            guard let exampleNode = f["example"] else {
                reader.report(.missingField, "the job family '\(id)' needs an 'example' profile its rules must fire for", at: item)
                continue
            }
            if out[id] != nil { reader.report(.duplicateID, "the job family '\(id)' is described twice", at: f["id"]) }
            let specialties = f["specialties"].map { Self.specialties(in: $0, of: id, &reader, known: known) } ?? []
            out[id] = Judged(judgedBy: judgedBy, metrics: metrics, example: CatalogueLoader.profile(exampleNode, &reader),
                             specialties: specialties, node: item)
        }
        return out
    }

    /// A family's `specialties`: each names title words and at least two metrics of the catalogue.
    private static func specialties(in node: Node, of family: String, _ reader: inout NodeReader, known: Set<String>)
        -> [(value: JobFamily.Specialty, node: Node)] {
        guard case .sequence(let items) = node else {
            reader.report(.badValue, "'specialties' should be a list of {titles, judged_by, metrics}", at: node)
            return []
        }
        return items.compactMap { item in
            guard let pairs = reader.mapping(item, "a specialty", allowed: specialtyKeys) else { return nil }
            var f: [String: Node] = [:]
            for pair in pairs { f[pair.key] = pair.value }
            guard let titles = f["titles"].flatMap({ reader.strings($0, "titles") }), !titles.isEmpty,
                  let judgedBy = f["judged_by"].flatMap({ reader.string($0, "judged_by") }),
                  let metricsNode = f["metrics"], let metrics = reader.strings(metricsNode, "metrics") else {
                reader.report(.missingField, "a specialty of '\(family)' needs 'titles', 'judged_by' and 'metrics'", at: item)
                return nil
            }
            for metric in metrics where !known.contains(metric) {
                reader.report(.unknownMetric, "there is no metric '\(metric)' in the catalogue", at: metricsNode)
            }
            if metrics.count < 2 {
                reader.report(.thinFamily, "a specialty of '\(family)' needs at least 2 metrics", at: metricsNode)
            }
            return (JobFamily.Specialty(titles: titles.map(RoleLexicon.normalised), judgedBy: judgedBy, metrics: metrics), f["titles"]!)
        }
    }

    /// Rules/roles.yaml with the families' metrics joined in; nil when the file is absent. Without
    /// `judged` the families carry names only: enough to place a title (onboarding's question).
    static func lexicon(_ source: String, file: String, judged: [String: Judged]?, diagnostics: inout [Diagnostic],
                        catalogueReader: inout NodeReader) -> RoleLexicon? {
        guard !source.isEmpty else { return nil }
        var reader = NodeReader(file: file)
        defer { diagnostics += reader.diagnostics }
        let root: Node
        do {
            guard let node = try NodeReader.compose(source) else { return nil }
            root = node
        } catch {
            diagnostics.append(ScriptLoader.syntaxDiagnostic(error, file: file))
            return nil
        }
        guard let top = reader.mapping(root, "the file", allowed: ["id", "version", "seniority", "shorthand", "reads_as", "families"]) else { return nil }
        var f: [String: Node] = [:]
        for pair in top { f[pair.key] = pair.value }
        var seniority: [(String, Seniority)] = []
        if case .sequence(let levels)? = f["seniority"] {
            for level in levels {
                guard let pairs = reader.mapping(level, "a seniority level", allowed: ["level", "words"]) else { continue }
                let name = pairs.first { $0.key == "level" }.flatMap { reader.string($0.value, "level") }
                guard let name, let value = Seniority(name: name) else {
                    reader.report(.badValue, "a seniority level is one of: \(Seniority.allCases.map(\.name).joined(separator: ", "))", at: level)
                    continue
                }
                let words = pairs.first { $0.key == "words" }.flatMap { reader.strings($0.value, "words") } ?? []
                seniority += words.map { ($0, value) }
            }
        }
        guard case .sequence(let items)? = f["families"] else {
            reader.report(.missingField, "the file needs a list of 'families'", at: root)
            return nil
        }
        var families: [JobFamily] = []
        var titles: [String: Int] = [:]
        var owner: [String: String] = [:]
        for item in items {
            guard let pairs = reader.mapping(item, "a family", allowed: familyKeys) else { continue }
            var g: [String: Node] = [:]
            for pair in pairs { g[pair.key] = pair.value }
            guard let id = g["id"].flatMap({ reader.string($0, "id") }), let name = g["name"].flatMap({ reader.string($0, "name") }),
                  let titlesNode = g["titles"], let list = reader.strings(titlesNode, "titles") else {
                reader.report(.missingField, "a family needs 'id', 'name' and 'titles'", at: item)
                continue
            }
            let about = judged?[id]
            if judged != nil, about == nil {
                reader.report(.unknownFamily, "the family '\(id)' has no entry in the catalogue's job_families, so nothing says how it is judged", at: g["id"])
                continue
            }
            let family = JobFamily(id: id, name: name, soc: g["soc"].flatMap { reader.string($0, "soc") } ?? "",
                                   judgedBy: about?.judgedBy ?? "", metrics: about?.metrics ?? [], example: about?.example ?? [:],
                                   specialties: about?.specialties.map(\.value) ?? [])
            let familyTitles = list.map(JobFamily.spaced)
            for (specialty, node) in about?.specialties ?? [] {
                for words in specialty.titles where !familyTitles.contains(where: { JobFamily.holds($0, words) }) {
                    catalogueReader.report(.unknownFamily, "no title of '\(id)' in roles.yaml holds the specialty's words '\(words)'", at: node)
                }
            }
            for title in list {
                let key = RoleLexicon.normalised(title)
                if let other = owner[key], other != id {
                    reader.report(.titleInTwoFamilies, "the title '\(title)' is in both '\(other)' and '\(id)'", at: titlesNode)
                }
                owner[key] = id
                titles[key] = families.count
            }
            families.append(family)
        }
        for (id, about) in judged ?? [:] where !families.contains(where: { $0.id == id }) {
            catalogueReader.report(.unknownFamily, "the job family '\(id)' is not in \(file.split(separator: "/").last ?? "roles.yaml")", at: about.node)
        }
        var shorthand: [String: String] = [:]
        if let node = f["shorthand"], let pairs = reader.mapping(node, "shorthand", allowed: []) {
            let words = Set(titles.keys.flatMap { $0.split(separator: " ").map(String.init) })
            for pair in pairs {
                guard let long = reader.string(pair.value, "what '\(pair.key)' stands for") else { continue }
                let spelled = RoleLexicon.normalised(long)
                if let unused = spelled.split(separator: " ").first(where: { !words.contains(String($0)) }) {
                    reader.report(.badValue, "'\(pair.key)' stands for '\(long)', but no title has the word '\(unused)'", at: pair.value)
                }
                shorthand[RoleLexicon.normalised(pair.key)] = spelled
            }
        }
        let lexicon = RoleLexicon(families: families, titles: titles, seniority: seniority, shorthand: shorthand)
        if let node = f["reads_as"], let pairs = reader.mapping(node, "reads_as", allowed: []) {
            for pair in pairs {
                guard let family = reader.string(pair.value, "the family '\(pair.key)' is read as") else { continue }
                let read = lexicon.read(pair.key)?.family.id
                if read != family {
                    reader.report(.exampleDisagrees, "'\(pair.key)' should read as \(family), but reads as \(read ?? "no family")", at: pair.keyNode)
                }
            }
        }
        return lexicon
    }
}
