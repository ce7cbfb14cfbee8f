import BallastVersions
import Foundation

/// Reads the Node.js security WG's advisories (https://github.com/nodejs/security-wg/tree/main/vuln):
/// `core/index.json` and `core/N.json` for Node.js itself, `npm/index.json` and `npm/N.json` for
/// npm packages.
///
/// Identifiers become `NSWG-CORE-N` and `NSWG-NPM-N`, the CVEs their aliases. Ranges are npm
/// ranges and must parse as node-semver parses them; an empty `patched` means no fix.
enum NodeSecurityParser {
    /// Parses an index (an object of advisories by id) or one advisory file named `N.json`.
    static func parse(_ data: Data, name: String, format: FeedFormat) throws -> FeedContent {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InvalidRecord("not a JSON object")
        }
        let single = object["vulnerable"] != nil || object["module_name"] != nil
        let advisories: [(String, Any)] =
            single
            ? [
                (
                    object["id"].map { "\($0)" }
                        ?? URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent, object
                )
            ]
            : object.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }.map { ($0.key, $0.value) }

        var content = FeedContent()
        for (key, value) in advisories {
            do {
                guard let advisory = value as? [String: Any] else {
                    throw InvalidRecord("advisory \(key) is not an object")
                }
                let (vulnerability, entry) =
                    format == .nodejsCore ? try core(advisory, key: key) : try npm(advisory, key: key)
                content.vulnerabilities.append(vulnerability)
                content.affected.append(entry)
                content.records += 1
            } catch let error as InvalidRecord {
                content.skip(error.reason)
            }
        }
        return content
    }

    private static func core(_ advisory: [String: Any], key: String) throws -> (Vulnerability, AffectedEntry) {
        let id = "NSWG-CORE-\(key)"
        guard let vulnerable = advisory["vulnerable"] as? String else {
            throw InvalidRecord("\(id) has no vulnerable range")
        }
        let patched = try ranges(vulnerable, advisory["patched"] as? String, id: id)
        let vulnerability = Vulnerability(
            id: id, aliases: advisory["cve"] as? [String] ?? [],
            summary: (advisory["description"] as? String) ?? OSVParser.firstLine(advisory["overview"]),
            published: advisory["publish_date"] as? String, severity: (advisory["severity"] as? String)?.lowercased(),
            cvssScore: number(advisory["cvss_score"]), cvssVector: advisory["cvss"] as? String,
            references: [advisory["ref"] as? String].compactMap { $0 })
        let entry = AffectedEntry(
            vulnerabilityID: id, ecosystem: .nodeCore, package: "node", rangeType: "npm",
            vulnerableRange: vulnerable, patchedRange: patched)
        return (vulnerability, entry)
    }

    private static func npm(_ advisory: [String: Any], key: String) throws -> (Vulnerability, AffectedEntry) {
        let id = "NSWG-NPM-\(key)"
        guard let module = advisory["module_name"] as? String, !module.isEmpty else {
            throw InvalidRecord("\(id) has no module_name")
        }
        guard let vulnerable = advisory["vulnerable_versions"] as? String else {
            throw InvalidRecord("\(id) has no vulnerable_versions")
        }
        let patched = try ranges(vulnerable, advisory["patched_versions"] as? String, id: id)
        let vulnerability = Vulnerability(
            id: id, aliases: advisory["cves"] as? [String] ?? [], summary: advisory["title"] as? String,
            published: advisory["publish_date"] as? String, modified: advisory["updated_at"] as? String,
            severity: (advisory["severity"] as? String)?.lowercased(), cvssScore: number(advisory["cvss_score"]),
            cvssVector: advisory["cvss_vector"] as? String, references: advisory["references"] as? [String] ?? [])
        let entry = AffectedEntry(
            vulnerabilityID: id, ecosystem: .npm, package: module, rangeType: "npm", vulnerableRange: vulnerable,
            patchedRange: patched)
        return (vulnerability, entry)
    }

    /// Checks both ranges parse as npm ranges; returns the patched range, nil when empty.
    private static func ranges(_ vulnerable: String, _ patched: String?, id: String) throws -> String? {
        for range in [vulnerable, patched ?? ""] where !range.isEmpty {
            do {
                _ = try NpmRange(parsing: range)
            } catch {
                throw InvalidRecord("\(id) range '\(range)' is not an npm range")
            }
        }
        return patched?.isEmpty == false ? patched : nil
    }

    private static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }
}
