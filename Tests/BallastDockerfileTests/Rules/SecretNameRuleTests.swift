import BallastDockerfile
import Testing

struct SecretNameRuleTests {
    @Test func flagsSecretLookingNames() throws {
        let dockerfile = """
            ARG NPM_TOKEN
            FROM node:22-slim
            ARG VERSION=1 github_api_key=x
            ENV DB_PASSWORD=hunter2 PORT=3000
            ENV CLIENT_SECRET value

            """

        #expect(
            try LintHarness.lines(dockerfile, rule: SecretNameRule()) == [
                "Dockerfile:1:5: warning: [BL013] ARG NPM_TOKEN looks like a secret, and its "
                    + "value is readable from the "
                    + "build history; pass it with RUN --mount=type=secret,id=npm_token instead",
                "Dockerfile:3:15: warning: [BL013] ARG github_api_key looks like a secret, and its value is readable "
                    + "from the build history; pass it with RUN --mount=type=secret,id=github_api_key instead",
                "Dockerfile:4:5: warning: [BL013] ENV DB_PASSWORD looks like a secret, and its value is readable from "
                    + "the image configuration; pass it with RUN --mount=type=secret,id=db_password instead",
                "Dockerfile:5:5: warning: [BL013] ENV CLIENT_SECRET looks like a secret, and its value is readable "
                    + "from the image configuration; pass it with RUN --mount=type=secret,id=client_secret instead",
            ]
        )
    }

    static let clean = [
        "FROM node:22-slim\nENV NODE_ENV=production PORT=3000\n",
        "FROM node:22-slim\nENV DB_PASSWORD_FILE=/run/secrets/db\n",
        "FROM node:22-slim\nARG TOKENIZER_MODEL=small\n",
    ]

    @Test(arguments: clean)
    func acceptsOrdinaryNames(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: SecretNameRule()).isEmpty)
    }
}
