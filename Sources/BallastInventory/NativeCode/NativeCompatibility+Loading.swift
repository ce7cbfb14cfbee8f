/// Follows `DT_NEEDED` from an object through the image, breadth first as both loaders do, and
/// remembers what each name led to.
extension NativeCompatibility {
    struct Loading {
        let compatibility: NativeCompatibility
        /// Every object loaded, roots included, in load order.
        private(set) var objects: [NativeObject] = []
        private(set) var findings: [CompatibilityReport.Finding] = []
        private(set) var libraries: [CompatibilityReport.Library] = []
        private var providers: [String: NativeObject] = [:]
        private var definitionsByPath: [String: Set<String>] = [:]
        private(set) var muslLibc: NativeObject?

        init(compatibility: NativeCompatibility) {
            self.compatibility = compatibility
        }

        /// The object a `DT_NEEDED` name led to.
        func provider(of name: String) -> NativeObject? {
            providers[name]
        }

        /// The symbols `object` defines, as `name` and `name@version`.
        func definitions(of object: NativeObject) -> Set<String> {
            definitionsByPath[object.path] ?? []
        }

        /// Loads `root` and everything it needs; failures become findings when `reportFailures`.
        mutating func load(_ root: NativeObject, reportFailures: Bool) {
            add(root)
            var queue = [root]
            while !queue.isEmpty, objects.count < NativeCompatibility.maximumObjects {
                let requester = queue.removeFirst()
                let directories = requester.ownSearchDirectories(libc: compatibility.platform.libc)
                for name in requester.file.needed where providers[name] == nil {
                    switch find(name, directories: directories) {
                    case .found(let path, let file):
                        let object = objects.first { $0.path == path } ?? NativeObject(path: path, file: file)
                        providers[name] = object
                        libraries.append(.init(name: name, path: object.path, neededBy: requester.path))
                        if !objects.contains(where: { $0.path == object.path }) {
                            add(object)
                            queue.append(object)
                        }
                    case .unreadable(let path, let reason):
                        guard reportFailures else { continue }
                        findings.append(
                            .init(
                                .unreadableLibrary, name,
                                "\(name), needed by \(requester.path), is \(path) but it could not be read: \(reason)"))
                    case .missing(let searched):
                        guard reportFailures else { continue }
                        findings.append(
                            .init(
                                .missingLibrary, name,
                                "\(name), needed by \(requester.path), is not in the image (searched "
                                    + "\(searched.joined(separator: ", ")))"))
                    }
                }
            }
        }

        private mutating func add(_ object: NativeObject) {
            objects.append(object)
            var definitions: Set<String> = []
            for symbol in object.file.symbols where symbol.isDefined {
                definitions.insert(symbol.name)
                if let version = symbol.version { definitions.insert(symbol.name + "@" + version) }
            }
            definitionsByPath[object.path] = definitions
        }

        /// Looks `name` up; musl's own names lead to musl's libc, read once.
        private mutating func find(_ name: String, directories: [String]) -> LibraryResolver.Lookup {
            let platform = compatibility.platform
            guard platform.isMuslBuiltIn(name) else {
                return compatibility.resolver.lookUp(name, objectDirectories: directories, machine: platform.machine)
            }
            if let muslLibc { return .found(path: muslLibc.path, file: muslLibc.file) }
            let lookup = compatibility.resolver.lookUp(platform.muslLoaderPath, objectDirectories: [])
            if case .found(let path, let file) = lookup { muslLibc = NativeObject(path: path, file: file) }
            return lookup
        }
    }
}
