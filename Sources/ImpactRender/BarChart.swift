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

    public let title: String
    public let bars: [Bar]
    public let locale: NumberLocale
    public var width = 640.0
    let labelWidth = 190.0, valueWidth = 70.0, rowHeight = 20.0, top = 8.0

    public init(title: String, bars: [Bar], locale: NumberLocale = .nl) {
        self.title = title
        self.bars = bars
        self.locale = locale
    }

    public var height: Double { top * 2 + rowHeight * Double(bars.count) }

    public var scale: NiceScale {
        NiceScale(minimum: 0, maximum: bars.compactMap(\.value).max() ?? 1, ticks: 5, includeZero: true)
    }

    /// Bar length for a value; bars start at zero.
    public func length(_ value: Double) -> Double {
        scale.position(value, from: 0, to: width - labelWidth - valueWidth) - scale.position(0, from: 0, to: width - labelWidth - valueWidth)
    }

    public var svg: String {
        let id = SVGText.identifier("b", title)
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(id)t \(id)d\" class=\"chart bars\">",
                     "<title id=\"\(id)t\">\(SVGText.escape(title))</title>",
                     "<desc id=\"\(id)d\">\(SVGText.escape(bars.map { "\($0.label): " + ($0.value.map { locale.format($0, decimals: 2) } ?? $0.note ?? "–") }.joined(separator: "; ")))</desc>"]
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            parts.append("<text x=\"\(Int(labelWidth - 6))\" y=\"\(SVGText.coordinate(y + rowHeight / 2))\" class=\"tick\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVGText.escape(bar.label))</text>")
            if let value = bar.value {
                let length = max(0, length(value))
                parts.append("<rect x=\"\(Int(labelWidth))\" y=\"\(SVGText.coordinate(y + 3))\" width=\"\(SVGText.coordinate(length))\" height=\"\(SVGText.coordinate(rowHeight - 6))\" class=\"bar\"/>")
                parts.append("<text x=\"\(SVGText.coordinate(labelWidth + length + 4))\" y=\"\(SVGText.coordinate(y + rowHeight / 2))\" class=\"tick\" dominant-baseline=\"middle\">\(locale.format(value, decimals: 2))</text>")
            } else {
                parts.append("<text x=\"\(Int(labelWidth + 4))\" y=\"\(SVGText.coordinate(y + rowHeight / 2))\" class=\"tick gap\" dominant-baseline=\"middle\">\(SVGText.escape(bar.note ?? "–"))</text>")
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
