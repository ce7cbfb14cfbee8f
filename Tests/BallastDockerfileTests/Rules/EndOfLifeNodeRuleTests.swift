import BallastDockerfile
import Testing

struct EndOfLifeNodeRuleTests {
    static let cases: [(String, CalendarDate, [String])] = [
        (
            "FROM node:18-alpine\n", CalendarDate(year: 2026, month: 12, day: 3),
            [
                "Dockerfile:1:6: error: [BL014] Node.js 18 reached end of life on 2025-04-30 and gets no security "
                    + "fixes; move to a supported LTS line (22, 24, 26)"
            ]
        ),
        ("FROM node:20-slim\n", CalendarDate(year: 2026, month: 4, day: 30), []),
        (
            "FROM node:iron-slim\n", CalendarDate(year: 2026, month: 5, day: 1),
            [
                "Dockerfile:1:6: error: [BL014] Node.js 20 reached end of life on 2026-04-30 and gets no security "
                    + "fixes; move to a supported LTS line (22, 24)"
            ]
        ),
        (
            "FROM gcr.io/distroless/nodejs16-debian11\n", CalendarDate(year: 2025, month: 1, day: 1),
            [
                "Dockerfile:1:6: error: [BL014] Node.js 16 reached end of life on 2023-09-11 and gets no security "
                    + "fixes; move to a supported LTS line (18, 20, 22)"
            ]
        ),
        (
            "FROM node:25.1.0-bookworm-slim\n", CalendarDate(year: 2026, month: 6, day: 2),
            [
                "Dockerfile:1:6: error: [BL014] Node.js 25 reached end of life on 2026-06-01 and gets no security "
                    + "fixes; move to a supported LTS line (22, 24)"
            ]
        ),
        ("FROM node:22.11.0-bookworm-slim\n", CalendarDate(year: 2026, month: 12, day: 3), []),
        ("FROM node:lts-slim\n", CalendarDate(year: 2026, month: 12, day: 3), []),
    ]

    @Test(arguments: cases)
    func judgesTheReleaseLineOnTheGivenDay(dockerfile: String, today: CalendarDate, expected: [String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: EndOfLifeNodeRule(), today: today) == expected)
    }

    @Test func scheduleHoldsTheKnownDates() {
        #expect(NodeReleaseSchedule.endOfLife[18] == CalendarDate("2025-04-30"))
        #expect(NodeReleaseSchedule.endOfLife[20] == CalendarDate("2026-04-30"))
        #expect(NodeReleaseSchedule.endOfLife[22] == CalendarDate("2027-04-30"))
        #expect(NodeReleaseSchedule.endOfLife[24] == CalendarDate("2028-04-30"))
    }
}
