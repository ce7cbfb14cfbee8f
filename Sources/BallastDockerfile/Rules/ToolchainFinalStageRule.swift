/// BL004 toolchain-final-stage: the image that ships is a build toolchain.
///
/// The default `node:<version>` images (without `-slim` or `-alpine`) and `buildpack-deps` carry
/// compilers, headers, git and hundreds of Debian packages that a running Node.js app never uses.
/// Installing build-essential, g++, make, python3 or git in the final stage has the same effect.
/// Every extra package adds megabytes and vulnerabilities to scan and patch. Build in one stage
/// (`FROM node:22 AS build`, run `npm ci` there) and copy the result into a small final stage
/// such as `node:22-bookworm-slim` or a distroless Node.js image.
public struct ToolchainFinalStageRule: LintRule {
    public let id = "BL004"
    public let name = "toolchain-final-stage"
    public let severity = LintSeverity.warning
    public let summary = "Final stage ships a full build toolchain."
    public let help =
        "Flags a final stage built on a full toolchain image (`node:<version>` without `-slim` or `-alpine`, "
        + "`buildpack-deps`) or one that installs compilers and build tools (build-essential, g++, gcc, make, "
        + "python3, git). They enlarge the image and its attack surface. Split the Dockerfile: build in a "
        + "first stage, then copy the app into a slim or distroless final stage."

    static let buildTools: Set<String> = [
        "build-essential", "build-base", "g++", "gcc", "make", "python3", "python", "git", "clang", "cmake",
    ]

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        let final = plan.finalStage
        if let image = plan.rootImage(of: final), BaseImageFacts.isToolchain(image) {
            let position = final.base.stageIndex == nil ? final.base.range.start : final.from.position
            findings.append(
                finding(
                    plan, at: position,
                    "the final stage is built on the full toolchain image '\(image.repository)"
                        + "\(image.tag.map { ":" + $0 } ?? "")'; build in an earlier stage and copy the app into "
                        + "a slim or distroless image"
                )
            )
        }
        for instruction in final.instructions where instruction.kind == .run {
            let tools = ShellCommands.commands(of: instruction).flatMap(Self.installedBuildTools)
            guard !tools.isEmpty else { continue }
            findings.append(
                finding(
                    plan, at: instruction.position,
                    "the final stage installs build tools (\(Self.unique(tools).joined(separator: ", "))); "
                        + "install and use them in a build stage, then copy only the output into the final stage"
                )
            )
        }
        return findings
    }

    /// The build tools a package-manager command installs.
    static func installedBuildTools(_ command: [String]) -> [String] {
        guard let tool = command.first else { return [] }
        let installs =
            (["apt-get", "apt"].contains(tool) && ShellCommands.subcommand(command) == "install")
            || (tool == "apk" && ShellCommands.subcommand(command) == "add")
            || (["yum", "dnf", "microdnf"].contains(tool) && ShellCommands.subcommand(command) == "install")
        guard installs else { return [] }
        return command.dropFirst(2).compactMap { word in
            let package = String(word.split(separator: "=").first ?? Substring(word))
            return buildTools.contains(package) ? package : nil
        }
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
