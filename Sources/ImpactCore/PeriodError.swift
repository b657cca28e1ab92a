/// Why a text is not a period; the reason shows the expected spelling, so the message says how to fix it.
public struct PeriodError: Error, Equatable, CustomStringConvertible, Sendable {
    public let text: String
    public let reason: String
    public var description: String { "invalid period '\(text)': \(reason)" }
}
