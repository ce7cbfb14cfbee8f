/// Turns one logical line into an ``Instruction``, splitting its arguments the way BuildKit does for
/// each instruction (its dispatch table in `parser.go`).
struct InstructionBuilder {
    let source: SourceText
    let path: String
    let escape: Unicode.Scalar

    /// The parts of an instruction before heredocs are attached.
    struct Parts {
        var keyword: Token
        var kind: InstructionKind
        var flags: [InstructionFlag]
        var arguments: InstructionArguments
    }

    /// Splits `line` into keyword, flags and arguments.
    func parts(of line: LogicalLine) throws(DockerfileError) -> Parts {
        let whole = line.trimmingSpace(0..<line.scalars.count)
        let pieces = line.splitOnSeparators(whole, limit: 2)
        let keywordSpan = pieces[0]
        let keyword = Token(value: line.string(keywordSpan), span: keywordSpan)
        guard let kind = InstructionKind(keyword: keyword.value) else {
            let position = sourcePosition(line, keywordSpan.lowerBound)
            throw .unknownInstruction(path: path, line: position.line, column: position.column, keyword: keyword.value)
        }

        var flags: [InstructionFlag] = []
        var rest = keywordSpan.upperBound..<keywordSpan.upperBound
        if pieces.count == 2 {
            let extracted = FlagExtractor.extract(line, in: pieces[1])
            flags = extracted.flags.map { flag(from: $0, in: line) }
            rest = line.trimmingSpace(extracted.rest..<pieces[1].upperBound)
        }

        let arguments = try self.arguments(for: kind, keyword: keyword, line: line, rest: rest)
        return Parts(keyword: keyword, kind: kind, flags: flags, arguments: arguments)
    }

    private func arguments(
        for kind: InstructionKind, keyword: Token, line: LogicalLine, rest: Range<Int>
    ) throws(DockerfileError) -> InstructionArguments {
        switch kind {
        case .add, .copy, .volume:
            if case .exec(let words) = try jsonOrNil(line, rest, keyword: keyword) {
                return .exec(words)
            }
            return rest.isEmpty ? .none : .words(line.splitOnSeparators(rest).map { word(line, $0) })
        case .run, .cmd, .entrypoint, .shell:
            return try maybeJSON(line, rest, keyword: keyword)
        case .expose, .from:
            return rest.isEmpty ? .none : .words(line.splitOnSeparators(rest).map { word(line, $0) })
        case .arg:
            let tokens = WordSplitter.words(line, in: rest, escape: escape)
            return tokens.isEmpty ? .none : .words(tokens.map { word(line, $0) })
        case .env, .label:
            return try pairs(line, rest, keyword: keyword)
        case .maintainer, .stopsignal, .user, .workdir:
            return rest.isEmpty ? .none : .text(word(line, rest))
        case .healthcheck:
            return try healthcheck(line, rest, keyword: keyword)
        case .onbuild:
            guard !rest.isEmpty else { return .none }
            var nested = LogicalLine()
            nested.scalars = Array(line.scalars[rest])
            nested.sources = Array(line.sources[rest])
            let parts = try self.parts(of: nested)
            let range = nested.sourceRange(0..<nested.scalars.count, in: source)
            let instruction = Instruction(
                keyword: parts.keyword.value, kind: parts.kind, flags: parts.flags, arguments: parts.arguments,
                heredocs: [], range: range, keywordRange: nested.sourceRange(parts.keyword.span, in: source),
                text: nested.text, comments: [], startLine: range.start.line, endLine: range.end.line
            )
            return .nested(instruction)
        }
    }

    /// BuildKit's `parseMaybeJSON`: exec form when the text is a JSON array, else one shell string.
    private func maybeJSON(
        _ line: LogicalLine, _ rest: Range<Int>, keyword: Token
    ) throws(DockerfileError) -> InstructionArguments {
        guard !rest.isEmpty else { return .none }
        if let exec = try jsonOrNil(line, rest, keyword: keyword) {
            return exec
        }
        return .text(word(line, rest))
    }

    private func jsonOrNil(
        _ line: LogicalLine, _ rest: Range<Int>, keyword: Token
    ) throws(DockerfileError) -> InstructionArguments? {
        switch JSONArrayReader.read(line, in: rest) {
        case .strings(let tokens):
            return .exec(tokens.map { word(line, $0) })
        case .notJSON:
            return nil
        case .notStringArray:
            throw syntax(
                line, rest.lowerBound,
                "\(keyword.value) uses a JSON array that holds something other than strings; "
                    + "write every element as a double-quoted string"
            )
        }
    }

