
/// A definition file's text, with line starts for turning offsets into line and column.
public struct SourceFile: Sendable {
    public let path: String
    public let text: [Character]

    public init(path: String, text: String) {
        self.path = path
        self.text = Array(text)
    }

}

