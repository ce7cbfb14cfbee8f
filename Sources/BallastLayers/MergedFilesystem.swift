import BallastArchive
import BallastImage

/// The root file system an image's layers add up to, with whiteouts applied.
///
/// Holds every path's metadata and the layer that last wrote it, plus the contents captured
/// for the requests the reader was given. Memory is bounded by the number of paths and the
/// captured files, never by the image's size.
public struct MergedFilesystem: Sendable {
    public private(set) var nodes: [String: FileNode] = [:]
    private var captured: [String: [UInt8]] = [:]
    private var scanned: [String: [any Sendable]] = [:]
    /// Uncompressed bytes per layer, base layer first.
    public private(set) var layerSizes: [Int64] = []

    /// The most symbolic links followed while resolving one path, as Linux allows.
    public static let maximumLinkHops = 40

    init() {}

    /// Applies one layer on top of what the lower layers built.
    mutating func apply(_ scan: LayerScan, layer: Int) {
        for directory in scan.opaqueDirectories {
            removeDescendants(of: directory)
        }
        for path in scan.whiteouts {
            remove(path)
            removeDescendants(of: path)
        }
        for entry in scan.entries {
            if let existing = nodes[entry.path], existing.kind == .directory, entry.kind != .directory {
                removeDescendants(of: entry.path)
            }
            nodes[entry.path] = FileNode(entry, layer: layer)
            captured[entry.path] = nil
            scanned[entry.path] = nil
        }
        for (path, bytes) in scan.captured where nodes[path]?.layer == layer {
            captured[path] = bytes
        }
        for (path, result) in scan.scanned where nodes[path]?.layer == layer {
            scanned[path] = result
        }
        layerSizes.append(scan.uncompressedBytes)
    }

    mutating func store(_ bytes: [UInt8], for path: String) {
        captured[path] = bytes
    }

    private mutating func remove(_ path: String) {
        nodes[path] = nil
        captured[path] = nil
        scanned[path] = nil
    }

    private mutating func removeDescendants(of directory: String) {
        let prefix = directory.isEmpty ? "" : directory + "/"
        let doomed = nodes.keys.filter { $0.hasPrefix(prefix) && $0 != directory }
        for path in doomed {
            remove(path)
        }
    }

    // MARK: Queries

    /// The node at `path` exactly as stored (a symlink is not followed).
    public func node(_ path: String) -> FileNode? {
        nodes[TarPath.normalize(path)]
    }

    /// The node `path` leads to after following symbolic links in every component, or nil when
    /// it leads nowhere.
    public func resolvedNode(_ path: String) throws(LayersError) -> FileNode? {
        guard let resolved = try resolve(path) else { return nil }
        return nodes[resolved]
    }

    /// Every path matching `pattern`, sorted.
    public func paths(matching pattern: PathPattern) -> [String] {
        nodes.keys.filter { pattern.matches($0) }.sorted()
    }

    /// Whether anything lies below `directory`, even when the archive wrote no entry for the
    /// folder itself.
    public func hasEntries(under directory: String) -> Bool {
        let prefix = directory + "/"
        return nodes.keys.contains { $0.hasPrefix(prefix) }
    }

    /// The captured contents of `path`, following links; nil when nothing was captured.
    public func contents(of path: String) throws(LayersError) -> [UInt8]? {
        guard var resolved = try resolve(path) else { return nil }
        if let node = nodes[resolved], node.kind == .hardlink, let target = node.linkTarget, captured[resolved] == nil {
            resolved = target
        }
        return captured[resolved]
    }

    /// The contents of `path` as UTF-8 text.
    public func text(of path: String) throws(LayersError) -> String? {
        try contents(of: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// What the ``ContentScanner``s distilled from `path`, following links.
    public func scanResults(for path: String) throws(LayersError) -> [any Sendable] {
        guard let resolved = try resolve(path) else { return [] }
        return scanned[resolved] ?? []
    }

    /// The first scan result of type `T` for `path`, following links.
    public func scanResult<T>(for path: String, as type: T.Type) throws(LayersError) -> T? {
        try scanResults(for: path).lazy.compactMap { $0 as? T }.first
    }

    /// The text a ``MarkerScanner`` for `marker` found after it in `path`.
    public func markerText(for path: String, marker: String) throws(LayersError) -> String? {
        try scanResults(for: path).lazy.compactMap { $0 as? MarkerMatch }.first { $0.marker == marker }?.following
    }

    /// Every path some scanner produced a result for, sorted.
    public var scannedPaths: [String] { scanned.keys.sorted() }

    /// Resolves symbolic links inside the image root. `..` never climbs above the root, and an
    /// absolute target starts again at the root, as the kernel does inside a container.
    public func resolve(_ path: String, followFinal: Bool = true) throws(LayersError) -> String? {
        var pending = TarPath.normalize(path).split(separator: "/").map(String.init).reversed() as [String]
        var resolved: [String] = []
        var hops = 0
        while let component = pending.popLast() {
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                _ = resolved.popLast()
                continue
            }
            let candidate = (resolved + [component]).joined(separator: "/")
            guard let node = nodes[candidate] else {
                // Some archives omit folder entries: a missing folder on the way is implied by
                // what lies under it, but the last component must exist.
                guard !pending.isEmpty else { return nil }
                resolved.append(component)
                continue
            }
            let isLast = pending.isEmpty
            if node.kind == .symlink, let target = node.linkTarget, !isLast || followFinal {
                hops += 1
                guard hops <= MergedFilesystem.maximumLinkHops else { throw .symlinkLoop(path: path) }
                if target.hasPrefix("/") { resolved.removeAll() }
                pending.append(contentsOf: target.split(separator: "/").map(String.init).reversed())
                continue
            }
            resolved.append(component)
        }
        return resolved.joined(separator: "/")
    }
}
