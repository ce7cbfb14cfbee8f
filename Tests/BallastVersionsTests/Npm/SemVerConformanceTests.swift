import BallastVersions
import Testing

/// `semver-compare.tsv` and `semver-valid.tsv` hold the answers of node-semver 7.6.2 with default options.
@Suite struct SemVerConformanceTests {
    @Test func everyPairComparesAsNodeSemver() throws {
        let file = try ConformanceFile("semver-compare.tsv", fieldCount: 3)

        let failures = file.failures { line in
            let (a, b, expected) = (line.fields[0], line.fields[1], line.fields[2])
            do {
                let actual = try SemVer(parsing: a).compare(to: SemVer(parsing: b))
                return String(actual) == expected ? nil : "\(a) vs \(b): expected \(expected), got \(actual)"
            } catch {
                return "\(a) vs \(b): \(error)"
            }
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 960)
    }

    @Test func everyInputValidatesAsNodeSemver() throws {
        let file = try ConformanceFile("semver-valid.tsv", fieldCount: 3)

        let failures = file.failures { line in
            let input = line.fields[0]
            let strict = (try? SemVer(parsing: input))?.description ?? "null"
            let loose = (try? SemVer(parsing: input, loose: true))?.description ?? "null"
            guard strict == line.fields[1], loose == line.fields[2] else {
                return "'\(input)': expected \(line.fields[1]) / \(line.fields[2]), got \(strict) / \(loose)"
            }
            return nil
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 132)
    }
}
