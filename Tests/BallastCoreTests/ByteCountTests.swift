import Testing

@testable import BallastCore

@Suite("Core formatting and logging")
struct CoreTests {
    @Test(
        "byte counts read like docker images",
        arguments: [
            (0, "0 B"), (999, "999 B"), (1000, "1.00 kB"), (3380, "3.38 kB"), (66_300_000, "66.3 MB"),
            (395_500_000, "396 MB"), (1_096_800_000, "1.10 GB"),
        ] as [(Int64, String)])
    func byteCount(bytes: Int64, expected: String) {
        #expect(ByteCount.format(bytes) == expected)
    }

    @Test("the logger's level decides what reaches the sink")
    func logLevels() {
        final class Lines: @unchecked Sendable {
            // Written only from the test's own thread.
            var lines: [String] = []
        }
        let sink = Lines()
        let logger = Logger(level: .warning, sink: { sink.lines.append($0) })
        logger.error("e")
        logger.warning("w")
        logger.info("i")
        logger.debug("d")
        #expect(sink.lines == ["error: e", "warning: w"])
    }

    @Test("error context keeps the cause and its exit code")
    func contextualError() {
        struct Cause: BallastError {
            var exitCode: ExitCode { .usage }
            var description: String { "the cause" }
        }
        let error = ContextualError("reading x", cause: Cause())
        #expect(error.description == "reading x: the cause")
        #expect(error.exitCode == .usage)
    }
}
