import BallastDockerfile
import Testing

struct AddURLRuleTests {
    @Test func flagsUnverifiedDownloads() throws {
        let dockerfile = "FROM node:22-slim\nADD https://example.com/tool.tar.gz local.txt /opt/\n"

        #expect(
            try LintHarness.lines(dockerfile, rule: AddURLRule()) == [
                "Dockerfile:2:5: warning: [BL012] ADD downloads https://example.com/tool.tar.gz without verifying it; "
                    + "add --checksum=sha256:<digest> or download with curl and check the digest"
            ]
        )
    }

    static let clean = [
        "FROM node:22-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
            + "https://example.com/tool.tar.gz /opt/\n",
        "FROM node:22-slim\nADD app.tar.gz /opt/\n",
        "FROM node:22-slim\nCOPY https-notes.txt /opt/\n",
    ]

    @Test(arguments: clean)
    func acceptsLocalAndVerifiedSources(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: AddURLRule()).isEmpty)
    }
}
