/// The `# ballast-ignore` comments of a Dockerfile, by the instruction they precede.
struct IgnoreComments {
    private var byLine: [Int: Set<String>] = [:]

    init(_ dockerfile: Dockerfile) {
        for instruction in dockerfile.instructions {
            var ids: Set<String> = []
            var line = instruction.startLine - 1
            while line >= 1 {
                let text = dockerfile.line(line).drop { $0 == " " || $0 == "\t" }
                guard text.hasPrefix("#") else { break }
                let words = text.dropFirst().split { $0 == " " || $0 == "\t" || $0 == "," }.map(String.init)
                if words.first == "ballast-ignore" {
                    ids.formUnion(words.dropFirst())
                }
                line -= 1
            }
            guard !ids.isEmpty else { continue }
            for covered in instruction.startLine...instruction.endLine {
                byLine[covered, default: []].formUnion(ids)
            }
        }
    }

    func silences(_ finding: LintFinding) -> Bool {
        guard let ids = byLine[finding.line] else { return false }
        return ids.contains(finding.ruleID) || ids.contains("all")
    }
}
