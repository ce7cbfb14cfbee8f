import BallastArchive
import BallastCore
import BallastImage
import Foundation

/// Builds the ``MergedFilesystem`` of a resolved image in one streaming pass per layer.
///
/// Layers are read in parallel, one per core, each verified against its digest as it streams;
/// they are then merged in order. Nothing is unpacked to disk.
public struct FilesystemReader: Sendable {
    public let image: ResolvedImage
    private let logger: Logger
    private let progress: ProgressDisplay

    public init(image: ResolvedImage, logger: Logger = .silent, progress: ProgressDisplay = .disabled) {
        self.image = image
        self.logger = logger
        self.progress = progress
    }

    /// Reads every layer once, capturing or scanning the files `requests` select.
    public func read(requests: [ContentRequest] = []) async throws -> MergedFilesystem {
        progress.start("reading layers", total: image.compressedSize)
        defer { progress.finish() }
        let scans = try await scanLayers(requests: requests)
        var filesystem = MergedFilesystem()
        for (index, scan) in scans.enumerated() {
            filesystem.apply(scan, layer: index)
        }
        logger.debug("merged \(image.layers.count) layers into \(filesystem.nodes.count) paths")
        return filesystem
    }

    /// Reads the contents of `paths` (up to `limit` bytes each) that the first pass did not
    /// capture, re-reading only the layers that hold them.
    public func extract(_ paths: [String], limit: Int, into filesystem: inout MergedFilesystem) throws {
        var byLayer: [Int: Set<String>] = [:]
        for path in paths {
            guard let resolved = try filesystem.resolve(path), var node = filesystem.nodes[resolved] else { continue }
            if node.kind == .hardlink, let target = node.linkTarget, let targetNode = filesystem.nodes[target] {
                node = targetNode
            }
            byLayer[node.layer, default: []].insert(node.path)
        }
        let request = ContentRequest.capture(["**"], limit: limit)
        for (layer, wanted) in byLayer.sorted(by: { $0.key < $1.key }) {
            let scan = try LayerScan.read(image.layers[layer], requests: [request], only: wanted, progress: { _ in })
            for (path, bytes) in scan.captured {
                filesystem.store(bytes, for: path)
            }
        }
    }

    private func scanLayers(requests: [ContentRequest]) async throws -> [LayerScan] {
        let layers = image.layers
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let progress = self.progress
        let logger = self.logger
        // Largest layers first: with one worker per core, the pass ends soonest when the big
        // layers do not start last.
        let order = layers.indices.sorted { layers[$0].descriptor.size > layers[$1].descriptor.size }
        return try await withThrowingTaskGroup(of: (Int, LayerScan).self) { group in
            var results = [LayerScan?](repeating: nil, count: layers.count)
            var next = 0
            func launch() {
                let layer = layers[order[next]]
                next += 1
                group.addTask {
                    let started = ContinuousClock.now
                    let scan = try LayerScan.read(layer, requests: requests, progress: { progress.advance(by: $0) })
                    logger.debug(
                        "layer \(layer.index) \(layer.descriptor.digest.short): \(scan.entries.count) entries in \(ContinuousClock.now - started)"
                    )
                    return (layer.index, scan)
                }
            }
            while next < min(width, layers.count) { launch() }
            while let (index, scan) = try await group.next() {
                results[index] = scan
                if next < layers.count { launch() }
            }
            return results.map { $0! }
        }
    }
}
