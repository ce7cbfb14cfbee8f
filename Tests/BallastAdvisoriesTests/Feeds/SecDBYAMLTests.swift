import Testing

@testable import BallastAdvisories

struct SecDBYAMLTests {
    @Test("reads nested mappings, compact and indented sequences, and quoted scalars")
    func readsSubset() throws {
        let text = """
            ---
            distroversion: v3.15  # a comment
            archs:
            - x86_64
            packages:
              - pkg:
                  name: "zlib"
                  secfixes:
                    '0':
                      - CVE-2016-1
                    1.2.12-r0:
                    - CVE-2018-25032
            """
        let document = try #require(try SecDBYAML.parse(text) as? [String: Any])
        #expect(document["distroversion"] as? String == "v3.15")
        #expect(document["archs"] as? [String] == ["x86_64"])
        let package = try #require(
            ((document["packages"] as? [Any])?.first as? [String: Any])?["pkg"] as? [String: Any])
        #expect(package["name"] as? String == "zlib")
        let secfixes = try #require(package["secfixes"] as? [String: Any])
        #expect(secfixes["0"] as? [String] == ["CVE-2016-1"])
        #expect(secfixes["1.2.12-r0"] as? [String] == ["CVE-2018-25032"])
    }

    @Test(
        "refuses YAML beyond the subset with the line number",
        arguments: [
            ("a: &anchor 1", "line 1: YAML feature '&' is not supported in secdb files"),
            ("a:\n  b: 1\n    c: 2", "line 3: unexpected indentation"),
            ("a: 'open", "line 1: unterminated quote"),
            ("just text", "line 1: expected 'key: value'"),
        ])
    func refuses(text: String, reason: String) {
        #expect {
            _ = try SecDBYAML.parse(text)
        } throws: { error in
            (error as? InvalidRecord)?.reason == reason
        }
    }
}
