import BallastVersions
import Testing

/// Every pair of `dpkg-versions.tsv` must order as dpkg 1.21.22 ordered it.
@Suite struct DebianVersionConformanceTests {
    @Test func everyPairOrdersAsDpkgDoes() throws {
        let file = try ConformanceFile("dpkg-versions.tsv", fieldCount: 3)

        let failures = file.failures { line in
            let (a, b, expected) = (line.fields[0], line.fields[1], line.fields[2])
            do {
                let left = try DebianVersion(parsing: a)
                let right = try DebianVersion(parsing: b)
                try DebianVersion.validate(a)
                try DebianVersion.validate(b)
                let actual = left.compare(to: right)
                let mirrored = right.compare(to: left)
                guard String(actual) == expected, mirrored == -actual else {
                    return "\(a) vs \(b): expected \(expected), got \(actual) (reversed \(mirrored))"
                }
                return nil
            } catch {
                return "\(a) vs \(b): \(error)"
            }
        }

        #expect(failures.isEmpty, "\(file.summary(failures))")
        #expect(file.lines.count == 2091)
    }
}
