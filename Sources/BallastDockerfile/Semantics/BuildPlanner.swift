extension Dockerfile {
    /// Groups the instructions into stages and resolves every FROM.
    ///
    /// - Parameter buildArguments: values for declared ARGs, as `--build-arg NAME=value` gives them;
    ///   they also override the automatic platform ARGs.
    /// - Throws: ``DockerfileError`` when an instruction other than ARG precedes the first FROM, a
    ///   FROM has no image, or a FROM uses an ARG without a value.
    public func buildPlan(buildArguments: [String: String] = [:]) throws(DockerfileError) -> BuildPlan {
        var values: [String: String?] = BuildPlan.platformArguments.mapValues { $0 }
        for (name, value) in buildArguments where BuildPlan.platformArguments[name] != nil {
            values[name] = value
        }
        var globals: [String: String?] = [:]
        var globalInstructions: [Instruction] = []
        var stages: [BuildStage] = []
        var current: (from: Instruction, base: StageBase, name: String?, body: [Instruction])?

        for instruction in instructions {
            switch instruction.kind {
            case .from:
                if let current {
                    stages.append(stage(stages.count, current))
                }
                let (base, name) = try resolveFrom(instruction, values: values, stages: stages)
                current = (instruction, base, name, [])
            case .arg where current == nil:
                for (name, value) in ArgumentDeclaration.parse(instruction) {
                    let resolved =
                        buildArguments[name] ?? value.flatMap { try? VariableExpander(values: values).expand($0) }
                    values[name] = resolved
                    globals[name] = resolved
                }
                globalInstructions.append(instruction)
            default:
                guard current != nil else {
                    throw .instructionBeforeFrom(
                        path: path, line: instruction.keywordRange.start.line,
                        column: instruction.keywordRange.start.column, keyword: instruction.keyword.uppercased()
                    )
                }
                current?.body.append(instruction)
            }
        }
        guard let current else {
            throw .syntax(
                path: path, line: lines.lowerBound, column: 1,
                detail: "the file has no FROM instruction; "
                    + "start the first stage with FROM <image>")
        }
        stages.append(stage(stages.count, current))
        return BuildPlan(
            dockerfile: self, stages: stages, globalArguments: globals, globalArgumentInstructions: globalInstructions
        )
    }

    private func stage(
        _ index: Int, _ parts: (from: Instruction, base: StageBase, name: String?, body: [Instruction])
    ) -> BuildStage {
        BuildStage(index: index, name: parts.name, from: parts.from, base: parts.base, instructions: parts.body)
    }

    private func resolveFrom(
        _ from: Instruction, values: [String: String?], stages: [BuildStage]
    ) throws(DockerfileError) -> (StageBase, String?) {
        let words = from.arguments.words
        guard let token = words.first else {
            throw .syntax(
                path: path, line: from.startLine, column: from.keywordRange.start.column,
                detail: "FROM needs an image; write FROM <image>[:tag] [AS <name>]"
            )
        }
        var name: String?
        if words.count == 3, words[1].value.lowercased() == "as" {
            name = try stageName(words[2], existing: stages)
        } else if words.count > 1 {
            let extra = words.count >= 3 && words[1].value.lowercased() == "as" ? words[3] : words[1]
            throw .syntax(
                path: path, line: extra.range.start.line, column: extra.range.start.column,
                detail: "FROM takes an image and an optional 'AS <name>'; remove '\(extra.value)'"
            )
        }

        let expanded: String
        do {
            expanded = try VariableExpander(values: values).expand(token.value)
        } catch .unresolved(let variable, let offset) {
            throw .unresolvedArgument(
                path: path, line: token.range.start.line, column: token.range.start.column + offset, name: variable
            )
        } catch {
            throw .syntax(
                path: path, line: token.range.start.line, column: token.range.start.column,
                detail: "FROM image '\(token.value)' has a malformed variable; write ${NAME} or ${NAME:-default}"
            )
        }

        let parent = stages.last { $0.name == expanded.lowercased() }
        let image = parent == nil && expanded.lowercased() != "scratch" ? ImageName(expanded) : nil
        guard parent != nil || expanded.lowercased() == "scratch" || image != nil else {
            throw .syntax(
                path: path, line: token.range.start.line, column: token.range.start.column,
                detail: "FROM image '\(expanded)' is not a valid image reference; write <name>[:tag][@digest]"
            )
        }
        let base = StageBase(
            written: token.value, range: token.range, expanded: expanded, stageIndex: parent?.index, image: image
        )
        return (base, name)
    }

    /// BuildKit's rule for stage names: a letter, then letters, digits, `-`, `_` or `.`; unique in the file.
    private func stageName(_ word: Word, existing: [BuildStage]) throws(DockerfileError) -> String {
        let name = word.value.lowercased()
        let valid =
            name.first.map { $0.isASCII && $0.isLetter } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        guard valid else {
            throw .syntax(
                path: path, line: word.range.start.line, column: word.range.start.column,
                detail: "stage name '\(word.value)' is not valid; start it with a letter and use only letters, "
                    + "digits, '-', '_' and '.'"
            )
        }
        if let earlier = existing.first(where: { $0.name == name }) {
            throw .syntax(
                path: path, line: word.range.start.line, column: word.range.start.column,
                detail: "stage name '\(word.value)' is already used by the stage on line \(earlier.from.startLine); "
                    + "give each stage its own name"
            )
        }
        return name
    }
}
