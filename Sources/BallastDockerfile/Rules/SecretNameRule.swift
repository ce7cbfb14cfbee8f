/// BL013 secret-in-arg-env: an ARG or ENV whose name looks like a secret.
///
/// ENV values are stored in the image configuration and ARG values in the build history, where
/// anyone who can pull the image can read them (`docker history`, `docker inspect`). Names such
/// as NPM_TOKEN, DB_PASSWORD or API_KEY suggest a credential is being passed this way. Pass
/// secrets with BuildKit secret mounts instead: `RUN --mount=type=secret,id=npm_token …`, and
/// give them to the running container from the orchestrator.
public struct SecretNameRule: LintRule {
    public let id = "BL013"
    public let name = "secret-in-arg-env"
    public let severity = LintSeverity.warning
    public let summary = "ARG or ENV name looks like a secret."
    public let help =
        "Flags ARG and ENV names containing PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, APIKEY, PRIVATE_KEY, "
        + "ACCESS_KEY or CREDENTIALS. ARG and ENV values are readable from the image's history and configuration. "
        + "Use `RUN --mount=type=secret` at build time and runtime secrets from the orchestrator."

    /// Name parts (the name split at `_`) that mark a secret, alone or as a run of parts.
    static let markers: [[String]] = [
        ["PASSWORD"], ["PASSWD"], ["SECRET"], ["TOKEN"], ["APIKEY"], ["API", "KEY"], ["PRIVATE", "KEY"],
        ["ACCESS", "KEY"], ["CREDENTIAL"], ["CREDENTIALS"],
    ]
    static let harmlessSuffixes = ["_FILE", "_PATH", "_DIR"]

    public init() {}

    public func check(_ plan: BuildPlan, context: LintContext) -> [LintFinding] {
        let instructions = plan.globalArgumentInstructions + plan.stages.flatMap(\.instructions)
        return instructions.flatMap { instruction -> [LintFinding] in
            let names: [Word]
            switch (instruction.kind, instruction.arguments) {
            case (.arg, .words(let words)):
                names = words.map { word in
                    Word(value: String(word.value.split(separator: "=", maxSplits: 1).first ?? ""), range: word.range)
                }
            case (.env, .pairs(let pairs)):
                names = pairs.map(\.key)
            default:
                return []
            }
            return names.filter { Self.looksSecret($0.value) }.map { name in
                let keyword = instruction.kind == .arg ? "ARG" : "ENV"
                let record = instruction.kind == .arg ? "build history" : "image configuration"
                return finding(
                    plan, at: name.range.start,
                    "\(keyword) \(name.value) looks like a secret, and its value is readable from the \(record); "
                        + "pass it with RUN --mount=type=secret,id=\(name.value.lowercased()) instead"
                )
            }
        }
    }

    static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        guard !harmlessSuffixes.contains(where: upper.hasSuffix) else { return false }
        let parts = upper.split(separator: "_").map(String.init)
        for marker in markers where marker.count <= parts.count {
            for start in 0...(parts.count - marker.count) where Array(parts[start..<(start + marker.count)]) == marker {
                return true
            }
        }
        return false
    }
}
