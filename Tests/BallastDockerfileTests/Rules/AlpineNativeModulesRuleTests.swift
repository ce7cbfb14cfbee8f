import BallastDockerfile
import Testing

struct AlpineNativeModulesRuleTests {
    static let lockV3 = """
        {"name": "app", "lockfileVersion": 3, "packages": {
          "": {"name": "app"},
          "node_modules/express": {"version": "4.21.0"},
          "node_modules/bcrypt": {"version": "5.1.1", "hasInstallScript": true},
          "node_modules/foo/node_modules/fsevents-like": {"version": "1.0.0", "gypfile": true},
          "node_modules/sharp": {"version": "0.33.5"}
        }}
        """

    static let lockV1 = """
        {"name": "app", "lockfileVersion": 1, "dependencies": {
          "express": {"version": "4.17.1", "dependencies": {"sqlite3": {"version": "5.0.0"}}}
        }}
        """

    static let triggers: [(String, String, String)] = [
        (
            "FROM node:22-alpine\nRUN npm ci --omit=dev\n", lockV3,
            "Dockerfile:1:6: warning: [BL010] stage '0' runs on Alpine (musl libc) but package-lock.json has native "
                + "packages (bcrypt, fsevents-like, sharp) whose prebuilt binaries mostly "
                + "target glibc: npm will compile "
                + "them (needing python3, make, g++) or they fail at run time; prefer a Debian-based image such as "
                + "node:22-bookworm-slim"
        ),
        (
            "FROM node:22-bookworm AS build\nRUN npm ci\nFROM node:22-alpine AS run\nCOPY --from=build /app /app\n",
            lockV1,
            "Dockerfile:3:6: warning: [BL010] stage 'run' runs on Alpine (musl libc) but package-lock.json has native "
                + "packages (sqlite3) whose prebuilt binaries mostly target glibc: npm will compile them (needing "
                + "python3, make, g++) or they fail at run time; prefer a Debian-based image "
                + "such as node:22-bookworm-slim"
        ),
    ]

    @Test(arguments: triggers)
    func flagsAlpineWithNativePackages(dockerfile: String, lock: String, expected: String) throws {
        let files = ["package-lock.json": lock]

        #expect(try LintHarness.lines(dockerfile, rule: AlpineNativeModulesRule(), files: files) == [expected])
    }

    static let clean: [(String, [String: String])] = [
        ("FROM node:22-alpine\nRUN npm ci\n", [:]),
        (
            "FROM node:22-alpine\nRUN npm ci\n",
            ["package-lock.json": #"{"lockfileVersion": 3, "packages": {"node_modules/express": {}}}"#]
        ),
        ("FROM node:22-bookworm-slim\nRUN npm ci\n", ["package-lock.json": lockV3]),
    ]

    @Test(arguments: clean)
    func acceptsGlibcImagesAndPureJavaScript(dockerfile: String, files: [String: String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: AlpineNativeModulesRule(), files: files).isEmpty)
    }
}
