import BallastVersions
import Testing

@Suite struct VersionConstraintTests {
    @Test(
        "Relation lists per ecosystem",
        arguments: [
            ("1.2.5-1", ">= 1.2, << 1.3", Ecosystem.deb, true),
            ("1.3~rc1", ">= 1.2, << 1.3", .deb, true),  // a tilde release sorts before 1.3
            ("1.2-1", "<< 1.2-1", .deb, false),
            ("1.2-1", "<=1.2-1", .deb, true),
            ("1:0.9", ">> 1.0", .deb, true),  // the epoch wins
            ("1.2.3-r1", ">= 1.2, < 1.3", .apk, true),
            ("1.3_rc1", "< 1.3", .apk, true),
            ("3.6.9", "~3.6", .apk, true),
            ("3.5", "<~ 3.6", .apk, true),
            ("3.7", "<~ 3.6", .apk, false),
        ]
    )
    func satisfied(version: String, constraint: String, ecosystem: Ecosystem, expected: Bool) throws {
        #expect(try VersionConstraint(parsing: constraint, in: ecosystem).isSatisfied(by: version) == expected)
    }

    @Test(
        "Rejections say what to write instead",
        arguments: [
            (
                "~ 1.2", Ecosystem.deb,
                "'~ 1.2' is not a valid Debian (dpkg) constraint: '~' is not an operator here "
                    + "(use <<, <=, =, >=, >>, < or >); write comma-separated relations such as '>= 1.2, << 1.3'"
            ),
            (
                ">= 1.2,", .apk,
                "'>= 1.2,' is not a valid Alpine (apk) constraint: a relation is empty; "
                    + "write comma-separated relations such as '>= 1.2, << 1.3'"
            ),
            (
                "1.2", .apk,
                "'1.2' is not a valid Alpine (apk) constraint: '1.2' has no operator (use <, <=, =, >=, >, ~, <~ or >~); "
                    + "write comma-separated relations such as '>= 1.2, << 1.3'"
            ),
            (
                ">= 1.0-", .deb,
                "'>= 1.0-' is not a valid Debian (dpkg) constraint: version '1.0-': revision number is empty; "
                    + "write comma-separated relations such as '>= 1.2, << 1.3'"
            ),
        ]
    )
    func rejected(constraint: String, ecosystem: Ecosystem, message: String) {
        do {
            _ = try VersionConstraint(parsing: constraint, in: ecosystem)
            Issue.record("'\(constraint)' was accepted")
        } catch {
            #expect(String(describing: error) == message)
        }
    }
}
