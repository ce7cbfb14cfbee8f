import BallastInventory

/// Ballast's own inventory document (`ballast sbom --format json`), described in
/// `docs/sbom-json.md`.
public struct BallastJSON: Encodable {
    public var schemaVersion = 1
    public var tool: Tool
    public var image: Image
    public var system: SystemFacts
    public var components: [Component]
    public var nativeAddons: [NativeAddon]
    public var warnings: [InventoryWarning]

    public struct Tool: Encodable {
        public var name = "ballast"
        public var version: String
    }

    public struct Image: Encodable {
        public var input: String
        public var reference: String?
        public var manifestDigest: String?
        public var configDigest: String
        public var platform: String
    }

    public init(_ context: SBOMContext) {
        tool = Tool(version: context.toolVersion)
        image = Image(
            input: context.image.input, reference: context.image.reference?.description,
            manifestDigest: context.image.manifestDigest?.description,
            configDigest: context.image.configDigest.description, platform: context.image.platform.description)
        system = context.inventory.system
        components = context.inventory.components
        nativeAddons = context.inventory.nativeAddons
        warnings = context.inventory.warnings
    }
}
