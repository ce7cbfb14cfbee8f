import Foundation
import Testing

@testable import BallastImage

@Suite("Retry policy")
struct RetryPolicyTests {
    static let policy = RetryPolicy(maximumAttempts: 4, baseDelay: .milliseconds(100), maximumDelay: .seconds(5))

    @Test(
        "the wait doubles, follows Retry-After, and is capped",
        arguments: [
            (1, nil, Duration.milliseconds(100)),
            (2, nil, .milliseconds(200)),
            (3, nil, .milliseconds(400)),
            (1, "2", .seconds(2)),
            (1, "3600", .seconds(5)),
            (1, "soon", .milliseconds(100)),
            (1, "Thu, 01 Jan 2026 00:00:03 GMT", .seconds(3)),
        ] as [(Int, String?, Duration)])
    func delay(attempt: Int, retryAfter: String?, expected: Duration) {
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        #expect(Self.policy.delay(afterAttempt: attempt, retryAfter: retryAfter, now: now) == expected)
    }

    @Test(
        "only 429 and gateway or server failures are retried", arguments: [429, 500, 502, 503, 504, 400, 401, 404, 501])
    func retryable(status: Int) {
        #expect(RetryPolicy.isRetryable(status: status) == [429, 500, 502, 503, 504].contains(status))
    }
}
