import BallastDockerfile
import Foundation
import Testing

/// Random and hostile input must give a parse or a ``DockerfileError``, never a crash.
struct HostileInputTests {
    /// A small deterministic generator, so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "FROM ", "from ", "node:22", "${A", "${A:-x}", "$A", "}", " AS ", "b", "RUN ", "CMD ", "ONBUILD ", "COPY ",
        "HEALTHCHECK ", "ENV ", "LABEL ", "ARG ", "A=1", "=", "\"", "'", "\\", "`", "\n", "\r\n", " ", "\t",
        "[", "]", ",", "\"x\"", "<<EOF", "<<-'E'", "EOF", "\tE", "#", "# escape=`", "--from=b", "--", "é", "\u{FEFF}",
        "[\"a\", [1]]", "\\u0000", "USER root", "npm install", "apt-get install x",
    ]

    @Test func randomFragmentsNeverCrash() throws {
        var generator = SplitMix(state: 20_260_101)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            exercise(text)
        }
    }

    static let hostile = [
        "\\", "\\\n", "FROM x\\", "FROM x\n\\\n\\\n", "#", "# escape=`\n`", "FROM ${", "FROM ${}", "FROM $",
        "FROM x\nRUN <<", "FROM x\nRUN <<EOF\n", "FROM x\nONBUILD", "FROM x\nONBUILD ONBUILD RUN a", "FROM x AS",
        "FROM x\nHEALTHCHECK CMD", "FROM x\nENV a=", "FROM x\nCOPY [", "FROM x\nCMD [\"\\ud800\"]",
        "CMD " + String(repeating: "[", count: 200_000),
        "CMD [" + String(repeating: "[", count: 9_000)
            + String(repeating: "]", count: 9_001), "FROM x\nRUN " + String(repeating: "\\\n", count: 2000) + "a",
    ]

    @Test(arguments: hostile)
    func hostileInputNeverCrashes(text: String) {
        exercise(text)
    }

    private func exercise(_ text: String) {
        guard let dockerfile = try? DockerfileParser().parse(text: text, path: "Dockerfile") else { return }
        _ = ParseTreeRenderer.render(dockerfile)
        let context = LintContext(today: CalendarDate(year: 2026, month: 12, day: 3))
        guard let findings = try? Linter().lint(dockerfile, context: context) else { return }
        _ = try? LintFixer.apply(findings, to: text)
        _ = SARIFLintRenderer().render(findings, rules: Linter.allRules)
    }
}
