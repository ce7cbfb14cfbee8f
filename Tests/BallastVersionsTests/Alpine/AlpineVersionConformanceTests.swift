import BallastVersions
import Testing

/// The apk files hold apk-tools' own unit test data (`test/unit/version.data`).
@Suite struct AlpineVersionConformanceTests {
    @Test func everyPairOrdersAsApk() throws {
        let file = try ConformanceFile("apk-versions.tsv", fieldCount: 3)

        let failures = file.failures { line in
            let (a, b, expected) = (line.fields[0], line.fields[1], line.fields[2])
            let actual = AlpineVersion(a).compare(to: AlpineVersion(b))
            let mirrored = AlpineVersion(b).compare(to: AlpineVersion(a))
            guard String(actual) == expected, mirrored == -actual else {
                return "\(a) vs \(b): expected \(expected), got \(actual) (reversed \(mirrored))"
            }
            return nil
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 738)
    }

    @Test func everyFuzzyMatchAgreesWithApk() throws {
        let file = try ConformanceFile("apk-versions-fuzzy.tsv", fieldCount: 4)

        let failures = file.failures { line in
            let (a, symbol, b, expected) = (line.fields[0], line.fields[1], line.fields[2], line.fields[3])
            do {
                let constraint = try VersionConstraint(parsing: symbol + " " + b, in: .apk)
                let actual = try constraint.isSatisfied(by: a)
                return String(actual) == expected ? nil : "\(a) \(symbol) \(b): expected \(expected), got \(actual)"
            } catch {
                return "\(a) \(symbol) \(b): \(error)"
            }
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 16)
    }

    @Test func everyVersionValidatesAsApk() throws {
        let file = try ConformanceFile("apk-versions-valid.tsv", fieldCount: 2)

        let failures = file.failures { line in
            let actual = AlpineVersion(line.fields[0]).isValid
            guard String(actual) == line.fields[1] else {
                return "'\(line.fields[0])': expected \(line.fields[1]), got \(actual)"
            }
            return nil
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 31)
    }
}
