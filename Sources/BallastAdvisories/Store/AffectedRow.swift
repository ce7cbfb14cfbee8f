import BallastCore
import BallastVersions

/// How an ``AffectedEntry`` is laid out in the `affected` table.
///
/// Events are stored one a line as `kind<TAB>version`, versions one a line: version strings of
/// every ecosystem are free of tabs and newlines.
enum AffectedRow {
    static let columns = """
        vulnerability_id, ecosystem, scope, package, status, range_type, events, versions, vulnerable_range, \
        patched_range, fixed_version, urgency, nodsa, nodsa_reason, feed
        """

    static let insert = "INSERT INTO affected (\(columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"

    static func values(_ entry: AffectedEntry) -> [SQLiteValue?] {
        [
            .text(entry.vulnerabilityID), .text(entry.ecosystem.rawValue), .text(entry.scope), .text(entry.package),
            .text(entry.status.rawValue), .optional(entry.rangeType),
            .text(entry.events.map { "\($0.kind.rawValue)\t\($0.version)" }.joined(separator: "\n")),
            .text(entry.versions.joined(separator: "\n")), .optional(entry.vulnerableRange),
            .optional(entry.patchedRange), .optional(entry.fixedVersion), .optional(entry.urgency),
            .optional(entry.noDSA), .optional(entry.noDSAReason), .text(entry.feed),
        ]
    }

    static func entry(_ row: SQLiteStatement) throws -> AffectedEntry {
        guard let ecosystem = AdvisoryEcosystem(rawValue: row.string(1)),
            let status = AffectedStatus(rawValue: row.string(4))
        else { throw InternalError("affected row with ecosystem '\(row.string(1))', status '\(row.string(4))'") }
        let events = lines(row.text(6)).compactMap { line -> AffectedEvent? in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = OSVRange.Event.Kind(rawValue: parts[0]) else { return nil }
            return AffectedEvent(kind, parts[1])
        }
        return AffectedEntry(
            vulnerabilityID: row.string(0), ecosystem: ecosystem, scope: row.string(2), package: row.string(3),
            status: status, rangeType: row.text(5), events: events, versions: lines(row.text(7)),
            vulnerableRange: row.text(8), patchedRange: row.text(9), fixedVersion: row.text(10),
            urgency: row.text(11), noDSA: row.text(12), noDSAReason: row.text(13), feed: row.string(14))
    }

    static func lines(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}
