import Foundation
import Testing
import TestHarness
@testable import ImpactSources

@Suite(.scratch) struct CSVReaderTests {
    func records(_ text: String, delimiter: Character? = nil) -> [CSVRecord] {
        let reader = CSVReader(data: Data(text.utf8), delimiter: delimiter)
        var result: [CSVRecord] = []
        while let record = reader.next() { result.append(record) }
        return result
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() {
        let result = records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n")
        #expect(result.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["multi\nline", "z"]])
        #expect(result[2].line == 3)
    }

    @Test func bomCrlfAndSemicolonDetection() {
        let result = records("\u{FEFF}series;value\r\n\"a;b\";13.106\r\n")
        #expect(result.map(\.fields) == [["series", "value"], ["a;b", "13.106"]])
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = records("é,ü,x\n")
        #expect(result[0].columns == [1, 3, 5])
    }

    @Test func reportsUnclosedQuotesAndStrayQuotes() {
        let unclosed = records("a,\"b\n")
        #expect(unclosed[0].problems.map(\.message.code) == [.unclosedQuote])
        let stray = records("a,b\"c\n")
        #expect(stray[0].problems.map { Reported($0.message.code, $0.line, $0.column) }
                    == [Reported(.quoteInUnquotedField, 1, 4)])
        let trailing = records("\"a\"b,c\n")
        #expect(trailing[0].problems.map(\.message.code) == [.textAfterClosingQuote])
    }

    @Test func skipsBlankLinesAndKeepsLineNumbers() {
        let result = records("a\n\n\nb\n")
        #expect(result.map(\.line) == [1, 4])
    }

    @Test func invalidUTF8IsAProblem() {
        let reader = CSVReader(data: Data([0x61, 0x2C, 0xFF, 0xFE, 0x0A]))
        #expect(reader.next()?.problems.map(\.message.code) == [.invalidUTF8])
    }

    /// Property: random bytes never crash the reader, and every record has as many columns as fields.
    @Test func randomInputNeverCrashes() {
        var generator = SeededGenerator(seed: 42)
        let alphabet: [UInt8] = Array("ab,;\"\r\n 1.é".utf8) + [0xFF, 0x00]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let reader = CSVReader(data: Data(bytes))
            var count = 0
            while let record = reader.next() {
                #expect(record.fields.count == record.columns.count)
                count += 1
                if count > 100 { Issue.record("too many records"); break }
            }
        }
    }
}

/// Deterministic random numbers (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
