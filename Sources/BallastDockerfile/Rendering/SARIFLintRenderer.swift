/// Findings as a SARIF 2.1.0 log, the format code-scanning services import.
///
/// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html. One run whose
/// `tool.driver` is `ballast` with every rule that ran (`id`, `name`, `shortDescription`,
/// `fullDescription`, `help`, `defaultConfiguration.level`), and one result per finding with a
/// physical location (`artifactLocation.uri`, `region.startLine`, `region.startColumn`).
public struct SARIFLintRenderer: LintRenderer {
    public let toolVersion: String
    /// Where rule documents live; each rule's `helpUri` is this plus `<ID>.md`. Omitted when `nil`.
    public let informationURIBase: String?

    public init(toolVersion: String = "0.1.0", informationURIBase: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURIBase = informationURIBase
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [Rule]
    }

    struct Message: Encodable {
        let text: String
    }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let helpUri: String?
        let defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    public func render(_ findings: [LintFinding], rules: [any LintRule]) -> String {
        let sortedRules = rules.sorted { $0.id < $1.id }
        let driverRules = sortedRules.map { rule in
            Rule(
                id: rule.id, name: rule.name, shortDescription: Message(text: rule.summary),
                fullDescription: Message(text: rule.help), help: Message(text: rule.help),
                helpUri: informationURIBase.map { $0 + rule.id + ".md" },
                defaultConfiguration: Configuration(level: rule.severity.sarifLevel)
            )
        }
        let results = findings.map { finding in
            Result(
                ruleId: finding.ruleID, ruleIndex: sortedRules.firstIndex { $0.id == finding.ruleID },
                level: finding.severity.sarifLevel, message: Message(text: finding.message),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: finding.path),
                            region: Region(startLine: finding.line, startColumn: finding.column)
                        )
                    )
                ]
            )
        }
        let driver = Driver(
            name: "ballast", version: toolVersion, rules: driverRules
        )
        return JSONLintRenderer.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }
}
