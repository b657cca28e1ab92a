/// Where in an input a record or field is: file, line, and the column of each relevant field.
public struct SourceLocation: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var geoColumn: Int
    public var periodColumn: Int

    public init(file: String, line: Int, geoColumn: Int = 1, periodColumn: Int = 1) {
        self.file = file
        self.line = line
        self.geoColumn = geoColumn
        self.periodColumn = periodColumn
    }
}
