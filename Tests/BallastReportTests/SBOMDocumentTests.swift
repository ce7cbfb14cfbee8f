import BallastTestSupport
import Foundation
import Testing

/// `ballast sbom` documents, validated by the reference libraries against the official schemas.
@Suite("SBOM documents")
struct SBOMDocumentTests {
    static let python: String = {
        let environment = ProcessInfo.processInfo.environment
        let venv = environment["BALLAST_PYENV"] ?? (NSHomeDirectory() + "/.cache/ballast-pyenv")
        return venv + "/bin/python"
    }()

    private func validate(_ format: String, _ path: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [
            BallastProcess.repositoryRoot.appendingPathComponent("scripts/checks/validate-sbom.py").path, format, path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "CycloneDX 1.6 and SPDX 2.3 documents validate against their schemas",
        arguments: ["official-app", "distroless-node-dpkg", "alpine-app"], ["cyclonedx", "spdx"])
    func documentsValidate(name: String, format: String) throws {
        let entry = try TestImages.shared.entry(name)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try BallastProcess.run([
            "sbom", "-q", "--format", format, "-o", file.path, "oci:\(entry.ociDirectory)",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let (status, output) = try validate(format, file.path)
        #expect(status == 0, "\(output)")
        #expect(output == "valid\n")
    }

    @Test("with SOURCE_DATE_EPOCH the same image gives the same bytes")
    func reproducible() throws {
        let entry = try TestImages.shared.entry("distroless-node")
        let arguments = ["sbom", "-q", "oci:\(entry.ociDirectory)"]
        let first = try BallastProcess.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        let second = try BallastProcess.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"timestamp\" : \"2023-11-14T22:13:20Z\""))
    }

    @Test("the CycloneDX document names the image and marks npm's own packages as tooling")
    func cycloneDXContent() throws {
        let entry = try TestImages.shared.entry("official-app")
        let meta = try TestImages.shared.meta("official-app")
        let result = try BallastProcess.run(["sbom", "-q", "oci:\(entry.ociDirectory)"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let metadata = object?["metadata"] as? [String: Any]
        let image = metadata?["component"] as? [String: Any]
        #expect(image?["type"] as? String == "container")
        #expect(image?["version"] as? String == meta["manifest_digest"] as? String)
        let components = object?["components"] as? [[String: Any]] ?? []
        func property(_ component: [String: Any], _ name: String) -> String? {
            (component["properties"] as? [[String: String]])?.first { $0["name"] == name }?["value"]
        }
        let tooling = components.filter { property($0, "ballast:scope") == "tooling" }
        let kinds = meta["npm_kind_counts"] as? [String: Int] ?? [:]
        #expect(tooling.count == (kinds["npm"] ?? 0) + (kinds["npm-bundled"] ?? 0) + (kinds["corepack"] ?? 0))
        let runtime = components.first { $0["type"] as? String == "platform" }
        #expect(
            runtime?["purl"] as? String == "pkg:generic/node@22.20.0?download_url=https://nodejs.org/dist/v22.20.0/")
    }
}
