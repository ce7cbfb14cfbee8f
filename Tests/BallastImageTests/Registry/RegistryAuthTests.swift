import BallastCore
import BallastImage
import BallastTestSupport
import Foundation
import Testing

@Suite("Registry authentication")
struct RegistryAuthTests {
    /// The `auths` forms `docker login` and hand-written configs use.
    enum AuthsForm: String, CaseIterable {
        case base64Auth, usernamePassword, schemeAndPathInKey
    }

    @Test("basic auth pulls with credentials from the Docker config's auths", arguments: AuthsForm.allCases)
    func basicAuthWithAuths(form: AuthsForm) async throws {
        let registry = try await RegistryFixture.shared.basicAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let user = RegistryFixture.user
        let password = RegistryFixture.password
        let entry: [String: Any] =
            switch form {
            case .base64Auth, .schemeAndPathInKey: ["auth": Data("\(user):\(password)".utf8).base64EncodedString()]
            case .usernamePassword: ["username": user, "password": password]
            }
        let key = form == .schemeAndPathInKey ? "http://\(registry.host)/v2/" : registry.host
        try context.writeDockerConfig(["auths": [key: entry]])

        let image = try await resolve("distroless-node", on: registry.host, context.options(insecure: [registry.host]))

        #expect(image.manifestDigest?.description == (try ExpectedImage("distroless-node")).manifestDigest)
    }

    @Test("basic auth without credentials fails with a message that says to log in")
    func basicAuthWithoutCredentials() async throws {
        let registry = try await RegistryFixture.shared.basicAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }

        let error = await #expect(throws: RegistryError.self) {
            try await resolve("distroless-node", on: registry.host, context.options(insecure: [registry.host]))
        }

        #expect(
            error?.description
                == "registry \(registry.host) requires authentication to pull distroless/nodejs22-debian12 and no "
                + "credentials were found; run 'docker login \(registry.host)' or add credentials for it to "
                + "$DOCKER_CONFIG/config.json")
    }

    @Test("basic auth with a wrong password fails naming the registry")
    func basicAuthWithWrongPassword() async throws {
        let registry = try await RegistryFixture.shared.basicAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }
        try context.writeDockerConfig([
            "auths": [registry.host: ["username": RegistryFixture.user, "password": "nope"]]
        ])

        let error = await #expect(throws: RegistryError.self) {
            try await resolve("distroless-node", on: registry.host, context.options(insecure: [registry.host]))
        }

        #expect(
            error?.description
                == "registry \(registry.host) refused the stored credentials for distroless/nodejs22-debian12 "
                + "(HTTP 401); check access to the repository and run 'docker login \(registry.host)' again")
    }

    /// Where the config names the helper.
    enum HelperConfig: String, CaseIterable {
        case credHelpers, credsStore
    }

    @Test("credentials come from a docker-credential helper on PATH", arguments: HelperConfig.allCases)
    func credentialHelper(config: HelperConfig) async throws {
        let registry = try await RegistryFixture.shared.basicAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let bin = context.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let helper = bin.appendingPathComponent("docker-credential-ballasttest")
        let script = """
            #!/bin/sh
            [ "$1" = get ] || exit 2
            read -r server
            if [ "$server" = "\(registry.host)" ]; then
                printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}' "$server" \
                    "\(RegistryFixture.user)" "\(RegistryFixture.password)"
            else
                echo "credentials not found in native keychain"
                exit 1
            fi

            """
        try script.write(to: helper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
        switch config {
        case .credHelpers: try context.writeDockerConfig(["credHelpers": [registry.host: "ballasttest"]])
        case .credsStore: try context.writeDockerConfig(["credsStore": "ballasttest", "auths": [registry.host: [:]]])
        }
        let options = context.options(insecure: [registry.host], environment: ["PATH": "\(bin.path):/usr/bin:/bin"])

        let image = try await resolve("distroless-node", on: registry.host, options)

        #expect(image.manifestDigest?.description == (try ExpectedImage("distroless-node")).manifestDigest)
    }

    @Test("the token flow pulls anonymously where the token service allows it, and caches the token")
    func bearerTokenAnonymous() async throws {
        let registry = try await RegistryFixture.shared.tokenAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let options = context.options(insecure: [registry.host])
        let reference = try ImageReference(parsing: "\(registry.host)/distroless/nodejs22-debian12:latest")
        let source = try RegistryImageSource(reference: reference, options: options)

        let image = try await source.resolve()
        let digest = try await source.client.manifestDigest(for: reference)

        let expected = try ExpectedImage("distroless-node")
        #expect(image.manifestDigest?.description == expected.manifestDigest)
        #expect(digest.description == expected.manifestDigest)
        let requests = try tokenRequests(registry, scope: "repository:distroless/nodejs22-debian12:pull")
        #expect(requests.count == 1)
        #expect(requests.first?["caller"] as? String == "anonymous")
    }

    @Test("the token flow sends the stored credentials to the token service")
    func bearerTokenWithCredentials() async throws {
        let registry = try await RegistryFixture.shared.tokenAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }
        let auth = Data("\(RegistryFixture.user):\(RegistryFixture.password)".utf8).base64EncodedString()
        try context.writeDockerConfig(["auths": [registry.host: ["auth": auth]]])

        let image = try await resolve("alpine", on: registry.host, context.options(insecure: [registry.host]))

        #expect(image.manifestDigest?.description == (try ExpectedImage("alpine")).manifestDigest)
        let requests = try tokenRequests(registry, scope: "repository:node:pull")
        #expect(requests.contains { $0["caller"] as? String == RegistryFixture.user })
    }

    @Test("an identity token is exchanged at the token service with a refresh-token grant")
    func bearerTokenWithIdentityToken() async throws {
        let registry = try await RegistryFixture.shared.tokenAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }
        try context.writeDockerConfig([
            "auths": [registry.host: ["auth": "", "identitytoken": RegistryFixture.refreshToken]]
        ])

        let image = try await resolve("distroless", on: registry.host, context.options(insecure: [registry.host]))

        #expect(image.manifestDigest?.description == (try ExpectedImage("distroless")).manifestDigest)
        let requests = try tokenRequests(registry, scope: "repository:distroless/nodejs18-debian12:pull")
        #expect(requests.map { $0["caller"] as? String } == ["identity-token"])
    }

    @Test("the token flow without credentials fails where the token grants no access")
    func bearerTokenDenied() async throws {
        let registry = try await RegistryFixture.shared.tokenAuth()
        let context = try RegistryTestContext()
        defer { context.remove() }

        let error = await #expect(throws: RegistryError.self) {
            try await resolve("alpine", on: registry.host, context.options(insecure: [registry.host]))
        }

        #expect(
            error?.description
                == "registry \(registry.host) requires authentication to pull node and no credentials were found; "
                + "run 'docker login \(registry.host)' or add credentials for it to $DOCKER_CONFIG/config.json")
    }

    private func resolve(_ name: String, on host: String, _ options: RegistryOptions) async throws -> ResolvedImage {
        let expected = try ExpectedImage(name)
        let reference = try ImageReference(parsing: "\(host)/\(expected.repoTag)")
        return try await RegistryImageSource(reference: reference, options: options).resolve()
    }

    private func tokenRequests(_ registry: TestRegistry, scope: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: registry.tokenLog ?? "", encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }.filter { ($0["scope"] as? [String]) == [scope] }
    }
}
