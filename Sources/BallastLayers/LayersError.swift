import BallastCore

/// Why the merged view could not answer.
public enum LayersError: BallastError, Equatable {
    case symlinkLoop(path: String)

    public var description: String {
        switch self {
        case .symlinkLoop(let path):
            "/\(path): too many levels of symbolic links (a loop inside the image)"
        }
    }
}
