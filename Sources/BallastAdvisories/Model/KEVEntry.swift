/// One entry of CISA's Known Exploited Vulnerabilities catalogue.
///
/// See https://www.cisa.gov/known-exploited-vulnerabilities-catalog and the catalogue's JSON
/// Schema (`known_exploited_vulnerabilities_schema.json`); field names follow it.
public struct KEVEntry: Sendable, Equatable, Codable {
    /// `cveID`.
    public var cve: String
    /// `vendorProject`.
    public var vendor: String
    public var product: String
    /// `vulnerabilityName`.
    public var name: String
    /// `dateAdded`, `YYYY-MM-DD`.
    public var dateAdded: String
    /// `dueDate`, `YYYY-MM-DD`: when US federal agencies must have remediated.
    public var dueDate: String
    /// `knownRansomwareCampaignUse`: `Known` or `Unknown`.
    public var knownRansomwareCampaignUse: String

    public init(
        cve: String, vendor: String, product: String, name: String, dateAdded: String, dueDate: String,
        knownRansomwareCampaignUse: String
    ) {
        self.cve = cve
        self.vendor = vendor
        self.product = product
        self.name = name
        self.dateAdded = dateAdded
        self.dueDate = dueDate
        self.knownRansomwareCampaignUse = knownRansomwareCampaignUse
    }
}
