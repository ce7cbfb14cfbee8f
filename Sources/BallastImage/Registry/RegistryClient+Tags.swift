import BallastDigest
import Foundation

extension RegistryClient {
    /// Every tag of a repository, following `Link` header pagination.
    ///
    /// - Parameter pageSize: the `n` asked per page; nil lets the registry choose.
    public func listTags(repository: String, pageSize: Int? = nil) async throws -> [String] {
        struct TagList: Decodable {
            var tags: [String]?
        }
        var tags: [String] = []
        var next: (path: String, query: String?)? = ("/v2/\(repository)/tags/list", pageSize.map { "n=\($0)" })
        var pages = 0
        while let page = next, pages < 10_000 {
            let request = Request(
                path: page.path, query: page.query, repository: repository, what: "tag list of \(repository)")
            let response = try await send(request)
            guard response.isSuccess else { throw unexpected(response, request) }
            guard let list = try? JSONDecoder().decode(TagList.self, from: response.body) else {
                throw RegistryError.invalidResponse(
                    registry: domain, what: "tag list of \(repository)", reason: "not JSON")
            }
            tags += list.tags ?? []
            next = Self.nextPage(response.header("Link"))
            pages += 1
        }
        logger.debug("\(repository) has \(tags.count) tags in \(pages) page(s)")
        return tags
    }

    /// The manifest digest of each tag (for multi-platform images, the index digest), asking a
    /// few tags at a time with HEAD requests.
    public func manifestDigests(repository: String, tags: [String]) async throws -> [String: Digest] {
        var digests: [String: Digest] = [:]
        try await withThrowingTaskGroup(of: (String, Digest).self) { group in
            var pending = tags[...]
            func addNext() {
                guard let tag = pending.popFirst() else { return }
                let reference = ImageReference(domain: domain, path: repository, tag: tag, digest: nil)
                group.addTask { (tag, try await manifestDigest(for: reference)) }
            }
            for _ in 0..<4 { addNext() }
            while let (tag, digest) = try await group.next() {
                digests[tag] = digest
                addNext()
            }
        }
        return digests
    }

    /// The path and query of a `Link: </v2/…/tags/list?n=2&last=b>; rel="next"` header.
    static func nextPage(_ link: String?) -> (path: String, query: String?)? {
        guard let link, link.contains("rel=\"next\"") || link.contains("rel=next"),
            let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">"), open < close
        else { return nil }
        let target = link[link.index(after: open)..<close]
        guard let components = URLComponents(string: String(target)) else { return nil }
        return (components.percentEncodedPath, components.percentEncodedQuery)
    }
}
