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
    public var width = 640.0
    public var height = 220.0
    let left = 64.0, right = 16.0, top = 16.0, bottom = 40.0
    /// Minimum horizontal room per axis label, so labels never overlap.
    static let labelSpacing = 44.0

    public init(title: String, points: [Point], target: Double? = nil, locale: NumberLocale = .nl) {
        self.title = title
        self.points = points
        self.target = target
        self.locale = locale
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
        let id = SVGText.identifier("c", title)
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(id)t \(id)d\" class=\"chart\">",
                     "<title id=\"\(id)t\">\(SVGText.escape(title))</title>", "<desc id=\"\(id)d\">\(SVGText.escape(description))</desc>"]
        for tick in scale.ticks {
            let yy = SVGText.coordinate(y(tick))
            parts.append("<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(yy)\" y2=\"\(yy)\" class=\"grid\"/>")
            parts.append("<text x=\"\(Int(left - 6))\" y=\"\(yy)\" class=\"tick\" text-anchor=\"end\" dominant-baseline=\"middle\">\(locale.format(tick, decimals: 2))</text>")
        }
        for index in labelledIndices {
            let gap = points[index].value == nil
            parts.append("<text x=\"\(SVGText.coordinate(x(index)))\" y=\"\(Int(height - bottom + 16))\" class=\"tick\(gap ? " gap" : "")\" text-anchor=\"middle\">\(SVGText.escape(points[index].label))</text>")
        }
        if let target {
            let yy = SVGText.coordinate(y(target))
            parts.append("<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(yy)\" y2=\"\(yy)\" class=\"target\"/>")
        }
        for run in segments where run.count > 1 {
            parts.append("<polyline class=\"line\" points=\"" + run.map { "\(SVGText.coordinate(x($0))),\(SVGText.coordinate(y(points[$0].value!)))" }.joined(separator: " ") + "\"/>")
        }
        for (index, point) in points.enumerated() {
            if let value = point.value {
                parts.append("<circle cx=\"\(SVGText.coordinate(x(index)))\" cy=\"\(SVGText.coordinate(y(value)))\" r=\"4\" class=\"\(point.provisional ? "point provisional" : "point")\"/>")
            } else {
                parts.append("<text x=\"\(SVGText.coordinate(x(index)))\" y=\"\(Int(height - bottom - 4))\" class=\"gapmark\" text-anchor=\"middle\">×</text>")
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The numbers in words, for screen readers.
    public var description: String {
        points.map { point in
            "\(point.label): " + (point.value.map { locale.format($0, decimals: 2) + (point.provisional ? (locale == .nl ? " (voorlopig)" : " (provisional)") : "") }
                                  ?? (point.gapReason ?? (locale == .nl ? "geen cijfer" : "no figure")))
        }.joined(separator: "; ") + (target.map { "; " + (locale == .nl ? "doel " : "target ") + locale.format($0, decimals: 2) } ?? "")
    }
}
