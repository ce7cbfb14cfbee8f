import BallastVersions
import Foundation

/// Reads Alpine and Wolfi secdb files (https://secdb.alpinelinux.org), in the old YAML layout and the
/// JSON layout `{apkurl, archs, reponame, urlprefix, distroversion?, packages: [{pkg: {name,
/// secfixes: {version: [CVE…]}}}]}`.
///
/// The scope is `alpine:<distroversion>` when the file names a distroversion, else `wolfi` for
/// packages.wolfi.dev, `chainguard` for Chainguard's URLs. Each (package, version, CVE) becomes one
/// ``AffectedEntry``: ``AffectedStatus/fixed`` with events `introduced 0, fixed <version>`, or for
/// the version `0` ``AffectedStatus/notAffected``: upstream writes `0` for a CVE that never applied
/// to the package as built. A package absent from the file has no entries. A record here is one
/// package; a fixed version apk refuses is skipped and counted (the v3.11 files hold such typos,
/// `6.6.2p1-r0`), the package's other fixes are kept.
enum SecDBParser {
    static func parse(_ data: Data) throws -> FeedContent {
        let text = String(decoding: data, as: UTF8.self)
        let parsed: Any?
        if text.drop(while: \.isWhitespace).hasPrefix("{") {
            parsed = try? JSONSerialization.jsonObject(with: data)
        } else {
            parsed = try SecDBYAML.parse(text)
        }
        guard let document = parsed as? [String: Any], let packages = document["packages"] as? [Any] else {
            throw InvalidRecord("not a secdb document: no packages list")
        }
        let scope = self.scope(document)

        var content = FeedContent()
        let repository = document["reponame"] as? String ?? "main"
        content.impliedName = "\(scope.replacingOccurrences(of: ":", with: "-"))-\(repository)"
        var seen: Set<String> = []
        for (offset, item) in packages.enumerated() {
            do {
                let entries = try self.entries(
                    (item as? [String: Any])?["pkg"], scope: scope, position: offset + 1, content: &content)
                content.affected += entries
                content.records += 1
                for entry in entries where seen.insert(entry.vulnerabilityID).inserted {
                    content.vulnerabilities.append(Vulnerability(id: entry.vulnerabilityID))
                }
            } catch let error as InvalidRecord {
                content.skip(error.reason)
            }
        }
        return content
    }

    static func scope(_ document: [String: Any]) -> String {
        if let release = document["distroversion"] as? String, !release.isEmpty { return "alpine:\(release)" }
        let prefix = document["urlprefix"] as? String ?? ""
        if prefix.contains("chainguard") { return "chainguard" }
        if prefix.contains("wolfi") { return "wolfi" }
        return "alpine:unknown"
    }

    /// The entries of one package; a fixed version apk refuses is skipped and counted on its own,
    /// keeping the package's other fixes.
    private static func entries(
        _ value: Any?, scope: String, position: Int, content: inout FeedContent
    ) throws -> [AffectedEntry] {
        guard let package = value as? [String: Any], let name = package["name"] as? String, !name.isEmpty else {
            throw InvalidRecord("package \(position) has no pkg.name")
        }
        guard let secfixes = package["secfixes"] as? [String: Any] else { return [] }
        var entries: [AffectedEntry] = []
        for (version, ids) in secfixes.sorted(by: { $0.key < $1.key }) {
            guard version == "0" || AlpineVersion(version).isValid else {
                content.skip("\(name): '\(version)' is not an apk version")
                continue
            }
            for id in ids as? [Any] ?? [] {
                // Entries may carry several ids on a line: `CVE-2021-1 CVE-2021-2`.
                for word in "\(id)".split(separator: " ") where !word.isEmpty {
                    let fixed = version == "0"
                    entries.append(
                        AffectedEntry(
                            vulnerabilityID: String(word), ecosystem: .apk, scope: scope, package: name,
                            status: fixed ? .notAffected : .fixed, rangeType: fixed ? nil : "ECOSYSTEM",
                            events: fixed ? [] : [AffectedEvent(.introduced, "0"), AffectedEvent(.fixed, version)],
                            fixedVersion: fixed ? nil : version))
                }
            }
        }
        return entries
    }
}
