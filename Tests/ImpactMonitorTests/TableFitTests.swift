import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactRender

/// Text tables fitted to a line width: text columns give way, widest first; numbers never do.
@Suite(.scratch) struct TableFitTests {
    static var table: DataTable {
        var table = DataTable(columns: ["indicator", "title", "value", "status"],
                              notes: ["A note that is long enough to need more than one line when it is wrapped."])
        table.rows = [
            [.text("wb_politie_aandeel"), .text("Aandeel meldingen afkomstig van de politie"), .number(77.8606),
             .text("provisional")],
            [.text("wb_meldingen"), .text("Meldingen bij Veilig Thuis"), .integer(1_234_567), .text("ok")],
        ]
        return table
    }

    @Test func textColumnsGiveWayWidestFirstAndNumbersStayWhole() {
        let text = TableRenderer(format: .table, locale: .nl, width: 50).render(Self.table)
        let lines = text.split(separator: "\n")
        for line in lines { #expect(line.count <= 50, "\(line)") }
        #expect(text.contains("77,8606") && text.contains("1.234.567"))
        #expect(text.contains("…"))
        // The widest column (the title) is cut first: the status column keeps its words.
        #expect(text.contains("provisional"))
        #expect(lines.contains { $0.hasPrefix("A note that") } && lines.count > 5)
    }

    @Test func aTableThatFitsOrHasNoWidthIsUnchanged() {
        let whole = TableRenderer(format: .table, locale: .nl).render(Self.table)
        #expect(TableRenderer(format: .table, locale: .nl, width: 500).render(Self.table) == whole)
        #expect(!whole.contains("…"))
    }

    /// When the numbers and the narrowest text columns do not fit, the table is printed whole.
    @Test func aTableThatCannotFitIsPrintedWhole() {
        let whole = TableRenderer(format: .table, locale: .nl).render(Self.table)
        let narrow = TableRenderer(format: .table, locale: .nl, width: 12)
        #expect(narrow.render(Self.table).hasPrefix(whole.components(separatedBy: "\nA note")[0]))
    }

    @Test func widthsUseTheWholeLimit() {
        let numeric = [false, false, true, false]
        #expect(TextFit.widths([30, 20, 7, 10], numeric: numeric, separator: 2, limit: 40) == [9, 9, 7, 9])
        #expect(TextFit.widths([30, 20, 7, 10], numeric: numeric, separator: 2, limit: 41) == [10, 9, 7, 9])
        #expect(TextFit.widths([30, 20, 7, 4], numeric: numeric, separator: 2, limit: 30) == [7, 6, 7, 4])
        #expect(TextFit.widths([30, 20, 7, 4], numeric: numeric, separator: 2, limit: 20) == [30, 20, 7, 4])
        #expect(TextFit.abbreviated("abcdef", to: 3) == "ab…" && TextFit.abbreviated("abc", to: 3) == "abc")
        #expect(TextFit.wrapped("one two three", width: 7) == ["one two", "three"])
        #expect(TextFit.wrapped("unbreakable", width: 4) == ["unbreakable"])
    }

    /// CSV and JSON keep English field names and the stored words whatever the language.
    @Test func dutchHeadersAndStatusesInHumanFormatsOnly() {
        let dutch = TableText(language: .nl)
        let table = TableRenderer(format: .table, locale: .nl, text: dutch).render(Self.table)
        #expect(table.hasPrefix("indicator") && table.contains("titel") && table.contains("waarde"))
        #expect(table.contains("voorlopig") && !table.contains("provisional"))
        #expect(table.contains("Aandeel meldingen afkomstig van de politie"))
        let markdown = TableRenderer(format: .markdown, locale: .nl, text: dutch).render(Self.table)
        #expect(markdown.hasPrefix("| indicator | titel | waarde | status |") && markdown.contains("| voorlopig |"))
        for format in [OutputFormat.csv, .json] {
            let english = TableRenderer(format: format).render(Self.table)
            #expect(TableRenderer(format: format, text: dutch, width: 20).render(Self.table) == english)
        }
    }

    @Test func theDutchVocabularyCoversEveryStatusAndKeepsNotes() {
        let dutch = TableText(language: .nl)
        let statuses = ["ok", "missing", "incomplete", "overflow", "division_by_zero", "insufficient_n",
                        "provisional", "suppressed"]
        #expect(statuses.map { dutch.word($0, column: "status") } == [
            "definitief", "geen cijfer", "onvolledig", "getal buiten bereik", "deling door nul", "te weinig waarnemingen",
            "voorlopig", "onderdrukt"])
        // The report says the same words: one table.
        #expect(ReportText(language: "nl").statusWord(.insufficientN) == dutch.word("insufficient_n", column: "status"))
        #expect(dutch.word("expected: nog niet geleverd", column: "planning") == "verwacht: nog niet geleverd")
        #expect(dutch.word("missing", column: "title") == "missing")
        #expect(dutch.header("geo") == "gebied" && dutch.header("2018-Q1") == "2018-Q1")
        #expect(dutch.boolean(true) == "ja" && TableText.english.boolean(false) == "no")
        #expect(TableText.english.word("missing", column: "status") == "missing")
        #expect(!TableText.dutchHeaders.isEmpty && !TableText.dutchWords.isEmpty)
    }
}
