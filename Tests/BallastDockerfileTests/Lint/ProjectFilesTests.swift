import BallastDockerfile
import Foundation
import Testing

struct ProjectFilesTests {
    @Test func filesAreReadFromTheDockerfileFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("FROM node:22-slim\nCOPY . .\n".utf8).write(to: folder.appendingPathComponent("Dockerfile"))
        try Data("node_modules\n.git\n".utf8).write(to: folder.appendingPathComponent(".dockerignore"))

        let dockerfile = try DockerfileParser().parse(contentsOf: folder.appendingPathComponent("Dockerfile"))
        let context = LintContext(dockerfileDirectory: folder, today: LintHarness.today)
        let findings = try Linter(rules: [DockerignoreRule()]).lint(dockerfile, context: context)

        #expect(findings.isEmpty)
        #expect(DirectoryProjectFiles(directory: folder).contents(of: "package.json") == nil)
    }

    @Test func missingDockerfileIsReported() {
        let url = URL(fileURLWithPath: "/nonexistent/ballast/Dockerfile")

        #expect(throws: DockerfileError.self) {
            try DockerfileParser().parse(contentsOf: url)
        }
    }
}
