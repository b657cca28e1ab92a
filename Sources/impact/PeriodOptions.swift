import ImpactCommandLine
import ImpactCore
import ImpactStore

/// `--period` or `--from`/`--to`; without them, every year with data.
struct PeriodOptions {
    static let period = CommandSpec.Option("--period", value: "P", help: "period or range: 2018, 2018-H1, 2015..2018")
    static let from = CommandSpec.Option("--from", value: "P", help: "first period (with --to)")
    static let to = CommandSpec.Option("--to", value: "P", help: "last period (with --from)")
    static let all = [period, from, to]

    /// nil: every year the store holds data for.
    let periods: [Period]?

    init(_ arguments: ParsedArguments) throws {
        do {
            if let text = arguments.value(Self.period) {
                if arguments.value(Self.from) != nil || arguments.value(Self.to) != nil {
                    throw UsageError("give either --period or --from/--to, not both")
                }
                periods = try Period.parseRange(text)
                return
            }
            switch (arguments.value(Self.from), arguments.value(Self.to)) {
            case (let from?, let to?):
                periods = try Period.range(from: Period.parse(from).period, to: Period.parse(to).period)
            case (nil, nil): periods = nil
            default: throw UsageError("--from and --to go together", hint: "or use --period 2015..2018")
            }
        } catch let error as PeriodError {
            throw UsageError(error.description,
                             hint: "periods are written 2018, 2018-H1, 2018-Q3, 2018-03 or as a range 2015..2018")
        }
    }

    func resolve(_ store: Store) throws -> [Period] {
        if let periods { return periods }
        guard let years = try ObservationSummary(store: store).yearsWithData() else {
            throw CommandFailure(message: "the store holds no observations",
                                 hint: "import data first: impact import csv FILE")
        }
        return years.map(Period.year)
    }
}
