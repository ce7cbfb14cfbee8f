import BallastImage

/// Options of every command that reads an image.
struct ImageOptions: Sendable {
    var platform: Platform
    var platformIsExplicit: Bool
    var insecureRegistries: [String]
    var useCache: Bool

    static let specs: [OptionSpec] = [
        OptionSpec(
            "platform", .value(placeholder: "OS/ARCH[/VARIANT]"),
            help: "Platform to choose from a multi-platform image (default linux/amd64)."),
        OptionSpec(
            "insecure-registry", .repeated(placeholder: "HOST[:PORT]"),
            help: "Allow plain HTTP and unverified TLS for this registry (also BALLAST_INSECURE_REGISTRIES)."),
        OptionSpec("no-cache", help: "Do not read or write the blob cache."),
    ]

    init(_ arguments: ParsedArguments) throws(UsageError) {
        if let text = arguments.value("platform") {
            do {
                platform = try Platform(parsing: text)
            } catch {
                throw .invalid(error.description)
            }
            platformIsExplicit = true
        } else {
            platform = .linuxAMD64
            platformIsExplicit = false
        }
        insecureRegistries = arguments.values("insecure-registry")
        useCache = !arguments.flag("no-cache")
    }

    func opener(in context: CommandContext) -> ImageOpener {
        let registry = RegistryOptions(
            insecureRegistries: Set(insecureRegistries), useCache: useCache, environment: context.environment,
            logger: context.logger, progress: context.progress)
        return ImageOpener(
            options: ImageOpener.Options(
                platform: platform, platformIsExplicit: platformIsExplicit, registry: registry),
            logger: context.logger)
    }
}
