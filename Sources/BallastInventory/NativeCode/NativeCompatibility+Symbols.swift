/// The symbol check: every strong import must have a definition among the loaded objects.
extension NativeCompatibility {
    struct SymbolCheck {
        var findings: [CompatibilityReport.Finding] = []
        var notes: [String] = []
    }

    func checkSymbols(of object: NativeObject, in loading: Loading, hasHost: Bool) -> SymbolCheck {
        var check = SymbolCheck()
        var leftToHost: [String] = []
        var unboundWeak: [String] = []
        for symbol in object.file.undefinedSymbols {
            if isDefined(symbol, in: loading) { continue }
            if symbol.isWeak {
                unboundWeak.append(symbol.description)
            } else if symbol.version == nil && !hasHost {
                leftToHost.append(symbol.name)
            } else {
                check.findings.append(missing(symbol, of: object, in: loading))
            }
        }
        if !leftToHost.isEmpty {
            check.notes.append(
                "no library \(object.path) needs defines \(leftToHost.joined(separator: ", ")); the process that "
                    + "loads it (node) must provide them")
        }
        if !unboundWeak.isEmpty {
            check.notes.append("weak imports left unbound (null): \(unboundWeak.joined(separator: ", "))")
        }
        return check
    }

    /// Whether a loaded object defines `symbol`. glibc binds a versioned import to a definition of
    /// the same name and version in any loaded object (libpthread's old symbols now live in libc);
    /// musl binds by name alone.
    private func isDefined(_ symbol: ELFSymbol, in loading: Loading) -> Bool {
        let key = platform.libc == .glibc ? symbol.name + (symbol.version.map { "@" + $0 } ?? "") : symbol.name
        return loading.objects.contains { loading.definitions(of: $0).contains(key) }
    }

    private func missing(_ symbol: ELFSymbol, of object: NativeObject, in loading: Loading)
        -> CompatibilityReport.Finding
    {
        var where_ = "any library it loads"
        if platform.libc == .musl, let musl = loading.muslLibc {
            where_ = "musl's libc (\(musl.path)) or any other library it loads"
            if symbol.version != nil { where_ += ", and musl ignores symbol versions" }
        }
        return .init(
            .missingSymbol, symbol.name,
            "\(object.path) imports \(symbol.description), which is not defined by \(where_)")
    }
}
