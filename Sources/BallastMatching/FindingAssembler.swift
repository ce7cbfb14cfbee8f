import BallastAdvisories
import BallastVersions
import Foundation

/// Turns matched entries into findings: one per vulnerability and component however many feeds
/// report it, with the advisory text, severity, KEV and EPSS attached.
struct FindingAssembler {
    let database: AdvisoryDatabase

    func assemble(_ candidates: [Matcher.Candidate]) throws -> [Finding] {
        var byKey: [String: Finding] = [:]
        var order: [String] = []
        // One advisory often matches many binary packages of one source package.
        var records: [String: [Vulnerability]] = [:]
        for candidate in candidates {
            let id = candidate.entry.vulnerabilityID
            if records[id] == nil { records[id] = try database.vulnerabilities(id: id) }
            let records = records[id] ?? []
            let ids = Set([candidate.entry.vulnerabilityID] + records.flatMap { [$0.id] + $0.aliases })
            let cve = ids.filter { $0.hasPrefix("CVE-") }.sorted().first
            let primary = cve ?? candidate.entry.vulnerabilityID
            let key = "\(candidate.component.purl)|\(candidate.component.paths.first ?? "")|\(primary)"
            var finding = byKey[key] ?? newFinding(primary, candidate)
            if byKey[key] == nil { order.append(key) }
            merge(candidate, records, ids: ids, into: &finding)
            byKey[key] = finding
        }
        var findings: [Finding] = []
        for key in order {
            guard var finding = byKey[key] else { continue }
            try attachExploitation(&finding)
            findings.append(finding)
        }
        return findings
    }

    private func newFinding(_ id: String, _ candidate: Matcher.Candidate) -> Finding {
        Finding(
            id: id, aliases: [], summary: nil, component: ComponentReference(candidate.component),
            matchedPackage: candidate.package, matchedVersion: candidate.version, fixedVersion: nil, status: "open",
            statusReason: nil, severity: Severity.unknown.rawValue, severitySource: "none", vendorSeverity: nil,
            cvssScore: nil, cvssVector: nil, urgency: nil, kevDateAdded: nil, epssScore: nil, epssPercentile: nil,
            references: [], feeds: [])
    }

    private func merge(
        _ candidate: Matcher.Candidate, _ records: [Vulnerability], ids: Set<String>, into finding: inout Finding
    ) {
        let entry = candidate.entry
        finding.aliases = ids.subtracting([finding.id]).sorted()
        finding.feeds = Array(Set(finding.feeds + [entry.feed])).sorted()
        if finding.fixedVersion == nil {
            finding.fixedVersion =
                entry.fixedVersion ?? fixedEvent(entry) ?? patchedVersion(entry, after: candidate.version)
        }
        finding.status = status(of: entry, hasFix: finding.fixedVersion != nil, current: finding.status)
        if let note = entry.noDSA, !note.isEmpty { finding.statusReason = note }
        if let urgency = entry.urgency, urgency != "not yet assigned" { finding.urgency = urgency }
        for record in records {
            finding.summary = finding.summary ?? record.summary
            finding.vendorSeverity = finding.vendorSeverity ?? record.severity
            if finding.cvssScore == nil, let score = record.cvssScore {
                finding.cvssScore = score
                finding.cvssVector = record.cvssVector
            }
            finding.references = Array(Set(finding.references + record.references)).sorted()
        }
        (finding.severity, finding.severitySource) = severity(of: finding)
    }

    private func fixedEvent(_ entry: AffectedEntry) -> String? {
        entry.events.last { $0.kind == .fixed }?.version
    }

    /// The lowest version a patched range (`^20.20.2 || ^22.22.2`) admits on the same major
    /// line as `version`, or on any later line when its own has none.
    private func patchedVersion(_ entry: AffectedEntry, after version: String) -> String? {
        guard let patched = entry.patchedRange, let range = try? NpmRange(parsing: patched),
            let current = try? SemVer(parsing: version)
        else { return nil }
        let bounds = range.comparatorSets.compactMap { set in
            set.first { $0.operator == .greaterThanOrEqual || $0.operator == .equal }?.version
        }.filter { $0 > current }.sorted()
        let sameLine = bounds.first { $0.major == current.major }
        return (sameLine ?? bounds.first).map { "\($0.major).\($0.minor).\($0.patch)" }
    }

    /// Debian's verdict words win over plain `open`; a known fix wins over everything else.
    private func status(of entry: AffectedEntry, hasFix: Bool, current: String) -> String {
        if hasFix { return "fixed" }
        // The tracker's `nodsa` holds Debian's note; `nodsa_reason` says `postponed` or `ignored`
        // when it is more than a plain <no-dsa>.
        if let note = entry.noDSA, !note.isEmpty {
            let reason = entry.noDSAReason?.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) ?? ""
            return reason.isEmpty ? "no-dsa" : reason
        }
        switch entry.urgency {
        case "unimportant": return "unimportant"
        case "end-of-life": return "end-of-life"
        default: break
        }
        if entry.status == .undetermined, current == "open" { return "undetermined" }
        return current
    }

    private func severity(of finding: Finding) -> (String, String) {
        if let word = finding.vendorSeverity, let severity = Severity(vendor: word) {
            return (severity.rawValue, "vendor")
        }
        if let score = finding.cvssScore { return (Severity(cvss: score).rawValue, "cvss") }
        if let urgency = finding.urgency,
            let severity = Severity(vendor: urgency.replacingOccurrences(of: "*", with: ""))
        {
            return (severity.rawValue, "debian-urgency")
        }
        return (Severity.unknown.rawValue, "none")
    }

    private func attachExploitation(_ finding: inout Finding) throws {
        for id in finding.identifiers where id.hasPrefix("CVE-") {
            if finding.kevDateAdded == nil, let kev = try database.kev(cve: id) {
                finding.kevDateAdded = kev.dateAdded
            }
            if finding.epssScore == nil, let epss = try database.epss(cve: id) {
                finding.epssScore = epss.score
                finding.epssPercentile = epss.percentile
            }
        }
    }
}
