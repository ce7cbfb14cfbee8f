import BallastCore
import BallastInventory
import BallastLayers

/// `ballast inspect IMAGE`: what an image is made of, from its manifest, config and files.
struct InspectCommand: Command {
    static let name = "inspect"
    static let summary = "Show an image's layers, sizes, configuration and system facts."
    static let usage = "inspect [options] IMAGE"
    static let discussion = """
        IMAGE is oci:DIR[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:TAG] or a registry
        reference (node:22-slim, localhost:5000/app:1.0). Every layer is streamed once and
        verified against its digest; nothing is unpacked to disk.
        """
    static let examples: [(command: String, comment: String)] = [
        ("ballast inspect node:22-bookworm-slim", "an image in a registry"),
        ("ballast inspect oci:./image:latest --format json", "an OCI layout folder, as JSON"),
        ("ballast inspect docker-archive:app.tar", "the output of docker save"),
        ("ballast inspect --platform linux/arm64 node:22-alpine", "one platform of a multi-arch image"),
    ]
    static let options: [OptionSpec] =
        [OptionSpec("format", .value(placeholder: "table|json"), help: "Output format (default table).")]
        + ImageOptions.specs

    let image: String
    let format: String
    let imageOptions: ImageOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        image = try arguments.single("an IMAGE", command: Self.name)
        format = try arguments.choice("format", ["table", "json"], default: "table")
        imageOptions = try ImageOptions(arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let analysis = try await ImageAnalysis.load(image, options: imageOptions, in: context)
        let report = ImageReport(image: analysis.image, filesystem: analysis.filesystem, inventory: analysis.inventory)

        switch format {
        case "json": context.write(try JSONOutput.encode(report))
        default: context.write(InspectTable.render(report, terminal: context.terminal))
        }
        return .success
    }
}
