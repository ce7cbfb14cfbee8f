import BallastLayers

extension LibraryResolver {
    /// What a ``FilesystemReader`` pass must collect for ``init(filesystem:platform:)``: the loader
    /// configuration files, and the dynamic sections of shared libraries, read by ``ELFScanner``
    /// so no library is held whole.
    public static let contentRequests: [ContentRequest] = [
        .capture(["etc/ld.so.conf", "etc/ld.so.conf.d/*", "etc/ld-musl-*.path"], limit: 64 << 10),
        ELFScanner.request(["**/*.so", "**/*.so.*", "lib/ld-musl-*"]),
    ]

    /// A resolver over an image's merged file system, read with ``contentRequests``: the search
    /// path comes from the image's loader configuration for `platform`'s libc, and each library
    /// from its ``ELFScanner`` result or, failing that, its captured bytes.
    public init(filesystem: MergedFilesystem, platform: NativePlatform) {
        let readText = { (path: String) in try? filesystem.text(of: path) }
        let searchPath =
            switch platform.libc {
            case .glibc:
                LibrarySearchPath.glibc(
                    readText: readText,
                    matchingPaths: { filesystem.paths(matching: PathPattern($0)).map { "/" + $0 } })
            case .musl:
                LibrarySearchPath.musl(architecture: platform.muslArchitecture, readText: readText)
            }
        self.init(
            searchPath: searchPath,
            fileExists: { path in
                guard let node = try? filesystem.resolvedNode(path) else { return false }
                return node.kind == .file || node.kind == .hardlink
            },
            loadLibrary: { path in
                // A hard link's contents were read under the name tar stored them with.
                var path = path
                if let node = try? filesystem.resolvedNode(path), node.kind == .hardlink, let target = node.linkTarget {
                    path = "/" + target
                }
                if let scanned = try? filesystem.scanResult(for: path, as: ELFScanResult.self) {
                    return scanned.mapError { $0 }
                }
                guard let bytes = try? filesystem.contents(of: path) else { return nil }
                return Result { () throws(ELFError) in try ELFFile(bytes: bytes) }.mapError { $0 }
            })
    }
}
