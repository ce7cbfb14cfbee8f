import Testing

@testable import BallastImage

@Suite("Registry options")
struct RegistryOptionsTests {
    @Test(
        "insecure registries come from flags and BALLAST_INSECURE_REGISTRIES",
        arguments: [
            ("localhost:5000", true),
            ("LOCALHOST:5000", true),
            ("localhost:5001", false),
            ("10.0.0.5:443", true),
            ("10.0.0.5", true),
            ("registry.internal:8443", true),
            ("[::1]:5000", true),
            ("ghcr.io", false),
        ])
    func insecure(domain: String, expected: Bool) {
        let options = RegistryOptions(
            insecureRegistries: ["localhost:5000", "[::1]"],
            environment: ["BALLAST_INSECURE_REGISTRIES": " 10.0.0.5 ,registry.internal:8443,,"])
        #expect(options.isInsecure(domain) == expected)
    }

    @Test("Docker Hub's API is at registry-1.docker.io, and only insecure hosts use plain HTTP")
    func endpoints() {
        #expect(
            RegistryEndpoint(domain: "docker.io", insecure: false).baseURL.absoluteString
                == "https://registry-1.docker.io")
        #expect(
            RegistryEndpoint(domain: "localhost:5000", insecure: true).baseURL.absoluteString == "http://localhost:5000"
        )
    }

    @Test(
        "the next page comes from the Link header",
        arguments: [
            (#"</v2/node/tags/list?n=2&last=b>; rel="next""#, "/v2/node/tags/list", "n=2&last=b"),
            (#"<https://r.example/v2/a/tags/list?last=x>; rel="next""#, "/v2/a/tags/list", "last=x"),
        ])
    func nextPage(link: String, path: String, query: String) {
        let page = RegistryClient.nextPage(link)
        #expect(page?.path == path)
        #expect(page?.query == query)
    }

    @Test("no Link header, or no next relation, ends the listing", arguments: [nil, #"</v2/x>; rel="prev""#])
    func lastPage(link: String?) {
        #expect(RegistryClient.nextPage(link) == nil)
    }
}
