import BallastCore
import Foundation
import Testing

@testable import BallastImage

@Suite("Docker credential store")
struct DockerCredentialStoreTests {
    @Test(
        "config keys match the registry they name",
        arguments: [
            ("https://index.docker.io/v1/", "docker.io", true),
            ("docker.io", "docker.io", true),
            ("registry-1.docker.io", "docker.io", true),
            ("ghcr.io", "docker.io", false),
            ("ghcr.io", "ghcr.io", true),
            ("https://ghcr.io", "ghcr.io", true),
            ("http://localhost:5000/v2/", "localhost:5000", true),
            ("localhost:5000", "localhost:5001", false),
            ("localhost", "localhost:5000", false),
        ])
    func matches(key: String, domain: String, expected: Bool) {
        #expect(DockerCredentialStore.matches(key, domain) == expected)
    }

    @Test("auths entries give user, password and identity token; other registries get nothing")
    func authsEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-docker-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            {"auths": {
              "https://index.docker.io/v1/": {"auth": "\(Data("hub:pa:ss".utf8).base64EncodedString())"},
              "ghcr.io": {"username": "gh", "password": "pw"},
              "quay.io": {"auth": "", "identitytoken": "refresh"}
            }}
            """
        try config.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        let store = DockerCredentialStore(configDirectory: folder, environment: [:], logger: .silent)

        #expect(store.credential(for: "docker.io") == RegistryCredential(username: "hub", password: "pa:ss"))
        #expect(store.credential(for: "ghcr.io") == RegistryCredential(username: "gh", password: "pw"))
        #expect(
            store.credential(for: "quay.io") == RegistryCredential(username: "", password: "", identityToken: "refresh")
        )
        #expect(store.credential(for: "gcr.io") == nil)
    }

    @Test("a credential's description never shows the secret")
    func descriptionHidesSecrets() {
        let credential = RegistryCredential(username: "tester", password: "s3cret", identityToken: "tok")
        #expect(String(describing: credential) == "identity token of user tester")
        #expect(!String(describing: RegistryCredential(username: "u", password: "s3cret")).contains("s3cret"))
    }
}
