/// BL010 alpine-native-modules: an Alpine base while the app's lockfile has native packages.
///
/// Alpine uses musl libc instead of glibc. Packages with native addons (bcrypt, sharp, sqlite3,
/// better-sqlite3, canvas, node-sass…, and any package with an install script or binding.gyp)
/// download prebuilt binaries that are mostly built for glibc. On Alpine npm then compiles them
/// from source, which needs python3, make and g++ in the image and slows builds, or the install
/// fails, or a binary loads and crashes at run time on musl differences. Prefer a Debian-based
/// image such as `node:22-bookworm-slim`, or check that every native package ships musl builds.
public struct AlpineNativeModulesRule: LintRule {
    public let id = "BL010"
    public let name = "alpine-native-modules"
    public let severity = LintSeverity.warning
    public let summary = "Alpine (musl) base while package-lock.json has native addons."
    public let help =
        "Flags a stage built on Alpine when package-lock.json beside the Dockerfile lists packages with native "
        + "code (install scripts, binding.gyp, or known prebuilt-binary packages such as bcrypt, sharp, sqlite3). "
        + "Their prebuilt binaries mostly target glibc, so on musl npm compiles them (needing build tools) or they "
        + "fail to install or crash at run time. Prefer a Debian-based slim image."

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        guard
            let data = context.files.contents(of: "package-lock.json")
                ?? context.files.contents(of: "npm-shrinkwrap.json"),
            let lock = PackageLock(data: data), !lock.nativePackages.isEmpty
        else { return [] }

        let alpineStages = plan.stages.filter { stage in
            plan.rootImage(of: stage).map(BaseImageFacts.isAlpine) ?? false
        }
        let installing = alpineStages.filter { stage in
            stage.instructions.filter { $0.kind == .run }.flatMap(ShellCommands.commands(of:))
                .contains(where: DevDependenciesRule.installsDependencies)
        }
        let final = plan.finalStage
        var flagged = installing
        if alpineStages.contains(where: { $0.index == final.index }),
            !flagged.contains(where: { $0.index == final.index })
        {
            flagged.append(final)
        }

        let shown = lock.nativePackages.prefix(5).joined(separator: ", ")
        let more = lock.nativePackages.count > 5 ? " and \(lock.nativePackages.count - 5) more" : ""
        return flagged.map { stage in
            let at = stage.base.stageIndex == nil ? stage.base.range.start : stage.from.position
            return finding(
                plan, at: at,
                "stage '\(stage.label)' runs on Alpine (musl libc) but package-lock.json has native packages "
                    + "(\(shown)\(more)) whose prebuilt binaries mostly target glibc: npm will compile them (needing "
                    + "python3, make, g++) or they fail at run time; prefer a Debian-based image such as "
                    + "node:22-bookworm-slim"
            )
        }
    }
}
