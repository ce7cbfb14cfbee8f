import BallastAdvisories
import Foundation
import Testing

struct FeedReaderTests {
    private func read(_ text: String, name: String = "feed.json", format: FeedFormat? = nil) throws -> ParsedFeed {
        try FeedReader.read(FeedFile(name: name, source: name, data: Data(text.utf8), format: format), logger: .silent)
    }

    @Test("Debian tracker: nodsa and nodsa_reason are kept, undetermined keeps its name")
    func debianNoDSA() throws {
        // The shape of the tracker's JSON for a <no-dsa> issue with a <postponed> reason.
        let feed = try read(
            """
            {"libxml2": {"CVE-2024-0001": {"description": "x", "scope": "remote", "releases": {
              "bookworm": {"status": "open", "repositories": {"bookworm": "2.9.14+dfsg-1.3~deb12u1"},
                "urgency": "low", "nodsa": "Minor issue", "nodsa_reason": "postponed"},
              "trixie": {"status": "undetermined", "repositories": {"trixie": "2.12.7"}, "urgency": "not yet assigned"},
              "sid": {"status": "resolved", "repositories": {"sid": "2.12.7"}, "fixed_version": "2.12.5+dfsg-1",
                "urgency": "low"}}}}}
            """)
        let entries = feed.content.affected
        #expect(entries.map(\.scope) == ["debian:bookworm", "debian:sid", "debian:trixie"])
        #expect(entries[0].status == .open)
        #expect(entries[0].noDSA == "Minor issue")
        #expect(entries[0].noDSAReason == "postponed")
        #expect(entries[1].status == .fixed)
        #expect(entries[1].fixedVersion == "2.12.5+dfsg-1")
        #expect(entries[2].status == .undetermined)
        #expect(feed.record.records == 1)
    }

    @Test(
        "invalid records are skipped and counted with the first reason",
        arguments: [
            (
                #"{"1": {"module_name": "a", "vulnerable_versions": "<1", "patched_versions": ">=1", "cves": []},"#
                    + #""2": {"module_name": "b", "vulnerable_versions": "not a range !!", "patched_versions": ""}}"#,
                FeedFormat.nodejsNpm, "NSWG-NPM-2 range 'not a range !!' is not an npm range"
            ),
            (
                "#model_version:v1,score_date:2025-01-01\ncve,epss,percentile\nCVE-1-1,0.1,0.2\nCVE-1-2,2.5,0.3\n",
                .epss, "line 4 is not cve,epss,percentile: CVE-1-2,2.5,0.3"
            ),
            (
                #"{"v20": {"start": "2023-04-18", "end": "2026-04-30"}, "next": {"start": "x"}}"#,
                .nodejsSchedule, "release line next lacks a vN key, start or end"
            ),
        ])
    func skipsInvalid(text: String, format: FeedFormat, reason: String) throws {
        let feed = try read(text, format: format)
        #expect(feed.record.records == 1)
        #expect(feed.record.skipped == 1)
        #expect(feed.content.firstSkipReason == reason)
    }

    @Test("an OSV range the ecosystem's ordering refuses rejects the record")
    func osvBadRange() throws {
        let text = """
            {"id": "GHSA-x", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm",
             "name": "a"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "zero"}]}]}]}
            """
        #expect {
            try read(text)
        } throws: { error in
            guard case .noValidRecords(_, "osv", let reason)? = error as? AdvisoriesError else { return false }
            return reason.hasPrefix("GHSA-x range for a:")
        }
    }

    @Test("a file with no valid record fails, naming the file and the format")
    func noValidRecord() throws {
        #expect(
            throws: AdvisoriesError.noValidRecords(
                path: "k.json", format: "kev", firstReason: "entry 1 has no cveID or dateAdded")
        ) {
            try read(#"{"catalogVersion": "1", "vulnerabilities": [{"cveID": 3}]}"#, name: "k.json")
        }
        #expect(
            AdvisoriesError.noValidRecords(path: "k.json", format: "kev", firstReason: "r").description
                == "k.json holds no valid kev record (first problem: r); check that it is a kev feed or pass --format")
    }

    @Test("an unrecognised file names the formats --format accepts")
    func unknown() {
        #expect(throws: AdvisoriesError.unknownFormat(path: "x.txt")) { try read("hello", name: "x.txt") }
        #expect(
            AdvisoriesError.unknownFormat(path: "x.txt").description
                == "cannot tell the feed format of x.txt; pass --format with one of: osv, debian-tracker, secdb, "
                + "nodejs-core, nodejs-npm, nodejs-schedule, kev, epss")
    }
}
