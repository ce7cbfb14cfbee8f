/// The end-of-life dates of Node.js release lines.
///
/// From the Node.js release schedule (https://github.com/nodejs/Release, `schedule.json`). Odd
/// majors are never LTS and end about six months after release; even majors are LTS for 30 months.
public enum NodeReleaseSchedule {
    /// Major version → the last day it receives fixes.
    public static let endOfLife: [Int: CalendarDate] = [
        4: date(2018, 4, 30), 5: date(2016, 6, 30), 6: date(2019, 4, 30), 7: date(2017, 6, 30),
        8: date(2019, 12, 31), 9: date(2018, 6, 30), 10: date(2021, 4, 30), 11: date(2019, 6, 1),
        12: date(2022, 4, 30), 13: date(2020, 6, 1), 14: date(2023, 4, 30), 15: date(2021, 6, 1),
        16: date(2023, 9, 11), 17: date(2022, 6, 1), 18: date(2025, 4, 30), 19: date(2023, 6, 1),
        20: date(2026, 4, 30), 21: date(2024, 6, 1), 22: date(2027, 4, 30), 23: date(2025, 6, 1),
        24: date(2028, 4, 30), 25: date(2026, 6, 1), 26: date(2029, 4, 30), 27: date(2030, 4, 30),
    ]

    /// LTS codenames as image tags use them (`node:iron`) → major version.
    public static let codenames: [String: Int] = [
        "argon": 4, "boron": 6, "carbon": 8, "dubnium": 10, "erbium": 12, "fermium": 14, "gallium": 16,
        "hydrogen": 18, "iron": 20, "jod": 22, "krypton": 24,
    ]

    /// Whether `major` has reached end of life on `day`; unknown majors are not reported.
    public static func isEndOfLife(_ major: Int, on day: CalendarDate) -> Bool {
        if major < 4 {
            return true
        }
        guard let end = endOfLife[major] else { return false }
        return day > end
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)
    }
}

extension NodeReleaseSchedule {
    /// When each LTS line entered long-term support.
    public static let ltsStart: [Int: CalendarDate] = [
        18: CalendarDate(year: 2022, month: 10, day: 25), 20: CalendarDate(year: 2023, month: 10, day: 24),
        22: CalendarDate(year: 2024, month: 10, day: 29), 24: CalendarDate(year: 2025, month: 10, day: 28),
        26: CalendarDate(year: 2026, month: 10, day: 28),
    ]

    /// The LTS majors in support on `day`, oldest first.
    public static func supportedLTS(on day: CalendarDate) -> [Int] {
        ltsStart.filter { major, start in start <= day && !isEndOfLife(major, on: day) }.keys.sorted()
    }
}
