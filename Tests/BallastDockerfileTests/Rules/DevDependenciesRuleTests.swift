import BallastDockerfile
import Testing

struct DevDependenciesRuleTests {
    static let triggers: [(String, [String])] = [
        (
            "FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\n",
            [
                "Dockerfile:4:1: warning: [BL005] the final stage runs 'npm install', which installs devDependencies "
                    + "and may stray from the lockfile; use 'npm ci --omit=dev'"
            ]
        ),
        (
            "FROM node:22-slim\nRUN npm ci && npm cache clean --force\n",
            [
                "Dockerfile:2:1: warning: [BL005] the final stage runs 'npm ci' without --omit=dev, so devDependencies "
                    + "ship in the image; use 'npm ci --omit=dev'"
            ]
        ),
        (
            "FROM node:22 AS deps\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /app/node_modules ./node_modules\n",
            [
                "Dockerfile:4:1: warning: [BL005] node_modules is copied from stage 'deps', which installed "
                    + "devDependencies; run 'npm prune --omit=dev' there first, or install with 'npm ci --omit=dev'"
            ]
        ),
    ]

    @Test(arguments: triggers)
    func flagsDevDependenciesInTheFinalStage(dockerfile: String, expected: [String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: DevDependenciesRule()) == expected)
    }

    static let clean = [
        "FROM node:22-slim\nRUN npm ci --omit=dev\n",
        "FROM node:22 AS build\nRUN npm install\nFROM node:22-slim\nRUN npm install -g pm2\n",
        "FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci\n",
        "FROM node:22 AS deps\nRUN npm ci && npm prune --omit=dev\nFROM node:22-slim\nCOPY "
            + "--from=deps /app/node_modules ./node_modules\n",
        "FROM node:22 AS deps\nRUN npm ci --omit=dev\nFROM node:22-slim\nCOPY --from=deps "
            + "/app/node_modules ./node_modules\n",
    ]

    @Test(arguments: clean)
    func acceptsProductionInstalls(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: DevDependenciesRule()).isEmpty)
    }

    @Test func noFixWhenLaterScriptsMayNeedDevDependencies() throws {
        let findings = try LintHarness.findings(
            "FROM node:22-slim\nRUN npm install\nRUN npm run build\n", rule: DevDependenciesRule()
        )

        #expect(findings.count == 1)
        #expect(findings[0].fix == nil)
    }

    @Test func productionInstallStillPrefersCi() throws {
        #expect(
            try LintHarness.lines("FROM node:22-slim\nRUN npm install --omit=dev\n", rule: DevDependenciesRule()) == [
                "Dockerfile:2:1: warning: [BL005] the final stage runs 'npm install --omit=dev', which may stray from "
                    + "the lockfile; use 'npm ci --omit=dev'"
            ]
        )
    }

    @Test func fixReplacesNpmInstallAndRelintsClean() throws {
        let dockerfile = "FROM node:22-slim\n# deps\nRUN  npm install && \\\n    npm cache clean --force\n"

        let fixed = try LintHarness.fixed(dockerfile, rule: DevDependenciesRule())

        #expect(fixed == "FROM node:22-slim\n# deps\nRUN  npm ci --omit=dev && \\\n    npm cache clean --force\n")
        #expect(try LintHarness.lines(fixed, rule: DevDependenciesRule()).isEmpty)
    }
}
