import BallastDockerfile
import Foundation
import Testing

struct LintRendererTests {
    static let findings = [
        LintFinding(
            path: "app/Dockerfile", line: 2, column: 1, severity: .warning, ruleID: "BL005",
            message: "the final stage runs 'npm install'",
            fix: LintFix(summary: "use npm ci", edits: [SourceEdit(range: 22..<33, replacement: "npm ci --omit=dev")])
        ),
        LintFinding(
            path: "app/Dockerfile", line: 1, column: 6, severity: .info, ruleID: "BL003", message: "not pinned"),
    ]

    @Test func textHasOneLinePerFinding() {
        let text = TextLintRenderer().render(Self.findings, rules: Linter.allRules)

        #expect(
            text == "app/Dockerfile:2:1: warning: [BL005] the final stage runs 'npm install'\n"
                + "app/Dockerfile:1:6: info: [BL003] not pinned\n"
        )
    }

    @Test func jsonHasSortedKeys() {
        let json = JSONLintRenderer().render([Self.findings[1]], rules: [])

        #expect(
            json == """
                [
                  {
                    "column" : 6,
                    "line" : 1,
                    "message" : "not pinned",
                    "path" : "app/Dockerfile",
                    "ruleID" : "BL003",
                    "severity" : "info"
                  }
                ]

                """
        )
    }

    @Test func jsonCarriesFixes() throws {
        let json = JSONLintRenderer().render([Self.findings[0]], rules: [])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        let fix = decoded?.first?["fix"] as? [String: Any]
        let edit = (fix?["edits"] as? [[String: Any]])?.first

        #expect(fix?["summary"] as? String == "use npm ci")
        #expect(edit?["start"] as? Int == 22)
        #expect(edit?["end"] as? Int == 33)
        #expect(edit?["replacement"] as? String == "npm ci --omit=dev")
    }

    @Test func sarifIsAValidLogWithRulesAndLocations() throws {
        let sarif = SARIFLintRenderer(toolVersion: "1.2.3").render(Self.findings, rules: Linter.allRules)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])

        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "ballast")
        #expect(driver["version"] as? String == "1.2.3")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 14)
        #expect(rules[4]["id"] as? String == "BL005")
        #expect((rules[4]["help"] as? [String: Any])?["text"] as? String == DevDependenciesRule().help)
        #expect((rules[4]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["BL005", "BL003"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [4, 2])
        #expect(results.map { $0["level"] as? String } == ["warning", "note"])
        let location = try #require(
            (results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "app/Dockerfile")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 1)
        #expect(region["startColumn"] as? Int == 6)
    }
}
