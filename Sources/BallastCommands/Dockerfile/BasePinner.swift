import BallastCore
import BallastDigest
import BallastDockerfile
import BallastImage
import Foundation

/// Works out the pinned form of every base image in a build plan.
struct BasePinner {
    let registry: RegistryOptions
    let digestOnly: Bool
    let logger: Logger
    let cacheDirectory: URL

    struct Result {
        var edits: [SourceEdit] = []
        /// Bases that are unpinned or whose digest no longer matches their tag, as messages.
        var problems: [String] = []
        /// Bases left alone, and why.
        var notes: [String] = []
    }

    func pin(_ plan: BuildPlan, path: String) async throws -> Result {
        var result = Result()
        var resolved: [String: (Digest, String?)] = [:]
        for stage in plan.stages {
            let base = stage.base
            guard base.stageIndex == nil, !base.isScratch, base.image != nil else { continue }
            let where_ = "\(path):\(base.range.start.line):\(base.range.start.column)"
            let reference: ImageReference
            do {
                reference = try ImageReference(parsing: base.expanded)
            } catch {
                throw ContextualError(where_, cause: error)
            }
            if base.written.contains("$") {
                result.notes.append("\(where_): '\(base.written)' uses an ARG; pin the ARG's value instead")
                if reference.digest == nil {
                    result.problems.append("\(where_): \(base.expanded) is not pinned by digest")
                }
                continue
            }
            let tag = reference.tag ?? ImageReference.defaultTag
            let key = "\(reference.name):\(tag)"
            let (digest, specific): (Digest, String?)
            if let known = resolved[key] {
                (digest, specific) = known
            } else {
                let client = RegistryClient(domain: reference.domain, options: registry)
                do {
                    digest = try await client.manifestDigest(for: reference.with(tag: tag, digest: nil))
                    specific =
                        digestOnly
                        ? nil
                        : try await TagResolver(client: client, cacheFile: cacheDirectory)
                            .mostSpecificTag(for: tag, digest: digest, repository: reference.path)
                } catch {
                    throw ContextualError("\(where_): cannot resolve \(reference.familiarName):\(tag)", cause: error)
                }
                resolved[key] = (digest, specific)
            }

            if let pinned = reference.digest {
                if pinned != digest {
                    result.problems.append(
                        "\(where_): \(reference.familiarName):\(tag) now points to \(digest), not the pinned \(pinned)")
                } else if specific == nil || reference.tag == specific || digestOnly {
                    continue
                }
            } else {
                result.problems.append("\(where_): \(base.written) is not pinned by digest")
            }
            let name = BasePinner.nameAsWritten(base.written)
            let newTag = specific ?? tag
            let replacement =
                reference.tag == nil && specific == nil ? "\(name)@\(digest)" : "\(name):\(newTag)@\(digest)"
            if replacement != base.written {
                result.edits.append(SourceEdit(replacing: base.range, with: replacement))
            }
        }
        return result
    }

    /// The repository as the user wrote it, without tag or digest: `node:22@sha256:…` → `node`,
    /// `localhost:5000/app:1` → `localhost:5000/app`.
    static func nameAsWritten(_ written: String) -> String {
        var name = written
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = String(name[..<colon]) }
        return name
    }
}
