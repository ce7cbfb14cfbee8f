/// The instructions a Dockerfile may use.
public enum InstructionKind: String, Sendable, CaseIterable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer, onbuild, run
    case shell, stopsignal, user, volume, workdir

    /// The instruction for a keyword in any case, or `nil` for an unknown word.
    public init?(keyword: String) {
        self.init(rawValue: keyword.lowercased())
    }
}
