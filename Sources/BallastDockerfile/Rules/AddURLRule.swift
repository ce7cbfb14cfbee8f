/// BL012 add-url: `ADD` downloading a URL without a checksum.
///
/// `ADD https://…` fetches whatever the server returns at build time, with no integrity check:
/// a compromised or changed download silently enters the image, and the layer cache hides when
/// it changed. Give the expected digest with `ADD --checksum=sha256:<digest> <url> <dest>`, or
/// download with `RUN curl` and verify the file with `sha256sum -c` in the same RUN.
public struct AddURLRule: LintRule {
    public let id = "BL012"
    public let name = "add-url"
    public let severity = LintSeverity.warning
    public let summary = "ADD downloads a URL without --checksum."
    public let help =
        "Flags `ADD` instructions whose source is an http or https URL and that have no `--checksum` flag. The "
        + "download is not verified, so changed or tampered content enters the image unnoticed. Add "
        + "`--checksum=sha256:<digest>`, or download with curl and check the digest in the same RUN."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        plan.stages.flatMap(\.instructions).flatMap { instruction -> [LintFinding] in
            guard instruction.kind == .add, instruction.flag("checksum") == nil else { return [] }
            let sources = instruction.arguments.words.dropLast()
            return sources.filter { $0.value.hasPrefix("http://") || $0.value.hasPrefix("https://") }.map { url in
                finding(
                    plan, at: url.range.start,
                    "ADD downloads \(url.value) without verifying it; add --checksum=sha256:<digest> "
                        + "or download with curl and check the digest"
                )
            }
        }
    }
}
