import Testing

@testable import BallastImage

@Suite("WWW-Authenticate challenges")
struct AuthChallengeTests {
    @Test(
        "challenges parse into scheme and parameters",
        arguments: [
            (
                #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io","#
                    + #"scope="repository:library/node:pull""#,
                [
                    AuthChallenge(
                        scheme: "bearer",
                        parameters: [
                            "realm": "https://auth.docker.io/token", "service": "registry.docker.io",
                            "scope": "repository:library/node:pull",
                        ])
                ]
            ),
            (#"Basic realm="testimages""#, [AuthChallenge(scheme: "basic", parameters: ["realm": "testimages"])]),
            (
                #"Basic realm="a, b", Bearer realm="https://t.example/token", error="invalid_token""#,
                [
                    AuthChallenge(scheme: "basic", parameters: ["realm": "a, b"]),
                    AuthChallenge(
                        scheme: "bearer", parameters: ["realm": "https://t.example/token", "error": "invalid_token"]),
                ]
            ),
            (
                #"BEARER Realm=unquoted ,Service="s""#,
                [AuthChallenge(scheme: "bearer", parameters: ["realm": "unquoted", "service": "s"])]
            ),
            ("", []),
        ])
    func parses(header: String, expected: [AuthChallenge]) {
        #expect(AuthChallenge.parse(header) == expected)
    }
}
