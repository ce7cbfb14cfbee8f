import BallastDockerfile
import Testing

struct AptGetInstallRuleTests {
    static let triggers: [(String, [String])] = [
        (
            "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n",
            [
                "Dockerfile:2:1: warning: [BL011] RUN installs packages but does not remove /var/lib/apt/lists, which "
                    + "stays in the layer; end the same RUN with '&& rm -rf /var/lib/apt/lists/*'",
                "Dockerfile:2:1: warning: [BL011] apt-get install without --no-install-recommends also installs "
                    + "recommended packages; add --no-install-recommends",
            ]
        ),
        (
            "FROM debian:bookworm\nRUN apt-get update \\\n && apt-get -y install curl \\\n && "
                + "rm -rf /var/lib/apt/lists/*\n",
            [
                "Dockerfile:2:1: warning: [BL011] apt-get install without --no-install-recommends also installs "
                    + "recommended packages; add --no-install-recommends"
            ]
        ),
    ]

    @Test(arguments: triggers)
    func flagsAptHygiene(dockerfile: String, expected: [String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: AptGetInstallRule()) == expected)
    }

    static let clean = [
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
            + "    && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y "
            + "--no-install-recommends git\n",
        "FROM debian:bookworm\nRUN apt-get update\n",
    ]

    @Test(arguments: clean)
    func acceptsCleanInstalls(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: AptGetInstallRule()).isEmpty)
    }

    @Test func fixAddsTheFlagToEveryInstall() throws {
        let dockerfile = """
            FROM debian:bookworm
            RUN apt-get update && apt-get install -y curl \\
                && apt-get install -y git && rm -rf /var/lib/apt/lists/*

            """

        let fixed = try LintHarness.fixed(dockerfile, rule: AptGetInstallRule())

        #expect(
            fixed == """
                FROM debian:bookworm
                RUN apt-get update && apt-get install --no-install-recommends -y curl \\
                    && apt-get install --no-install-recommends -y git && rm -rf /var/lib/apt/lists/*

                """
        )
        #expect(try LintHarness.lines(fixed, rule: AptGetInstallRule()).isEmpty)
    }
}
