import BallastDockerfile
import Testing

struct CalendarDateTests {
    static let valid: [(String, CalendarDate)] = [
        ("2025-04-30", CalendarDate(year: 2025, month: 4, day: 30)),
        ("2026-01-01", CalendarDate(year: 2026, month: 1, day: 1)),
    ]

    @Test(arguments: valid)
    func parsesISODates(text: String, expected: CalendarDate) {
        #expect(CalendarDate(text) == expected)
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: ["2025-4-30", "2025-13-01", "2025-00-10", "20250430", "", "2025-04-30T00:00"])
    func rejectsOtherText(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func ordersByDay() {
        #expect(CalendarDate("2025-04-30")! < CalendarDate("2025-05-01")!)
        #expect(CalendarDate("2024-12-31")! < CalendarDate("2025-01-01")!)
    }
}
