import BallastVersions
import Testing

@Suite struct VersionComparisonTests {
    @Test(
        "One call per ecosystem",
        arguments: [
            ("1.0~rc1", "1.0", Ecosystem.deb, -1),
            ("1.0_rc1", "1.0", .apk, -1),
            ("1.0.0-rc.1", "1.0.0", .npm, -1),
            ("2:1.0", "1:9.9", .deb, 1),
            ("1.2.10", "1.2.9", .apk, 1),
            ("1.0.0+build.1", "1.0.0", .npm, 0),
        ]
    )
    func compares(a: String, b: String, ecosystem: Ecosystem, expected: Int) throws {
        #expect(try VersionComparison.compare(a, b, in: ecosystem) == expected)
    }

    @Test(
        "Ranges per ecosystem",
        arguments: [
            ("4.17.20", "<4.17.21", Ecosystem.npm, true),
            ("2.3.1", ">=2.0.0 <2.3.1 || ^3.0.0", .npm, false),
            ("1.2.5-1", ">= 1.2, << 1.3", .deb, true),
            ("1.3.0-r0", ">= 1.2, < 1.3", .apk, false),
        ]
    )
    func satisfies(version: String, range: String, ecosystem: Ecosystem, expected: Bool) throws {
        #expect(try VersionComparison.satisfies(version: version, range: range, in: ecosystem) == expected)
    }

    @Test func refusedVersionsAreNamedWithTheirEcosystem() {
        #expect(throws: VersionError.invalidVersion("1.0-", ecosystem: .deb, reason: "revision number is empty")) {
            try VersionComparison.compare("1.0-", "1.0", in: .deb)
        }
        #expect(
            throws: VersionError.invalidVersion(
                "1.2", ecosystem: .npm, reason: "expected MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]")
        ) {
            try VersionComparison.satisfies(version: "1.2", range: "^1.0.0", in: .npm)
        }
    }

    @Test(
        "OSV ecosystem names map to orderings",
        arguments: [
            ("Debian:12", Ecosystem.deb), ("Ubuntu:22.04:LTS", .deb), ("Alpine:v3.19", .apk), ("Wolfi", .apk),
            ("Chainguard", .apk), ("npm", .npm),
        ]
    )
    func osvNames(name: String, expected: Ecosystem) {
        #expect(Ecosystem(osvName: name) == expected)
    }

    @Test func unknownOSVEcosystemsAreNotGuessed() {
        #expect(Ecosystem(osvName: "PyPI") == nil)
    }
}
