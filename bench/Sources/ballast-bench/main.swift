// Benchmark driver for what bench/run cannot reach through the ballast command: builds a
// synthetic advisory database of realistic size and times matching an inventory against it.
// The database is labelled synthetic in its feed records; its numbers are not advisories.
//
// Usage: ballast-bench DATABASE [AFFECTED_ENTRIES] [PACKAGES]
import BallastAdvisories
import BallastCore
import BallastInventory
import BallastMatching
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ballast-bench DATABASE [AFFECTED_ENTRIES] [PACKAGES]\n".utf8))
    exit(64)
}
let path = arguments[1]
let entries = arguments.count > 2 ? Int(arguments[2]) ?? 300_000 : 300_000
let packageCount = arguments.count > 3 ? Int(arguments[3]) ?? 1_000 : 1_000

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

var database: AdvisoryDatabase?
let generated = try seconds {
    if FileManager.default.fileExists(atPath: path) {
        database = try AdvisoryDatabase.open(path: path, logger: .silent)
    } else {
        database = try SyntheticAdvisories.generate(at: path, affectedEntries: entries, logger: .silent)
    }
}
guard let database else { exit(2) }

// An inventory like a Debian-based Node image's, with names the synthetic feeds use: two
// thirds npm packages, one third Debian packages, and an upstream node.
var components: [Component] = []
for index in 0..<packageCount {
    if index % 3 == 2 {
        let name = SyntheticAdvisories.packageName(.deb, index * 7)
        components.append(
            Component(
                kind: .deb, name: name, version: "1.\(index % 9).\(index % 5)-1", scope: .os,
                purl: "pkg:deb/debian/\(name)"))
    } else {
        let name = SyntheticAdvisories.packageName(.npm, index * 7)
        components.append(
            Component(
                kind: .npm, name: name, version: "\(index % 12).\(index % 7).\(index % 3)", scope: .app,
                purl: "pkg:npm/\(name)"))
    }
}
components.append(
    Component(kind: .nodeRuntime, name: "node", version: "22.20.0", scope: .runtime, purl: "pkg:generic/node"))
let system = SystemFacts(
    os: OSRelease(id: "debian", versionID: "12", versionCodename: "bookworm"), libc: nil, shell: nil,
    packageManagers: [], packageDatabases: [], nodePaths: [], npmPath: nil)
let inventory = Inventory(system: system, components: components, warnings: [])
let matcher = Matcher(database: database, today: "2026-12-03")

var findings = 0
var best = Double.infinity
for _ in 0..<5 {
    best = min(best, try seconds { findings = try matcher.findings(for: inventory).count })
}
print("database \(path): ready in \(String(format: "%.2f", generated)) s")
print(
    "matched \(components.count) packages in \(String(format: "%.1f", best * 1000)) ms (best of 5), \(findings) findings"
)
