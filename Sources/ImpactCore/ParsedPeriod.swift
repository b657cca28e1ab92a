/// A period read from input, with the provisional marker CBS puts after a period (`2018*`).
public struct ParsedPeriod: Equatable, Sendable {
    public let period: Period
    public let provisional: Bool
}
