import BallastCore
import BallastInventory
import BallastLayers
import BallastReport
import Foundation

/// `ballast sbom IMAGE`: the image's inventory as CycloneDX, SPDX or Ballast's JSON.
struct SBOMCommand: Command {
    static let name = "sbom"
    static let summary = "Write an image's software bill of materials (CycloneDX, SPDX or JSON)."
    static let usage = "sbom [options] IMAGE"
    static let discussion = """
        Lists the image's OS packages (dpkg, apk), its Node.js runtime (upstream build or
        distribution package), npm packages (the app's apart from npm's own and other tooling)
        with their package URLs, the layer that added each, and anything that had to be skipped.
        Formats: cyclonedx (CycloneDX 1.6 JSON), spdx (SPDX 2.3 JSON), json (Ballast's own,
        see docs/sbom-json.md). SOURCE_DATE_EPOCH fixes the document's timestamp.
        """
    static let examples: [(command: String, comment: String)] = [
        ("ballast sbom node:22-bookworm-slim", "CycloneDX to standard output"),
        ("ballast sbom oci:./image --format spdx -o image.spdx.json", "SPDX into a file"),
        ("ballast sbom docker-archive:app.tar --format json", "Ballast's own JSON"),
    ]
    static let options: [OptionSpec] =
        [
            OptionSpec(
                "format", .value(placeholder: "cyclonedx|spdx|json"), help: "Document format (default cyclonedx)."),
            OptionSpec("output", short: "o", .value(placeholder: "FILE"), help: "Write the document to FILE."),
        ] + ImageOptions.specs

    let image: String
    let format: String
    let output: String?
    let imageOptions: ImageOptions

    init(arguments: ParsedArguments) throws(UsageError) {
        image = try arguments.single("an IMAGE", command: Self.name)
        format = try arguments.choice("format", ["cyclonedx", "spdx", "json"], default: "cyclonedx")
        output = arguments.value("output")
        imageOptions = try ImageOptions(arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let analysis = try await ImageAnalysis.load(image, options: imageOptions, in: context)
        let inventory = analysis.inventory
        if !inventory.warnings.isEmpty {
            context.logger.warning("\(image): \(inventory.warnings.count) input(s) skipped; see the warnings above")
        }

        let sbomContext = SBOMContext(
            image: analysis.image, inventory: inventory, toolVersion: BallastCLI.version,
            environment: context.environment)
        let document: String
        switch format {
        case "spdx": document = try JSONOutput.encode(SPDXDocument(sbomContext))
        case "json": document = try JSONOutput.encode(BallastJSON(sbomContext))
        default: document = try JSONOutput.encode(CycloneDXDocument(sbomContext))
        }
        try OutputFile.write(document, to: output, in: context)
        return .success
    }
}
