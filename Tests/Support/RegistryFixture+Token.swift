import Foundation

extension RegistryFixture {
    /// Starts the token service and a `docker-registry` that trusts it, over `storage`'s data.
    ///
    /// Distribution 2.8 checks the JWT's `x5c` chain against `rootcertbundle`, and `iss`, `aud`,
    /// `exp` and `nbf` against its config, so the issuer's self-signed certificate is the bundle.
    static func serveWithTokens(storage: TestRegistry) async throws -> TestRegistry {
        let folder = try RegistryProcesses.temporaryDirectory("ballast-token-registry")
        try RegistryProcesses.register("dir \(folder.path)")
        let key = folder.appendingPathComponent("key.pem").path
        let cert = folder.appendingPathComponent("cert.pem").path
        try RegistryProcesses.run([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
            "-subj", "/CN=ballast-test-issuer",
        ])

        let tokenLog = folder.appendingPathComponent("tokens.log").path
        _ = FileManager.default.createFile(atPath: tokenLog, contents: nil)
        let issuer = try RegistryProcesses.startServer(
            [
                "python3", RegistryProcesses.serverScript("token_issuer.py"), "--key", key, "--cert", cert,
                "--issuer", "ballast-test-issuer", "--service", "ballast-test-registry", "--user", user,
                "--password", password, "--refresh-token", refreshToken, "--anonymous", tokenAnonymousRepository,
                "--log", tokenLog,
            ],
            log: folder.appendingPathComponent("issuer.stderr").path)

        let port = try RegistryProcesses.freePort()
        let config = """
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: \(storage.dataDirectory)
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:\(port)
              secret: \(UUID().uuidString)
            auth:
              token:
                realm: http://127.0.0.1:\(issuer.ports[0])/token
                service: ballast-test-registry
                issuer: ballast-test-issuer
                rootcertbundle: \(cert)
            """
        let configPath = folder.appendingPathComponent("config.yml").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)

        let registry = Process()
        registry.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        registry.arguments = ["docker-registry", "serve", configPath]
        let logPath = folder.appendingPathComponent("registry.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        registry.standardOutput = log
        registry.standardError = log
        try registry.run()
        try RegistryProcesses.register("pid \(registry.processIdentifier)")
        try await RegistryProcesses.waitForRegistry("127.0.0.1:\(port)")

        return TestRegistry(
            host: "127.0.0.1:\(port)", dataDirectory: storage.dataDirectory, user: user, password: password,
            tokenLog: tokenLog)
    }
}
