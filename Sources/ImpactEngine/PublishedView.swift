import ImpactStore

/// What a region role reads of the municipalities its row-level security hides: their published,
/// disclosure-controlled figures (flag `published`) in place of rows the hidden observations would
/// leave missing; `not_published` where nothing was published. For every other role, and on a SQLite
/// file, the results pass unchanged. `Publication` applies it, so eval, diff and report all read it.
public struct PublishedView {
    private let hidden: Set<String>
    private let figures: PublishedFigures?

    public init(store: Store) throws {
        hidden = try PublishedFigures.hiddenMunicipalities(in: store)
        figures = hidden.isEmpty ? nil : try PublishedFigures(store: store)
    }

    /// Whether some municipality's observations are out of this role's sight.
    public var hidesMunicipalities: Bool { !hidden.isEmpty }

    public func apply(_ results: [IndicatorResult], indicator: String) throws -> [IndicatorResult] {
        guard let figures else { return results }
        let geos = Set(results.map(\.geo)).intersection(hidden)
        guard !geos.isEmpty else { return results }
        let published = try figures.figures(indicator: indicator, geos: geos.sorted())
        return results.map { result in
            guard hidden.contains(result.geo) else { return result }
            let key = PublishedFigure.Key(indicator: result.indicator, geo: result.geo, period: result.period)
            guard let figure = published[key] else {
                return IndicatorResult(indicator: result.indicator, geo: result.geo, period: result.period,
                                       value: nil, numerator: nil, denominator: nil, n: nil, status: .missing,
                                       flags: ["not_published"])
            }
            return IndicatorResult(indicator: figure.indicator, geo: figure.geo, period: figure.period,
                                   value: figure.value, numerator: figure.numerator, denominator: figure.denominator,
                                   n: figure.n, status: ResultStatus(rawValue: figure.status) ?? .missing,
                                   flags: figure.flags + ["published"])
        }
    }
}

extension IndicatorResult {
    /// This row as `impact publish` stores it.
    public var publishedFigure: PublishedFigure {
        PublishedFigure(indicator: indicator, geo: geo, period: period, value: value, numerator: numerator,
                        denominator: denominator, n: n, status: status.rawValue, flags: flags)
    }
}
