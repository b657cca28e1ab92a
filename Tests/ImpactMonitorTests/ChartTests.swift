import Testing
import TestHarness
@testable import ImpactRender

@Suite(.scratch) struct ChartTests {
    @Test func niceTicks() {
        #expect(NiceScale(minimum: 0, maximum: 87).ticks == [0, 25, 50, 75, 100])
        #expect(NiceScale(minimum: 77.86, maximum: 85.81).ticks == [76, 78, 80, 82, 84, 86])
        #expect(NiceScale(minimum: 0.37, maximum: 0.51, ticks: 5).step == 0.05)
        #expect(NiceScale(minimum: 171, maximum: 406, includeZero: true).lower == 0)
        #expect(NiceScale(minimum: 5, maximum: 5).ticks.count >= 2)
        #expect(NiceScale(minimum: -3, maximum: 7).ticks.contains(0))
    }

    @Test func pointsSitOnTheScaleAndGapsBreakTheLine() {
        let chart = LineChart(title: "t", points: [
            .init(label: "2015", value: 100), .init(label: "2016", value: nil, gapReason: "onderdrukt"),
            .init(label: "2017", value: 200, provisional: true), .init(label: "2018", value: 300),
        ])
        #expect(chart.segments == [[0], [2, 3]])
        #expect(chart.x(0) == 64 && chart.x(3) == 624)
        #expect(chart.y(chart.scale.lower) == 190 && chart.y(chart.scale.upper) == 28)
        #expect(chart.y(300) < chart.y(200))
        #expect(chart.svg.contains("class=\"point provisional\""))
        #expect(chart.svg.components(separatedBy: "<polyline").count == 2)
        #expect(chart.description.contains("2016: onderdrukt") && chart.description.contains("2017: 200 (voorlopig)"))
        #expect(!chart.svg.contains("NaN"))
    }

    @Test func labelsNeverOverlap() {
        let months = (1...120).map { LineChart.Point(label: "m\($0)", value: Double($0)) }
        let chart = LineChart(title: "t", points: months)
        let xs = chart.labelledIndices.map(chart.x)
        for (a, b) in zip(xs, xs.dropFirst()) { #expect(b - a >= LineChart.labelSpacing) }
        #expect(chart.labelledIndices.first == 0 && chart.labelledIndices.last == 119)
        let few = LineChart(title: "t", points: (0..<4).map { .init(label: "\($0)", value: 1) })
        #expect(few.labelledIndices == [0, 1, 2, 3])
    }

    @Test func targetLineAndAccessibleText() {
        let chart = LineChart(title: "Adviesvragen per melding", points: [.init(label: "2018", value: 0.51)], target: 0.6)
        #expect(chart.scale.upper >= 0.6)
        #expect(chart.svg.contains("class=\"target\""))
        #expect(chart.svg.contains("<title id=") && chart.svg.contains("role=\"img\""))
        #expect(chart.description.contains("doel 0,6"))
    }

    @Test func barsStartAtZeroAndMarkSuppressedCells() {
        let chart = BarChart(title: "Meldingen per gemeente", bars: [.init(label: "Breda", value: 1842), .init(label: "Baarle-Nassau", value: nil, note: "onderdrukt"),
                                                                     .init(label: "Onbekend", value: 9)])
        #expect(chart.length(0) == 0)
        #expect(abs(chart.length(1842) / chart.length(9) - 1842.0 / 9) < 1e-9)
        #expect(chart.svg.contains(">onderdrukt<"))
        #expect(chart.svg.components(separatedBy: "<rect").count == 3)
        #expect(chart.height == 8 * 2 + 60)
    }
}
