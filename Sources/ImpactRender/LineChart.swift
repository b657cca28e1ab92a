import ImpactCore

/// A line chart of an indicator over periods, drawn as inline SVG. Missing and suppressed periods
/// are gaps in the line (never zero), provisional points are hollow, a target is a dashed line.
public struct LineChart: Sendable {
    public struct Point: Sendable, Equatable {
        public let label: String
        public let value: Double?
        public let provisional: Bool
        /// Why there is no value ("ontbreekt", "onderdrukt"); shown in the accessible description.
        public let gapReason: String?

        public init(label: String, value: Double?, provisional: Bool = false, gapReason: String? = nil) {
            self.label = label
            self.value = value
            self.provisional = provisional
            self.gapReason = gapReason
        }
    }

    public let title: String
    public let points: [Point]
    public let target: Double?
    public let locale: NumberLocale
    /// The y axis's unit ("aantal", "procent"), written above the axis.
    public var unitLabel: String?
    /// The target line's label with its value and year ("doel ≥ 0,60 in 2021").
    public var targetLabel: String?
    /// Tick and spoken numbers; the report passes the indicator's fixed decimals.
    public var valueText: @Sendable (Double) -> String
    public var width = 640.0
    public var height = 230.0
    let left = 64.0, right = 16.0, top = 28.0, bottom = 40.0
    /// Minimum horizontal room per axis label, so labels never overlap.
    static let labelSpacing = 44.0

    public init(title: String, points: [Point], target: Double? = nil, locale: NumberLocale = .nl) {
        self.title = title
        self.points = points
        self.target = target
        self.locale = locale
        valueText = { locale.format($0, decimals: 2) }
    }

    public var scale: NiceScale {
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        let low = values.min() ?? 0, high = values.max() ?? 1
        return NiceScale(minimum: low, maximum: high, ticks: 5, includeZero: low >= 0 && low < high / 2)
    }

    /// Horizontal centre of point `index`.
    public func x(_ index: Int) -> Double {
        let plot = width - left - right
        return points.count <= 1 ? left + plot / 2 : left + Double(index) * plot / Double(points.count - 1)
    }

    public func y(_ value: Double) -> Double { scale.position(value, from: height - bottom, to: top) }

    /// Runs of consecutive points with values: each becomes its own line, so gaps stay gaps.
    public var segments: [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for (index, point) in points.enumerated() {
            if point.value == nil {
                if !current.isEmpty { runs.append(current) }
                current = []
            } else {
                current.append(index)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Indices whose x-axis label is drawn: every k-th so that labels keep `labelSpacing` apart.
    public var labelledIndices: [Int] {
        guard points.count > 1 else { return points.indices.map { $0 } }
        let room = (width - left - right) / Double(points.count - 1)
        let every = max(1, Int((Self.labelSpacing / room).rounded(.up)))
        var indices = Array(stride(from: 0, to: points.count, by: every))
        let last = points.count - 1
        // The latest period matters most: label it, moving the previous label if it would collide.
        if indices.last != last {
            if Double(last - indices.last!) * room < Self.labelSpacing { indices.removeLast() }
            indices.append(last)
        }
        return indices
    }

    public var svg: String {
        SVGText.chart(id: SVGText.identifier("c", title), width: width, height: height, className: "chart",
                      title: title, description: description,
                      body: grid + unitTitle + axisLabels + targetLine + lines + markers)
    }

    private var grid: [String] {
        scale.ticks.flatMap { tick in
            let yy = SVGText.coordinate(y(tick))
            let label = SVGText.element("text", ["x": String(Int(left - 6)), "y": yy, "class": "tick",
                                                 "text-anchor": "end", "dominant-baseline": "middle"],
                                        SVGText.escape(valueText(tick)))
            return [horizontalLine(at: yy, className: "grid"), label]
        }
    }

    private var axisLabels: [String] {
        labelledIndices.map { index in
            let gap = points[index].value == nil
            return SVGText.element("text", ["x": SVGText.coordinate(x(index)), "y": String(Int(height - bottom + 16)),
                                            "class": gap ? "tick gap" : "tick", "text-anchor": "middle"],
                                   SVGText.escape(points[index].label))
        }
    }

    private var unitTitle: [String] {
        unitLabel.map { [SVGText.element("text", ["x": "4", "y": "12", "class": "tick unit"], SVGText.escape($0))] }
            ?? []
    }

    /// The dashed line with its label above its right end, so the reader sees which goal it is.
    private var targetLine: [String] {
        guard let target else { return [] }
        let yy = y(target)
        let line = horizontalLine(at: SVGText.coordinate(yy), className: "target")
        guard let targetLabel else { return [line] }
        let label = SVGText.element("text", ["x": String(Int(width - right)), "y": SVGText.coordinate(max(10, yy - 5)),
                                             "class": "target-label", "text-anchor": "end"],
                                    SVGText.escape(targetLabel))
        return [line, label]
    }

    private var lines: [String] {
        segments.filter { $0.count > 1 }.map { run in
            let coordinates = run.map { "\(SVGText.coordinate(x($0))),\(SVGText.coordinate(y(points[$0].value!)))" }
            return SVGText.selfClosing("polyline", ["class": "line", "points": coordinates.joined(separator: " ")])
        }
    }

    /// Provisional values are hollow and gaps get a cross on the axis, so neither passes for a final figure.
    private var markers: [String] {
        points.enumerated().map { index, point in
            let cx = SVGText.coordinate(x(index))
            guard let value = point.value else {
                return SVGText.element("text", ["x": cx, "y": String(Int(height - bottom - 4)), "class": "gapmark",
                                                "text-anchor": "middle"], "×")
            }
            return SVGText.selfClosing("circle", ["cx": cx, "cy": SVGText.coordinate(y(value)), "r": "4",
                                                  "class": point.provisional ? "point provisional" : "point"])
        }
    }

    private func horizontalLine(at yy: String, className: String) -> String {
        SVGText.selfClosing("line", ["x1": String(Int(left)), "x2": String(Int(width - right)), "y1": yy, "y2": yy,
                                     "class": className])
    }

    /// The numbers in words, for screen readers.
    public var description: String {
        let figures = points.map { point in
            "\(point.label): " + (point.value.map { spoken($0, provisional: point.provisional) }
                                  ?? point.gapReason ?? word("geen cijfer", "no figure"))
        }
        let goal = targetLabel.map { "; " + $0 }
            ?? target.map { "; " + word("doel ", "target ") + locale.format($0, decimals: 2) } ?? ""
        return figures.joined(separator: "; ") + goal
    }

    private func spoken(_ value: Double, provisional: Bool) -> String {
        valueText(value) + (provisional ? word(" (voorlopig)", " (provisional)") : "")
    }

    private func word(_ dutch: String, _ english: String) -> String { locale == .nl ? dutch : english }
}
