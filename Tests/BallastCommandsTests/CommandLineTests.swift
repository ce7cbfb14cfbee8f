import BallastTestSupport
import Testing

@testable import BallastCommands

@Suite("The ballast command line")
struct CommandLineTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try BallastProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "ballast \(BallastCLI.version)\n")
    }

    @Test("--help lists the commands and the exit codes")
    func help() throws {
        let result = try BallastProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  inspect  "))
        #expect(result.stdout.contains("64 a usage error"))
    }

    @Test("each command's help has usage, options and examples")
    func commandHelp() throws {
        let result = try BallastProcess.run(["inspect", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Usage: ballast inspect [options] IMAGE"))
        #expect(result.stdout.contains("--platform OS/ARCH[/VARIANT]"))
        #expect(
            result.stdout.contains("Examples:\n  # an image in a registry\n  ballast inspect node:22-bookworm-slim"))
    }

    @Test(
        "usage errors exit 64 with one clear line",
        arguments: [
            (
                ["bogus"],
                "error: unknown command 'bogus'; available commands: inspect, sbom, scan, lint, pin, versions, db (see ballast --help)\n"
            ),
            (["inspect"], "error: ballast inspect needs an IMAGE; see ballast inspect --help\n"),
            (["inspect", "--bogus", "x"], "error: unknown option '--bogus'; see --help\n"),
            (["inspect", "--form", "json", "x"], "error: unknown option '--form'; did you mean --format?\n"),
            (
                ["inspect", "--format", "xml", "x"],
                "error: invalid value 'xml' for --format; valid values: table, json\n"
            ),
            (["inspect", "--format"], "error: option --format needs a value\n"),
            (
                ["inspect", "--platform", "linux", "x"],
                "error: invalid platform 'linux': use os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8\n"
            ),
            (["inspect", "Node:22"], "error: invalid image reference 'Node:22': repository names must be lowercase\n"),
            (["inspect", "a", "b"], "error: unexpected argument for ballast inspect: b\n"),
        ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try BallastProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test("an unreadable image exits 2 and prints nothing on standard output")
    func operationalError() throws {
        let result = try BallastProcess.run(["inspect", "oci:/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "error: /nonexistent: no such file or directory; check the path (oci:DIR, oci-archive:FILE, docker-archive:FILE)\n"
        )
    }
}
