import BallastLayers

/// Finds Node.js runtimes: the official images' `/usr/local/bin/node` (an upstream build no
/// package owns), distroless's `/nodejs/bin/node`, Debian's packaged `/usr/bin/node` (a small
/// launcher whose version lives in `libnode.so.N`), Alpine's `nodejs` apk.
///
/// The version is read from the binary itself (the `node.js/vX.Y.Z` string every build embeds)
/// or from `include/node/node_version.h`; `NODE_VERSION` in the config is only a cross-check.
struct NodeRuntimeCataloger {
    static let marker = "node.js/v"
    static let binaryPatterns = ["**/bin/node", "**/bin/nodejs"]
    static let requests: [ContentRequest] = [
        ContentRequest(
            binaryPatterns + ["**/libnode.so.*"], action: .scan({ MarkerScanner(marker: marker, keep: 32) })),
        .capture(["**/include/node/node_version.h"], limit: 1 << 20),
    ]

    let filesystem: MergedFilesystem
    /// Owner of each file, from the OS package databases.
    let owners: [String: String]
    let environmentVersion: String?

    struct Found {
        var component: Component
        /// A synthetic dpkg record that only describes this upstream binary (distroless until 2023).
        var claimsSyntheticRecord: Bool
    }

    func catalog(syntheticRecords: [Component], warnings: inout [InventoryWarning]) throws -> [Found] {
        var found: [Found] = []
        var seen: Set<String> = []
        let candidates = NodeRuntimeCataloger.binaryPatterns.flatMap { filesystem.paths(matching: PathPattern($0)) }
            .filter { !$0.contains("node_modules/") }
        for path in candidates.sorted() {
            guard let resolved = try filesystem.resolve(path), let node = filesystem.nodes[resolved],
                node.kind == .file, node.isExecutable, seen.insert(resolved).inserted
            else { continue }
            let prefix = resolved.split(separator: "/").dropLast(2).joined(separator: "/")
            guard let version = try version(binary: resolved, prefix: prefix) else {
                warnings.append(
                    InventoryWarning(path: resolved, message: "a node binary whose version could not be read"))
                continue
            }
            let owner = owners[resolved]
            let synthetic = syntheticRecords.first { $0.version == version }
            var paths = [resolved]
            if path != resolved { paths.append(path) }
            if let synthetic { paths += synthetic.paths }
            let isDistribution = owner != nil && synthetic == nil
            let component = Component(
                kind: .nodeRuntime, name: "node", version: version, scope: .runtime,
                purl: isDistribution ? "pkg:generic/node@\(version)" : PackageURL.nodeRuntime(version: version),
                origin: isDistribution ? "distribution" : "upstream", ownerPackage: isDistribution ? owner : nil,
                licenses: ["MIT"], paths: paths)
            if let environmentVersion, environmentVersion != version {
                let message = "NODE_VERSION=\(environmentVersion) in the config, but the binary is \(version)"
                warnings.append(InventoryWarning(path: resolved, message: message))
            }
            found.append(Found(component: component, claimsSyntheticRecord: synthetic != nil))
        }
        return found
    }

    /// The embedded version string, else Debian's libnode beside it, else node_version.h.
    private func version(binary: String, prefix: String) throws -> String? {
        if let text = try filesystem.markerText(for: binary, marker: Self.marker),
            let version = Self.leadingVersion(text)
        {
            return version
        }
        let libraries = filesystem.scannedPaths.filter { $0.contains("libnode.so") }
        for library in libraries {
            if let text = try filesystem.markerText(for: library, marker: Self.marker),
                let version = Self.leadingVersion(text)
            {
                return version
            }
        }
        let header = (prefix.isEmpty ? "" : prefix + "/") + "include/node/node_version.h"
        if let text = try filesystem.text(of: header) {
            return Self.headerVersion(text)
        }
        return nil
    }

    /// `22.20.0` from `22.20.0\0…`.
    static func leadingVersion(_ text: String) -> String? {
        let version = text.prefix { $0.isNumber || $0 == "." }
        let parts = version.split(separator: ".")
        return parts.count == 3 ? String(version) : nil
    }

    /// The version from `#define NODE_MAJOR_VERSION 22` and friends.
    static func headerVersion(_ text: String) -> String? {
        var parts: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("#define NODE_") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 3 else { continue }
            parts[String(words[1])] = String(words[2])
        }
        guard let major = parts["NODE_MAJOR_VERSION"], let minor = parts["NODE_MINOR_VERSION"],
            let patch = parts["NODE_PATCH_VERSION"]
        else { return nil }
        return "\(major).\(minor).\(patch)"
    }
}
