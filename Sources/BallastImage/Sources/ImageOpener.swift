import BallastCore
import Foundation

/// The one entry point from what the user typed to a resolved, located image.
public struct ImageOpener: Sendable {
    public struct Options: Sendable {
        /// The platform to choose from a multi-platform image.
        public var platform: Platform
        /// Whether the user named the platform; a single-platform image of another platform is
        /// then an error instead of being taken as it is.
        public var platformIsExplicit: Bool
        /// How registries are reached: insecure hosts, the cache, credentials.
        public var registry: RegistryOptions

        public init(
            platform: Platform = .linuxAMD64, platformIsExplicit: Bool = false,
            registry: RegistryOptions = RegistryOptions()
        ) {
            self.platform = platform
            self.platformIsExplicit = platformIsExplicit
            self.registry = registry
        }
    }

    public let options: Options
    public let logger: Logger

    public init(options: Options = Options(), logger: Logger = .silent) {
        self.options = options
        self.logger = logger
    }

    /// Resolves `input` (`oci:DIR[:TAG]`, `docker-archive:FILE`, a registry reference…), hands
    /// the image to `body` while its blobs are on disk, then releases what was only borrowed
    /// (a registry pull made without the cache).
    public func withImage<T>(_ input: String, _ body: (ResolvedImage) async throws -> T) async throws -> T {
        let location = try ImageLocation(parsing: input)
        logger.debug("reading \(input) as \(location)")
        switch location {
        case .registry(let reference):
            let source = try RegistryImageSource(
                reference: reference, platform: options.platform, options: options.registry, input: input)
            defer { source.close() }
            var image = try await source.resolve()
            if options.platformIsExplicit, !options.platform.matches(image.platform) {
                throw ImageError.noMatchingPlatform(
                    requested: options.platform, available: [image.platform], source: reference.description)
            }
            image.reference = reference
            return try await body(image)
        default:
            let image = try LocalImageSource.resolve(
                location, input: input, platform: options.platform, platformIsExplicit: options.platformIsExplicit)
            return try await body(image)
        }
    }

    /// Resolves a local image, or a registry image into the shared cache, whose blobs stay.
    public func open(_ input: String) async throws -> ResolvedImage {
        try await withImage(input) { $0 }
    }
}
