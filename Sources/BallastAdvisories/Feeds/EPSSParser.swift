import Foundation

/// Reads FIRST's EPSS CSV (https://www.first.org/epss/data_stats): an optional
/// `#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000` line, the header
/// `cve,epss,percentile`, then one row per CVE.
enum EPSSParser {
    static func parse(_ data: Data) throws -> FeedContent {
        var modelVersion = ""
        var scoreDate = ""
        var content = FeedContent()
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.hasPrefix("#") {
                for field in line.dropFirst().split(separator: ",") {
                    let pair = field.split(separator: ":", maxSplits: 1).map(String.init)
                    guard pair.count == 2 else { continue }
                    if pair[0] == "model_version" { modelVersion = pair[1] }
                    if pair[0] == "score_date" { scoreDate = pair[1] }
                }
                continue
            }
            if line.hasPrefix("cve,") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[0].hasPrefix("CVE-"), let score = Double(fields[1]),
                let percentile = Double(fields[2]), (0...1).contains(score), (0...1).contains(percentile)
            else {
                content.skip("line \(lineNumber) is not cve,epss,percentile: \(line.prefix(60))")
                continue
            }
            content.epss.append(
                EPSSScore(
                    cve: String(fields[0]), score: score, percentile: percentile, scoreDate: scoreDate,
                    modelVersion: modelVersion))
            content.records += 1
        }
        return content
    }
}
