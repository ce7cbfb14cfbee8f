import BallastAdvisories
import BallastCore
import Foundation

/// The real feed samples of the shared conformance data (`../shared/conformance/feeds`), and
/// scratch databases for tests.
enum FeedSamples {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let folder = repositoryRoot.appendingPathComponent("../shared/conformance/feeds").standardizedFileURL

    static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(relative))
    }

    static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: data(relative))
    }

    /// Every sample feed file, relative to ``folder`` (the DSA list and the KEV schema are not feeds).
    static func all() -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
            guard relative.hasSuffix(".json") || relative.hasSuffix(".yaml") || relative.hasSuffix(".csv") else {
                continue
            }
            if relative.hasSuffix("_schema.json") { continue }
            paths.append(relative)
        }
        return paths.sorted()
    }

    /// A fresh folder removed at the end of the test process.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ballast-advisories-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new database holding `files` (relative sample paths), imported in one batch.
    static func database(with files: [String]) throws -> AdvisoryDatabase {
        let path = try temporaryFolder().appendingPathComponent("advisories.db").path
        let database = try AdvisoryDatabase.open(path: path, create: true, logger: .silent)
        let parsed = try files.map {
            try FeedReader.read(FeedFile.load(path: self.path($0)), qualifyName: true, logger: .silent)
        }
        try database.store(parsed)
        return database
    }
}
