import Foundation

/// A username and password, or an identity token, for one registry.
///
/// Its description never shows the secret, so it is safe in logs and error messages.
struct RegistryCredential: Sendable, Equatable {
    var username: String
    var password: String
    /// An OAuth2 refresh token from `docker login` with an identity provider; when set, token
    /// services are asked with it instead of the password.
    var identityToken: String?

    init(username: String, password: String, identityToken: String? = nil) {
        self.username = username
        self.password = password
        self.identityToken = identityToken
    }

    /// The value of a `Basic` `Authorization` header.
    var basicAuthorization: String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }
}

extension RegistryCredential: CustomStringConvertible {
    var description: String {
        identityToken == nil ? "credentials of user \(username)" : "identity token of user \(username)"
    }
}
