import BallastLayers

/// Everything Ballast found in an image, with what it had to skip.
public struct Inventory: Codable, Sendable {
    public var system: SystemFacts
    /// Sorted by kind, name, version and first path.
    public var components: [Component]
    /// Every native addon with its verdict for this image.
    public var nativeAddons: [NativeAddon]
    /// Inputs that could not be read (a garbled status file, a package.json that is not JSON),
    /// each skipped and counted so a shorter inventory is never silent.
    public var warnings: [InventoryWarning]

    public init(
        system: SystemFacts, components: [Component], nativeAddons: [NativeAddon] = [], warnings: [InventoryWarning]
    ) {
        self.system = system
        self.components = components.sorted {
            ($0.kind, $0.name, $0.version, $0.paths.first ?? "") < ($1.kind, $1.name, $1.version, $1.paths.first ?? "")
        }
        self.nativeAddons = nativeAddons
        self.warnings = warnings
    }

    public func components(of kind: Component.Kind) -> [Component] {
        components.filter { $0.kind == kind }
    }
}

/// Something the inventory skipped, and why.
public struct InventoryWarning: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The file, without a leading `/`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "/\(path): \(message)" }
}
