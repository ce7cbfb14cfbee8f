import BallastCore

/// The database's tables, versioned: `PRAGMA application_id` marks the file as Ballast's and
/// `PRAGMA user_version` holds the schema version. Opening an older file runs the migrations
/// from its version up to ``current``, one step at a time, in one transaction.
///
/// docs/database.md describes every table.
enum AdvisorySchema {
    /// `BALS` in ASCII: tells Ballast's files from other SQLite files.
    static let applicationID = 0x4241_4C53
    /// The version this build writes.
    static let current = 3

    /// `migrations[n]` takes a database from version `n` to `n + 1`.
    static let migrations: [Int: String] = [
        0: version1,
        1: version2,
        2: version3,
    ]

    /// Brings `connection` from `version` to `target` (default ``current``).
    static func migrate(_ connection: SQLiteConnection, from version: Int, to target: Int = current) throws {
        guard version < target else { return }
        try connection.transaction("migrate the advisory schema") {
            for step in version..<target {
                guard let sql = migrations[step] else {
                    throw InternalError("no migration from advisory schema version \(step)")
                }
                try connection.execute(sql, operation: "migrate the advisory schema to version \(step + 1)")
            }
            try connection.execute(
                "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(target)",
                operation: "mark the advisory schema version")
        }
    }

    /// The first schema: feeds, advisories, aliases, affected packages, KEV and EPSS.
    private static let version1 = """
        CREATE TABLE feeds (
            name TEXT PRIMARY KEY, format TEXT NOT NULL, source TEXT NOT NULL, fetched_at REAL NOT NULL,
            sha256 TEXT NOT NULL, records INTEGER NOT NULL, skipped INTEGER NOT NULL, skip_reason TEXT
        );
        CREATE TABLE vulnerabilities (
            id TEXT NOT NULL, feed TEXT NOT NULL, summary TEXT, published TEXT, modified TEXT, severity TEXT,
            cvss_score REAL, cvss_vector TEXT, refs TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (id, feed)
        ) WITHOUT ROWID;
        CREATE TABLE aliases (alias TEXT NOT NULL, id TEXT NOT NULL, feed TEXT NOT NULL);
        CREATE INDEX aliases_by_alias ON aliases (alias);
        CREATE INDEX aliases_by_feed ON aliases (feed);
        CREATE TABLE affected (
            vulnerability_id TEXT NOT NULL, ecosystem TEXT NOT NULL, scope TEXT NOT NULL, package TEXT NOT NULL,
            status TEXT NOT NULL, range_type TEXT, events TEXT NOT NULL DEFAULT '', versions TEXT NOT NULL DEFAULT '',
            vulnerable_range TEXT, patched_range TEXT, fixed_version TEXT, urgency TEXT, nodsa TEXT,
            nodsa_reason TEXT, feed TEXT NOT NULL
        );
        CREATE INDEX affected_by_package ON affected (ecosystem, package, scope);
        CREATE INDEX affected_by_vulnerability ON affected (vulnerability_id);
        CREATE INDEX affected_by_feed ON affected (feed);
        CREATE TABLE kev (
            cve TEXT PRIMARY KEY, vendor TEXT NOT NULL, product TEXT NOT NULL, name TEXT NOT NULL,
            date_added TEXT NOT NULL, due_date TEXT NOT NULL, ransomware TEXT NOT NULL, feed TEXT NOT NULL
        );
        CREATE TABLE epss (
            cve TEXT PRIMARY KEY, score REAL NOT NULL, percentile REAL NOT NULL, score_date TEXT NOT NULL,
            feed TEXT NOT NULL
        );
        """

    /// Version 2: the EPSS model version, and the Node.js release schedule.
    private static let version2 = """
        ALTER TABLE epss ADD COLUMN model_version TEXT NOT NULL DEFAULT '';
        CREATE TABLE node_releases (
            line TEXT PRIMARY KEY, major INTEGER NOT NULL, start TEXT NOT NULL, lts TEXT, maintenance TEXT,
            end_date TEXT NOT NULL, codename TEXT, feed TEXT NOT NULL
        );
        CREATE INDEX node_releases_by_major ON node_releases (major);
        """

    /// An index on each alias row's advisory, so reading an advisory with its aliases does not
    /// scan every alias.
    private static let version3 = """
        CREATE INDEX aliases_by_record ON aliases (id, feed);
        """
}
