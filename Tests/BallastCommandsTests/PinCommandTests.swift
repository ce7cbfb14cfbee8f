import BallastTestSupport
import Foundation
import Testing

/// `ballast pin` against a real registry on loopback holding several tags of two images.
@Suite("ballast pin", .serialized)
struct PinCommandTests {
    /// A registry whose `node` repository has five tags of the official image and three of the
    /// Alpine one, as Docker Hub's node repository has many names for each build.
    final class Registry: Sendable {
        let host: String
        let state: String
        let slimDigest: String
        let alpineDigest: String

        init() throws {
            let port = try RegistryProcesses.freePort()
            let started = try RegistryProcesses.run(
                [RegistryProcesses.serveRegistryScript, "\(port)", TestImages.shared.root.path, "--no-push"])
            guard
                let state = started.split(whereSeparator: { $0 == "\n" || $0 == " " })
                    .first(where: { $0.hasPrefix("/tmp/testimages-registry.") })
            else { throw TestSupportError("registry did not start: \(started)") }
            self.state = String(state)
            try RegistryProcesses.register("state \(state)")
            host = "localhost:\(port)"
            let official = try TestImages.shared.entry("official")
            let alpine = try TestImages.shared.entry("alpine")
            let copies = [
                (official, ["22-slim", "22-bookworm-slim", "22.20-slim", "22.20.0-slim", "22.20.0-bookworm-slim"]),
                (alpine, ["22-alpine", "22-alpine3.20", "22.20.0-alpine3.20"]),
            ]
            for (image, tags) in copies {
                for tag in tags {
                    try RegistryProcesses.run([
                        "/usr/bin/skopeo", "copy", "-q", "--dest-tls-verify=false",
                        "oci:\(image.ociDirectory):\(image.ociRef)", "docker://\(host)/node:\(tag)",
                    ])
                }
            }
            slimDigest = try TestImages.shared.meta("official")["manifest_digest"] as? String ?? ""
            alpineDigest = try TestImages.shared.meta("alpine")["manifest_digest"] as? String ?? ""
        }

        func stop() {
            _ = try? RegistryProcesses.run([RegistryProcesses.serveRegistryScript, "stop", state])
        }
    }

    private func dockerfile(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-pin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("Dockerfile").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("pins to the most specific tag and digest, keeps the rest of the file, and checks")
    func pinCheckAndDigestOnly() throws {
        let registry = try Registry()
        defer { registry.stop() }
        let host = registry.host
        let cache = [
            "XDG_CACHE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        ]
        let path = try dockerfile(
            """
            # syntax=docker/dockerfile:1
            FROM \(host)/node:22-slim AS build
            RUN npm ci
            from  \\
               \(host)/node:22-alpine   as run
            FROM build AS test
            FROM scratch

            """)
        let before = try BallastProcess.run(["pin", "--check", "--insecure-registry", host, path], environment: cache)
        #expect(before.status == 1)
        #expect(before.stderr.contains("\(path):2:6: \(host)/node:22-slim is not pinned by digest"))

        let pinned = try BallastProcess.run(["pin", "--diff", "--insecure-registry", host, path], environment: cache)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text == """
                # syntax=docker/dockerfile:1
                FROM \(host)/node:22.20.0-bookworm-slim@\(registry.slimDigest) AS build
                RUN npm ci
                from  \\
                   \(host)/node:22.20.0-alpine3.20@\(registry.alpineDigest)   as run
                FROM build AS test
                FROM scratch

                """)
        #expect(
            pinned.stdout.hasPrefix("--- \(path)\n+++ \(path)\n@@ -2,1 +2,1 @@\n-FROM \(host)/node:22-slim AS build\n"))

        let after = try BallastProcess.run(["pin", "--check", "--insecure-registry", host, path], environment: cache)
        #expect(after.status == 0, "\(after.stderr)")

        let renovate = try dockerfile("FROM \(host)/node:22-slim\n")
        let digestOnly = try BallastProcess.run(["pin", "--digest-only", "--insecure-registry", host, renovate])
        #expect(digestOnly.status == 0)
        #expect(
            try String(contentsOfFile: renovate, encoding: .utf8)
                == "FROM \(host)/node:22-slim@\(registry.slimDigest)\n")

        // A pinned digest that its tag no longer names is stale.
        let stale = try dockerfile("FROM \(host)/node:22-slim@\(registry.alpineDigest)\n")
        let staleCheck = try BallastProcess.run(["pin", "--check", "--insecure-registry", host, stale])
        #expect(staleCheck.status == 1)
        #expect(
            staleCheck.stderr.contains("now points to \(registry.slimDigest), not the pinned \(registry.alpineDigest)"))

        // A tag the registry does not know: an error, and the file is untouched.
        let unknown = try dockerfile("FROM \(host)/node:99-slim\n")
        let failed = try BallastProcess.run(["pin", "--insecure-registry", host, unknown])
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix("error: \(unknown):1:6: cannot resolve \(host)/node:99-slim: "))
        #expect(try String(contentsOfFile: unknown, encoding: .utf8) == "FROM \(host)/node:99-slim\n")
    }

    @Test("a FROM with an ARG that has no value is a positioned usage of the file's own error")
    func unresolvableArgument() throws {
        let path = try dockerfile("ARG BASE\nFROM ${BASE}\n")
        let result = try BallastProcess.run(["pin", path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(path):2:"))
    }
}
