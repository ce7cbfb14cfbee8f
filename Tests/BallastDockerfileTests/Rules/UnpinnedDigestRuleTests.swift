import BallastDockerfile
import Testing

struct UnpinnedDigestRuleTests {
    @Test func flagsEachUnpinnedImage() throws {
        let dockerfile = "FROM node:22 AS build\nFROM build AS test\nFROM  gcr.io/distroless/nodejs22-debian12\n"

        #expect(
            try LintHarness.lines(dockerfile, rule: UnpinnedDigestRule()) == [
                "Dockerfile:1:6: info: [BL003] base image 'node:22' is not pinned by digest, so its content can "
                    + "change under the same tag; append @sha256:<digest> (ballast pin does this)",
                "Dockerfile:3:7: info: [BL003] base image 'gcr.io/distroless/nodejs22-debian12' is not pinned by "
                    + "digest, so its content can change under the same tag; append "
                    + "@sha256:<digest> (ballast pin does this)",
            ]
        )
    }

    static let clean = [
        "FROM node:22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM scratch\nCOPY a /\n",
    ]

    @Test(arguments: clean)
    func acceptsDigestsAndScratch(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: UnpinnedDigestRule()).isEmpty)
    }
}
