import BallastVersions
import Foundation
import Testing

@Suite struct OSVRangeTests {
    typealias Event = OSVRange.Event

    @Test(
        "Evaluation per the OSV schema",
        arguments: [
            // introduced "0" covers every version before the fix
            ([Event(.introduced, "0"), Event(.fixed, "4.17.21")], "4.17.20", Ecosystem.npm, true),
            ([Event(.introduced, "0"), Event(.fixed, "4.17.21")], "4.17.21", .npm, false),
            // a prerelease of the fixed version is still affected under SemVer ordering
            ([Event(.introduced, "0"), Event(.fixed, "4.17.21")], "4.17.21-rc.1", .npm, true),
            // several introduced/fixed pairs in one range, given out of order
            ([Event(.fixed, "2.0"), Event(.introduced, "3.0"), Event(.introduced, "1.0")], "2.5", .deb, false),
            ([Event(.fixed, "2.0"), Event(.introduced, "3.0"), Event(.introduced, "1.0")], "3.1", .deb, true),
            // last_affected includes its own version
            ([Event(.introduced, "1.0"), Event(.lastAffected, "1.4")], "1.4", .deb, true),
            ([Event(.introduced, "1.0"), Event(.lastAffected, "1.4")], "1.4-1", .deb, false),
            // dpkg ordering: a tilde version sorts before the fix
            ([Event(.introduced, "0"), Event(.fixed, "1.2.1-2.2+wheezy3")], "1.2.1-2.2+wheezy3~1", .deb, true),
            // apk ordering: the revision counts
            ([Event(.introduced, "0"), Event(.fixed, "10.6.8-r0")], "10.6.7-r3", .apk, true),
            ([Event(.introduced, "0"), Event(.fixed, "10.6.8-r0")], "10.6.8-r1", .apk, false),
            // a limit caps every range of the entry; "*" caps nothing
            ([Event(.introduced, "1.0"), Event(.limit, "1.5")], "1.6", .apk, false),
            ([Event(.introduced, "1.0"), Event(.limit, "*")], "1.6", .apk, true),
            // nothing is affected before the first introduced
            ([Event(.introduced, "2.1.0"), Event(.fixed, "5.2.4")], "2.0.9", .npm, false),
        ]
    )
    func evaluates(events: [Event], version: String, ecosystem: Ecosystem, expected: Bool) throws {
        #expect(try OSVRange(type: "ECOSYSTEM", events: events).affects(version, in: ecosystem) == expected)
    }

    @Test func semverRangesUseSemVerOrderingWhateverTheEcosystem() throws {
        let range = try OSVRange(type: "SEMVER", events: [Event(.introduced, "1.0.0"), Event(.fixed, "1.10.0")])
            .resolved(in: .deb)
        #expect(range.ordering == .npm)
        #expect(try range.contains("1.9.0"))
        #expect(try !range.contains("1.10.0"))
    }

    @Test(
        "Ranges that cannot be evaluated say why",
        arguments: [
            (
                OSVRange(type: "GIT", events: [Event(.introduced, "0")]),
                "cannot evaluate an OSV range of type 'GIT': commit ranges need the repository history; "
                    + "match on the ECOSYSTEM ranges instead"
            ),
            (
                OSVRange(type: "ECOSYSTEM", events: [Event(.fixed, "1.0-")]),
                "cannot evaluate an OSV range of type 'ECOSYSTEM': event version '1.0-': revision number is empty"
            ),
        ]
    )
    func unsupported(range: OSVRange, message: String) {
        do {
            _ = try range.resolved(in: .deb)
            Issue.record("the range was accepted")
        } catch {
            #expect(String(describing: error) == message)
        }
    }

    /// Every range of the real OSV records in the shared feeds: introduced versions are affected,
    /// fixed versions are not.
    @Test func realRecordsAffectIntroducedButNotFixedVersions() throws {
        let folder = ConformanceFile.directory.appendingPathComponent("feeds/osv")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        var checked = 0

        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for affected in record["affected"] as? [[String: Any]] ?? [] {
                let package = affected["package"] as? [String: Any]
                let ecosystem = try #require(Ecosystem(osvName: package?["ecosystem"] as? String ?? ""))
                for entry in affected["ranges"] as? [[String: Any]] ?? [] {
                    let events = (entry["events"] as? [[String: String]] ?? []).flatMap { event in
                        event.compactMap { key, value in OSVRange.Event.Kind(rawValue: key).map { Event($0, value) } }
                    }
                    let type = entry["type"] as? String ?? ""
                    let range = try OSVRange(type: type, events: events).resolved(in: ecosystem)
                    for event in events where event.version != "0" {
                        let expected = event.kind == .introduced
                        #expect(try range.contains(event.version) == expected, "\(file): \(event)")
                        checked += 1
                    }
                }
            }
        }

        #expect(checked == 27)  // every non-zero event of the 7 records
    }
}
