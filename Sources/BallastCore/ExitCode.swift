/// The process exit codes Ballast uses everywhere; the README documents them.
public enum ExitCode: Int32, Sendable {
    /// The command did its work and every gate passed.
    case success = 0
    /// A policy gate failed: findings over the threshold, an unpinned base, lint errors.
    case gateFailed = 1
    /// Operational failure: a bad file, a bad image, the network, authentication.
    case operational = 2
    /// The command line itself was wrong.
    case usage = 64
}
