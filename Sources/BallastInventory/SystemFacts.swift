import BallastLayers

/// What an image's files say about the system it runs: OS, libc, shell, package managers and
/// where node and npm live.
public struct SystemFacts: Codable, Hashable, Sendable {
    public var os: OSRelease?
    public var libc: Libc?
    /// `/bin/sh`, when it leads to a file.
    public var shell: String?
    /// `dpkg`, `apt`, `apk`, in that order, for those whose program is present.
    public var packageManagers: [String]
    /// The package databases present, which distroless images have without a package manager:
    /// `var/lib/dpkg/status`, `var/lib/dpkg/status.d`, `lib/apk/db/installed`.
    public var packageDatabases: [String]
    /// Every `node` executable on the usual paths, resolved.
    public var nodePaths: [NodeLocation]
    /// Where `npm` is, if anywhere on the usual paths.
    public var npmPath: String?

    public struct Libc: Codable, Hashable, Sendable {
        /// `glibc` or `musl`.
        public var family: String
        public var version: String?
        /// Where the version was read: the library's own banner or the package database.
        public var versionSource: String?
    }

    public struct NodeLocation: Codable, Hashable, Sendable {
        /// The path as found, e.g. `usr/local/bin/node`.
        public var path: String
        /// The file it leads to, when it is a link.
        public var resolvedPath: String
    }

    /// The files ``init(filesystem:)`` needs; hand them to the reader before its pass.
    public static let contentRequests: [ContentRequest] = [
        .capture(OSRelease.paths, limit: 64 << 10),
        .capture(["lib/apk/db/installed"], limit: 16 << 20),
        ContentRequest(["**/libc.so.6"], action: .scan({ MarkerScanner(marker: glibcMarker, keep: 160) })),
    ]

    static let glibcMarker = "GNU C Library"
    static let nodeCandidates = [
        "usr/local/bin/node", "usr/bin/node", "nodejs/bin/node", "bin/node", "opt/node/bin/node",
    ]
    static let npmCandidates = ["usr/local/bin/npm", "usr/bin/npm", "nodejs/bin/npm", "bin/npm"]

    public init(
        os: OSRelease?, libc: Libc?, shell: String?, packageManagers: [String], packageDatabases: [String],
        nodePaths: [NodeLocation], npmPath: String?
    ) {
        self.os = os
        self.libc = libc
        self.shell = shell
        self.packageManagers = packageManagers
        self.packageDatabases = packageDatabases
        self.nodePaths = nodePaths
        self.npmPath = npmPath
    }

    public init(filesystem: MergedFilesystem) throws {
        os = try OSRelease.paths.lazy.compactMap { try filesystem.text(of: $0) }.first.map(OSRelease.init(parsing:))
        libc = try SystemFacts.detectLibc(filesystem)
        shell = try filesystem.resolvedNode("bin/sh").map { _ in "/bin/sh" }

        var managers: [String] = []
        if try filesystem.resolvedNode("usr/bin/dpkg") != nil { managers.append("dpkg") }
        if try filesystem.resolvedNode("usr/bin/apt-get") != nil { managers.append("apt") }
        if try filesystem.resolvedNode("sbin/apk") != nil || filesystem.resolvedNode("usr/sbin/apk") != nil {
            managers.append("apk")
        }
        var databases: [String] = []
        if filesystem.node("var/lib/dpkg/status") != nil { databases.append("var/lib/dpkg/status") }
        if filesystem.node("var/lib/dpkg/status.d") != nil { databases.append("var/lib/dpkg/status.d") }
        if filesystem.node("lib/apk/db/installed") != nil { databases.append("lib/apk/db/installed") }
        packageDatabases = databases
        packageManagers = managers

        var nodes: [NodeLocation] = []
        for candidate in SystemFacts.nodeCandidates {
            guard let resolved = try filesystem.resolve(candidate), let node = filesystem.nodes[resolved],
                node.kind == .file || node.kind == .hardlink,
                !nodes.contains(where: { $0.resolvedPath == "/" + resolved })
            else { continue }
            nodes.append(NodeLocation(path: "/" + candidate, resolvedPath: "/" + resolved))
        }
        nodePaths = nodes
        npmPath = try SystemFacts.npmCandidates.first { try filesystem.resolvedNode($0) != nil }.map { "/" + $0 }
    }

    private static func detectLibc(_ filesystem: MergedFilesystem) throws -> Libc? {
        let musl = filesystem.paths(matching: PathPattern("lib/ld-musl-*.so.1"))
        if !musl.isEmpty {
            let version = try filesystem.text(of: "lib/apk/db/installed").flatMap { apkVersion(of: "musl", in: $0) }
            return Libc(family: "musl", version: version, versionSource: version == nil ? nil : "apk package musl")
        }
        for path in filesystem.scannedPaths where path.hasSuffix("libc.so.6") {
            guard let banner = try filesystem.markerText(for: path, marker: glibcMarker) else { continue }
            // "(Debian GLIBC 2.36-9+deb12u13) stable release version 2.36."
            if let range = banner.range(of: "release version ") {
                let version = banner[range.upperBound...].prefix { $0.isNumber || $0 == "." }
                let trimmed = version.hasSuffix(".") ? version.dropLast() : version
                return Libc(family: "glibc", version: String(trimmed), versionSource: "/" + path)
            }
        }
        let loaders =
            filesystem.paths(matching: PathPattern("lib*/ld-linux-*.so.*"))
            + filesystem.paths(matching: PathPattern("usr/lib*/ld-linux-*.so.*"))
        return loaders.isEmpty ? nil : Libc(family: "glibc", version: nil, versionSource: nil)
    }

    /// The upstream part of an apk package's version (`1.2.5-r0` → `1.2.5`).
    static func apkVersion(of package: String, in database: String) -> String? {
        var current: String?
        for line in database.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("P:") { current = String(line.dropFirst(2)) }
            if line.hasPrefix("V:"), current == package {
                let version = line.dropFirst(2)
                return String(version.split(separator: "-r").first ?? version)
            }
        }
        return nil
    }
}
