import Foundation
import Testing

/// Start-up takes the parsed Prompts/ and Rules/ from the cache while their files are unchanged,
/// and the files themselves as soon as one changes or the entry is damaged.
@Suite struct ParseCacheEndToEndTests {
    @Test func startUpReadsTheCacheUntilAFileChanges() throws {
        let folder = Binary.temporaryFolder()
        for name in ["Prompts", "Rules"] {
            try FileManager.default.copyItem(atPath: Binary.repository.appendingPathComponent(name).path, toPath: folder + "/" + name)
        }
        let cache = folder + "/cache/kpicoach"
        let env = ["XDG_CACHE_HOME": folder + "/cache"]
        var client = 0
        func start() throws -> String {
            client += 1
            let run = try Binary.run(["start", "--client", "C\(client)", "--prompts", folder + "/Prompts", "--db", folder + "/coach.sqlite"],
                                     stdin: "/quit\n", env: env)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        func entry(_ kind: String) throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(kind + ".") }
            try #require(names.count == 1, "\(kind): \(names)")
            return cache + "/" + names[0]
        }

        #expect(try start().contains("Welcome to KPI Coach."))
        let script = try entry("script-onboarding")
        for kind in ["roles", "goal-library"] { _ = try entry(kind) }
        #expect((try FileManager.default.attributesOfItem(atPath: script)[.posixPermissions] as? Int) == 0o600)

        // The entry, doctored with its key unchanged, is what the next start shows: the YAML was not read.
        let original = Data("Welcome to KPI Coach.".utf8), doctored = Data("Welcome, cached copy.".utf8)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: script))
        while let range = bytes.range(of: original) { bytes.replaceSubrange(range, with: doctored) }
        try bytes.write(to: URL(fileURLWithPath: script))
        #expect(try start().contains("Welcome, cached copy."))

        // Editing the script is seen at once, and its entry is replaced.
        let yaml = folder + "/Prompts/onboarding.yaml"
        let edited = try String(contentsOfFile: yaml, encoding: .utf8).replacingOccurrences(of: "Welcome to KPI Coach.", with: "Welcome, edited.")
        try edited.write(toFile: yaml, atomically: true, encoding: .utf8)
        #expect(try start().contains("Welcome, edited."))
        #expect(try entry("script-onboarding") != script)

        // A damaged entry is not believed: the files are read again and the entry rewritten.
        try Data("kpicoach ".utf8).write(to: URL(fileURLWithPath: try entry("script-onboarding")))
        #expect(try start().contains("Welcome, edited."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: try entry("script-onboarding"))).count > 1000)
    }
}
