import Foundation

/// Reads the Node.js release schedule (https://github.com/nodejs/Release/blob/main/schedule.json):
/// `{"v20": {"start": …, "lts": …, "maintenance": …, "end": …, "codename": …}, …}`.
enum NodeScheduleParser {
    static func parse(_ data: Data) throws -> FeedContent {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InvalidRecord("not a JSON object of release lines")
        }
        var content = FeedContent()
        for (line, value) in object.sorted(by: { $0.key < $1.key }) {
            let digits = line.dropFirst().split(separator: ".").first.flatMap { Int($0) }
            guard line.hasPrefix("v"), let major = digits, let dates = value as? [String: Any],
                let start = dates["start"] as? String, let end = dates["end"] as? String
            else {
                content.skip("release line \(line) lacks a vN key, start or end")
                continue
            }
            content.releases.append(
                NodeRelease(
                    line: line, major: major, start: start, lts: dates["lts"] as? String,
                    maintenance: dates["maintenance"] as? String, end: end, codename: dates["codename"] as? String))
            content.records += 1
        }
        return content
    }
}
