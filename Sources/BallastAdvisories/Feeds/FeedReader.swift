import BallastCore
import BallastDigest
import Foundation

/// One feed's bytes, named, before parsing.
public struct FeedFile: Sendable {
    /// The feed name it is stored under (see ``FeedRecord/name``).
    public var name: String
    /// Where the bytes came from: a URL or a path.
    public var source: String
    public var data: Data
    /// The format, or nil to detect it from the content and name.
    public var format: FeedFormat?

    public init(name: String, source: String, data: Data, format: FeedFormat? = nil) {
        self.name = name
        self.source = source
        self.data = data
        self.format = format
    }

    /// Reads a file from disk, named after the file; ``FeedReader/read(_:qualifyName:logger:)``
    /// refines the name so that importing the same file again replaces it while different files add up.
    public static func load(path: String, format: FeedFormat? = nil) throws -> FeedFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AdvisoriesError.unreadableFeed(
                path: path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
        return FeedFile(name: URL(fileURLWithPath: path).lastPathComponent, source: path, data: data, format: format)
    }
}

/// A feed parsed and validated, with the record the database keeps about it.
public struct ParsedFeed: Sendable {
    public var record: FeedRecord
    public var content: FeedContent
}

/// Turns feed bytes into ``FeedContent``, choosing the parser by format.
public enum FeedReader {
    /// Parses `file`; invalid records are skipped and counted.
    ///
    /// - Parameter qualifyName: for files imported by hand: name the feed after its content where
    ///   it names itself (secdb branch and repository), else `<format>:<file name>`.
    /// - Throws: ``AdvisoriesError/unknownFormat(path:)``, or
    ///   ``AdvisoriesError/noValidRecords(path:format:firstReason:)`` when nothing could be imported.
    public static func read(_ file: FeedFile, qualifyName: Bool = false, logger: Logger) throws -> ParsedFeed {
        guard let format = file.format ?? FeedFormat.detect(file.data, name: file.name) else {
            throw AdvisoriesError.unknownFormat(path: file.source)
        }
        logger.debug("reading \(file.source) as \(format.rawValue)")
        var content: FeedContent
        do {
            content = try parse(file, format: format)
        } catch let error as InvalidRecord {
            throw AdvisoriesError.noValidRecords(path: file.source, format: format.rawValue, firstReason: error.reason)
        }
        guard content.records > 0 else {
            throw AdvisoriesError.noValidRecords(
                path: file.source, format: format.rawValue, firstReason: content.firstSkipReason ?? "no records")
        }
        let name = qualifyName ? content.impliedName ?? "\(format.rawValue):\(file.name)" : file.name
        content.assign(feed: name)
        let record = FeedRecord(
            name: name, format: format, source: file.source, fetchedAt: Date(),
            sha256: SHA256Hasher.hash(file.data).hex, records: content.records, skipped: content.skipped,
            firstSkipReason: content.firstSkipReason)
        logger.debug("\(name): \(content.records) records, \(content.skipped) skipped")
        return ParsedFeed(record: record, content: content)
    }

    private static func parse(_ file: FeedFile, format: FeedFormat) throws -> FeedContent {
        var data = file.data
        if CompressedFeed.isGzip(data) { data = try CompressedFeed.gunzip(data, path: file.source) }
        switch format {
        case .osv:
            var content = FeedContent()
            guard CompressedFeed.isZip(data) else {
                OSVParser.parse(data, into: &content)
                return content
            }
            try CompressedFeed.unzip(data, path: file.source) { name, entry in
                if name.hasSuffix(".json") { OSVParser.parse(entry, into: &content) }
            }
            return content
        case .debianTracker: return try DebianTrackerParser.parse(data)
        case .secdb: return try SecDBParser.parse(data)
        case .nodejsCore, .nodejsNpm: return try NodeSecurityParser.parse(data, name: file.name, format: format)
        case .nodejsSchedule: return try NodeScheduleParser.parse(data)
        case .kev: return try KEVParser.parse(data)
        case .epss: return try EPSSParser.parse(data)
        }
    }
}
