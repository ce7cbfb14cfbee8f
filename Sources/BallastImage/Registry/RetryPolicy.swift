import Foundation

/// How often and how long to wait before asking a busy or failing registry again.
///
/// Applies to HTTP 429 and 5xx answers. The wait doubles from ``baseDelay`` on each attempt, or
/// follows the server's `Retry-After`, and never exceeds ``maximumDelay``.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first one included.
    public var maximumAttempts: Int
    /// The wait before the second attempt when the server names none.
    public var baseDelay: Duration
    /// The longest wait between two attempts, whatever `Retry-After` says.
    public var maximumDelay: Duration

    public init(
        maximumAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(10)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// Whether an answer with this status is worth asking again.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// The wait after failed attempt `attempt` (1-based), given the server's `Retry-After` value.
    func delay(afterAttempt attempt: Int, retryAfter: String?, now: Date = Date()) -> Duration {
        var delay = baseDelay * (1 << min(attempt - 1, 16))
        if let retryAfter = retryAfter?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Int(retryAfter), seconds >= 0 {
                delay = .seconds(seconds)
            } else if let date = Self.httpDate(retryAfter) {
                delay = .milliseconds(max(0, Int(date.timeIntervalSince(now) * 1000)))
            }
        }
        return min(delay, maximumDelay)
    }

    /// Parses the IMF-fixdate form of `Retry-After` (`Wed, 21 Oct 2015 07:28:00 GMT`).
    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
