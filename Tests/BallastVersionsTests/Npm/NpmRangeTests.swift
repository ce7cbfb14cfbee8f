import BallastVersions
import Testing

@Suite struct NpmRangeTests {
    @Test(
        "Desugaring to primitive comparators",
        arguments: [
            ("~1.2.3", ">=1.2.3 <1.3.0-0"),  // tilde allows patch-level changes
            ("~> 1.2", ">=1.2.0 <1.3.0-0"),  // the Ruby-style tilde and a space are accepted
            ("^0.2.3", ">=0.2.3 <0.3.0-0"),  // caret keeps the first non-zero part
            ("^0.0.x", "<0.1.0-0"),  // and >=0.0.0 disappears
            ("1.2 - 2", ">=1.2.0 <3.0.0-0"),  // partial hyphen ends widen
            (">1.2", ">=1.3.0"),  // an operator fills in the missing parts
            ("<=2.x", "<3.0.0-0"),
            (">*", "<0.0.0-0"),  // nothing is greater than everything
            ("* >=1.0.0", ">=1.0.0"),  // any is dropped beside other comparators
            ("1.2.3 =1.2.3", "1.2.3"),  // a comparator is kept once
            ("1.x ||", "*"),  // an empty alternative allows anything
            ("<0.0.0-0 || 1.2.3", "1.2.3"),  // unsatisfiable alternatives are dropped
            ("<0.0.0-0 || <0.0.0-0", "<0.0.0-0"),  // unless all are
            ("  >=1.2.3\t<2  ", ">=1.2.3 <2.0.0-0"),  // any white space separates
            ("1.2.3*", "1.2.3"),  // a stray star is dropped, as npm does
        ]
    )
    func normalized(range: String, expected: String) throws {
        #expect(try NpmRange(parsing: range).normalized == expected)
    }

    @Test(
        "Ranges npm rejects",
        arguments: [
            ">= 2.0.0, < 2.3.1",  // GitHub-style comma lists
            "1.2.3 - ",  // a hyphen range without its upper end
            "not-a-range",
            ">= 1.2.3 - 2",  // an operator before a hyphen range
            "01.2.3",  // leading zeros
            ">* 01",  // an invalid comparator after one nothing satisfies
            "=1.2.3 - 2",  // an equals sign inside a hyphen range
            "> = 1.2.3",  // a space between the characters of an operator
        ]
    )
    func rejected(range: String) {
        #expect(throws: VersionError.invalidRange(range)) { try NpmRange(parsing: range) }
    }

    @Test func rejectionMessageSuggestsTheSyntax() {
        #expect(
            VersionError.invalidRange(">= 2, < 3").description
                == "'>= 2, < 3' is not a valid npm version range; use node-semver syntax such as '>=1.2.3 <2.0.0' or '^1.2.3'"
        )
    }

    @Test(
        "Prereleases only match a set naming the same major.minor.patch with a prerelease",
        arguments: [
            ("1.2.4-beta", ">=1.2.4-alpha", true),
            ("1.3.0-beta", ">=1.2.0", false),
            ("1.2.3-beta.2", "^1.2.3-beta.1", true),
            ("1.2.4-beta.2", "^1.2.3-beta.1", false),
            ("1.2.4-beta", "<1.2.3-beta || >1.2.4-alpha", true),
            ("1.2.3", "*", true),
            ("1.2.3-0", "*", false),
            ("not a version", "*", false),
        ]
    )
    func prerelease(version: String, range: String, expected: Bool) throws {
        #expect(try NpmRange(parsing: range).contains(version) == expected)
    }
}
