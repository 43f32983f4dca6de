import CoachCore
@testable import CoachLoader
import Foundation
import Testing

/// The cache of parsed Prompts/ and Rules/: what comes out of it is what the files say, it is
/// read instead of the files only while their bytes and the build are the same, and a damaged
/// entry is parsed again, never believed.
@Suite struct ParseCacheTests {
    let rulesDirectory = (promptsDirectory as NSString).deletingLastPathComponent + "/Rules"
    let today = LocalDate(year: 2026, month: 11, day: 23)!

    func freshCache(build: String = "test build") -> ParseCache {
        ParseCache(directory: NSTemporaryDirectory() + "kpicoach-parse-cache-" + UUID().uuidString, build: build)
    }

    /// Loads twice through one cache: the second load comes from the entry the first wrote.
    func twice<Value>(_ load: (ParseCache) -> Result<Value, LoadFailure>) throws -> (parsed: Value, cached: Value, cache: ParseCache) {
        let cache = freshCache()
        let parsed = try load(cache).get()
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory!).count == 1)
        return (parsed, try load(cache).get(), cache)
    }

    @Test func everyScriptComesBackAsParsed() throws {
        let library = PromptLibrary(directory: promptsDirectory)
        for id in library.scriptIDs {
            let (parsed, cached, _) = try twice { library.load(id, cache: $0).mapError { LoadFailure([Diagnostic(file: id, line: 1, column: 1, code: .unreadable, message: "\($0)")]) } }
            #expect(cached == parsed, "\(id)")
            #expect(cached.steps.map(\.id) == parsed.steps.map(\.id))
            #expect(cached[parsed.start] == parsed[parsed.start])
        }
    }

    @Test func theCatalogueComesBackAsParsedAndSuggestsTheSame() throws {
        let (parsed, cached, _) = try twice { CatalogueLoader.load(rulesDirectory: rulesDirectory, today: today, cache: $0) }
        #expect(cached == parsed)
        let profile: [String: AnswerValue] = ["profile.role": .text("senior account executive"), "goal.type": .choice("promotion")]
        let ids = { (catalogue: Catalogue) in Suggester(catalogue: catalogue, today: today).suggest(profile).map(\.metric.id) }
        #expect(!ids(parsed).isEmpty)
        #expect(ids(cached) == ids(parsed))
    }

    @Test func theTitlesReadTheSameFromTheCache() throws {
        let (parsed, cached, _) = try twice { CatalogueLoader.loadRoles(rulesDirectory: rulesDirectory, cache: $0) }
        for title in ["Senior Account Executive", "staff nurse", "jr. front-end developer", "Head of People", "barista"] {
            #expect(cached.roles.read(title)?.family.id == parsed.roles.read(title)?.family.id, "\(title)")
            #expect(cached.roles.read(title)?.seniority == parsed.roles.read(title)?.seniority, "\(title)")
        }
        #expect(parsed.roles.read("staff nurse") != nil)
    }

    @Test func theGoalLibraryComesBackAsParsed() throws {
        let (parsed, cached, _) = try twice { GoalLibraryLoader.load(rulesDirectory: rulesDirectory, cache: $0) }
        #expect(cached == parsed)
        #expect(!parsed.examples.isEmpty)
    }

    /// A file with its own counter of parses, for the rules of when the cache is believed.
    struct Counted {
        let folder = NSTemporaryDirectory() + "kpicoach-parse-cache-files-" + UUID().uuidString
        var file: String { folder + "/words.yaml" }
        let parses = Counter()

        init(_ text: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try write(text)
        }

        func write(_ text: String) throws { try text.write(toFile: file, atomically: true, encoding: .utf8) }

        func load(_ cache: ParseCache) -> Result<[String], LoadFailure> {
            cache.load("words", files: [file]) { contents -> Result<Words, LoadFailure> in
                parses.add()
                let text = contents[0].map { String(decoding: $0, as: UTF8.self) } ?? ""
                guard !text.contains("broken") else { return .failure(LoadFailure([])) }
                return .success(Words(list: text.split(separator: " ").map(String.init)))
            }.map(\.list)
        }
    }

    struct Words: Archivable {
        let list: [String]
        init(list: [String]) { self.list = list }
        func archive(into writer: inout ArchiveWriter) { writer.strings(list) }
        init(from reader: inout ArchiveReader) throws(ArchiveError) { list = try reader.strings() }
    }

    final class Counter: @unchecked Sendable {
        private(set) var count = 0
        func add() { count += 1 }
    }

    func entries(_ cache: ParseCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory!)) ?? []).sorted()
    }

    @Test func aChangedFileIsReadAgainAndReplacesItsEntry() throws {
        let files = try Counted("one two")
        let cache = freshCache()
        #expect(try files.load(cache).get() == ["one", "two"])
        #expect(try files.load(cache).get() == ["one", "two"])
        #expect(files.parses.count == 1)
        try files.write("one two three")
        #expect(try files.load(cache).get() == ["one", "two", "three"])
        #expect(files.parses.count == 2)
        #expect(entries(cache).count == 1, "the entry of the old bytes is removed")
    }

    @Test func anotherBuildDoesNotBelieveTheEntry() throws {
        let files = try Counted("one two")
        let cache = freshCache(build: "a")
        _ = files.load(cache)
        _ = files.load(ParseCache(directory: cache.directory, build: "b"))
        #expect(files.parses.count == 2)
    }

    @Test func aDamagedEntryIsParsedAgainAndRewritten() throws {
        let files = try Counted("one two")
        let cache = freshCache()
        _ = files.load(cache)
        let entry = cache.directory! + "/" + entries(cache)[0]
        let good = try Data(contentsOf: URL(fileURLWithPath: entry))
        let forged = Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "kpicoach ", with: "kpicoach 0").utf8)
        for damage in [good.dropLast(2), Data("not an archive".utf8), forged, good + Data([7])] {
            try damage.write(to: URL(fileURLWithPath: entry))
            #expect(try files.load(cache).get() == ["one", "two"])
        }
        #expect(files.parses.count == 5)
        #expect(try files.load(cache).get() == ["one", "two"])
        #expect(files.parses.count == 5, "the rewritten entry is read again")
    }

    @Test func aFileThatFailsIsNeverCached() throws {
        let files = try Counted("broken")
        let cache = freshCache()
        #expect(throws: LoadFailure.self) { try files.load(cache).get() }
        #expect(throws: LoadFailure.self) { try files.load(cache).get() }
        #expect(files.parses.count == 2)
        #expect(entries(cache).isEmpty)
    }

    @Test func entriesArePrivate() throws {
        let files = try Counted("one two")
        let cache = freshCache()
        _ = files.load(cache)
        let folder = try FileManager.default.attributesOfItem(atPath: cache.directory!)
        let entry = try FileManager.default.attributesOfItem(atPath: cache.directory! + "/" + entries(cache)[0])
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        #expect((entry[.posixPermissions] as? Int) == 0o600)
    }
}
