import BallastImage
import BallastLayers

/// Builds an image's ``Inventory`` from its merged file system.
///
/// Hand ``contentRequests`` to the reader before its single pass over the layers; everything
/// here then works from what that pass captured.
public enum InventoryBuilder {
    public static let contentRequests: [ContentRequest] =
        SystemFacts.contentRequests + DpkgCataloger.requests + ApkCataloger.requests + NodeRuntimeCataloger.requests
        + NpmCataloger.requests + NativeCodeCataloger.requests

    public static func build(image: ResolvedImage, filesystem: MergedFilesystem) throws -> Inventory {
        var warnings: [InventoryWarning] = []
        let system = try SystemFacts(filesystem: filesystem)
        let distro = [system.os?.id, system.os?.versionID].compactMap { $0 }.joined(separator: "-")

        var packages = try DpkgCataloger(filesystem: filesystem, distro: distro.isEmpty ? nil : distro)
            .catalog(warnings: &warnings)
        let namespace = ["wolfi", "chainguard"].contains(system.os?.id ?? "") ? system.os!.id! : "alpine"
        packages += try ApkCataloger(filesystem: filesystem, namespace: namespace, distro: system.os?.versionID)
            .catalog(warnings: &warnings)

        var owners: [String: String] = [:]
        for record in packages {
            for file in record.files where owners[file] == nil {
                owners[file] = record.component.name
            }
        }

        // Distroless wrote a dpkg record for the upstream node it copied in; it is not a
        // Debian package, and counting it would count node twice.
        let synthetic = packages.map(\.component).filter { $0.kind == .deb && $0.origin == "synthetic" }
        let environmentVersion = image.config.environment.last { $0.name == "NODE_VERSION" }?.value
        let runtimes = try NodeRuntimeCataloger(
            filesystem: filesystem, owners: owners, environmentVersion: environmentVersion
        ).catalog(syntheticRecords: synthetic, warnings: &warnings)
        let claimed = runtimes.contains { $0.claimsSyntheticRecord }

        var components = packages.map(\.component).filter { !(claimed && $0.origin == "synthetic") }
        components += runtimes.map(\.component)
        let npm = try NpmCataloger(filesystem: filesystem, owners: owners).catalog(warnings: &warnings)
        components += npm

        let platform = NativePlatform(architecture: image.platform.architecture, libc: system.libc)
        let native = try NativeCodeCataloger(filesystem: filesystem, platform: platform, owners: owners)
            .catalog(runtimes: runtimes.map(\.component), npm: npm, warnings: &warnings)
        var linkedPackages: Set<String> = []
        for path in native.linkedFiles {
            let relative = String(path.drop(while: { $0 == "/" }))
            let resolved = (try? filesystem.resolve(relative)) ?? nil
            for candidate in [relative, resolved].compactMap({ $0 }) {
                if let owner = owners[candidate] { linkedPackages.insert(owner) }
            }
        }

        for index in components.indices {
            components[index].layer = layerReference(for: components[index].paths.first, in: image, filesystem)
            if components[index].kind == .deb || components[index].kind == .apk, platform != nil {
                components[index].linkedIntoNode = linkedPackages.contains(components[index].name)
            }
        }
        return Inventory(system: system, components: components, nativeAddons: native.addons, warnings: warnings)
    }

    private static func layerReference(for path: String?, in image: ResolvedImage, _ filesystem: MergedFilesystem)
        -> LayerReference?
    {
        guard let path, let node = filesystem.nodes[path], node.layer < image.layers.count else { return nil }
        let layer = image.layers[node.layer]
        return LayerReference(
            index: node.layer, diffID: layer.diffID?.description, createdBy: layer.history?.created_by)
    }
}
