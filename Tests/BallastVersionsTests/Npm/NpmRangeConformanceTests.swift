import BallastVersions
import Testing

/// `semver-ranges.tsv` and `semver-range-normalized.tsv` hold the answers of node-semver 7.6.2.
@Suite struct NpmRangeConformanceTests {
    @Test func everyVersionSatisfiesAsNodeSemver() throws {
        let file = try ConformanceFile("semver-ranges.tsv", fieldCount: 3)

        let failures = file.failures { line in
            let (version, range, expected) = (line.fields[0], line.fields[1], line.fields[2])
            do {
                let actual = try NpmRange(parsing: range).contains(version)
                guard String(actual) == expected else {
                    return "'\(version)' in '\(range)': expected \(expected), got \(actual)"
                }
                return nil
            } catch {
                return "'\(version)' in '\(range)': \(error)"
            }
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 1387)
    }

    @Test func everyRangeNormalizesAsValidRange() throws {
        let file = try ConformanceFile("semver-range-normalized.tsv", fieldCount: 2)

        let failures = file.failures { line in
            let (range, expected) = (line.fields[0], line.fields[1])
            let actual = (try? NpmRange(parsing: range))?.normalized ?? "null"
            return actual == expected ? nil : "'\(range)': expected '\(expected)', got '\(actual)'"
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 838)
    }
}
