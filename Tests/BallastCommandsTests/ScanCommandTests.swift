import BallastTestSupport
import Foundation
import Testing

/// `ballast scan` on the real test images against a database filled from the real feed samples,
/// plus a few records written here in the feeds' own formats for the cases the samples do not
/// cover (a Debian bookworm entry for glibc and nodejs, a KEV entry, an EPSS score). Each
/// expected finding follows from a record named in the test.
@Suite("ballast scan", .serialized)
struct ScanCommandTests {
    static let feeds = BallastProcess.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/feeds").path

    /// A database made once for the suite with `ballast db import`, as a user would.
    static let database: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Debian tracker JSON for bookworm: glibc fixed after the image's 2.36-9+deb12u14,
        // glibc open and marked <no-dsa>, nodejs open. Written here: the tracker sample has
        // neither package.
        let tracker = """
            {"glibc": {
               "CVE-2099-0001": {"description": "test record: fixed in a later bookworm update",
                 "releases": {"bookworm": {"status": "resolved", "fixed_version": "2.36-9+deb12u99", "urgency": "high"}}},
               "CVE-2099-0002": {"description": "test record: minor issue Debian will not fix in a DSA",
                 "releases": {"bookworm": {"status": "open", "urgency": "low", "nodsa": "Minor issue", "nodsa_reason": ""}}}},
             "nodejs": {
               "CVE-2099-0003": {"description": "test record: open in Debian's nodejs",
                 "releases": {"bookworm": {"status": "open", "urgency": "medium"}}}}}
            """
        let kev = """
            {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "test",
             "dateReleased": "2026-12-01T00:00:00.000Z", "count": 1, "vulnerabilities": [
              {"cveID": "CVE-2021-44906", "vendorProject": "minimist", "product": "minimist",
               "vulnerabilityName": "test record", "dateAdded": "2026-11-30", "shortDescription": "test record",
               "requiredAction": "upgrade", "dueDate": "2026-12-21", "knownRansomwareCampaignUse": "Unknown",
               "notes": "", "cwes": []}]}
            """
        let epss =
            "#model_version:v2025.03.14,score_date:2026-12-01T00:00:00+0000\ncve,epss,percentile\nCVE-2021-23337,0.73000,0.98000\n"
        try Data(tracker.utf8).write(to: folder.appendingPathComponent("debian-tracker.json"))
        try Data(kev.utf8).write(to: folder.appendingPathComponent("known_exploited_vulnerabilities.json"))
        try Data(epss.utf8).write(to: folder.appendingPathComponent("epss_scores-2026-12-01.csv"))

