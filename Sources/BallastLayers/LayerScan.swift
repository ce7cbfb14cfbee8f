import BallastArchive
import BallastImage

/// Everything one pass over one layer learned: its entries, its whiteouts, and the contents
/// the caller asked for.
struct LayerScan: Sendable {
    var entries: [TarEntry] = []
    /// Paths hidden from lower layers by `.wh.NAME` files.
    var whiteouts: [String] = []
    /// Directories whose lower-layer contents are hidden by `.wh..wh..opq`.
    var opaqueDirectories: [String] = []
    var captured: [String: [UInt8]] = [:]
    var scanned: [String: [any Sendable]] = [:]
    /// The length of the layer's tar stream.
    var uncompressedBytes: Int64 = 0

    static let whiteoutPrefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"

    /// Streams `layer` once, verifying its digest, and collects what `requests` ask for.
    static func read(
        _ layer: Layer, requests: [ContentRequest], only wanted: Set<String>? = nil, progress: @Sendable (Int64) -> Void
    ) throws(ArchiveError) -> LayerScan {
        let name = "layer \(layer.descriptor.digest)"
        let stream = try LayerStream(range: layer.location, name: name, expectedDigest: layer.descriptor.digest)
        var scan = LayerScan()
        var reported: Int64 = 0
        while let entry = try stream.next() {
            let consumed = stream.bytesConsumed
            if consumed - reported >= 4 << 20 {
                progress(consumed - reported)
                reported = consumed
            }
            if entry.path.isEmpty { continue }
            if let hidden = whiteoutTarget(entry.path) {
                if hidden.isOpaque {
                    scan.opaqueDirectories.append(hidden.path)
                } else {
                    scan.whiteouts.append(hidden.path)
                }
                continue
            }
            if wanted == nil {
                scan.entries.append(entry)
            }
            if let wanted, !wanted.contains(entry.path) { continue }
            try collect(entry, from: stream, requests: requests, into: &scan)
        }
        try stream.finish()
        scan.uncompressedBytes = stream.uncompressedLength
        progress(stream.bytesConsumed - reported)
        return scan
    }

    /// Captures and scans one entry for every request that selects it, in a single read: the
    /// largest capture limit wins, and every scanner sees the same chunks.
    private static func collect(
        _ entry: TarEntry, from stream: LayerStream, requests: [ContentRequest], into scan: inout LayerScan
    ) throws(ArchiveError) {
        guard entry.kind == .file || entry.kind == .hardlink else { return }
        var captureLimit: Int?
        var makers: [@Sendable () -> any ContentScanner] = []
        for request in requests where request.matches(entry.path) {
            switch request.action {
            case .capture(let limit): captureLimit = max(captureLimit ?? 0, limit)
            case .scan(let make): makers.append(make)
            }
        }
        guard captureLimit != nil || !makers.isEmpty else { return }

        if entry.kind == .hardlink {
            // Tar stores a hard link's data once, with the first name.
            guard let target = entry.linkTarget else { return }
            scan.captured[entry.path] = captureLimit == nil ? nil : scan.captured[target]
            scan.scanned[entry.path] = makers.isEmpty ? nil : scan.scanned[target]
            return
        }
        let scanners = makers.map { $0() }
        if let captureLimit, let bytes = try stream.readData(limit: captureLimit) {
            scan.captured[entry.path] = bytes
            bytes.withUnsafeBytes { buffer in
                for scanner in scanners { _ = scanner.consume(buffer) }
            }
        } else if !scanners.isEmpty {
            var active = scanners
            try stream.forEachChunk { chunk in
                active = active.filter { $0.consume(chunk) }
                return !active.isEmpty
            }
        }
        let results = scanners.compactMap { $0.finish() }
        if !results.isEmpty {
            scan.scanned[entry.path] = results
        }
    }

    /// `a/.wh.b` hides `a/b`; `a/.wh..wh..opq` makes `a` opaque.
    private static func whiteoutTarget(_ path: String) -> (path: String, isOpaque: Bool)? {
        let slash = path.lastIndex(of: "/")
        let base = slash.map { path[path.index(after: $0)...] } ?? path[...]
        guard base.hasPrefix(whiteoutPrefix) else { return nil }
        let parent = slash.map { String(path[..<$0]) } ?? ""
        if base == opaqueMarker { return (parent, true) }
        let hidden = base.dropFirst(whiteoutPrefix.count)
        return (parent.isEmpty ? String(hidden) : parent + "/" + hidden, false)
    }
}
