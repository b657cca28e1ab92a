/// The memberships in force at some moment of one period, indexed both ways: a region's members
/// and a member's regions (over every region set), each list sorted and without repeats.
public struct PeriodMemberships: Sendable {
    public let membersOf: [String: [String]]
    public let regionsOf: [String: [String]]

    public init(_ geography: Geography, during period: Period) {
        let memberships = geography.memberships.filter { $0.overlaps(period) }
        membersOf = Dictionary(grouping: memberships, by: \.region).mapValues { Set($0.map(\.member)).sorted() }
        regionsOf = Dictionary(grouping: memberships, by: \.member).mapValues { Set($0.map(\.region)).sorted() }
    }
}
