import ImpactEngine

/// Turns the decoded period, area and vintage options into an evaluation request, against the
/// session's store and geography (read once per command).
enum RequestResolver {
    static func request(periods: PeriodOptions, areas: AreaOptions, vintage: VintageOption,
                        session: EvaluationSession) throws -> EvaluationRequest {
        let resolved = try periods.resolve(session.store)
        return EvaluationRequest(geos: try areas.resolve(session.geography(), periods: resolved), periods: resolved,
                                 vintage: try vintage.resolve(session.store))
    }
}
