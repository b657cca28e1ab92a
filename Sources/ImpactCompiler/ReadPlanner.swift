import ImpactStore

/// The planner pass that decides where each input reads: a maintained rollup when the store holds
/// a complete one built with the input's rule and the current vintage is asked for, else the raw
/// observations (always for `--as-of`, negated or multi-value filters, and stores without rollups).
/// Comparisons across members read the maintained member statistics, or the members' rollups
/// where the reader may see only some members. A case measure reads the kept case days of its
/// source when the store keeps them for the reader and the current vintage is asked for.
public enum ReadPlanner {
    public static func place(_ plan: IndicatorPlan, rollups: RollupStore.Registry?, vintage: Vintage,
                             caseDays: Set<String> = []) -> IndicatorPlan {
        var placed = plan
        if let cases = plan.cases, vintage == .current, caseDays.contains(cases.source), cases.canReadCaseDays {
            placed.cases?.readsCaseDays = true
        }
        for index in placed.inputs.indices {
            placed.inputs[index].source = source(for: placed.inputs[index], rollups: rollups, vintage: vintage)
        }
        return placed
    }

    static func source(for input: SeriesInput, rollups: RollupStore.Registry?, vintage: Vintage) -> ReadSource {
        guard vintage == .current, let rollups, let dimensions = input.rollupDimensions,
              rollups.rule(series: input.key, dimensions: dimensions) == input.rule else { return .observations }
        guard input.prefersMembers else { return .rollup(dimensions: dimensions) }
        return rollups.keepsMemberStatistics(series: input.key, dimensions: dimensions)
            ? .memberStatistics(dimensions: dimensions) : .memberRollups(dimensions: dimensions)
    }
}