    /// BuildKit's `parseNameVal` for ENV and LABEL.
    private func pairs(
        _ line: LogicalLine, _ rest: Range<Int>, keyword: Token
    ) throws(DockerfileError) -> InstructionArguments {
        let tokens = WordSplitter.words(line, in: rest, escape: escape)
        guard let first = tokens.first else { return .none }
        let upper = keyword.value.uppercased()

        guard first.value.contains("=") else {
            let parts = line.splitOnSeparators(rest, limit: 2)
            guard parts.count == 2 else {
                throw syntax(
                    line, keyword.span.lowerBound,
                    "\(upper) needs a name and a value; write '\(upper) \(first.value)=<value>'"
                )
            }
            return .pairs([KeyValuePair(key: word(line, parts[0]), value: word(line, parts[1]), hasEquals: false)])
        }

        var pairs: [KeyValuePair] = []
        for token in tokens {
            guard let equals = token.value.unicodeScalars.firstIndex(of: "="), let spans = token.scalarSpans else {
                throw syntax(
                    line, token.span.lowerBound,
                    "\(upper) word '\(token.value)' has no '='; write every pair as name=value"
                )
            }
            let split = token.value.unicodeScalars.distance(from: token.value.unicodeScalars.startIndex, to: equals)
            let key = String(token.value.unicodeScalars[..<equals])
            let value = String(token.value.unicodeScalars[token.value.unicodeScalars.index(after: equals)...])
            let keyRange = range(line, spans[..<split])
            let valueRange = range(line, spans[(split + 1)...], emptyAt: spans[split] + 1)
            pairs.append(
                KeyValuePair(
                    key: Word(value: key, range: keyRange), value: Word(value: value, range: valueRange),
                    hasEquals: true
                )
            )
        }
        return .pairs(pairs)
    }

    /// BuildKit's `parseHealthConfig`: a type word, then a command in shell or exec form.
    private func healthcheck(
        _ line: LogicalLine, _ rest: Range<Int>, keyword: Token
    ) throws(DockerfileError) -> InstructionArguments {
        var separator = rest.lowerBound
        while separator < rest.upperBound, !line.scalars[separator].properties.isWhitespace {
            separator += 1
        }
        guard separator > rest.lowerBound else { return .none }
        var next = separator
        while next < rest.upperBound, line.scalars[next].properties.isWhitespace {
            next += 1
        }
        let type = word(line, rest.lowerBound..<separator)
        let command = try maybeJSON(line, next..<rest.upperBound, keyword: keyword)
        return .healthcheck(type: type, command: command)
    }

    private func flag(from token: Token, in line: LogicalLine) -> InstructionFlag {
        let body = token.value.hasPrefix("--") ? String(token.value.dropFirst(2)) : token.value
        let name: String
        let value: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            value = String(body[body.index(after: equals)...])
        } else {
            name = body
            value = nil
        }
        return InstructionFlag(
            text: token.value, name: name, value: value, range: line.sourceRange(token.span, in: source))
    }

    private func word(_ line: LogicalLine, _ span: Range<Int>) -> Word {
        Word(value: line.string(span), range: line.sourceRange(span, in: source))
    }

    private func word(_ line: LogicalLine, _ token: Token) -> Word {
        Word(value: token.value, range: line.sourceRange(token.span, in: source))
    }

    private func range(_ line: LogicalLine, _ spans: ArraySlice<Int>, emptyAt: Int? = nil) -> SourceRange {
        guard let first = spans.first, let last = spans.last else {
            return line.sourceRange((emptyAt ?? 0)..<(emptyAt ?? 0), in: source)
        }
        return line.sourceRange(first..<(last + 1), in: source)
    }

    private func sourcePosition(_ line: LogicalLine, _ index: Int) -> SourcePosition {
        line.sourceRange(index..<index, in: source).start
    }

    private func syntax(_ line: LogicalLine, _ index: Int, _ detail: String) -> DockerfileError {
        let position = sourcePosition(line, index)
        return .syntax(path: path, line: position.line, column: position.column, detail: detail)
    }
}
