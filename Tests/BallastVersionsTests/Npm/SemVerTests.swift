import BallastVersions
import Testing

@Suite struct SemVerTests {
    @Test(
        "Precedence rules of SemVer 2.0",
        arguments: [
            ("1.0.0-alpha", "1.0.0", -1),  // a prerelease sorts before its release
            ("1.0.0-alpha", "1.0.0-alpha.1", -1),  // more identifiers win a tie
            ("1.0.0-2", "1.0.0-10", -1),  // numeric identifiers compare as numbers
            ("1.0.0-10", "1.0.0-a", -1),  // numbers sort before text
            ("1.0.0-B", "1.0.0-a", -1),  // text compares by character code
            ("1.0.0+a", "1.0.0+b", 0),  // build metadata is ignored
            ("1.10.0", "1.9.0", 1),  // numbers, not text
            ("v1.2.3", "1.2.3", 0),  // a leading v is accepted
            ("1.0.0-9007199254740992", "1.0.0-9007199254740991", 1),  // big numbers stay numbers
        ]
    )
    func precedence(a: String, b: String, expected: Int) throws {
        #expect(try SemVer(parsing: a).compare(to: SemVer(parsing: b)) == expected)
    }

    @Test(
        "Loose parsing accepts what strict parsing rejects",
        arguments: [
            ("01.02.03", "1.2.3"),  // leading zeros
            ("=1.2.3", "1.2.3"),  // an equals sign
            ("v 1.2.3", "1.2.3"),  // a space after the v
            ("1.2.3beta", "1.2.3-beta"),  // a prerelease without its hyphen
            ("1.2.3-01", "1.2.3-1"),  // numeric identifiers lose their zeros
            ("1.2.3-00000000000000000007", "1.2.3-7"),  // however many there are
            ("1.2.34.5", "1.2.3-4.5"),  // the last patch digit starts the prerelease
        ]
    )
    func loose(text: String, expected: String) throws {
        #expect(throws: VersionError.self) { try SemVer(parsing: text) }
        #expect(try SemVer(parsing: text, loose: true).description == expected)
    }

    @Test(
        "Rejections name the rule",
        arguments: [
            ("1.2", "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]"),
            ("9007199254740992.0.0", "the major version is larger than 9007199254740991"),
            (String(repeating: "1", count: 257), "it is longer than 256 characters"),
        ]
    )
    func rejected(text: String, reason: String) {
        #expect(throws: VersionError.invalidVersion(text, ecosystem: .npm, reason: reason)) {
            try SemVer(parsing: text)
        }
    }

    @Test func errorMessageNamesVersionAndEcosystem() {
        let error = VersionError.invalidVersion("1.2", ecosystem: .npm, reason: "expected MAJOR.MINOR.PATCH")
        #expect(
            error.description
                == "'1.2' is not a valid npm (semver) version: expected MAJOR.MINOR.PATCH; "
                + "npm versions look like 1.2.3 or v1.2.3-beta.1")
    }

    @Test func buildMetadataIsKeptButNotPrinted() throws {
        let version = try SemVer(parsing: " 1.2.3-rc.1+build.7 ")
        #expect(version.build == ["build", "7"])
        #expect(version.prerelease == [.alphanumeric("rc"), .numeric(1)])
        #expect(version.description == "1.2.3-rc.1")
    }
}
