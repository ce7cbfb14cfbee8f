import BallastInventory
import Foundation
import Testing

@testable import BallastMatching
@testable import BallastPolicy

@Suite("Policy")
struct PolicyTests {
    private func finding(
        _ id: String, severity: String = "high", fixed: String? = "1.0.1", scope: Component.Scope = .app
    )
        -> Finding
    {
        let component = Component(
            kind: .npm, name: "left-pad", version: "1.0.0", scope: scope, purl: "pkg:npm/left-pad@1.0.0",
            paths: ["app/node_modules/left-pad/package.json"])
        return Finding(
            id: id, aliases: ["GHSA-aaaa-bbbb-cccc"], summary: nil, component: ComponentReference(component),
            matchedPackage: "left-pad", matchedVersion: "1.0.0", fixedVersion: fixed,
            status: fixed == nil ? "open" : "fixed",
            statusReason: nil, severity: severity, severitySource: "vendor", vendorSeverity: severity, cvssScore: nil,
            cvssVector: nil, urgency: nil, kevDateAdded: nil, epssScore: nil, epssPercentile: nil, references: [],
            feeds: [])
    }

    @Test(
        "severities order and thresholds",
        arguments: [(9.8, Severity.critical), (7.0, .high), (6.9, .medium), (3.9, .low), (0.0, .unknown)])
    func cvssSeverity(score: Double, expected: Severity) {
        #expect(Severity(cvss: score) == expected)
    }

    @Test("a severity gate counts findings at or above it; filters run before gates")
    func gates() {
        var policy = Policy(today: "2026-12-03")
        policy.gates = [.severity(.high)]
        let findings = [
            finding("CVE-1", severity: "critical"), finding("CVE-2", severity: "medium"), finding("CVE-3", fixed: nil),
        ]
        let outcome = policy.apply(to: findings, imageDigests: [])
        #expect(outcome.failedGates.map(\.count) == [2])
        policy.ignoreUnfixed = true
        #expect(policy.apply(to: findings, imageDigests: []).failedGates.map(\.count) == [1])
        policy.scopes = ["os"]
        #expect(policy.apply(to: findings, imageDigests: []).passed)
    }

    @Test("VEX products match by purl without qualifiers, by image digest, or everywhere when absent")
    func suppressionProducts() {
        let target = finding("CVE-1")
        func statement(_ products: [String]) -> Suppression {
            Suppression(vulnerability: "GHSA-aaaa-bbbb-cccc", products: products, status: "not_affected", source: "t")
        }
        #expect(statement([]).covers(target, imageDigests: []))
        #expect(statement(["pkg:npm/left-pad@1.0.0?foo=bar"]).covers(target, imageDigests: []))
        #expect(statement(["pkg:npm/left-pad"]).covers(target, imageDigests: []))
        #expect(!statement(["pkg:npm/left-pad@2.0.0"]).covers(target, imageDigests: []))
        #expect(statement(["pkg:oci/app@sha256:abc"]).covers(target, imageDigests: ["sha256:abc"]))
    }

    @Test("CycloneDX VEX analysis states that need no action suppress")
    func cycloneDXVEX() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vex-\(UUID().uuidString).json")
        try Data(
            """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "vulnerabilities": [
              {"id": "CVE-1", "analysis": {"state": "not_affected", "justification": "code_not_reachable"},
               "affects": [{"ref": "pkg:npm/left-pad@1.0.0"}]},
              {"id": "CVE-2", "analysis": {"state": "exploitable"}, "affects": [{"ref": "pkg:npm/left-pad@1.0.0"}]}]}
            """.utf8
        ).write(to: url)
        let statements = try VEXDocument.suppressions(path: url.path)
        #expect(statements.map(\.vulnerability) == ["CVE-1"])
        #expect(statements.first?.justification == "code_not_reachable")
    }

    @Test("ignore entries need a date and a reason")
    func ignoreFileErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ignore-\(UUID().uuidString)")
        try Data("# comment\nCVE-1 until 2027-01-01\n".utf8).write(to: url)
        #expect(throws: PolicyError.invalidIgnoreEntry(path: url.path, line: 2, reason: "'CVE-1' gives no reason")) {
            try IgnoreFile.entries(path: url.path)
        }
        try Data("CVE-1 forever\n".utf8).write(to: url)
        #expect(throws: PolicyError.invalidIgnoreEntry(path: url.path, line: 1, reason: "'CVE-1' has no expiry date")) {
            try IgnoreFile.entries(path: url.path)
        }
    }
}
