import BallastArchive
import BallastDigest
import Foundation

extension RegistryImageSource {
    /// Downloads every missing layer, a few at a time, and returns their paths in manifest order.
    func downloadLayers(_ descriptors: [Descriptor], source: String) async throws -> [URL] {
        let missing = descriptors.filter { cache.cachedBlob($0) == nil }
        let progress = options.progress
        if !missing.isEmpty {
            let bytes = missing.reduce(Int64(0)) { $0 + $1.size }
            options.logger.debug("downloading \(missing.count) of \(descriptors.count) layers (\(bytes) bytes)")
            progress.start("Pulling \(reference.familiarName)", total: bytes)
        }
        defer { if !missing.isEmpty { progress.finish() } }

        var paths = [URL?](repeating: nil, count: descriptors.count)
        try await withThrowingTaskGroup(of: (Int, URL).self) { group in
            var next = 0
            func addNext() {
                guard next < descriptors.count else { return }
                let index = next
                let descriptor = descriptors[index]
                next += 1
                group.addTask {
                    let url = try await client.fetchBlob(
                        descriptor, repository: reference.path, into: cache, what: "layer", source: source,
                        onWrite: { progress.advance(by: Int64($0)) })
                    return (index, url)
                }
            }
            for _ in 0..<options.concurrentDownloads { addNext() }
            while let (index, url) = try await group.next() {
                paths[index] = url
                addNext()
            }
        }
        return paths.map { $0! }
    }

    /// Pairs each layer with its diff ID, history entry, blob file and compression.
    func assembleLayers(
        manifest: Manifest, config: ImageConfig, paths: [URL], compressions: [LayerCompression]
    ) throws -> [Layer] {
        let diffIDs = config.rootfs?.diff_ids ?? []
        let history = config.layerHistory(layerCount: manifest.layers.count)
        return try manifest.layers.enumerated().map { index, descriptor in
            var diffID: Digest?
            if index < diffIDs.count {
                do {
                    diffID = try Digest(parsing: diffIDs[index])
                } catch {
                    throw ImageError.malformedDocument(
                        what: "config", source: reference.description,
                        reason: "diff_id '\(diffIDs[index])' is not a digest")
                }
            }
            return Layer(
                index: index, descriptor: descriptor, diffID: diffID, history: history[index],
                location: FileRange(path: paths[index].path, length: descriptor.size),
                compression: compressions[index])
        }
    }
}
