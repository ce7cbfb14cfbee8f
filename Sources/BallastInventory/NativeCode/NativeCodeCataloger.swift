import BallastLayers

/// Native code in an image: every `*.node` addon judged against the image's libc and libraries,
/// and the link closure of the Node.js process (node, its libraries, and the addons'), mapped to
/// the OS packages that own those files.
struct NativeCodeCataloger {
    static let addonLimit = 64 << 20
    static let requests: [ContentRequest] =
        LibraryResolver.contentRequests + [
            ELFScanner.request(NodeRuntimeCataloger.binaryPatterns),
            .capture(["**/*.node"], limit: addonLimit),
        ]

    let filesystem: MergedFilesystem
    let platform: NativePlatform?
    let owners: [String: String]

    struct Result {
        var addons: [NativeAddon]
        /// Files (absolute) loaded into a node process: node's libraries and the addons'.
        var linkedFiles: Set<String>
    }

    func catalog(runtimes: [Component], npm: [Component], warnings: inout [InventoryWarning]) throws -> Result {
        guard let platform else { return Result(addons: [], linkedFiles: []) }
        let compatibility = NativeCompatibility(
            platform: platform, resolver: LibraryResolver(filesystem: filesystem, platform: platform))
        var linked: Set<String> = []

        // The first runtime is the host that loads addons: its libraries are in every process.
        var host: NativeObject?
        for runtime in runtimes {
            guard let path = runtime.paths.first,
                let scanned = try filesystem.scanResult(for: path, as: ELFScanResult.self)
            else { continue }
            switch scanned {
            case .success(let file):
                let object = NativeObject(path: "/" + path, file: file)
                host = host ?? object
                linked.insert(object.path)
                linked.formUnion(compatibility.judge(object).libraries.map(\.path))
            case .failure(let error):
                warnings.append(InventoryWarning(path: path, message: "node binary could not be read as ELF: \(error)"))
            }
        }

        var addons: [NativeAddon] = []
        for path in filesystem.paths(matching: PathPattern("**/*.node")) {
            guard let node = filesystem.nodes[path], node.kind == .file else { continue }
            guard let bytes = try filesystem.contents(of: path) else {
                warnings.append(InventoryWarning(path: path, message: "addon larger than 64 MB; not judged"))
                continue
            }
            let file: ELFFile
            do {
                file = try ELFFile(bytes: bytes)
            } catch {
                warnings.append(
                    InventoryWarning(path: path, message: "not a readable ELF shared object (\(error)); not judged"))
                continue
            }
            let object = NativeObject(path: "/" + path, file: file)
            let report = compatibility.judge(object, loadedBy: host)
            if report.verdict != .incompatible {
                linked.insert(object.path)
                linked.formUnion(report.libraries.map(\.path))
            }
            let package = npm.filter { path.hasPrefix(String($0.paths[0].dropLast("package.json".count))) }
                .max { $0.paths[0].count < $1.paths[0].count }
            addons.append(
                NativeAddon(
                    path: path, package: package.map { "\($0.name)@\($0.version)" }, machine: file.machine.description,
                    needed: file.needed, runpath: file.runpath ?? file.rpath, bindNow: file.bindNow,
                    verdict: report.verdict.rawValue, reasons: report.findings.map(\.description), notes: report.notes,
                    libraries: report.libraries.map(\.path)))
        }
        return Result(addons: addons, linkedFiles: linked)
    }
}

/// A native addon (`*.node`) and whether it can load in this image.
public struct NativeAddon: Codable, Hashable, Sendable {
    public var path: String
    /// The npm package it belongs to, `name@version`.
    public var package: String?
    public var machine: String
    public var needed: [String]
    public var runpath: String?
    public var bindNow: Bool
    /// `compatible`, `incompatible` or `unknown`.
    public var verdict: String
    /// What is missing: a library, a symbol, a symbol version, the wrong machine.
    public var reasons: [String]
    public var notes: [String]
    /// The image files the addon loads, found through the library search path.
    public var libraries: [String]
}
