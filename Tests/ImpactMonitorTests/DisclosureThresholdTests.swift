import Foundation
import Testing
import TestHarness
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources

/// Regression for the leak where a fraction judged every count by one input's threshold: series
/// `x.a` declares `min_cell 3`, `x.b` none (so 5); in one area x.a = 40 and x.b = 3.
@Suite(.scratch) struct DisclosureThresholdTests {
    static let definitions = """
        series x.a {
          title "A"
          unit count
          min_cell 3
        }
        series x.b {
          title "B"
          unit count
        }
        indicator i_a {
          title "i_a"
          criterion output
          better none
          unit count
          value x.a
        }
        indicator i_b {
          title "i_b"
          criterion output
          better none
          unit count
          value x.b
        }
        indicator i_ab {
          title "i_ab"
          criterion output
          better none
          unit ratio
          value x.a / x.b
        }
        indicator i_ba {
          title "i_ba"
          criterion output
          better none
          unit ratio
          value x.b / x.a
        }
        indicator i_b_raised {
          title "i_b_raised"
          criterion output
          better none
          unit count
          min_cell 10
          value x.a
        }
        """

    /// The small figures above in a store on `backend`, published with the default threshold.
    static func publication(on backend: TestBackend) throws -> Publication {
        let store = try TestSupport.storeWithGeography(on: backend)
        let rows = "series,geo,period,value\nx.a,GM0758,2018,40\nx.b,GM0758,2018,3\nx.a,GM0744,2018,4\nx.b,GM0744,2018,60\n"
            + "x.a,GM0748,2018,0\nx.b,GM0748,2018,3\n"
        let file = TestSupport.write(rows, to: "x.csv", in: TestSupport.temporaryDirectory())
        #expect(!(try CSVImport(paths: [file]).run(into: store)).failed)
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "x.ind", text: Self.definitions)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
        return try Publication(evaluator: Evaluator(store: store, definitions: loaded.definitions))
    }

    func cell(_ id: String, _ geo: String, in publication: Publication) throws -> IndicatorResult {
        try #require(try publication.evaluate(id, EvaluationRequest(geos: [geo], periods: [.year(2018)])).first)
    }

    @Test(arguments: TestBackend.available) func aSmallCountIsHiddenInEveryIndicatorThatShowsIt(backend: TestBackend) throws {
        let publication = try Self.publication(on: backend)
        #expect(try cell("i_b", "GM0758", in: publication).status == .suppressed)
        for id in ["i_ab", "i_ba"] {
            let fraction = try cell(id, "GM0758", in: publication)
            #expect(fraction.status == .suppressed, "\(id) publishes x.b = 3: \(fraction)")
            #expect(fraction.numerator == nil && fraction.denominator == nil && fraction.n == nil && fraction.value == nil)
        }
    }

    /// A fraction without a value (here a division by zero) does not show a small numerator either.
    @Test(arguments: TestBackend.available) func aFractionWithoutAValueHidesItsSmallCounts(backend: TestBackend) throws {
        let publication = try Self.publication(on: backend)
        let fraction = try cell("i_ba", "GM0748", in: publication)
        #expect(fraction.status == .suppressed && fraction.numerator == nil && fraction.denominator == nil, "\(fraction)")
    }

    /// A series' own lower threshold applies to its own counts only.
    @Test(arguments: TestBackend.available) func aSeriesThresholdAppliesToItsOwnCounts(backend: TestBackend) throws {
        let publication = try Self.publication(on: backend)
        #expect(try cell("i_a", "GM0744", in: publication).value == 4)
        let share = try cell("i_ab", "GM0744", in: publication)
        #expect(share.status != .suppressed && share.numerator == 4 && share.denominator == 60)
    }

    /// The indicator's `min_cell` and `--min-cell` only raise thresholds.
    @Test(arguments: TestBackend.available) func indicatorAndFlagRaiseButNeverLower(backend: TestBackend) throws {
        let publication = try Self.publication(on: backend)
        #expect(try cell("i_b_raised", "GM0744", in: publication).status == .suppressed)
        let lowered = try Publication(evaluator: publication.evaluator, minimumCell: 2)
        #expect(try lowered.evaluate("i_b", EvaluationRequest(geos: ["GM0758"], periods: [.year(2018)]))[0].status == .suppressed)
    }
}
