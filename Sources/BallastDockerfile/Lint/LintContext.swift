import Foundation

/// What lint rules may know beyond the Dockerfile: the files beside it, the date, and image facts.
public struct LintContext: Sendable {
    /// The files in the Dockerfile's folder.
    public let files: any ProjectFiles
    /// The day against which end-of-life dates are judged.
    public let today: CalendarDate
    /// Repositories (such as `registry.example.com/hardened/node`) known to have no shell, in
    /// addition to the distroless and Chainguard images Ballast recognises itself.
    public let shellLessImages: Set<String>
    /// Values for declared ARGs, as `--build-arg` would give them.
    public let buildArguments: [String: String]

    public init(
        files: any ProjectFiles = InMemoryProjectFiles(), today: CalendarDate, shellLessImages: Set<String> = [],
        buildArguments: [String: String] = [:]
    ) {
        self.files = files
        self.today = today
        self.shellLessImages = shellLessImages
        self.buildArguments = buildArguments
    }

    /// A context reading the files beside a Dockerfile from the folder that holds it.
    public init(
        dockerfileDirectory: URL, today: CalendarDate, shellLessImages: Set<String> = [],
        buildArguments: [String: String] = [:]
    ) {
        self.init(
            files: DirectoryProjectFiles(directory: dockerfileDirectory), today: today,
            shellLessImages: shellLessImages, buildArguments: buildArguments
        )
    }
}
