/// The build stages of a Dockerfile with global ARGs expanded in every FROM.
///
/// ARGs declared before the first FROM are the only variables a FROM can use. Their defaults come
/// from the file; a build argument supplied by the caller replaces the default of a declared ARG,
/// as `--build-arg` does. BuildKit's automatic platform ARGs are also available.
public struct BuildPlan: Sendable {
    public let dockerfile: Dockerfile
    /// The stages in file order; never empty.
    public let stages: [BuildStage]
    /// The global ARGs with their values (`nil` when declared without one).
    public let globalArguments: [String: String?]
    /// The ARG instructions before the first FROM.
    public let globalArgumentInstructions: [Instruction]

    /// The stage a plain `docker build` produces: the last one.
    public var finalStage: BuildStage { stages[stages.count - 1] }

    /// The stage named `reference` (any case) or at that index, as `COPY --from=` and `FROM` use it.
    public func stage(_ reference: String, before limit: Int? = nil) -> BuildStage? {
        let candidates = stages.prefix(limit ?? stages.count)
        if let named = candidates.last(where: { $0.name == reference.lowercased() }) {
            return named
        }
        if let index = Int(reference), candidates.indices.contains(index) {
            return candidates[index]
        }
        return nil
    }

    /// The stages the final stage is built from, directly or through `FROM <stage>`, final stage first.
    public var finalStageLineage: [BuildStage] {
        var lineage = [finalStage]
        while let parent = lineage.last?.base.stageIndex {
            lineage.append(stages[parent])
        }
        return lineage
    }

    /// The image at the root of a stage's `FROM <stage>` chain, or `nil` for scratch.
    public func rootImage(of stage: BuildStage) -> ImageName? {
        var current = stage
        while let parent = current.base.stageIndex {
            current = stages[parent]
        }
        return current.base.image
    }

    /// The automatic platform ARGs BuildKit defines, for a linux/amd64 build.
    public static let platformArguments: [String: String] = [
        "BUILDPLATFORM": "linux/amd64", "BUILDOS": "linux", "BUILDARCH": "amd64", "BUILDVARIANT": "",
        "TARGETPLATFORM": "linux/amd64", "TARGETOS": "linux", "TARGETARCH": "amd64", "TARGETVARIANT": "",
    ]
}
