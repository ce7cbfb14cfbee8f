import BallastVersions
import Testing

@Suite struct AlpineVersionTests {
    @Test(
        "Ordering rules of apk-tools",
        arguments: [
            ("1.0_rc1", "1.0", -1),  // _alpha _beta _pre _rc come before the release
            ("1.0_alpha", "1.0_beta", -1),
            ("1.0_p1", "1.0", 1),  // _cvs _svn _git _hg _p come after it
            ("1.0_git1", "1.0_p1", -1),
            ("1.0", "1.0a", -1),  // a letter comes after the bare number
            ("1.0a", "1.0.1", -1),  // but before another component
            ("1.0-r1", "1.0", 1),  // a revision comes after
            ("1.0-r9", "1.0-r10", -1),  // revisions are numbers
            ("1.2.0", "1.2.001", -1),  // a leading zero compares the component as text
            ("1.2.0015", "1.2.002", -1),
            ("1.0~abc", "1.0~abd", -1),  // commit hashes compare as text
            ("23_foo", "4_beta", 1),  // pieces before a malformed one still count
            ("1.0", "1.0bc", -1),  // from a malformed piece on, text decides
        ]
    )
    func ordersAsApk(a: String, b: String, expected: Int) {
        #expect(AlpineVersion(a).compare(to: AlpineVersion(b)) == expected)
        #expect(AlpineVersion(b).compare(to: AlpineVersion(a)) == -expected)
    }

    @Test(
        "Fuzzy match is a prefix match on components",
        arguments: [("3.6.9", "3.6", true), ("3.6_pre1", "3.6", true), ("3.60", "3.6", false), ("3.8", "3.8.1", false)]
    )
    func fuzzy(version: String, prefix: String, expected: Bool) {
        #expect(AlpineVersion(version).fuzzyMatches(AlpineVersion(prefix)) == expected)
    }

    @Test func validationNamesTheGrammar() {
        #expect(throws: VersionError.self) { try AlpineVersion(validating: "1.0-r") }
        #expect(
            VersionError.invalidVersion(
                "1.0-r", ecosystem: .apk, reason: "expected digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]"
            ).description
                == "'1.0-r' is not a valid Alpine (apk) version: expected digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]; "
                + "Alpine versions look like 1.2.3_rc1-r0"
        )
    }
}