        let path = folder.appendingPathComponent("advisories.db").path
        let files =
            [
                "osv/npm/GHSA-35jh-r3h4-6jhm.json", "osv/npm/GHSA-xvch-5gv4-984h.json",
                "osv/npm/GHSA-rv95-896h-c2vc.json",
                "nodejs-security-wg/core-index.json", "nodejs-security-wg/npm-index.json",
                "nodejs-release/schedule.json",
            ].map { feeds + "/" + $0 }
            + ["debian-tracker.json", "known_exploited_vulnerabilities.json", "epss_scores-2026-12-01.csv"]
            .map { folder.appendingPathComponent($0).path }
        let result = try BallastProcess.run(["db", "import", "--db", path] + files)
        guard result.status == 0 else { throw TestSupportError("db import failed: \(result.stderr)") }
        return path
    }

    private func scan(_ image: String, _ extra: [String] = []) throws -> (BallastProcess.Result, [String: Any]) {
        let entry = try TestImages.shared.entry(image)
        let database = try Self.database.get()
        let result = try BallastProcess.run(
            ["scan", "--db", database, "--today", "2026-12-03", "--format", "json", "oci:\(entry.ociDirectory)"] + extra
        )
        let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result, object)
    }

    private func findings(_ report: [String: Any]) -> [(
        id: String, package: String, version: String, fixed: String?, status: String
    )] {
        (report["findings"] as? [[String: Any]] ?? []).map { finding in
            let component = finding["component"] as? [String: Any] ?? [:]
            return (
                finding["id"] as? String ?? "", component["name"] as? String ?? "",
                component["version"] as? String ?? "",
                finding["fixedVersion"] as? String, finding["status"] as? String ?? ""
            )
        }
    }

    @Test("the app's vulnerable npm packages, from the GHSA records, with their fixed versions")
    func appPackages() throws {
        let (result, report) = try scan("official-app", ["--scope", "app"])
        #expect(result.status == 0, "\(result.stderr)")
        let found = findings(report).map { "\($0.id) \($0.package) \($0.version) \($0.fixed ?? "-")" }
        // GHSA-xvch-5gv4-984h: minimist < 1.2.6; GHSA-35jh-r3h4-6jhm: lodash < 4.17.21;
        // GHSA-rv95-896h-c2vc: express < 4.19.2.
        #expect(
            Set(found).isSuperset(of: [
                "CVE-2021-44906 minimist 1.2.5 1.2.6", "CVE-2021-23337 lodash 4.17.20 4.17.21",
                "CVE-2024-29041 express 4.17.1 4.19.2",
            ]))
        #expect(findings(report).allSatisfy { !["node", "npm"].contains($0.package) })
    }

    @Test("the upstream runtime is matched against Node.js core advisories: in the vulnerable line, not patched")
    func upstreamRuntime() throws {
        let (_, report) = try scan("official", ["--scope", "runtime"])
        let runtime = findings(report)
        let index = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Self.feeds + "/nodejs-security-wg/core-index.json")))
        let advisories = index as? [String: [String: Any]] ?? [:]
        // Every core advisory whose patched ranges do not admit 22.20.0 but whose vulnerable
        // ranges include the 22 line: read from the records, then checked with the CLI.
        var expected: Set<String> = []
        for advisory in advisories.values {
            let vulnerable = advisory["vulnerable"] as? String ?? ""
            let patched = advisory["patched"] as? String ?? ""
            let check = try BallastProcess.run(
                ["versions", "satisfies", "-", "--ecosystem", "npm"],
                input: "22.20.0\t\(vulnerable)\n22.20.0\t\(patched)\n")
            guard check.stdout == "true\nfalse\n" || (patched.isEmpty && check.stdout.hasPrefix("true")) else {
                continue
            }
            if let cve = (advisory["cve"] as? [String])?.sorted().first { expected.insert(cve) }
        }
        #expect(!expected.isEmpty)
        #expect(Set(runtime.map(\.id)) == expected)
        #expect(runtime.allSatisfy { $0.package == "node" && $0.version == "22.20.0" })
    }

    @Test("Debian's verdicts are carried, and a distribution node is matched as its package, never as upstream")
    func debianMatching() throws {
        let (result, report) = try scan("slim")
        #expect(result.status == 0, "\(result.stderr)")
        let found = findings(report)
        let fixed = try #require(found.first { $0.id == "CVE-2099-0001" && $0.package == "libc6" })
        #expect(fixed.fixed == "2.36-9+deb12u99")
        #expect(fixed.status == "fixed")
        // glibc is the source package of several binary packages; each gets the finding.
        #expect(found.contains { $0.id == "CVE-2099-0001" && $0.package == "libc-bin" })
        #expect(found.first { $0.id == "CVE-2099-0002" }?.status == "no-dsa")
        #expect(found.contains { $0.id == "CVE-2099-0003" && $0.package == "nodejs" })
        // Debian's node 18 line is past its end of life on the given day.
        #expect(found.contains { $0.id == "NODE-EOL-18" && $0.package == "node" })
        #expect(!found.contains { $0.package == "node" && $0.id.hasPrefix("CVE-") })

        let (_, filtered) = try scan("slim", ["--ignore-status", "no-dsa"])
        #expect(!findings(filtered).contains { $0.id == "CVE-2099-0002" })

        // distroless's synthetic nodejs record is not a Debian package: no Debian finding for it.
        let (_, distroless) = try scan("distroless-node-dpkg")
        #expect(!findings(distroless).contains { $0.id == "CVE-2099-0003" })
    }

    @Test("gates: KEV and EPSS fail the scan, and the last line names the rule and the count")
    func gates() throws {
        let (kev, report) = try scan("official-app", ["--fail-on", "kev"])
        #expect(kev.status == 1)
        #expect(kev.stderr.hasSuffix("error: gate failed: --fail-on kev matched 1 finding\n"))
        let minimist = (report["findings"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "CVE-2021-44906" }
        #expect(minimist?["kevDateAdded"] as? String == "2026-11-30")

        let (epss, _) = try scan("official-app", ["--fail-on-epss", "0.5"])
        #expect(epss.status == 1)
        #expect(epss.stderr.hasSuffix("error: gate failed: --fail-on-epss 0.5 matched 1 finding\n"))

        let (quiet, _) = try scan("official-app", ["--fail-on", "critical", "--scope", "tooling"])
        #expect(quiet.status == 0)

        let (bad, _) = try scan("official-app", ["--fail-on", "severe"])
        #expect(bad.status == 64)
        #expect(
            bad.stderr
                == "error: invalid value 'severe' for --fail-on; valid values: kev, critical, high, medium, low\n")
    }

    @Test("VEX statements suppress by vulnerability and product; expired ignore entries stop suppressing")
    func suppression() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-vex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let vex = folder.appendingPathComponent("vex.json").path
        try Data(
            """
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1", "author": "test",
             "timestamp": "2026-12-01T00:00:00Z", "version": 1, "statements": [
              {"vulnerability": {"name": "CVE-2021-44906"}, "products": [{"@id": "pkg:npm/minimist@1.2.5"}],
               "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
            """.utf8
        ).write(to: URL(fileURLWithPath: vex))
        let ignore = folder.appendingPathComponent("ignore").path
        try Data(
            "CVE-2021-23337 until 2026-01-31 lodash.template is not used\nCVE-2024-29041 until 2027-06-30 package express redirects are not user-controlled\n"
                .utf8
        ).write(to: URL(fileURLWithPath: ignore))

        let (result, report) = try scan("official-app", ["--vex", vex, "--ignore-file", ignore, "--fail-on", "kev"])
        #expect(result.status == 0, "\(result.stderr)")
        let ids = Set(findings(report).map(\.id))
        #expect(!ids.contains("CVE-2021-44906"))
        #expect(!ids.contains("CVE-2024-29041"))
        #expect(ids.contains("CVE-2021-23337"))
        #expect(
            result.stderr.contains("the exception for CVE-2021-23337 expired on 2026-01-31 and no longer suppresses it")
        )
        let suppressed = report["suppressed"] as? [[String: Any]] ?? []
        #expect(suppressed.count == 2)

        try Data("{not json".utf8).write(to: URL(fileURLWithPath: vex))
        let (broken, _) = try scan("official-app", ["--vex", vex])
        #expect(broken.status == 2)
        #expect(
            broken.stderr
                == "error: \(vex) is not a VEX document Ballast can read (not a JSON object); pass OpenVEX or CycloneDX VEX JSON\n"
        )
    }

    @Test("SARIF and JSON reports state the database digest; a foreign database file is named with the fix")
    func reportsAndDatabaseErrors() throws {
        let entry = try TestImages.shared.entry("official-app")
        let database = try Self.database.get()
        let sarif = try BallastProcess.run(["scan", "--db", database, "--format", "sarif", "oci:\(entry.ociDirectory)"])
        let object = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let run = (object?["runs"] as? [[String: Any]])?.first
        #expect(((run?["results"] as? [Any]) ?? []).count > 0)

        let (_, report) = try scan("official-app")
        let digest = (report["database"] as? [String: Any])?["digest"] as? String ?? ""
        #expect(digest.hasPrefix("sha256:"))

        let foreign = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ballast-foreign-\(UUID().uuidString).db")
        try Data("this is not a database".utf8).write(to: foreign)
        let broken = try BallastProcess.run(["scan", "--db", foreign.path, "oci:\(entry.ociDirectory)"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(foreign.path))
        #expect(broken.stderr.contains("ballast db update"))
    }

    @Test("the same vulnerable package in the app and in npm's bundle: matched alike, reported and gated apart")
    func appAndTooling() throws {
        // semver 7.5.1 is below GHSA-c2qf-rxjj-qqgw's fix (7.5.2), once in the app and once in npm's bundle.
        var layer = TarWriter()
        layer.file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
        layer.file("app/package.json", #"{"name": "app", "version": "1.0.0"}"#)
        layer.file("app/node_modules/semver/package.json", #"{"name": "semver", "version": "7.5.1"}"#)
        layer.file("usr/local/lib/node_modules/npm/package.json", #"{"name": "npm", "version": "9.6.7"}"#)
        layer.file(
            "usr/local/lib/node_modules/npm/node_modules/semver/package.json",
            #"{"name": "semver", "version": "7.5.1"}"#)
        var builder = try LayoutBuilder()
        defer { builder.remove() }
        try builder.addLayer(layer.finished())
        try builder.finish()
        let database = try Self.database.get()
        let extra = [Self.feeds + "/osv/npm/GHSA-c2qf-rxjj-qqgw.json"]
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-scan-\(UUID().uuidString).db")
            .path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        #expect(try BallastProcess.run(["db", "import", "--db", copy] + extra).status == 0)

        func run(_ options: [String]) throws -> (Int32, [(scope: String, id: String)]) {
            let result = try BallastProcess.run(
                ["scan", "--db", copy, "--format", "json", "--today", "2026-12-03", "oci:\(builder.root.path)"]
                    + options)
            let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
            let findings = (report["findings"] as? [[String: Any]] ?? []).map { finding in
                ((finding["component"] as? [String: Any])?["scope"] as? String ?? "", finding["id"] as? String ?? "")
            }
            return (result.status, findings)
        }
        let (_, all) = try run([])
        #expect(Set(all.filter { $0.id == "CVE-2022-25883" }.map(\.scope)) == ["app", "tooling"])
        let (appGate, app) = try run(["--scope", "app", "--fail-on", "medium"])
        #expect(app.map(\.scope).allSatisfy { $0 == "app" })
        #expect(appGate == 1)
        let (toolingGate, tooling) = try run(["--scope", "tooling", "--fail-on", "critical"])
        #expect(!tooling.isEmpty && tooling.map(\.scope).allSatisfy { $0 == "tooling" })
        #expect(toolingGate == 0)
    }
}
