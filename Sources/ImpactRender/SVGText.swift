/// Escaping, markup and number formatting for SVG and HTML output, in one place so that every
/// attribute value is escaped the same way.
enum SVGText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A stable element id from a text (FNV-1a): Swift's own hashes change per run.
    static func identifier(_ prefix: String, _ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return prefix + String(hash, radix: 36)
    }

    /// Coordinates with one decimal: small files, stable golden tests.
    static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Attribute values are plain text and escaped here, so no caller can forget.
    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        "<" + name + attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined() + ">"
    }

    /// `content` is markup: callers escape text themselves, so that elements can nest.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String) -> String {
        tag(name, attributes) + content + "</\(name)>"
    }

    static func element(_ name: String, _ content: String) -> String { element(name, [:], content) }

    /// SVG shapes close themselves (`<rect …/>`); HTML void elements take a plain `tag`.
    static func selfClosing(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        String(tag(name, attributes).dropLast()) + "/>"
    }

    /// The frame both charts share: a fixed size, and a title and description that screen
    /// readers announce instead of the drawing.
    static func chart(id: String, width: Double, height: Double, className: String,
                      title: String, description: String, body: [String]) -> String {
        let size = (width: String(Int(width)), height: String(Int(height)))
        let svg = tag("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(size.width) \(size.height)",
                              "width": size.width, "height": size.height, "role": "img",
                              "aria-labelledby": "\(id)t \(id)d", "class": className])
        let heading = [element("title", ["id": id + "t"], escape(title)),
                       element("desc", ["id": id + "d"], escape(description))]
        return ([svg] + heading + body + ["</svg>"]).joined(separator: "\n")
    }
}
