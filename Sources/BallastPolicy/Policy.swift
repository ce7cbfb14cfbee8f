import BallastMatching

/// What a team decided: which findings are suppressed, and which gates fail a scan.
public struct Policy: Sendable {
    /// A rule that fails the scan when any remaining finding matches it.
    public enum Gate: Hashable, Sendable, CustomStringConvertible {
        case kev
        case severity(Severity)
        case epss(Double)

        /// The values `--fail-on` accepts.
        public static let names = ["kev", "critical", "high", "medium", "low"]

        public init?(name: String) {
            if name == "kev" {
                self = .kev
            } else if let severity = Severity(rawValue: name), severity != .unknown {
                self = .severity(severity)
            } else {
                return nil
            }
        }

        func fails(_ finding: Finding) -> Bool {
            switch self {
            case .kev: finding.isKnownExploited
            case .severity(let threshold): (Severity(rawValue: finding.severity) ?? .unknown) >= threshold
            case .epss(let threshold): (finding.epssScore ?? 0) >= threshold
            }
        }

        public var description: String {
            switch self {
            case .kev: "--fail-on kev"
            case .severity(let severity): "--fail-on \(severity.rawValue)"
            case .epss(let threshold): "--fail-on-epss \(threshold)"
            }
        }
    }

    public var gates: [Gate] = []
    /// Leave out findings with no known fix.
    public var ignoreUnfixed = false
    /// Leave out findings whose status is one of these (`no-dsa`, `unimportant`…).
    public var ignoredStatuses: Set<String> = []
    /// Only these scopes count; empty means all.
    public var scopes: Set<String> = []
    public var suppressions: [Suppression] = []
    /// Today, `YYYY-MM-DD`, for ignore-file expiry.
    public var today: String

    public init(today: String) {
        self.today = today
    }

    public struct Outcome: Sendable {
        public var findings: [Finding]
        /// Findings a VEX statement or ignore entry covers, with the statement.
        public var suppressed: [(finding: Finding, by: Suppression)]
        /// Findings left out by scope, status or fix filters.
        public var filteredCount: Int
        /// Ignore entries past their date, which no longer suppress.
        public var expired: [Suppression]
        /// Each gate that failed, with how many findings made it fail.
        public var failedGates: [(gate: Gate, count: Int)]

        public var passed: Bool { failedGates.isEmpty }
    }

    public func apply(to findings: [Finding], imageDigests: Set<String>) -> Outcome {
        let active = suppressions.filter { $0.expires.map { $0 >= today } ?? true }
        let expired = suppressions.filter { $0.expires.map { $0 < today } ?? false }
        var kept: [Finding] = []
        var suppressed: [(finding: Finding, by: Suppression)] = []
        var filtered = 0
        for finding in findings {
            if !scopes.isEmpty, !scopes.contains(finding.component.scope.rawValue) {
                filtered += 1
                continue
            }
            if ignoreUnfixed, !finding.hasFix {
                filtered += 1
                continue
            }
            if ignoredStatuses.contains(finding.status) {
                filtered += 1
                continue
            }
            if let statement = active.first(where: { $0.covers(finding, imageDigests: imageDigests) }) {
                suppressed.append((finding, statement))
                continue
            }
            kept.append(finding)
        }
        let failed = gates.compactMap { gate -> (gate: Gate, count: Int)? in
            let count = kept.filter(gate.fails).count
            return count > 0 ? (gate, count) : nil
        }
        return Outcome(
            findings: kept, suppressed: suppressed, filteredCount: filtered, expired: expired, failedGates: failed)
    }
}
