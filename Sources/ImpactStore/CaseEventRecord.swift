import ImpactCore

/// One case event as the store receives it: the case and person are pseudonyms already (the raw
/// ids never leave the reader that pseudonymised them).
public struct CaseEventRecord: Sendable, Equatable {
    public var caseKey: String
    /// Empty when the event names no person.
    public var personKey: String
    public var role: String
    public var event: String
    public var date: CivilDate
    public var geo: String
    public var dimensions: [String: String]
    public var file: String
    public var line: Int

    public init(caseKey: String, personKey: String, role: String, event: String, date: CivilDate, geo: String,
                dimensions: [String: String], file: String, line: Int) {
        self.caseKey = caseKey
        self.personKey = personKey
        self.role = role
        self.event = event
        self.date = date
        self.geo = geo
        self.dimensions = dimensions
        self.file = file
        self.line = line
    }
}
