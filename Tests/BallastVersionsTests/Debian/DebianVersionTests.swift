import BallastVersions
import Testing

@Suite struct DebianVersionTests {
    @Test(
        "Ordering rules of deb-version(5)",
        arguments: [
            ("1.0~rc1", "1.0", -1),  // tilde sorts before the end of the string
            ("1.0~~", "1.0~", -1),  // and before another tilde's end
            ("1.0a", "1.0+", -1),  // letters sort before other characters
            ("1.0", "1.0a", -1),  // the end of the string sorts before letters
            ("1.01", "1.1", 0),  // leading zeros do not count
            ("1:0.1", "2.0", 1),  // the epoch wins
            ("0:1.0", "1.0", 0),  // a zero epoch equals none
            ("1.0", "1.0-0", 0),  // no revision equals revision 0
            ("1.0-1", "1.0-1+b1", -1),  // a binNMU sorts after its source
            ("1.0+deb12u9", "1.0+deb12u10", -1),  // digit runs compare as numbers
            ("99999999999999999999999", "99999999999999999999998", 1),  // beyond 64 bits
            ("1.0-a-b", "1.0-a-c", -1),  // only the last hyphen splits the revision
        ]
    )
    func ordersAsDpkg(a: String, b: String, expected: Int) throws {
        #expect(try DebianVersion(parsing: a).compare(to: DebianVersion(parsing: b)) == expected)
    }

    @Test(
        "dpkg refuses these outright",
        arguments: [
            ("", "version string is empty"),
            ("  ", "version string is empty"),  // blanks are trimmed first
            ("1.0 2", "version string has embedded spaces"),
            (":1.0", "epoch in version is empty"),
            ("a:1.0", "epoch in version is empty"),
            ("1a:1.0", "epoch in version is not number"),
            ("-1:1.0", "epoch in version is negative"),
            ("9999999999:1.0", "epoch in version is too big"),
            ("1:", "nothing after colon in version number"),
            ("1: ", "version number is empty"),  // a trailing blank is something after the colon
            ("1.0-", "revision number is empty"),
            ("-1", "version number is empty"),
        ]
    )
    func refused(text: String, reason: String) {
        #expect(throws: VersionError.invalidVersion(text, ecosystem: .deb, reason: reason)) {
            try DebianVersion(parsing: text)
        }
    }

    @Test(
        "The full syntax check rejects what dpkg warns about",
        arguments: [
            ("a1.0", "version number does not start with digit"),
            ("1.0_1", "invalid character in version number"),
            ("1.0-1_2", "invalid character in revision number"),
            ("1.0-1@2", "invalid character in revision number"),
        ]
    )
    func warned(text: String, reason: String) throws {
        _ = try DebianVersion(parsing: text)
        #expect(throws: VersionError.invalidVersion(text, ecosystem: .deb, reason: reason)) {
            try DebianVersion.validate(text)
        }
    }

    @Test func errorMessageNamesVersionAndEcosystem() {
        let error = VersionError.invalidVersion("1.0-", ecosystem: .deb, reason: "revision number is empty")
        #expect(
            error.description
                == "'1.0-' is not a valid Debian (dpkg) version: revision number is empty; "
                + "Debian versions look like [epoch:]upstream[-revision], such as 1:2.36-9+deb12u4")
    }

    @Test func leadingAndTrailingBlanksAreIgnored() throws {
        let version = try DebianVersion(parsing: "  2:1.0-3\t")
        #expect(version.epoch == 2 && version.upstream == "1.0" && version.revision == "3")
        #expect(version.description == "2:1.0-3")
    }
}
