/// One build stage: a FROM instruction and the instructions up to the next FROM.
public struct BuildStage: Sendable {
    /// The stage's position, counting from 0, as `COPY --from=0` uses it.
    public let index: Int
    /// The name given with `AS`, lower-cased as BuildKit compares it, or `nil`.
    public let name: String?
    /// The FROM instruction.
    public let from: Instruction
    /// What the stage is built on.
    public let base: StageBase
    /// The instructions after FROM, in order.
    public let instructions: [Instruction]

    /// The stage's name, or its index when it has none, as messages show it.
    public var label: String { name ?? String(index) }
}

/// The base of a stage: the image token of its FROM, as written and after ARG expansion.
public struct StageBase: Sendable {
    /// The token as written, `${NODE_VERSION}` and all.
    public let written: String
    /// Where the token is in the file: the span a pin rewrite replaces.
    public let range: SourceRange
    /// The token with global ARGs expanded.
    public let expanded: String
    /// The earlier stage this one builds on (`FROM build`), if any.
    public let stageIndex: Int?
    /// The image reference, or `nil` for `scratch` and for a stage reference.
    public let image: ImageName?

    /// Whether the base is `scratch`, the empty image.
    public var isScratch: Bool { expanded.lowercased() == "scratch" }
}
