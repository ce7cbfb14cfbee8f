/// BL005 dev-dependencies-in-final-stage: the shipped image installs or copies devDependencies.
///
/// `npm install` in the final stage ignores the lockfile's exact versions when they drift from
/// package.json and installs devDependencies (test runners, bundlers, type checkers), which
/// bloat the image and add vulnerable code that never runs. `npm ci` without `--omit=dev`, or a
/// `COPY --from=<stage> node_modules` from a stage that installed everything, ships the same
/// devDependencies. Use `npm ci --omit=dev` in the final stage (or run `npm prune --omit=dev` in
/// the build stage before copying node_modules). Replacing a bare `npm install` is a safe fix.
public struct DevDependenciesRule: LintRule {
    public let id = "BL005"
    public let name = "dev-dependencies-in-final-stage"
    public let severity = LintSeverity.warning
    public let summary = "Final stage installs or copies devDependencies."
    public let help =
        "Flags `npm install`, and `npm ci` without `--omit=dev`, in the final stage, and node_modules copied "
        + "from a stage that installed devDependencies. devDependencies bloat the image and add code that never "
        + "runs; `npm install` may also stray from the lockfile. Use `npm ci --omit=dev` in the final stage, or "
        + "`npm prune --omit=dev` before copying node_modules."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        let final = plan.finalStage
        let productionEnvironment = plan.finalStageLineage.contains(where: Self.setsProductionEnvironment)
        for instruction in final.instructions {
            switch instruction.kind {
            case .run:
                findings += checkRun(instruction, plan: plan, productionEnvironment: productionEnvironment)
            case .copy:
                findings += checkCopy(instruction, plan: plan, final: final)
            default:
                break
            }
        }
        return findings
    }

    private func checkRun(_ instruction: Instruction, plan: BuildPlan, productionEnvironment: Bool) -> [LintFinding] {
        var findings: [LintFinding] = []
        for command in ShellCommands.commands(of: instruction) where command.first == "npm" {
            let subcommand = ShellCommands.subcommand(command)
            let namesPackages = command.dropFirst(2).contains { !$0.hasPrefix("-") }
            if subcommand == "install" || subcommand == "i", !namesPackages {
                let effect =
                    Self.omitsDev(command) || productionEnvironment
                    ? "which may stray from the lockfile"
                    : "which installs devDependencies and may stray from the lockfile"
                findings.append(
                    finding(
                        plan, at: instruction.position,
                        "the final stage runs '\(command.joined(separator: " "))', \(effect); use 'npm ci --omit=dev'",
                        fix: fix(instruction, plan: plan, command: command)
                    )
                )
            } else if subcommand == "ci", !Self.omitsDev(command), !productionEnvironment {
                findings.append(
                    finding(
                        plan, at: instruction.position,
                        "the final stage runs 'npm ci' without --omit=dev, so devDependencies ship in the image; "
                            + "use 'npm ci --omit=dev'"
                    )
                )
            }
        }
        return findings
    }

    /// Replaces a bare `npm install` written once, unless the stage later runs scripts that may need devDependencies.
    private func fix(_ instruction: Instruction, plan: BuildPlan, command: [String]) -> LintFix? {
        guard command.count == 2 else { return nil }
        let stageCommands = plan.finalStage.instructions.filter { $0.kind == .run }.flatMap(ShellCommands.commands(of:))
        let runsScripts = stageCommands.contains { other in
            other.first == "npx"
                || (other.first == "npm"
                    && ["run", "test", "run-script", "exec"].contains(ShellCommands.subcommand(other) ?? ""))
        }
        guard !runsScripts else { return nil }
        let phrase = command.joined(separator: " ")
        let matches = plan.dockerfile.occurrences(of: phrase, in: instruction)
        let inCommands = ShellCommands.commands(of: instruction).filter { $0 == command }.count
        guard matches.count == 1, inCommands == 1 else { return nil }
        return LintFix(
            summary: "replace '\(phrase)' with 'npm ci --omit=dev'",
            edits: [SourceEdit(range: matches[0], replacement: "npm ci --omit=dev")]
        )
    }

    private func checkCopy(_ instruction: Instruction, plan: BuildPlan, final: BuildStage) -> [LintFinding] {
        guard let from = instruction.flag("from")?.value,
            let source = plan.stage(from, before: final.index),
            instruction.arguments.values.dropLast().contains(where: { $0.contains("node_modules") })
        else { return [] }
        let lineage = [source] + Self.ancestors(of: source, in: plan)
        guard !lineage.contains(where: Self.setsProductionEnvironment) else { return [] }
        var installsDev = false
        for command in source.instructions.filter({ $0.kind == .run }).flatMap(ShellCommands.commands(of:)) {
            if Self.installsDependencies(command), !Self.omitsDev(command) {
                installsDev = true
            }
            if Self.prunesDev(command) {
                installsDev = false
            }
        }
        guard installsDev else { return [] }
        return [
            finding(
                plan, at: instruction.position,
                "node_modules is copied from stage '\(source.label)', which installed devDependencies; run "
                    + "'npm prune --omit=dev' there first, or install with 'npm ci --omit=dev'"
            )
        ]
    }

    private static func ancestors(of stage: BuildStage, in plan: BuildPlan) -> [BuildStage] {
        var result: [BuildStage] = []
        var current = stage
        while let parent = current.base.stageIndex {
            current = plan.stages[parent]
            result.append(current)
        }
        return result
    }

    static func installsDependencies(_ command: [String]) -> Bool {
        guard let tool = command.first, ["npm", "yarn", "pnpm"].contains(tool) else { return false }
        let subcommand = ShellCommands.subcommand(command)
        if tool == "yarn", subcommand == nil {
            return true
        }
        return ["install", "i", "ci"].contains(subcommand ?? "")
            && command.dropFirst(2).allSatisfy { $0.hasPrefix("-") }
    }

    static func omitsDev(_ command: [String]) -> Bool {
        let flags = ["--omit=dev", "--production", "--only=prod", "--only=production", "--prod"]
        if command.contains(where: flags.contains) {
            return true
        }
        return zip(command, command.dropFirst()).contains { $0 == "--omit" && $1 == "dev" }
    }

    static func prunesDev(_ command: [String]) -> Bool {
        guard command.first == "npm" || command.first == "pnpm", ShellCommands.subcommand(command) == "prune" else {
            return false
        }
        return omitsDev(command) || command.first == "pnpm"
    }

    static func setsProductionEnvironment(_ stage: BuildStage) -> Bool {
        stage.instructions.contains { instruction in
            guard instruction.kind == .env, case .pairs(let pairs) = instruction.arguments else { return false }
            return pairs.contains {
                $0.key.value == "NODE_ENV" && ArgumentDeclaration.unquote($0.value.value) == "production"
            }
        }
    }
}
