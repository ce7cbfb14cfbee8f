import BallastTestSupport
import Foundation
import Testing

/// Ballast's inventory against Syft's on every test image: the same (type, name, version) set,
/// except differences that `scripts/checks/compare-syft.py` explains, each a case where Ballast
/// is right.
@Suite("Inventory compared with Syft")
struct SyftComparisonTests {
    static let images = [
        "slim", "distroless", "app", "whiteout", "official", "official-app", "distroless-node", "distroless-node-dpkg",
        "alpine", "alpine-app",
    ]
    static let knownReasons: Set<String> = [
        "nested-manifest", "lockfile-only", "synthetic-dpkg", "missed-runtime", "distribution-runtime", "dpkg-python",
    ]

    @Test("every difference from Syft has a known reason", arguments: images)
    func differencesAreExplained(name: String) throws {
        let entry = try TestImages.shared.entry(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            BallastProcess.repositoryRoot.appendingPathComponent("scripts/checks/compare-syft.py").path, "--json",
            "--ballast", BallastProcess.executable.path, "oci:\(entry.ociDirectory)",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let differences = report["differences"] as? [[String: Any]] ?? []
        let reasons = Set(differences.compactMap { $0["reason"] as? String })
        #expect(reasons.isSubset(of: Self.knownReasons), "\(differences)")
        #expect((report["common"] as? Int ?? 0) > 0)
    }
}
