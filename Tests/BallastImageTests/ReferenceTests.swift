import BallastImage
import Testing

@Suite("Image references")
struct ReferenceTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    /// An accepted reference and its normalised parts.
    struct Accepted: Sendable, CustomTestStringConvertible {
        let input: String
        let domain: String
        let path: String
        let tag: String?
        let digest: String?
        var testDescription: String { input }
    }

    static let accepted: [Accepted] = [
        Accepted(input: "node", domain: "docker.io", path: "library/node", tag: "latest", digest: nil),
        Accepted(input: "node:22-slim", domain: "docker.io", path: "library/node", tag: "22-slim", digest: nil),
        Accepted(input: "library/node", domain: "docker.io", path: "library/node", tag: "latest", digest: nil),
        Accepted(input: "docker.io/node", domain: "docker.io", path: "library/node", tag: "latest", digest: nil),
        Accepted(
            input: "index.docker.io/library/node", domain: "docker.io", path: "library/node", tag: "latest",
            digest: nil),
        Accepted(input: "localhost:5000/x", domain: "localhost:5000", path: "x", tag: "latest", digest: nil),
        Accepted(input: "localhost/x", domain: "localhost", path: "x", tag: "latest", digest: nil),
        Accepted(
            input: "host:5000/ns/repo:tag@\(digest)", domain: "host:5000", path: "ns/repo", tag: "tag", digest: digest),
        Accepted(input: "node@\(digest)", domain: "docker.io", path: "library/node", tag: nil, digest: digest),
        Accepted(input: "[::1]:5000/x", domain: "[::1]:5000", path: "x", tag: "latest", digest: nil),
        Accepted(input: "ghcr.io/a/b/c", domain: "ghcr.io", path: "a/b/c", tag: "latest", digest: nil),
        Accepted(
            input: "gcr.io/distroless/nodejs22-debian12:nonroot", domain: "gcr.io",
            path: "distroless/nodejs22-debian12",
            tag: "nonroot", digest: nil),
        Accepted(
            input: "cgr.dev/chainguard/node:latest-dev", domain: "cgr.dev", path: "chainguard/node", tag: "latest-dev",
            digest: nil),
        Accepted(
            input: "my_org/my__app--x.y:1.0", domain: "docker.io", path: "my_org/my__app--x.y", tag: "1.0",
            digest: nil),
        Accepted(
            input: "node:" + String(repeating: "t", count: 128), domain: "docker.io", path: "library/node",
            tag: String(repeating: "t", count: 128), digest: nil),
    ]

    @Test("references normalise as docker pull does", arguments: accepted)
    func accepts(_ expected: Accepted) throws {
        let reference = try ImageReference(parsing: expected.input)

        #expect(reference.domain == expected.domain)
        #expect(reference.path == expected.path)
        #expect(reference.tag == expected.tag)
        #expect(reference.digest?.description == expected.digest)
    }

    @Test(
        "the fully qualified form names domain, path, tag and digest",
        arguments: [
            ("node", "docker.io/library/node:latest"),
            ("docker.io/node", "docker.io/library/node:latest"),
            ("localhost:5000/x", "localhost:5000/x:latest"),
            ("host:5000/ns/repo:tag@\(digest)", "host:5000/ns/repo:tag@\(digest)"),
        ])
    func description(input: String, expected: String) throws {
        #expect(try ImageReference(parsing: input).description == expected)
    }

    @Test(
        "the familiar name drops docker.io and library/",
        arguments: [
            ("node:22", "docker.io/library/node", "node"),
            ("ghcr.io/a/b", "ghcr.io/a/b", "ghcr.io/a/b"),
            ("bitnami/node", "docker.io/bitnami/node", "bitnami/node"),
        ])
    func familiarName(input: String, name: String, familiar: String) throws {
        let reference = try ImageReference(parsing: input)
        #expect(reference.name == name)
        #expect(reference.familiarName == familiar)
    }

    static let longName = String(repeating: "a", count: 256)
    static let longTag = "node:" + String(repeating: "t", count: 129)
    static let tagRule = "a tag is 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'"
    static let componentRule =
        "is not a valid path component (lowercase letters and digits, separated by '.', '_', '__' or '-')"

    static let rejected: [(String, String)] = [
        ("Node", "invalid image reference 'Node': repository names must be lowercase"),
        ("ghcr.io/Org/app", "invalid image reference 'ghcr.io/Org/app': repository names must be lowercase"),
        ("node:", "invalid image reference 'node:': " + tagRule),
        (
            "node@sha256:abc",
            "invalid image reference 'node@sha256:abc': the digest must be sha256: followed by 64 lowercase hex digits"
        ),
        ("-node", "invalid image reference '-node': '-node' " + componentRule),
        ("a//b", "invalid image reference 'a//b': '' " + componentRule),
        ("node/app_", "invalid image reference 'node/app_': 'app_' " + componentRule),
        (longName, "invalid image reference '" + longName + "': the repository name is longer than 255 characters"),
        (longTag, "invalid image reference '" + longTag + "': " + tagRule),
        ("", "empty image reference; name an image such as node:22-slim or localhost:5000/app:1.0"),
    ]

    @Test("invalid references are rejected with the reason", arguments: rejected)
    func rejects(input: String, message: String) {
        let error = #expect(throws: ReferenceError.self) { try ImageReference(parsing: input) }
        #expect(error?.description == message)
    }
}
