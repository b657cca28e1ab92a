/// The block `impact new indicator` writes: every field an indicator can have, each under a comment
/// that says what it is for, so nobody has to look up the language to start one. The active fields
/// hold placeholders that check (status planned and no value); the fields that need a real choice —
/// value, outcome, thresholds, targets, alerts, cites — are written as commented examples.
public struct IndicatorTemplate: Sendable {
    public let id: String
    public let programme: ProgrammeDeclaration
    /// A series of the definitions for the commented value example (a count, matching the unit).
    public let exampleSeries: String
    /// An outcome criterion of the programme for the commented outcome example.
    public let exampleOutcome: String

    public init(id: String, programme: ProgrammeDeclaration, definitions: DefinitionSet) {
        self.id = id
        self.programme = programme
        let counts = definitions.series.filter { $0.unit?.value == .count }
        exampleSeries = (counts.first ?? definitions.series.first)?.key.value ?? "reeks.sleutel"
        exampleOutcome = definitions.indicators
            .first { $0.programme?.value == programme.id.value && $0.criterion == .outcome }?.id.value
            ?? "uitkomst_id"
    }

    /// The block with a comment above it, ending in a newline.
    public var text: String {
        let lines = header + ["indicator \(id) {"] + naming + placement + measure + planning + thresholds + ["}"]
        return lines.joined(separator: "\n") + "\n"
    }

    private var header: [String] {
        ["# \(id): written by `impact new indicator`. Fill in the placeholders, uncomment what applies and",
         "# run `impact check` (docs/indicator-language.md describes every field)."]
    }

    private var naming: [String] {
        ["  # Dutch title: the catalogue, the report and alert messages show it.",
         "  title \"Nieuwe indicator \(id)\"",
         "  # English title, for `impact report --lang en` (default: the Dutch title).",
         "  title_en \"New indicator \(id)\"",
         "  # What the indicator measures and why the programme follows it.",
         "  description \"Beschrijf wat deze indicator meet en waarom.\""]
    }

    private var placement: [String] {
        let lines = programme.lines.map { "  #   \($0.id.value)  \(Self.oneLine($0.title))" }
        return ["  # The kind of indicator: outcome (an effect aimed for), output (what is delivered) or context.",
                "  criterion output",
                "  # The programme it belongs to.",
                "  programme \(programme.id.value)",
                "  # The programme's action line it serves, one of:"] + lines + [
                "  line \(programme.lines.first?.id.value ?? "al1")",
                "  # For an output: the outcome criterion (an indicator with criterion outcome) it serves.",
                "  # outcome \(exampleOutcome)"]
    }

    private var measure: [String] {
        ["  # count, persons, percent, ratio, score, days, euro or rate_per_100 … rate_per_100000;",
         "  # the unit of the value must be this one.",
         "  unit count",
         "  # The better direction: higher, lower or none (diff verdicts and the report follow it).",
         "  better none",
         "  # How the figure is computed from series and indicators; leave it out while the data is",
         "  # not there, and set status available when it is. For example:",
         "  # value \(exampleSeries)",
         "  # Where the figure comes from: the measurement method the catalogue shows.",
         "  source \"Bron nog vast te stellen\""]
    }

    private var planning: [String] {
        ["  # Planning: available (needs a value), expected, planned or not_arranged, with a note.",
         "  status planned \"Nieuw: bron en berekening nog vast te stellen\"",
         "  # Who delivers the figure or answers for it.",
         "  owner \"Nog toe te wijzen\""]
    }

    private var thresholds: [String] {
        ["  # Smallest n (respondents) for a published value; below it the status is insufficient_n.",
         "  # min_n 30",
         "  # Smallest publishable count (default: the min_cell of the series read, else 5).",
         "  # min_cell 5",
         "  # A target for a period (target 2021 >= 100) or a deadline (target by 2021-12-31 >= 100).",
         "  # target 2021 >= 100",
         "  # An alert rule (docs/alerts.md): when, for how many periods, severity and message.",
         "  # alert \(id)_signaal {",
         "  #   when value > 100",
         "  #   for 2 periods",
         "  #   severity warning",
         "  #   summary \"\(id) in {region_name} {period}: {value}\"",
         "  # }",
         "  # The document and passage the indicator comes from.",
         "  # cites \"document.txt, paragraaf 1\""]
    }

    /// Text for a comment line: a line break in a title would end the comment.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
