import BallastDigest
import BallastImage
import Foundation

/// Finds, for a tag, the most specific version tag that names the same manifest: `22-slim` →
/// `22.20.0-bookworm-slim`.
///
/// Only tags that could be more specific are asked about: tags extending the version numbers
/// and carrying every word of the variant (`slim`, `alpine3.20`…), newest first, at most
/// ``maximumProbes`` per tag. Digests of such tags are kept in a small cache for a day, so
/// pinning many Dockerfiles against one repository asks the registry once.
struct TagResolver {
    static let maximumProbes = 120
    static let cacheLifetime: TimeInterval = 24 * 3600

    let client: RegistryClient
    let cacheFile: URL?

    /// A version tag split into its numbers and its variant words: `22.20.0-bookworm-slim` is
    /// ([22, 20, 0], [bookworm, slim]).
    struct VersionTag: Equatable {
        var numbers: [Int]
        var words: [String]

        init?(_ tag: String) {
            let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
            self.numbers = numbers.map { $0! }
            words = Array(parts.dropFirst())
        }
    }

    /// The most specific tag pointing at `digest`, or nil when none is more specific than `tag`.
    func mostSpecificTag(for tag: String, digest: Digest, repository: String) async throws -> String? {
        let all = try await client.listTags(repository: repository)
        let candidates = TagResolver.candidates(for: tag, among: all).prefix(TagResolver.maximumProbes)
        guard !candidates.isEmpty else { return nil }
        var cache = loadCache(repository: repository)
        let now = Date().timeIntervalSince1970
        let stale = candidates.filter { tag in
            guard let entry = cache[tag] else { return true }
            return now - entry.checked > TagResolver.cacheLifetime
        }
        for (tag, found) in try await client.manifestDigests(repository: repository, tags: Array(stale)) {
            cache[tag] = CacheEntry(digest: found.description, checked: now)
        }
        saveCache(cache, repository: repository)
        return candidates.first { cache[$0]?.digest == digest.description }
    }

    /// Tags that could name the same image more precisely, most specific and newest first.
    static func candidates(for tag: String, among tags: [String]) -> [String] {
        let wanted = VersionTag(tag)
        let requiredWords = Set(wanted?.words ?? tag.split(separator: "-").map(String.init).filter { $0 != "latest" })
        let scored: [(String, VersionTag)] = tags.compactMap { candidate in
            guard candidate != tag, let version = VersionTag(candidate) else { return nil }
            guard requiredWords.allSatisfy({ TagResolver.words(version.words, cover: $0) }) else { return nil }
            if let wanted {
                guard version.numbers.starts(with: wanted.numbers),
                    version.numbers.count > wanted.numbers.count || version.words.count > wanted.words.count
                else { return nil }
            }
            return (candidate, version)
        }
        return scored.sorted { left, right in
            let (a, b) = (left.1, right.1)
            if a.numbers.count != b.numbers.count { return a.numbers.count > b.numbers.count }
            if a.numbers != b.numbers { return b.numbers.lexicographicallyPrecedes(a.numbers) }
            if a.words.count != b.words.count { return a.words.count > b.words.count }
            return left.0 < right.0
        }.map(\.0)
    }

    /// `alpine` is covered by `alpine` and by `alpine3.20`, a release of it; `slim` by `slim`.
    static func words(_ words: [String], cover required: String) -> Bool {
        words.contains { word in
            word == required || (word.hasPrefix(required) && word.dropFirst(required.count).first?.isNumber == true)
        }
    }

    private struct CacheEntry: Codable {
        var digest: String
        var checked: TimeInterval
    }

    private func cachePath(_ repository: String) -> URL? {
        cacheFile?.appendingPathComponent(client.domain).appendingPathComponent(repository + ".json")
    }

    private func loadCache(repository: String) -> [String: CacheEntry] {
        guard let path = cachePath(repository), let data = try? Data(contentsOf: path) else { return [:] }
        return (try? JSONDecoder().decode([String: CacheEntry].self, from: data)) ?? [:]
    }

    private func saveCache(_ cache: [String: CacheEntry], repository: String) {
        guard let path = cachePath(repository), let data = try? JSONEncoder().encode(cache) else { return }
        try? FileManager.default.createDirectory(
            at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: path, options: .atomic)
    }
}
