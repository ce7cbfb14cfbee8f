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

        public init(platform: Platform = .linuxAMD64, platformIsExplicit: Bool = false) {
            self.platform = platform
            self.platformIsExplicit = platformIsExplicit
        }
    }

    public let options: Options
    public let logger: Logger

    public init(options: Options = Options(), logger: Logger = .silent) {
        self.options = options
        self.logger = logger
    }

    /// Resolves `input` (`oci:DIR[:TAG]`, `docker-archive:FILE`, a registry reference…).
    public func open(_ input: String) async throws -> ResolvedImage {
        let location = try ImageLocation(parsing: input)
        logger.debug("reading \(input) as \(location)")
        switch location {
        case .registry(let reference):
            return try await openRegistry(reference, input: input)
        default:
            return try LocalImageSource.resolve(
                location, input: input, platform: options.platform, platformIsExplicit: options.platformIsExplicit)
        }
    }

    private func openRegistry(_ reference: ImageReference, input: String) async throws -> ResolvedImage {
        throw ImageError.unsupportedTransport(input)
    }
}
