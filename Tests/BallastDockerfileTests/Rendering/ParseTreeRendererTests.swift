import BallastDockerfile
import Testing

struct ParseTreeRendererTests {
    static let quotes: [(String, String)] = [
        ("plain", "\"plain\""),
        ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("\u{07}\u{08}\u{0C}\n\r\t\u{0B}", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        ("\u{00}\u{1B}\u{7F}", "\"\\x00\\x1b\\x7f\""),
        ("é ♥ ☃ 😀", "\"é ♥ ☃ 😀\""),
        ("\u{85}\u{A0}\u{200B}", "\"\\u0085\\u00a0\\u200b\""),
        ("\u{E0001}", "\"\\U000e0001\""),
    ]

    @Test(arguments: quotes)
    func quotesLikeGo(text: String, expected: String) {
        #expect(ParseTreeRenderer.quote(text) == expected)
    }

    @Test func flagsAndNestedInstructionsAreDumped() throws {
        let text = "ONBUILD COPY --from=build --chown=1:1 a b\nHEALTHCHECK --interval=5s NONE\n"

        let parsed = try DockerfileParser().parse(text: text, path: "Dockerfile")

        #expect(
            ParseTreeRenderer.render(parsed)
                == "(onbuild (copy [\"--from=build\" \"--chown=1:1\"] \"a\" \"b\"))\n"
                + "(healthcheck [\"--interval=5s\"] \"NONE\")\n"
        )
    }
}
