import BallastAdvisories
import BallastCore
import Foundation

/// `ballast db import|import-db|export|status|update`: build, inspect and move the advisory
/// database the scanner matches against.
struct DatabaseCommand: Command {
    static let name = "db"
    static let summary = "Build and inspect the advisory database (import, update, status, export, import-db)."
    static let usage = """
        db import [--format FORMAT] FILE…
               ballast db update [--mirror BASE_URL] [--url FEED=URL]… [--feed FEED]…
               ballast db status [--max-age DAYS] [--format text|json]
               ballast db export FILE
               ballast db import-db FILE
        """
    static var discussion: String {
        """
        The database is one SQLite file: --db PATH, else $BALLAST_DB, else
        $XDG_CACHE_HOME/ballast/advisories.db (~/.cache/ballast/advisories.db).

        import reads feed files (format detected per file, or --format) in one transaction: if one
        file fails, nothing of the batch is kept. Invalid records are skipped and counted.
        update downloads every feed below, or those named with --feed, then imports them in one
        transaction. --mirror BASE_URL (or $BALLAST_FEED_MIRROR) fetches each feed from its mirror
        path below BASE_URL; --url FEED=URL replaces one feed's location.
        status lists the feeds and warns about feeds older than --max-age days (default 7).
        export writes a consistent copy of the database; import-db replaces the database with such
        a copy after checking it.

        Feed formats: \(FeedFormat.allCases.map(\.rawValue).joined(separator: ", ")).

        Feeds of update (name, official URL, mirror path):
        \(feedTable)
        """
    }
    /// The feeds of `update`, one a line, names padded to line up.
    private static var feedTable: String {
        let width = FeedSource.official.map(\.name.count).max() ?? 0
        return FeedSource.official.map { feed in
            "  \(feed.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(feed.officialURL)\n"
                + "  \(String(repeating: " ", count: width))  mirror: \(feed.mirrorPath)"
        }.joined(separator: "\n")
    }

    static let examples: [(command: String, comment: String)] = [
        ("ballast db update", "download every feed from its official location"),
        ("ballast db update --mirror https://mirror.example/feeds", "from an internal mirror"),
        ("ballast db import osv-npm/*.json known_exploited_vulnerabilities.json", "load files by hand"),
        ("ballast db status --format json", "feed ages for monitoring"),
        ("ballast db export advisories.db", "a copy to ship to an offline runner"),
    ]
    static let options: [OptionSpec] = [
        OptionSpec("db", .value(placeholder: "PATH"), help: "The database file (default: $BALLAST_DB or the cache)."),
        OptionSpec(
            "format", short: "f", .value(placeholder: "FORMAT"),
            help: "import: the feed format of every file; status: text or json."),
        OptionSpec("max-age", .value(placeholder: "DAYS"), help: "status: warn about feeds older than this (7)."),
        OptionSpec("mirror", .value(placeholder: "BASE_URL"), help: "update: fetch feeds below this URL."),
        OptionSpec("url", .repeated(placeholder: "FEED=URL"), help: "update: fetch FEED from URL."),
        OptionSpec("feed", .repeated(placeholder: "FEED"), help: "update: fetch only these feeds."),
    ]

    enum Action: String, CaseIterable {
        case `import`, update, status, export
        case importDatabase = "import-db"
    }

    let action: Action
    let files: [String]
    let databaseOption: String?
    let feedFormat: FeedFormat?
    let json: Bool
    let maxAge: Int
    let mirror: String?
    let urls: [String: String]
    let feeds: [FeedSource]

    init(arguments: ParsedArguments) throws(UsageError) {
        var positionals = arguments.positionals
        guard let first = positionals.first else {
            throw .missingArgument(command: Self.name, what: "an action: import, update, status, export or import-db")
        }
        guard let action = Action(rawValue: first) else {
            throw .invalidValue(option: "action", value: first, valid: Action.allCases.map(\.rawValue))
        }
        positionals.removeFirst()
        self.action = action
        self.files = positionals
        self.databaseOption = arguments.value("db")
        switch action {
        case .import where positionals.isEmpty:
            throw .missingArgument(command: "db import", what: "at least one feed FILE")
        case .export where positionals.count != 1, .importDatabase where positionals.count != 1:
            throw .missingArgument(command: "db \(action.rawValue)", what: "exactly one database FILE")
        case .update where !positionals.isEmpty, .status where !positionals.isEmpty:
            throw .tooManyArguments(command: "db \(action.rawValue)", extra: positionals)
        default: break
        }

        let format = arguments.value("format")
        if action == .status {
            json = try arguments.choice("format", ["text", "json"], default: "text") == "json"
            feedFormat = nil
        } else {
            json = false
            if let format, FeedFormat(rawValue: format) == nil {
                throw .invalidValue(option: "--format", value: format, valid: FeedFormat.allCases.map(\.rawValue))
            }
            feedFormat = format.flatMap(FeedFormat.init(rawValue:))
        }
        let age = arguments.value("max-age") ?? "7"
        guard let days = Int(age), days >= 0 else {
            throw .invalid("invalid value '\(age)' for --max-age; give a whole number of days, such as 7")
        }
        maxAge = days
        mirror = arguments.value("mirror")
        (urls, feeds) = try Self.feedSelection(arguments)
    }

    /// Parses `--url FEED=URL` and `--feed FEED`, refusing unknown feed names.
    private static func feedSelection(_ arguments: ParsedArguments) throws(UsageError)
        -> ([String: String], [FeedSource])
    {
        let names = FeedSource.official.map(\.name)
        var urls: [String: String] = [:]
        for pair in arguments.values("url") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, names.contains(parts[0]) else {
                throw .invalidValue(option: "--url", value: pair, valid: names.map { "\($0)=URL" })
            }
            urls[parts[0]] = parts[1]
        }
        let selected = arguments.values("feed")
        for name in selected where !names.contains(name) {
            throw .invalidValue(option: "--feed", value: name, valid: names)
        }
        let feeds = selected.isEmpty ? FeedSource.official : FeedSource.official.filter { selected.contains($0.name) }
        return (urls, feeds)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let path = databaseOption ?? AdvisoryDatabase.defaultPath(environment: context.environment)
        switch action {
        case .import: try importFiles(into: path, in: context)
        case .update: try await update(path, in: context)
        case .status: try status(path, in: context)
        case .export:
            try AdvisoryDatabase.open(path: path, logger: context.logger).export(to: files[0])
            context.logger.info("exported \(path) to \(files[0])")
        case .importDatabase:
            try AdvisoryDatabase.replace(path: path, with: files[0], logger: context.logger)
            context.write("replaced \(path) with \(files[0])\n")
        }
        return .success
    }
}
