import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactLanguage

/// The block `impact new indicator` writes checks as written, and every commented example field
/// checks too once uncommented, so the comments never teach something the checker refuses.
@Suite(.scratch) struct IndicatorTemplateTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("indicators").path

    static func loaded(adding block: String) -> DefinitionLoader.Loaded {
        var sources = DefinitionLoader.files(in: directory).map { path in
            SourceFile(path: path, text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        }
        sources.append(SourceFile(path: "new.ind", text: block))
        return DefinitionLoader.load(sources: sources)
    }

    static func template(_ id: String, programme: String) throws -> IndicatorTemplate {
        let definitions = DefinitionLoader.load(directory: directory).definitions
        return IndicatorTemplate(id: id, programme: try #require(definitions.programme(programme)),
                                 definitions: definitions)
    }

    @Test func theBlockChecksAsWrittenWithEveryField() throws {
        let template = try Self.template("hvb_nieuw", programme: "hvb")
        let loaded = Self.loaded(adding: template.text)
        let problems = loaded.diagnostics.map(\.message)
        #expect(problems.isEmpty, "\(problems)")
        let indicator = try #require(loaded.definitions.indicator("hvb_nieuw"))
        #expect(indicator.status == .planned && indicator.value == nil && indicator.line?.value == "al1")
        for field in ["title", "title_en", "description", "criterion", "programme", "line", "outcome", "unit",
                      "better", "value", "source", "status", "owner", "min_n", "min_cell", "target", "alert",
                      "cites"] {
            #expect(template.text.contains("  \(field) ") || template.text.contains("  # \(field) "), "\(field)")
        }
        #expect(template.text.split(separator: "\n").allSatisfy { $0.count <= 120 })
    }

    /// The commented fields, and the body of the commented alert rule, made active.
    static func uncommented(_ text: String) -> String {
        let fields = ["outcome ", "value ", "min_n ", "min_cell ", "target ", "alert ", "cites "]
        var inAlert = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let body = line.hasPrefix("  # ") ? line.dropFirst(4) : ""
            let example = inAlert || fields.contains { body.hasPrefix($0) }
            if body.hasPrefix("alert ") { inAlert = true }
            if body == "}" { inAlert = false }
            return example ? "  " + body : String(line)
        }.joined(separator: "\n")
    }

    @Test func everyCommentedExampleChecksOnceUncommented() throws {
        let uncommented = Self.uncommented(try Self.template("hvb_nieuw", programme: "hvb").text)
        #expect(uncommented.contains("\n  value vt.") && uncommented.contains("\n  alert hvb_nieuw_signaal {"))
        let loaded = Self.loaded(adding: uncommented)
        let problems = loaded.diagnostics.map(\.message)
        #expect(problems.isEmpty, "\(problems)\n\(uncommented)")
        let indicator = try #require(loaded.definitions.indicator("hvb_nieuw"))
        #expect(indicator.value != nil && indicator.alerts.count == 1 && indicator.targets.count == 1)
        #expect(indicator.outcome?.value == "hvb_uit1_sterke_gezinnen" && indicator.minimumCell == 5)
        #expect(indicator.minimumN == 30 && indicator.cites.count == 1)
    }
}
