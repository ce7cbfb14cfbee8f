import BallastVersions
import Foundation

/// Reads the Debian security tracker's JSON (https://security-tracker.debian.org/tracker/data/json):
/// `{source package: {CVE or TEMP id: {description, releases: {codename: {status, fixed_version,
/// urgency, nodsa, nodsa_reason, repositories}}}}}`.
///
/// Each (source package, issue, release) becomes one ``AffectedEntry`` with scope
/// `debian:<codename>`: `resolved` with a fixed version is ``AffectedStatus/fixed`` (fixed version
/// `0` is ``AffectedStatus/notAffected``), `open` and `undetermined` keep their names. A record
/// here is one issue of one package; a fixed version dpkg refuses makes it invalid.
enum DebianTrackerParser {
    static func parse(_ data: Data) throws -> FeedContent {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InvalidRecord("not a JSON object of source packages")
        }
        var content = FeedContent()
        var seen: Set<String> = []
        for (package, issues) in object.sorted(by: { $0.key < $1.key }) {
            guard let issues = issues as? [String: Any] else {
                content.skip("package \(package) is not an object of issues")
                continue
            }
            for (id, value) in issues.sorted(by: { $0.key < $1.key }) {
                do {
                    let entries = try self.entries(package: package, id: id, value)
                    content.affected += entries
                    content.records += 1
                    if seen.insert(id).inserted {
                        let description = (value as? [String: Any])?["description"] as? String
                        content.vulnerabilities.append(
                            Vulnerability(
                                id: id, summary: description,
                                references: ["https://security-tracker.debian.org/tracker/\(id)"]))
                    }
                } catch let error as InvalidRecord {
                    content.skip(error.reason)
                }
            }
        }
        return content
    }

    private static func entries(package: String, id: String, _ value: Any) throws -> [AffectedEntry] {
        guard let issue = value as? [String: Any] else { throw InvalidRecord("\(package) \(id) is not an object") }
        // The tracker writes `"releases": []` for an issue of a package in no release.
        if let list = issue["releases"] as? [Any], list.isEmpty { return [] }
        guard let releases = issue["releases"] as? [String: Any] else {
            throw InvalidRecord("\(package) \(id) has no releases")
        }
        return try releases.sorted(by: { $0.key < $1.key }).map { codename, value in
            guard let release = value as? [String: Any], let statusWord = release["status"] as? String else {
                throw InvalidRecord("\(package) \(id) \(codename) has no status")
            }
            let fixed = release["fixed_version"] as? String
            var status: AffectedStatus
            switch statusWord {
            case "resolved": status = fixed == "0" ? .notAffected : .fixed
            case "open": status = .open
            case "undetermined": status = .undetermined
            default: throw InvalidRecord("\(package) \(id) \(codename) has unknown status '\(statusWord)'")
            }
            var events: [AffectedEvent] = []
            if status == .fixed {
                guard let fixed, (try? Version(parsing: fixed, in: .deb)) != nil else {
                    throw InvalidRecord(
                        "\(package) \(id) \(codename): fixed_version '\(fixed ?? "")' is not a dpkg version")
                }
                events = [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, fixed)]
            }
            if status == .fixed && fixed == nil { status = .undetermined }
            return AffectedEntry(
                vulnerabilityID: id, ecosystem: .deb, scope: "debian:\(codename)", package: package, status: status,
                rangeType: events.isEmpty ? nil : "ECOSYSTEM", events: events, fixedVersion: fixed,
                urgency: release["urgency"] as? String, noDSA: text(release["nodsa"]),
                noDSAReason: text(release["nodsa_reason"]))
        }
    }

    private static func text(_ value: Any?) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        let text = "\(value)"
        return text.isEmpty ? nil : text
    }
}
