import Foundation

/// BL009 package-manager-entrypoint: the container starts through npm, yarn, pnpm or npx.
///
/// `CMD ["npm", "start"]` makes npm PID 1. npm does not forward SIGTERM to the node process it
/// spawned, so `docker stop` and Kubernetes wait out the grace period and then kill the app
/// without a clean shutdown; npm also adds start-up time and memory, and it is absent from
/// distroless images. Start node directly: `CMD ["node", "server.js"]`. When package.json beside
/// the Dockerfile has a plain `node …` start script, the rewrite to it is a safe fix.
public struct PackageManagerEntrypointRule: LintRule {
    public let id = "BL009"
    public let name = "package-manager-entrypoint"
    public let severity = LintSeverity.warning
    public let summary = "Container starts through a package manager instead of node."
    public let help =
        "Flags a final-stage CMD or ENTRYPOINT that runs npm, yarn, pnpm or npx. As PID 1 these do not "
        + "forward SIGTERM to node, so the app is killed without a clean shutdown; they also cost start-up time "
        + "and are absent from distroless images. Run node directly, for example `CMD [\"node\", \"server.js\"]`."

    static let managers: Set<String> = ["npm", "yarn", "pnpm", "npx"]

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        let startScript = Self.startScript(context.files)
        return plan.finalStage.instructions.compactMap { instruction in
            guard instruction.kind == .cmd || instruction.kind == .entrypoint else { return nil }
            let words: [String]
            switch instruction.arguments {
            case .exec(let elements): words = elements.map(\.value)
            case .text(let script): words = ShellCommands.commands(in: script.value).first ?? []
            default: return nil
            }
            guard let tool = words.first, Self.managers.contains(tool) else { return nil }
            let keyword = instruction.keyword.uppercased()
            let runsStart = words.dropFirst() == ["start"] || words.dropFirst() == ["run", "start"]
            let replacement = runsStart ? startScript : nil
            let example = replacement.map(ExecForm.json) ?? "[\"node\", \"server.js\"]"
            return finding(
                plan, at: instruction.position,
                "\(keyword) starts the app through \(tool), which does not forward signals as PID 1 and is absent "
                    + "from distroless images; run node directly: \(keyword) \(example)",
                fix: replacement.flatMap { fix(instruction, plan: plan, words: $0) }
            )
        }
    }

    private func fix(_ instruction: Instruction, plan: BuildPlan, words: [String]) -> LintFix? {
        let span: Range<Int>
        switch instruction.arguments {
        case .text(let script) where script.range.start.line == script.range.end.line:
            span = script.range.offsets
        case .exec(let elements):
            let bytes = Array(plan.dockerfile.text.utf8)
            guard let first = elements.first, let last = elements.last,
                let open = Self.bracket(UInt8(ascii: "["), before: first.range.start.offset, in: bytes),
                let close = Self.bracket(UInt8(ascii: "]"), after: last.range.end.offset, in: bytes)
            else { return nil }
            span = open..<(close + 1)
        default:
            return nil
        }
        return LintFix(
            summary: "start node directly", edits: [SourceEdit(range: span, replacement: ExecForm.json(words))]
        )
    }

    /// The words of package.json's start script when it is a plain `node …` command.
    static func startScript(_ files: any ProjectFiles) -> [String]? {
        guard let data = files.contents(of: "package.json"),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let scripts = root["scripts"] as? [String: Any], let start = scripts["start"] as? String,
            let words = ExecForm.plainWords(start), words.first == "node"
        else { return nil }
        return words
    }

    /// The offset of `bracket` just before `offset`, with only blanks between.
    private static func bracket(_ bracket: UInt8, before offset: Int, in bytes: [UInt8]) -> Int? {
        var index = offset - 1
        while index >= 0, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index -= 1
        }
        return index >= 0 && bytes[index] == bracket ? index : nil
    }

    /// The offset of `bracket` at or just after `offset`, with only blanks between.
    private static func bracket(_ bracket: UInt8, after offset: Int, in bytes: [UInt8]) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index < bytes.count && bytes[index] == bracket ? index : nil
    }
}
