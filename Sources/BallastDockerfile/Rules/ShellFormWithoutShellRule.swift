/// BL008 shell-form-without-shell: shell form, or curl and wget health checks, in an image with no shell.
///
/// Distroless images (except their `:debug` tags), Chainguard and Docker Hardened Images (except
/// `-dev` tags) and `scratch` contain no `/bin/sh`. Docker runs the shell form of RUN, CMD,
/// ENTRYPOINT and HEALTHCHECK as `/bin/sh -c "…"`, so the build fails or the container cannot
/// start. These images have no curl or wget either, so a HEALTHCHECK calling them always fails and
/// the orchestrator restarts a healthy app. Use the exec form (`CMD ["node", "server.js"]`) and a
/// health check written in Node.js. Converting a shell-form CMD or ENTRYPOINT made only of plain
/// words to exec form is a safe fix.
public struct ShellFormWithoutShellRule: LintRule {
    public let id = "BL008"
    public let name = "shell-form-without-shell"
    public let severity = LintSeverity.error
    public let summary = "Shell form or curl/wget health check in an image without a shell."
    public let help =
        "Flags shell-form RUN, CMD, ENTRYPOINT and HEALTHCHECK in a stage whose base has no shell "
        + "(distroless except `:debug`, Chainguard and Docker Hardened Images except `-dev`, scratch, and images "
        + "configured as shell-less), and HEALTHCHECKs that call curl or wget there. Docker runs the shell form "
        + "with /bin/sh, which is missing, so the build or the container fails. Use the exec form, and a health "
        + "check written in Node.js."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for stage in plan.stages {
            let image = plan.rootImage(of: stage)
            let shellLess = image.map { BaseImageFacts.lacksShell($0, extra: context.shellLessImages) } ?? true
            guard shellLess else { continue }
            let imageName = image.map { $0.repository + ($0.tag.map { ":" + $0 } ?? "") } ?? "scratch"
            for instruction in stage.instructions {
                findings += check(instruction, imageName: imageName, plan: plan)
            }
        }
        return findings
    }

    private func check(_ instruction: Instruction, imageName: String, plan: BuildPlan) -> [LintFinding] {
        let keyword = instruction.keyword.uppercased()
        switch (instruction.kind, instruction.arguments) {
        case (.run, .text), (.cmd, .text), (.entrypoint, .text):
            return [
                finding(
                    plan, at: instruction.position,
                    "\(keyword) uses the shell form, but \(imageName) has no shell; use the exec form "
                        + "\(keyword) [\"executable\", \"arg\"]",
                    fix: execFormFix(instruction)
                )
            ]
        case (.healthcheck, .healthcheck(let type, let command)) where type.value.uppercased() == "CMD":
            var findings: [LintFinding] = []
            let program: String?
            if case .text(let script) = command {
                findings.append(
                    finding(
                        plan, at: instruction.position,
                        "HEALTHCHECK uses the shell form, but \(imageName) has no shell; use the exec form "
                            + "HEALTHCHECK CMD [\"node\", \"healthcheck.js\"]"
                    )
                )
                program = ShellCommands.commands(in: script.value).first?.first
            } else {
                program = command.values.first
            }
            if let program, let tool = ["curl", "wget"].first(where: { program == $0 || program.hasSuffix("/" + $0) }) {
                findings.append(
                    finding(
                        plan, at: instruction.position,
                        "HEALTHCHECK calls \(tool), which \(imageName) does not contain; write the check in Node.js, "
                            + "e.g. HEALTHCHECK CMD [\"node\", \"healthcheck.js\"]"
                    )
                )
            }
            return findings
        default:
            return []
        }
    }

    /// Exec form for a one-line shell command made only of plain words.
    private func execFormFix(_ instruction: Instruction) -> LintFix? {
        guard instruction.kind != .run, case .text(let script) = instruction.arguments else { return nil }
        guard let words = ExecForm.plainWords(script.value), script.range.start.line == script.range.end.line else {
            return nil
        }
        return LintFix(
            summary: "rewrite in exec form",
            edits: [SourceEdit(replacing: script.range, with: ExecForm.json(words))]
        )
    }
}
