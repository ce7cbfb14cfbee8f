import Testing

@testable import BallastInventory

@Suite("os-release")
struct OSReleaseTests {
    @Test("Debian's file: quoted values, codename")
    func debian() {
        let text = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION_CODENAME=bookworm
            ID=debian
            """
        let release = OSRelease(parsing: text)
        #expect(release.id == "debian")
        #expect(release.versionID == "12")
        #expect(release.versionCodename == "bookworm")
        #expect(release.prettyName == "Debian GNU/Linux 12 (bookworm)")
    }

    @Test(
        "values unquote as a shell would",
        arguments: [
            ("ID=alpine", "alpine"),
            ("ID='wolfi'", "wolfi"),
            (#"ID="a \"quoted\" name""#, #"a "quoted" name"#),
            ("ID=\"unterminated", "unterminated"),
            ("  ID=spaced  ", "spaced"),
        ])
    func unquoting(line: String, expected: String) {
        #expect(OSRelease(parsing: line).id == expected)
    }

    @Test("comments and malformed lines are skipped")
    func comments() {
        let release = OSRelease(parsing: "# ID=commented\nGARBAGE\nID=real\n")
        #expect(release.id == "real")
    }

    @Test("the upstream part of an apk version")
    func apkVersion() {
        let database = "P:busybox\nV:1.36.1-r29\n\nP:musl\nV:1.2.5-r0\nA:x86_64\n"
        #expect(SystemFacts.apkVersion(of: "musl", in: database) == "1.2.5")
        #expect(SystemFacts.apkVersion(of: "zlib", in: database) == nil)
    }
}
