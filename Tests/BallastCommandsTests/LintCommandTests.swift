import BallastTestSupport
import Foundation
import Testing

/// `ballast lint` run as a user would, on Dockerfiles written by the test.
@Suite("ballast lint")
struct LintCommandTests {
    private func folder(_ dockerfile: String, files: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(dockerfile.utf8).write(to: url.appendingPathComponent("Dockerfile"))
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    @Test("findings print as path:line:col: severity: [ID] message; errors exit 1 only with --strict")
    func findingsAndExitCodes() throws {
        let dir = try folder("FROM node:22\nCMD npm start\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("Dockerfile").path
        let plain = try BallastProcess.run(["lint", "--today", "2026-12-03", path])
        #expect(plain.status == 0)
        #expect(
            plain.stdout.contains(
                "\(path):2:1: warning: [BL009] CMD starts the app through npm, which does not forward signals as PID 1")
        )
        let strict = try BallastProcess.run(["lint", "--strict", "--today", "2026-12-03", path])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasSuffix("error-level findings in 1 file(s)\n"))
    }

    @Test("--fix rewrites the file in place and leaves only the findings it cannot fix")
    func fix() throws {
        let dir = try folder("FROM node:22-slim\nRUN npm install\nUSER node\nCMD [\"node\", \"index.js\"]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("Dockerfile").path
        let result = try BallastProcess.run(["lint", "--fix", "--today", "2026-12-03", path])
        #expect(result.status == 0)
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed == "FROM node:22-slim\nRUN npm ci --omit=dev\nUSER node\nCMD [\"node\", \"index.js\"]\n")
        #expect(!result.stdout.contains("[BL005]"))
    }

    @Test("--disable and .ballast.json turn rules off; an unknown rule ID is a usage error")
    func disabling() throws {
        let dir = try folder(
            "FROM node:22-slim\nUSER node\n", files: [".ballast.json": #"{"lint": {"disable": ["BL002"]}}"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("Dockerfile").path
        let result = try BallastProcess.run(["lint", "--disable", "BL003", "--today", "2026-12-03", path])
        #expect(!result.stdout.contains("[BL002]"))
        #expect(!result.stdout.contains("[BL003]"))
        let bad = try BallastProcess.run(["lint", "--disable", "BL999", path])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("error: invalid value 'BL999' for --disable; valid values: BL001, BL002"))
    }

    @Test("--print-ast prints BuildKit's dump; a file that does not parse exits 2 with a position")
    func printAST() throws {
        let dir = try folder("FROM node:22 AS build\nRUN <<EOF\necho hi\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("Dockerfile").path
        let result = try BallastProcess.run(["lint", "--print-ast", path])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: \(path):2:1: heredoc 'EOF' is never terminated; end it with a line containing only EOF\n")
        try Data("FROM node:22 AS build\n".utf8).write(to: URL(fileURLWithPath: path))
        let good = try BallastProcess.run(["lint", "--print-ast", path])
        #expect(good.status == 0)
        #expect(good.stdout == "(from \"node:22\" \"AS\" \"build\")\n")
    }

    @Test("SARIF output names the tool and the rules")
    func sarif() throws {
        let dir = try folder("FROM node\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try BallastProcess.run([
            "lint", "--format", "sarif", dir.appendingPathComponent("Dockerfile").path,
        ])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let runs = object?["runs"] as? [[String: Any]]
        let driver = (runs?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "ballast")
        let results = runs?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.contains { $0["ruleId"] as? String == "BL001" })
    }
}

@Suite("ballast lint --resolve")
struct LintResolveTests {
    @Test("a base image whose name says nothing is checked for a shell inside it")
    func resolveFindsNoShell() async throws {
        let registry = try await RegistryFixture.shared.anonymous()
        let image = try TestImages.shared.entry("distroless-node")
        try RegistryProcesses.run([
            "/usr/bin/skopeo", "copy", "-q", "--dest-tls-verify=false", "oci:\(image.ociDirectory):\(image.ociRef)",
            "docker://\(registry.host)/acme/node-runtime:22",
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ballast-resolve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("Dockerfile").path
        try Data("FROM \(registry.host)/acme/node-runtime:22\nUSER 65532\nCMD node index.js\n".utf8)
            .write(to: URL(fileURLWithPath: path))

        let byName = try BallastProcess.run(["lint", "--today", "2026-12-03", path])
        #expect(!byName.stdout.contains("[BL008]"))
        let resolved = try BallastProcess.run(
            ["lint", "--resolve", "--insecure-registry", registry.host, "--today", "2026-12-03", path])
        #expect(resolved.status == 1, "\(resolved.stderr)")
        #expect(resolved.stdout.contains("\(path):3:1: error: [BL008] CMD uses the shell form"))
    }
}
