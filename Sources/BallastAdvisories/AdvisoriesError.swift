import BallastCore

/// What can go wrong reading, writing or filling the advisory database.
public enum AdvisoriesError: BallastError, Equatable {
    /// No database file exists yet at the path.
    case noDatabase(path: String)
    /// The file exists but is not SQLite, or is SQLite without Ballast's marker.
    case notADatabase(path: String, reason: String)
    /// The file was written by a newer Ballast with a schema this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// SQLite refused an operation.
    case sqlite(path: String, operation: String, code: Int32, message: String)
    /// A feed file could not be read.
    case unreadableFeed(path: String, reason: String)
    /// The format of a feed file could not be told from its content or name.
    case unknownFormat(path: String)
    /// A feed file holds no record Ballast could import.
    case noValidRecords(path: String, format: String, firstReason: String)
    /// A feed could not be downloaded.
    case downloadFailed(feed: String, url: String, reason: String)
    /// A compressed feed was not in a form the reader understands.
    case badCompression(path: String, reason: String)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            "no advisory database at \(path) yet; run 'ballast db update' to download the feeds "
                + "or 'ballast db import FILE…' to load feed files"
        case .notADatabase(let path, let reason):
            "\(path) is not a Ballast advisory database (\(reason)); rebuild it with 'ballast db update' "
                + "or 'ballast db import FILE…', or point --db elsewhere"
        case .newerSchema(let path, let found, let supported):
            "\(path) has advisory schema version \(found) but this ballast reads up to \(supported); "
                + "upgrade ballast or rebuild the database with 'ballast db update'"
        case .sqlite(let path, let operation, let code, let message):
            "sqlite failed to \(operation) on \(path): \(message) (code \(code)); "
                + "check the disk and permissions, or rebuild with 'ballast db update'"
        case .unreadableFeed(let path, let reason):
            "cannot read feed \(path): \(reason); check that the file exists and is readable"
        case .unknownFormat(let path):
            "cannot tell the feed format of \(path); pass --format with one of: "
                + FeedFormat.allCases.map(\.rawValue).joined(separator: ", ")
        case .noValidRecords(let path, let format, let firstReason):
            "\(path) holds no valid \(format) record (first problem: \(firstReason)); "
                + "check that it is a \(format) feed or pass --format"
        case .downloadFailed(let feed, let url, let reason):
            "cannot download feed \(feed) from \(url): \(reason); check the network, --mirror "
                + "or --url \(feed)=URL; the database was left unchanged"
        case .badCompression(let path, let reason):
            "cannot decompress \(path): \(reason); download the file again"
        }
    }
}
