/// One Node.js release line of the release schedule.
///
/// See https://github.com/nodejs/Release/blob/main/schedule.json: each key (`v20`, `v0.12`) has
/// `start`, `end` and optionally `lts`, `maintenance` and `codename`; dates are `YYYY-MM-DD`.
public struct NodeRelease: Sendable, Equatable, Codable {
    /// The key as written: `v20`, `v0.12`.
    public var line: String
    /// The major version (`20`); `0` for the `v0.x` lines.
    public var major: Int
    public var start: String
    /// When the line entered Active LTS; nil for lines that never did.
    public var lts: String?
    /// When the line entered Maintenance.
    public var maintenance: String?
    /// End of life.
    public var end: String
    public var codename: String?

    public init(
        line: String, major: Int, start: String, lts: String? = nil, maintenance: String? = nil, end: String,
        codename: String? = nil
    ) {
        self.line = line
        self.major = major
        self.start = start
        self.lts = lts
        self.maintenance = maintenance
        self.end = end
        self.codename = codename
    }
}
