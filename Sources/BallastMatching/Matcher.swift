import BallastAdvisories
import BallastCore
import BallastInventory
import BallastVersions

/// Matches an image's inventory against the advisory database.
///
/// - Debian packages match by source package (with the source version where it differs) in the
///   image's release (`debian:<codename>`); Debian's own verdicts (`<no-dsa>`, `<postponed>`,
///   `<ignored>`, `<unimportant>`, end-of-life) are carried onto the finding, not hidden.
/// - Alpine-format packages match by origin in their branch (`alpine:v3.20`, `wolfi`); a package
///   absent from the branch's data has no finding.
/// - npm packages match by name, the app's and tooling's alike; scope tells them apart later.
/// - An upstream Node.js build matches the Node.js core advisories; a distribution's node is left
///   to its package. An end-of-life release line is a finding of its own.
public struct Matcher: Sendable {
    public let database: AdvisoryDatabase
    /// The day against which end-of-life dates are judged, `YYYY-MM-DD`.
    public let today: String
    public let logger: Logger

    public init(database: AdvisoryDatabase, today: String, logger: Logger = .silent) {
        self.database = database
        self.today = today
        self.logger = logger
    }

    public func findings(for inventory: Inventory) throws -> [Finding] {
        try database.reading { try collectFindings(inventory) }
    }

    private func collectFindings(_ inventory: Inventory) throws -> [Finding] {
        let os = inventory.system.os
        var candidates: [Candidate] = []
        candidates += try match(inventory.components(of: .deb), in: .deb, scope: debianScope(os)) { component in
            (component.sourceName ?? component.name, component.sourceVersion ?? component.version)
        }
        candidates += try match(inventory.components(of: .apk), in: .apk, scope: alpineScope(os)) { component in
            (component.sourceName ?? component.name, component.version)
        }
        candidates += try match(inventory.components(of: .npm), in: .npm, scope: nil) { ($0.name, $0.version) }
        let upstream = inventory.components(of: .nodeRuntime).filter { $0.origin != "distribution" }
        candidates += try match(upstream, in: .nodeCore, scope: nil) { ("node", $0.version) }

        var findings = try FindingAssembler(database: database).assemble(candidates)
        for runtime in inventory.components(of: .nodeRuntime) {
            if let endOfLife = try endOfLifeFinding(runtime) { findings.append(endOfLife) }
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// One entry that applies to one component.
    struct Candidate {
        var component: Component
        var package: String
        var version: String
        var entry: AffectedEntry
    }

    private func match(
        _ components: [Component], in ecosystem: AdvisoryEcosystem, scope: String?,
        key: (Component) -> (String, String)
    ) throws -> [Candidate] {
        guard !components.isEmpty else { return [] }
        if ecosystem != .npm, ecosystem != .nodeCore, scope == nil {
            logger.debug("no \(ecosystem.rawValue) release scope for this image; its packages are not matched")
            return []
        }
        let keys = components.map(key)
        let entries = try database.affected(ecosystem: ecosystem, scope: scope, packages: Array(Set(keys.map(\.0))))
        var candidates: [Candidate] = []
        for (component, (package, version)) in zip(components, keys) {
            for entry in entries[package] ?? [] where try applies(entry, to: version, ecosystem: ecosystem) {
                candidates.append(Candidate(component: component, package: package, version: version, entry: entry))
            }
        }
        return candidates
    }

    /// Whether `version` is affected according to `entry`.
    private func applies(_ entry: AffectedEntry, to version: String, ecosystem: AdvisoryEcosystem) throws -> Bool {
        let ordering = ecosystem.versionEcosystem
        do {
            switch entry.status {
            case .notAffected:
                return false
            case .open, .undetermined:
                return true
            case .fixed:
                guard let fixed = entry.fixedVersion else { return true }
                return try VersionComparison.compare(version, fixed, in: ordering) < 0
            case .affected:
                if !entry.versions.isEmpty, entry.versions.contains(version) { return true }
                if let range = entry.osvRange { return try range.affects(version, in: ordering) }
                // The security WG writes coarse vulnerable lines (`22.x`) and exact patched ones
                // (`^22.13.1`): a version is affected when it is in the first and not the second.
                let vulnerable = entry.vulnerableRange.flatMap { $0.isEmpty ? nil : $0 }
                let patched = entry.patchedRange.flatMap { $0.isEmpty ? nil : $0 }
                guard vulnerable != nil || patched != nil else { return false }
                if let vulnerable, try !NpmRange(parsing: vulnerable).contains(version) { return false }
                if let patched, try NpmRange(parsing: patched).contains(version) { return false }
                return true
            }
        } catch {
            // One malformed range must not hide the rest of the scan.
            logger.debug("skipping \(entry.vulnerabilityID) for \(entry.package) \(version): \(error)")
            return false
        }
    }

    private func debianScope(_ os: OSRelease?) -> String? {
        guard let os, os.id == "debian" else { return nil }
        if let codename = os.versionCodename { return "debian:\(codename)" }
        let names = ["10": "buster", "11": "bullseye", "12": "bookworm", "13": "trixie"]
        return os.versionID.flatMap { names[$0] }.map { "debian:\($0)" }
    }

    private func alpineScope(_ os: OSRelease?) -> String? {
        guard let os, let id = os.id else { return nil }
        if id == "wolfi" || id == "chainguard" { return id }
        guard id == "alpine", let version = os.versionID else { return nil }
        let branch = version.split(separator: ".").prefix(2).joined(separator: ".")
        return "alpine:v\(branch)"
    }

    /// A runtime whose release line has reached its end of life, per Node's release schedule.
    private func endOfLifeFinding(_ runtime: Component) throws -> Finding? {
        guard let major = runtime.version.split(separator: ".").first.flatMap({ Int($0) }),
            let release = try database.nodeRelease(major: major), release.end <= today
        else { return nil }
        return Finding(
            id: "NODE-EOL-\(major)", aliases: [],
            summary: "Node.js \(major) reached its end of life on \(release.end) and gets no more security fixes",
            component: ComponentReference(runtime), matchedPackage: "node", matchedVersion: runtime.version,
            fixedVersion: nil, status: "end-of-life", statusReason: "upgrade to a supported release line",
            severity: Severity.high.rawValue, severitySource: "node-release-schedule", vendorSeverity: nil,
            cvssScore: nil, cvssVector: nil, urgency: nil, kevDateAdded: nil, epssScore: nil, epssPercentile: nil,
            references: ["https://github.com/nodejs/release#release-schedule"], feeds: ["nodejs-release"])
    }
}

extension Finding {
    /// KEV first, then severity, then EPSS, then identifier and package.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.isKnownExploited != b.isKnownExploited { return a.isKnownExploited }
        let (sa, sb) = (Severity(rawValue: a.severity) ?? .unknown, Severity(rawValue: b.severity) ?? .unknown)
        if sa != sb { return sa > sb }
        if (a.epssScore ?? 0) != (b.epssScore ?? 0) { return (a.epssScore ?? 0) > (b.epssScore ?? 0) }
        return (a.id, a.component.name, a.component.path ?? "") < (b.id, b.component.name, b.component.path ?? "")
    }
}
