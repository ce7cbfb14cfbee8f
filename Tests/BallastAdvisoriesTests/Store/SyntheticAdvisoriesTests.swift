import BallastAdvisories
import Foundation
import Testing

struct SyntheticAdvisoriesTests {
    @Test("a synthetic database is labelled as such and answers batched queries")
    func generates() throws {
        let path = try FeedSamples.temporaryFolder().appendingPathComponent("synthetic.db").path
        let database = try SyntheticAdvisories.generate(
            at: path, affectedEntries: 6_000, packages: 500, logger: .silent)
        let feeds = try database.feeds()
        #expect(feeds.map(\.name) == ["synthetic-apk", "synthetic-deb", "synthetic-node-core", "synthetic-npm"])
        #expect(feeds.map(\.format) == [.secdb, .debianTracker, .nodejsCore, .osv])
        #expect(feeds.allSatisfy { $0.source == SyntheticAdvisories.source && $0.name.hasPrefix("synthetic-") })

        let found = try SyntheticAdvisories.queryBatch(database, count: 1_000, packages: 500)
        #expect(found > 1_000)
        let deb = try database.affected(
            ecosystem: .deb, scope: "debian:bookworm", package: SyntheticAdvisories.packageName(.deb, 7))
        #expect(deb.allSatisfy { $0.scope == "debian:bookworm" })
    }

    @Test("the same seed gives the same database")
    func deterministic() throws {
        let folder = try FeedSamples.temporaryFolder()
        let first = try SyntheticAdvisories.generate(
            at: folder.appendingPathComponent("a.db").path, affectedEntries: 1_000, packages: 100, logger: .silent)
        let second = try SyntheticAdvisories.generate(
            at: folder.appendingPathComponent("b.db").path, affectedEntries: 1_000, packages: 100, logger: .silent)
        #expect(try first.digest() == second.digest())
        let name = SyntheticAdvisories.packageName(.npm, 3)
        #expect(
            try first.affected(ecosystem: .npm, scope: nil, package: name)
                == second.affected(ecosystem: .npm, scope: nil, package: name))
    }
}
