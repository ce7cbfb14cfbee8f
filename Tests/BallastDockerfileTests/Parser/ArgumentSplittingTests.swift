import BallastDockerfile
import Testing

/// How each instruction's arguments are split into words, flags and pairs.
struct ArgumentSplittingTests {
    static let dumps: [(String, String)] = [
        ("ARG a='x y' b=\"1\\\"2\" c\\ d", "(arg \"a='x y'\" \"b=\\\"1\\\\\\\"2\\\"\" \"c\\\\ d\")"),
        ("ARG a=\"open", "(arg \"a=\\\"open\")"),
        ("ARG trailing\\", "(arg \"trailing\")"),
        // A single quote cannot be escaped inside single quotes, so the quote reopens and runs to the end.
        ("ENV a='it\\'s' b=\"\"", "(env \"a\" \"'it\\\\'s' b=\\\"\\\"\" \"=\")"),
        ("ENV A   spaced   value ", "(env \"A\" \"spaced   value\" \"\")"),
        ("LABEL \"com.example.key\"=\"v\"", "(label \"\\\"com.example.key\\\"\" \"\\\"v\\\"\" \"=\")"),
        ("COPY --chown=\"a b\" x y", "(copy [\"--chown=a b\"] \"x\" \"y\")"),
        ("COPY --a=1 --b --c=\\\"q \"x\"", "(copy [\"--a=1\" \"--b\" \"--c=\\\"q\"] \"\\\"x\\\"\")"),
        ("COPY -- --notaflag dest", "(copy \"--notaflag\" \"dest\")"),
        ("COPY -x y", "(copy \"-x\" \"y\")"),
        (
            "RUN --network=none --mount=type=secret,id=t   make   ",
            "(run [\"--network=none\" \"--mount=type=secret,id=t\"] \"make\")"
        ),
        ("EXPOSE 80/tcp\t443", "(expose \"80/tcp\" \"443\")"),
        ("FROM\u{0B}a\u{0C}b", "(from \"a\" \"b\")"),
        ("WORKDIR", "(workdir)"),
        ("HEALTHCHECK NONE", "(healthcheck \"NONE\")"),
    ]

    @Test(arguments: dumps)
    func argumentsSplitLikeBuildKit(line: String, expected: String) throws {
        let parsed = try DockerfileParser().parse(text: line + "\n", path: "Dockerfile")

        #expect(ParseTreeRenderer.render(parsed) == expected + "\n")
    }

    @Test func escapeDirectiveChangesWordEscapes() throws {
        let text = "# escape=`\nARG a=`\"x y`\" b=c\\d\nRUN dir c:\\ `\n  && echo\n"

        let parsed = try DockerfileParser().parse(text: text, path: "Dockerfile")

        #expect(
            ParseTreeRenderer.render(parsed)
                == "(arg \"a=`\\\"x\" \"y`\\\"\" \"b=c\\\\d\")\n(run \"dir c:\\\\   && echo\")\n"
        )
    }
}
