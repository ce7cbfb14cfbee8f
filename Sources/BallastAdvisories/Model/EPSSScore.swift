/// One row of FIRST's Exploit Prediction Scoring System daily CSV.
///
/// See https://www.first.org/epss/data_stats: the file opens with
/// `#model_version:…,score_date:…`, then `cve,epss,percentile`.
public struct EPSSScore: Sendable, Equatable, Codable {
    public var cve: String
    /// Probability of exploitation activity in the next 30 days, 0…1.
    public var score: Double
    /// Share of all scored CVEs with a score at or below this one, 0…1.
    public var percentile: Double
    /// The `score_date` of the file, as written.
    public var scoreDate: String
    /// The `model_version` of the file, as written.
    public var modelVersion: String

    public init(cve: String, score: Double, percentile: Double, scoreDate: String, modelVersion: String) {
        self.cve = cve
        self.score = score
        self.percentile = percentile
        self.scoreDate = scoreDate
        self.modelVersion = modelVersion
    }
}
