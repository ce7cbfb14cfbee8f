import BallastAdvisories
import Foundation
import Testing

struct FeedFormatTests {
    @Test(
        "detects the format of every real sample from its content",
        arguments: [
            ("cisa-kev/known_exploited_vulnerabilities.json", FeedFormat.kev),
            ("alpine-secdb/v3.11/main.yaml", .secdb),
            ("alpine-secdb/vunnel-fixture-v3.15/community.yaml", .secdb),
            ("alpine-secdb/wolfi-json-layout/security.json", .secdb),
            ("nodejs-security-wg/core-index.json", .nodejsCore),
            ("nodejs-security-wg/npm-index.json", .nodejsNpm),
            ("nodejs-security-wg/core/171.json", .nodejsCore),
            ("nodejs-security-wg/npm/8.json", .nodejsNpm),
            ("debian-security-tracker/vunnel-debian.json", .debianTracker),
            ("debian-security-tracker/osvdev-debian_security_tracker_mock.json", .debianTracker),
            ("osv/npm/GHSA-35jh-r3h4-6jhm.json", .osv),
            ("osv/debian/DSA-3029-1.json", .osv),
            ("osv/alpine/CVE-2022-27449.json", .osv),
            ("nodejs-release/schedule.json", .nodejsSchedule),
            ("epss/epss-scores-2025-02-20-excerpt.csv", .epss),
        ])
    func detectsSample(path: String, format: FeedFormat) throws {
        #expect(FeedFormat.detect(try FeedSamples.data(path), name: path) == format)
    }

    @Test("every sample file is covered by detection")
    func everySampleDetected() throws {
        for path in FeedSamples.all() {
            #expect(FeedFormat.detect(try FeedSamples.data(path), name: path) != nil, "\(path)")
        }
    }

    @Test(
        "refuses content that is no feed",
        arguments: ["", "hello", "{}", "[1, 2]", "{\"a\": 1}"])
    func refusesOther(text: String) {
        #expect(FeedFormat.detect(Data(text.utf8), name: "x.json") == nil)
    }
}
