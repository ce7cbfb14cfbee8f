import BallastCore

/// Why a policy input could not be used.
public enum PolicyError: BallastError, Equatable {
    case unreadable(path: String, reason: String)
    case invalidVEX(path: String, reason: String)
    case invalidIgnoreEntry(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .invalidVEX(let path, let reason):
            "\(path) is not a VEX document Ballast can read (\(reason)); pass OpenVEX or CycloneDX VEX JSON"
        case .invalidIgnoreEntry(let path, let line, let reason):
            "\(path):\(line): \(reason); write entries as 'ID until YYYY-MM-DD reason…' (optionally 'package NAME')"
        }
    }
}
