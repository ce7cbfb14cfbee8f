import BallastImage
import BallastInventory
import BallastLayers

/// An image read once and inventoried: what inspect, sbom and scan all start from.
struct ImageAnalysis {
    let image: ResolvedImage
    let filesystem: MergedFilesystem
    let inventory: Inventory

    /// Opens `input`, streams its layers once with the inventory's requests, and builds the
    /// inventory; skipped inputs are reported as warnings on standard error.
    static func load(_ input: String, options: ImageOptions, in context: CommandContext) async throws -> ImageAnalysis {
        try await options.opener(in: context).withImage(input) { image in
            let reader = FilesystemReader(image: image, logger: context.logger, progress: context.progress)
            let filesystem = try await reader.read(requests: InventoryBuilder.contentRequests)
            let inventory = try InventoryBuilder.build(image: image, filesystem: filesystem)
            for warning in inventory.warnings {
                context.logger.warning("\(input): \(warning)")
            }
            return ImageAnalysis(image: image, filesystem: filesystem, inventory: inventory)
        }
    }
}
