import Foundation

/// The two ways reports write time: RFC 3339 instants and UTC calendar days.
public enum Timestamp {
    /// `2026-12-03T14:44:13Z`.
    public static func instant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `2026-12-03`, in UTC: the day end-of-life and expiry dates are judged against.
    public static func day(_ date: Date = Date()) -> String {
        String(instant(date).prefix(10))
    }
}
