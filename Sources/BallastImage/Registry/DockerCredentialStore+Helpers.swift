import Foundation

extension DockerCredentialStore {
    /// What `docker-credential-<name> get` prints.
    private struct HelperOutput: Decodable {
        var Username: String
        var Secret: String
    }

    /// Runs a credential helper; a missing helper or a failure means no credentials.
    func runHelper(_ name: String, server: String) -> RegistryCredential? {
        let executable = "docker-credential-\(name)"
        guard let path = findExecutable(executable) else {
            logger.debug("credential helper \(executable) is not on PATH; continuing without it")
            return nil
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["get"]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            logger.debug("credential helper \(executable) could not start (\(error)); continuing without it")
            return nil
        }
        input.fileHandleForWriting.write(Data(server.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        guard process.terminationStatus == 0 else {
            logger.debug(
                "credential helper \(executable) has no credentials for \(server) (exit \(process.terminationStatus))")
            return nil
        }
        guard let decoded = try? JSONDecoder().decode(HelperOutput.self, from: data) else {
            logger.debug("credential helper \(executable) printed something other than credentials; ignoring it")
            return nil
        }
        logger.debug("using credential helper \(executable) for \(server)")
        // Docker's helpers mark an identity token with the user name "<token>".
        if decoded.Username == "<token>" {
            return RegistryCredential(username: "", password: "", identityToken: decoded.Secret)
        }
        return RegistryCredential(username: decoded.Username, password: decoded.Secret)
    }

    private func findExecutable(_ name: String) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
