import ImpactCore

/// Horizontal bars comparing areas in one period, from zero. Suppressed and missing cells get a
/// word instead of a bar, so nobody reads them as zero.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double?
        /// Shown instead of a bar when there is no value ("onderdrukt", "geen cijfer").
        public let note: String?

        public init(label: String, value: Double?, note: String? = nil) {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    /// The region's own figure as a vertical line across the bars.
    public struct Reference: Sendable {
        public let label: String
        public let value: Double

        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public let title: String
    public let bars: [Bar]
    public let locale: NumberLocale
    public var reference: Reference?
    /// The values' unit, written above the bars.
    public var unitLabel: String?
    public var valueText: @Sendable (Double) -> String
    public var width = 640.0
    let labelWidth = 190.0, valueWidth = 70.0, rowHeight = 20.0

    public init(title: String, bars: [Bar], locale: NumberLocale = .nl) {
        self.title = title
        self.bars = bars
        self.locale = locale
        valueText = { locale.format($0, decimals: 2) }
    }

    /// Room above the bars for the unit.
    var top: Double { unitLabel == nil ? 8 : 22 }

    /// Room below the bars for the reference's label.
    var bottom: Double { reference == nil ? 8 : 24 }

    public var height: Double { top + bottom + rowHeight * Double(bars.count) }

    public var scale: NiceScale {
        let values = bars.compactMap(\.value) + (reference.map { [$0.value] } ?? [])
        return NiceScale(minimum: 0, maximum: values.max() ?? 1, ticks: 5, includeZero: true)
    }

    /// Bar length for a value; bars start at zero.
    public func length(_ value: Double) -> Double {
        let end = width - labelWidth - valueWidth
        return scale.position(value, from: 0, to: end) - scale.position(0, from: 0, to: end)
    }

    public var svg: String {
        let rows = bars.enumerated().flatMap { index, bar in row(bar, top: top + Double(index) * rowHeight) }
        return SVGText.chart(id: SVGText.identifier("b", title), width: width, height: height, className: "chart bars",
                             title: title, description: description, body: heading + rows + referenceLine)
    }

    private var heading: [String] {
        unitLabel.map { [SVGText.element("text", ["x": String(Int(width - 4)), "y": "14", "class": "tick unit",
                                                 "text-anchor": "end"], SVGText.escape($0))] } ?? []
    }

    /// A dashed line at the region's figure, labelled below the bars.
    private var referenceLine: [String] {
        guard let reference else { return [] }
        let x = SVGText.coordinate(labelWidth + length(reference.value))
        let line = SVGText.selfClosing("line", ["x1": x, "x2": x, "y1": SVGText.coordinate(top - 2),
                                                "y2": SVGText.coordinate(height - 18), "class": "reference"])
        let label = SVGText.element("text", ["x": x, "y": SVGText.coordinate(height - 5), "class": "reference-label",
                                             "text-anchor": "middle"], SVGText.escape(reference.label))
        return [line, label]
    }

    /// The values in words, for screen readers.
    var description: String {
        bars.map { bar in
            "\(bar.label): " + (bar.value.map(valueText) ?? bar.note ?? "–")
        }.joined(separator: "; ") + (reference.map { "; " + $0.label } ?? "")
    }

    /// Without a value the note takes the bar's place, so a gap never looks like a bar of zero.
    private func row(_ bar: Bar, top y: Double) -> [String] {
        let middle = SVGText.coordinate(y + rowHeight / 2)
        let label = SVGText.element("text", ["x": String(Int(labelWidth - 6)), "y": middle, "class": "tick",
                                             "text-anchor": "end", "dominant-baseline": "middle"],
                                    SVGText.escape(bar.label))
        guard let value = bar.value else {
            let note = SVGText.element("text", ["x": String(Int(labelWidth + 4)), "y": middle, "class": "tick gap",
                                                "dominant-baseline": "middle"],
                                       SVGText.escape(bar.note ?? "–"))
            return [label, note]
        }
        let barLength = max(0, length(value))
        let rect = SVGText.selfClosing("rect", ["x": String(Int(labelWidth)), "y": SVGText.coordinate(y + 3),
                                                "width": SVGText.coordinate(barLength),
                                                "height": SVGText.coordinate(rowHeight - 6), "class": "bar"])
        let number = SVGText.element("text", ["x": SVGText.coordinate(labelWidth + barLength + 4), "y": middle,
                                              "class": "tick", "dominant-baseline": "middle"],
                                     SVGText.escape(valueText(value)))
        return [label, rect, number]
    }
}
