import BallastVersions
import Foundation
import Testing

/// The fixed versions named by real Alpine and Wolfi security databases in the shared feeds.
@Suite struct AlpineSecdbTests {
    /// Every `secfixes` key of the YAML and JSON secdb samples.
    static func fixedVersions() throws -> Set<String> {
        let folder = ConformanceFile.directory.appendingPathComponent("feeds/alpine-secdb")
        var versions: Set<String> = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)

        for file in files where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let key = line.trimmingCharacters(in: .whitespaces)
                guard key.hasSuffix(":"), let first = key.first, first.isNumber || first == "'" || first == "\"" else {
                    continue
                }
                versions.insert(key.dropLast().trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
            }
        }
        for file in files where file.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for package in root["packages"] as? [[String: Any]] ?? [] {
                let fixes = (package["pkg"] as? [String: Any])?["secfixes"] as? [String: Any] ?? [:]
                versions.formUnion(fixes.keys)
            }
        }
        return versions
    }

    @Test func realFixedVersionsAreValidApartFromFourPublishedTypos() throws {
        let versions = try Self.fixedVersions()

        let invalid = versions.filter { !AlpineVersion($0).isValid }

        #expect(versions.count > 700)
        #expect(invalid == ["2.7.16-33", "4.10-1-r1", "4.8.0.-r1", "6.6.2p1-r0"])
    }

    @Test func malformedFixedVersionsStillOrderByTheirValidLeadingPieces() {
        #expect(AlpineVersion("6.6.2-r0") < AlpineVersion("6.6.2p1-r0"))
        #expect(AlpineVersion("6.6.3-r0") > AlpineVersion("6.6.2p1-r0"))
        #expect(AlpineVersion("2.7.17") > AlpineVersion("2.7.16-33"))
    }
}
