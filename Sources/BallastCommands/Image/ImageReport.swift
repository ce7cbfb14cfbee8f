import BallastImage
import BallastInventory
import BallastLayers

/// What `ballast inspect` reports about an image. Its JSON form is documented in
/// `docs/inspect-json.md` and kept stable: fields are added, never renamed or removed.
struct ImageReport: Encodable {
    var schemaVersion = 1
    var input: String
    var transport: String
    var reference: String?
    var manifestDigest: String?
    var indexDigest: String?
    var configDigest: String
    var platform: String
    var created: String?
    var compressedSize: Int64
    var uncompressedSize: Int64
    var layers: [LayerReport]
    var config: ConfigReport
    var system: SystemFacts
    var fileCount: Int
    var packages: PackageSummary
    var warnings: [InventoryWarning]

    /// Counts of what the inventory found, for a glance; `ballast sbom` lists it all.
    struct PackageSummary: Encodable {
        /// Components by kind (`deb`, `apk`, `npm`, `node-runtime`).
        var byKind: [String: Int]
        /// npm packages by origin (`app`, `node_modules`, `npm-bundled`…).
        var npmByOrigin: [String: Int]
        var runtimes: [Runtime]
        var nativeAddons: [NativeAddon]
    }

    struct Runtime: Encodable {
        var version: String
        /// `upstream` (a nodejs.org build) or `distribution` (a distribution's package).
        var origin: String
        var ownerPackage: String?
        var path: String
    }

    struct LayerReport: Encodable {
        var index: Int
        var digest: String
        var diffID: String?
        var mediaType: String?
        var compressedSize: Int64
        var uncompressedSize: Int64
        var createdBy: String?
        var created: String?
    }

    struct ConfigReport: Encodable {
        var user: String?
        var entrypoint: [String]?
        var cmd: [String]?
        var workingDir: String?
        var env: [EnvironmentVariable]
        var nodeVersion: String?
        var exposedPorts: [String]
        var labels: [String: String]
        var stopSignal: String?
    }

    struct EnvironmentVariable: Encodable {
        var name: String
        var value: String
    }

    init(image: ResolvedImage, filesystem: MergedFilesystem, inventory: Inventory) {
        input = image.input
        transport = image.transport.rawValue
        reference = image.reference?.description
        manifestDigest = image.manifestDigest?.description
        indexDigest = image.indexDigest?.description
        configDigest = image.configDigest.description
        platform = image.platform.description
        created = image.config.created
        compressedSize = image.compressedSize
        uncompressedSize = filesystem.layerSizes.reduce(0, +)
        layers = image.layers.map { layer in
            LayerReport(
                index: layer.index, digest: layer.descriptor.digest.description, diffID: layer.diffID?.description,
                mediaType: layer.descriptor.mediaType, compressedSize: layer.descriptor.size,
                uncompressedSize: layer.index < filesystem.layerSizes.count ? filesystem.layerSizes[layer.index] : 0,
                createdBy: layer.history?.created_by, created: layer.history?.created)
        }
        let runtime = image.config.config
        let env = image.config.environment.map { EnvironmentVariable(name: $0.name, value: $0.value) }
        config = ConfigReport(
            user: runtime?.User, entrypoint: runtime?.Entrypoint, cmd: runtime?.Cmd, workingDir: runtime?.WorkingDir,
            env: env, nodeVersion: env.first { $0.name == "NODE_VERSION" }?.value,
            exposedPorts: (runtime?.ExposedPorts ?? [:]).keys.sorted(), labels: runtime?.Labels ?? [:],
            stopSignal: runtime?.StopSignal)
        system = inventory.system
        var byKind: [String: Int] = [:]
        var npmByOrigin: [String: Int] = [:]
        for component in inventory.components {
            byKind[component.kind.rawValue, default: 0] += 1
            if component.kind == .npm { npmByOrigin[component.origin ?? "unknown", default: 0] += 1 }
        }
        packages = PackageSummary(
            byKind: byKind, npmByOrigin: npmByOrigin,
            runtimes: inventory.components(of: .nodeRuntime).map {
                Runtime(
                    version: $0.version, origin: $0.origin ?? "upstream", ownerPackage: $0.ownerPackage,
                    path: "/" + ($0.paths.first ?? ""))
            },
            nativeAddons: inventory.nativeAddons)
        warnings = inventory.warnings
        fileCount = filesystem.nodes.values.filter { $0.kind != .directory }.count
    }
}
