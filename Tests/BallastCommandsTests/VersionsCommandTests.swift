import BallastTestSupport
import Foundation
import Testing

/// `ballast versions` answers as the oracles in ../shared/conformance do, line for line.
@Suite("ballast versions")
struct VersionsCommandTests {
    static let conformance = BallastProcess.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance")

    @Test(
        "piped conformance files come back with the oracle's answers",
        arguments: [
            ("dpkg-versions.tsv", "compare", "deb"), ("apk-versions.tsv", "compare", "apk"),
            ("semver-compare.tsv", "compare", "npm"), ("semver-ranges.tsv", "satisfies", "npm"),
        ])
    func conformanceThroughTheCommandLine(file: String, action: String, ecosystem: String) throws {
        let text = try String(contentsOf: Self.conformance.appendingPathComponent(file), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let input = rows.map { "\($0[0])\t\($0[1])" }.joined(separator: "\n") + "\n"
        let result = try BallastProcess.run(["versions", action, "-", "--ecosystem", ecosystem], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = result.stdout.split(separator: "\n").map(String.init)
        #expect(answers == rows.map { String($0[2]) })
    }

    @Test(
        "single answers in words people read",
        arguments: [
            (["compare", "1:1.0", "2.0", "-e", "deb"], ">\n"), (["compare", "1.0~rc1", "1.0", "-e", "deb"], "<\n"),
            (["compare", "1.2.5-r0", "1.2.5-r0", "-e", "apk"], "=\n"),
            (["satisfies", "4.17.20", "<4.17.21", "-e", "npm"], "true\n"),
            (["satisfies", "2.36-9+deb12u13", ">= 2.36, << 2.36-9+deb12u10", "-e", "deb"], "false\n"),
        ])
    func singleAnswers(arguments: [String], expected: String) throws {
        let result = try BallastProcess.run(["versions"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test("a missing or unknown ecosystem is a usage error listing the valid ones")
    func unknownEcosystem() throws {
        let result = try BallastProcess.run(["versions", "compare", "1", "2", "--ecosystem", "rpm"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: invalid value 'rpm' for --ecosystem; valid values: deb, apk, npm\n")
    }
}
