import BallastVersions
import Foundation

/// Reads OSV records (https://ossf.github.io/osv-schema/) into the database model.
///
/// Ecosystems Ballast scans are kept: `npm`, `Debian:N` (the release number becomes its codename,
/// `Debian:12` → `debian:bookworm`), `Alpine:vX.Y`, `Wolfi`, `Chainguard`. Other ecosystems'
/// entries are dropped; `GIT` ranges are dropped since only the ECOSYSTEM ranges can be matched.
/// A record whose range events do not parse in the ecosystem's ordering is refused whole.
enum OSVParser {
    /// Debian release numbers as OSV writes them, to the codenames the tracker uses.
    static let debianCodenames = [
        "7": "wheezy", "8": "jessie", "9": "stretch", "10": "buster", "11": "bullseye", "12": "bookworm",
        "13": "trixie", "14": "forky",
    ]

    /// Parses one record's JSON into `content`, or counts it as skipped.
    static func parse(_ data: Data, into content: inout FeedContent) {
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw InvalidRecord("not a JSON object")
            }
            let (vulnerability, entries) = try record(object)
            content.vulnerabilities.append(vulnerability)
            content.affected += entries
            content.records += 1
        } catch let error as InvalidRecord {
            content.skip(error.reason)
        } catch {
            content.skip("not JSON: \(error.localizedDescription)")
        }
    }

    static func record(_ object: [String: Any]) throws -> (Vulnerability, [AffectedEntry]) {
        guard let id = object["id"] as? String, !id.isEmpty else { throw InvalidRecord("record without an id") }
        if object["withdrawn"] is String { throw InvalidRecord("\(id) is withdrawn") }
        let severity = (object["severity"] as? [[String: Any]] ?? []).compactMap { $0["score"] as? String }
        let vector = severity.first { $0.hasPrefix("CVSS:3") } ?? severity.first
        let specific = object["database_specific"] as? [String: Any]
        let aliases = (object["aliases"] as? [String] ?? []) + (object["upstream"] as? [String] ?? [])
        let references = (object["references"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        let vulnerability = Vulnerability(
            id: id, aliases: aliases, summary: (object["summary"] as? String) ?? firstLine(object["details"]),
            published: object["published"] as? String, modified: object["modified"] as? String,
            severity: (specific?["severity"] as? String)?.lowercased(), cvssScore: vector.flatMap(CVSSv3.baseScore),
            cvssVector: vector, references: references)

        var entries: [AffectedEntry] = []
        for affected in object["affected"] as? [[String: Any]] ?? [] {
            entries += try self.entries(affected, id: id)
        }
        return (vulnerability, entries)
    }

    private static func entries(_ affected: [String: Any], id: String) throws -> [AffectedEntry] {
        guard let package = affected["package"] as? [String: Any], let name = package["name"] as? String,
            let ecosystemName = package["ecosystem"] as? String
        else { throw InvalidRecord("\(id) has an affected entry without package name and ecosystem") }
        guard let (ecosystem, scope) = self.scope(ecosystemName) else { return [] }

        var entries: [AffectedEntry] = []
        for range in affected["ranges"] as? [[String: Any]] ?? [] {
            let type = range["type"] as? String ?? ""
            guard type == "ECOSYSTEM" || type == "SEMVER" else { continue }
            let events = try (range["events"] as? [[String: Any]] ?? []).map { try event($0, id: id) }
            let osvRange = OSVRange(type: type, events: events.map { OSVRange.Event($0.kind, $0.version) })
            do {
                _ = try osvRange.resolved(in: ecosystem.versionEcosystem)
            } catch {
                throw InvalidRecord("\(id) range for \(name): \(error)")
            }
            let fixed = events.first { $0.kind == .fixed }?.version
            entries.append(
                AffectedEntry(
                    vulnerabilityID: id, ecosystem: ecosystem, scope: scope, package: name, rangeType: type,
                    events: events, fixedVersion: fixed))
        }
        if let versions = affected["versions"] as? [String], !versions.isEmpty {
            entries.append(
                AffectedEntry(
                    vulnerabilityID: id, ecosystem: ecosystem, scope: scope, package: name, versions: versions))
        }
        return entries
    }

    private static func event(_ object: [String: Any], id: String) throws -> AffectedEvent {
        for kind in [OSVRange.Event.Kind.introduced, .fixed, .lastAffected, .limit] {
            if let version = object[kind.rawValue] as? String { return AffectedEvent(kind, version) }
        }
        throw InvalidRecord("\(id) has a range event without introduced, fixed, last_affected or limit")
    }

    /// The ecosystem and distribution scope of an OSV ecosystem name; nil for ecosystems not scanned.
    static func scope(_ osvName: String) -> (AdvisoryEcosystem, String)? {
        let parts = osvName.split(separator: ":", maxSplits: 1).map(String.init)
        let release = parts.count > 1 ? parts[1] : ""
        switch parts.first ?? "" {
        case "npm": return (.npm, "")
        case "Debian": return (.deb, "debian:" + (debianCodenames[release] ?? release))
        case "Alpine": return (.apk, "alpine:" + release)
        case "Wolfi": return (.apk, "wolfi")
        case "Chainguard": return (.apk, "chainguard")
        default: return nil
        }
    }

    static func firstLine(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        return text.split(separator: "\n").first.map { String($0.prefix(200)) }
    }
}
