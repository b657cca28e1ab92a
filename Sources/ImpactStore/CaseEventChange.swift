import ImpactCore

/// What an event import changed, for the results derived from the events: the earliest date of an
/// event it added or corrected, and the earliest current event of the cases it gave a person they
/// did not have. A measure by person counts a case's persons whatever the dates of their events, so
/// a person joining an old case changes the case's figures back to its first event.
public struct CaseEventChange: Sendable, Equatable {
    public var earliestEvent: CivilDate?
    public var earliestOfCasesWithNewPersons: CivilDate?

    public init(earliestEvent: CivilDate?, earliestOfCasesWithNewPersons: CivilDate? = nil) {
        self.earliestEvent = earliestEvent
        self.earliestOfCasesWithNewPersons = earliestOfCasesWithNewPersons
    }
}
