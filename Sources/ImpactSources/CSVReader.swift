import Foundation

/// A streaming RFC 4180 reader: comma or semicolon, quoted fields with doubled quotes,
/// UTF-8 with or without BOM, LF or CRLF. Reads fixed-size chunks, so memory does not grow
/// with the file.
public final class CSVReader {
    public let delimiter: UInt8
    private let source: ByteSource
    private var line = 1
    private var column = 1

    public init(path: String, delimiter: Character? = nil) throws(CSVProblem) {
        source = try ByteSource(path: path)
        source.skipByteOrderMark()
        self.delimiter = delimiter?.asciiValue ?? CSVReader.detectDelimiter(source.peekLine())
    }

    public init(data: Data, delimiter: Character? = nil) {
        source = ByteSource(data: data)
        source.skipByteOrderMark()
        self.delimiter = delimiter?.asciiValue ?? CSVReader.detectDelimiter(source.peekLine())
    }

    /// Semicolon when the header has more semicolons than commas outside quotes (Dutch Excel).
    static func detectDelimiter(_ header: [UInt8]) -> UInt8 {
        var inQuotes = false
        var commas = 0
        var semicolons = 0
        for byte in header {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && byte == UInt8(ascii: ",") { commas += 1 }
            if !inQuotes && byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The next record, or nil at the end of the input. Blank lines are skipped.
    public func next() -> CSVRecord? {
        while let record = readRecord() {
            if record.fields.count == 1 && record.fields[0].isEmpty && record.problems.isEmpty { continue }
            return record
        }
        return nil
    }

    private func readRecord() -> CSVRecord? {
        guard source.peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var columns: [Int] = []
        var problems: [CSVProblem] = []
        var field: [UInt8] = []
        var fieldColumn = column
        var quoted = false
        var closedQuote = false
        var quoteLine = line
        var quoteColumn = column

        func finishField() {
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                problems.append(CSVProblem(line: line, column: fieldColumn, message: .invalidUTF8))
                fields.append(String(decoding: field, as: UTF8.self))
            }
            columns.append(fieldColumn)
            field.removeAll(keepingCapacity: true)
            quoted = false
            closedQuote = false
        }

        while let byte = source.next() {
            if quoted && !closedQuote {
                if byte == UInt8(ascii: "\"") {
                    if source.peek() == UInt8(ascii: "\"") {
                        _ = source.next()
                        field.append(byte)
                        advance(by: 2)
                    } else {
                        closedQuote = true
                        advance(by: 1)
                    }
                } else {
                    field.append(byte)
                    track(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                finishField()
                advance(by: 1)
                fieldColumn = column
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if byte == UInt8(ascii: "\r") && source.peek() == UInt8(ascii: "\n") { _ = source.next() }
                finishField()
                line += 1
                column = 1
                return CSVRecord(line: startLine, fields: fields, columns: columns, problems: problems)
            case UInt8(ascii: "\"") where field.isEmpty && !closedQuote:
                quoted = true
                quoteLine = line
                quoteColumn = column
                advance(by: 1)
            default:
                if closedQuote || byte == UInt8(ascii: "\"") {
                    problems.append(CSVProblem(line: line, column: column,
                                               message: closedQuote ? .textAfterClosingQuote : .quoteInUnquotedField))
                    closedQuote = false
                    quoted = false
                }
                field.append(byte)
                track(byte)
            }
        }
        if quoted && !closedQuote {
            problems.append(CSVProblem(line: quoteLine, column: quoteColumn, message: .unclosedQuote))
        }
        finishField()
        return CSVRecord(line: startLine, fields: fields, columns: columns, problems: problems)
    }

    private func advance(by characters: Int) { column += characters }

    /// Counts characters, not bytes: continuation bytes of UTF-8 do not move the column.
    private func track(_ byte: UInt8) {
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }
}
