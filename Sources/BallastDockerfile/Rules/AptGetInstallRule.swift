/// BL011 apt-get-install: `apt-get install` without `--no-install-recommends`, or leaving the apt lists behind.
///
/// By default apt also installs every "recommended" package, often doubling what lands in the
/// image. The package lists that `apt-get update` downloads (/var/lib/apt/lists, tens of
/// megabytes) stay in the layer unless the same RUN removes them; a later RUN cannot shrink an
/// earlier layer. Write `apt-get install -y --no-install-recommends …` and end the RUN with
/// `&& rm -rf /var/lib/apt/lists/*` (or use a cache mount for /var/lib/apt). Adding
/// `--no-install-recommends` is a safe fix.
public struct AptGetInstallRule: LintRule {
    public let id = "BL011"
    public let name = "apt-get-install"
    public let severity = LintSeverity.warning
    public let summary = "apt-get install without --no-install-recommends or without removing the apt lists."
    public let help =
        "Flags `apt-get install` (and `apt install`) without `--no-install-recommends`, and RUN instructions that "
        + "install packages without removing /var/lib/apt/lists in the same RUN. Recommended packages and stale "
        + "package lists bloat the layer. Add `--no-install-recommends` and finish the RUN with "
        + "`rm -rf /var/lib/apt/lists/*`."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for instruction in plan.stages.flatMap(\.instructions) where instruction.kind == .run {
            let commands = ShellCommands.commands(of: instruction)
            let installs = commands.filter {
                ["apt-get", "apt"].contains($0.first) && ShellCommands.subcommand($0) == "install"
            }
            guard !installs.isEmpty else { continue }

            let withoutFlag = installs.filter { !$0.contains { $0.hasPrefix("--no-install-recommends") } }
            if !withoutFlag.isEmpty {
                findings.append(
                    finding(
                        plan, at: instruction.position,
                        "\(withoutFlag[0][0]) install without --no-install-recommends also installs recommended "
                            + "packages; add --no-install-recommends",
                        fix: recommendsFix(instruction, plan: plan, installs: installs, missing: withoutFlag)
                    )
                )
            }

            let cleans = commands.contains { $0.first == "rm" && $0.contains { $0.hasPrefix("/var/lib/apt/lists") } }
            let cached = instruction.flags.contains { $0.name == "mount" && ($0.value ?? "").contains("/var/lib/apt") }
            if !cleans, !cached {
                findings.append(
                    finding(
                        plan, at: instruction.position,
                        "RUN installs packages but does not remove /var/lib/apt/lists, which stays in the layer; "
                            + "end the same RUN with '&& rm -rf /var/lib/apt/lists/*'"
                    )
                )
            }
        }
        return findings
    }

    /// Inserts the flag after each `apt-get install` when every install lacks it and each is written that way.
    private func recommendsFix(
        _ instruction: Instruction, plan: BuildPlan, installs: [[String]], missing: [[String]]
    ) -> LintFix? {
        guard installs.count == missing.count, installs.allSatisfy({ $0.count >= 2 && $0[1] == "install" }) else {
            return nil
        }
        let spans = Set(installs.map { $0[0] }).flatMap {
            plan.dockerfile.occurrences(of: $0 + " install", in: instruction)
        }
        guard spans.count == installs.count else { return nil }
        return LintFix(
            summary: "add --no-install-recommends",
            edits: spans.map {
                SourceEdit(range: $0.upperBound..<$0.upperBound, replacement: " --no-install-recommends")
            }
        )
    }
}
