import Foundation
import ImpactCore
import ImpactStore

/// Geography reference files. Each CSV's header says what it holds:
/// - units: `code,name,level[,kind][,valid_from][,valid_until]`
/// - region sets: `set,name`
/// - memberships: `set,region,member[,valid_from][,valid_until]`
/// - successions: `old,new,effective,weight`
/// Dates are ISO (`2019-01-01`); `valid_until` is the first day the unit no longer exists.
public struct GeographyFile {
    public enum Kind: String, CaseIterable, Sendable {
        case units, sets, memberships, successions

        var required: [String] {
            switch self {
            case .units: return ["code", "name", "level"]
            case .sets: return ["set", "name"]
            case .memberships: return ["set", "region", "member"]
            case .successions: return ["old", "new", "effective", "weight"]
            }
        }

        var optional: [String] {
            switch self {
            case .units: return ["kind", "valid_from", "valid_until"]
            case .memberships: return ["valid_from", "valid_until"]
            case .sets, .successions: return []
            }
        }

        static func detect(_ header: [String]) -> Kind? {
            allCases.reversed().first { kind in kind.required.allSatisfy(header.contains) }
        }
    }

    /// Everything read from one or more files, in the model's terms.
    /// Reads the files (or every `*.csv` in a directory) in the order units, sets, memberships,
    /// successions, so references can be checked against what came before.
    public static func read(paths: [String], diagnostics: inout DiagnosticList) -> GeographyContents {
        var contents = GeographyContents()
        for path in FileDigest.expand(paths, suffix: ".csv") {
            readFile(path, into: &contents, diagnostics: &diagnostics)
        }
        return contents
    }

    private static func readFile(_ path: String, into contents: inout GeographyContents,
                                 diagnostics: inout DiagnosticList) {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch {
            diagnostics.append(error.diagnostic(in: path))
            return
        }
        guard let header = reader.next() else {
            diagnostics.append(Diagnostic(.emptyGeographyFile, file: path, line: 1, column: 1))
            return
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let kind = Kind.detect(names) else {
            diagnostics.append(Diagnostic(.unknownGeographyHeader, file: path, line: 1, column: 1))
            return
        }
        let known = kind.required + kind.optional
        for (index, name) in names.enumerated() where !known.contains(name) {
            diagnostics.append(Diagnostic(.unknownGeographyColumn(name, kind: kind.rawValue, known: known), file: path,
                                          line: header.line, column: header.columns[index]))
        }
        let delimiter = Character(UnicodeScalar(reader.delimiter))
        while let record = reader.next() {
            contents.rows += 1
            var row = Row(record: record, names: names, file: path)
            for problem in record.problems { diagnostics.append(problem.diagnostic(in: path)) }
            guard record.problems.isEmpty, row.checkWidth(delimiter: delimiter, &diagnostics) else { continue }
            switch kind {
            case .units:
                if let unit = row.unit(&diagnostics) { contents.units.append(unit) }
            case .sets:
                if let set = row.regionSet(&diagnostics) { contents.sets.append(set) }
            case .memberships:
                if let membership = row.membership(&diagnostics) { contents.memberships.append(membership) }
            case .successions:
                if let succession = row.succession(&diagnostics) { contents.successions.append(succession) }
            }
        }
    }

    /// Field access by column name with located diagnostics.
    struct Row {
        let record: CSVRecord
        let names: [String]
        let file: String
        var failed = false

        subscript(name: String) -> String {
            guard let index = names.firstIndex(of: name), index < record.fields.count else { return "" }
            return record.fields[index].trimmingCharacters(in: .whitespaces)
        }

        func checkWidth(delimiter: Character, _ diagnostics: inout DiagnosticList) -> Bool {
            guard record.fields.count == names.count else {
                let message = DiagnosticMessage.fieldCount(record.fields.count, expected: names.count,
                                                           delimiter: delimiter)
                diagnostics.append(Diagnostic(message, file: file, line: record.line, column: 1))
                return false
            }
            return true
        }

        /// Reports the message under the field in column `name`.
        mutating func fail(_ name: String, _ message: DiagnosticMessage, into diagnostics: inout DiagnosticList) {
            let index = names.firstIndex(of: name) ?? 0
            diagnostics.append(Diagnostic(message, file: file, line: record.line, column: record.columns[index],
                                          length: self[name].count))
            failed = true
        }

        mutating func date(_ name: String, _ diagnostics: inout DiagnosticList) -> CivilDate? {
            let text = self[name]
            guard !text.isEmpty else { return nil }
            guard let date = CivilDate(iso: text) else {
                fail(name, .invalidDate(text, column: name), into: &diagnostics)
                return nil
            }
            return date
        }

        mutating func unit(_ diagnostics: inout DiagnosticList) -> GeoUnit? {
            let level = GeoLevel(rawValue: self["level"].lowercased())
            if level == nil {
                let levels = GeoLevel.allCases.map(\.rawValue)
                fail("level", .unknownGeoLevel(self["level"], levels: levels), into: &diagnostics)
            }
            let kindText = self["kind"].lowercased()
            let kind = kindText.isEmpty ? GeoKind.area : GeoKind(rawValue: kindText)
            if kind == nil { fail("kind", .unknownGeoKind(kindText), into: &diagnostics) }
            if self["code"].isEmpty { fail("code", .emptyUnitCode, into: &diagnostics) }
            checkText(code: "code", name: "name", &diagnostics)
            let from = date("valid_from", &diagnostics)
            let until = date("valid_until", &diagnostics)
            if let from, let until, until <= from {
                fail("valid_until", .validityReversed(from: from.iso, until: until.iso), into: &diagnostics)
            }
            guard !failed, let level, let kind else { return nil }
            return GeoUnit(code: self["code"], name: self["name"], level: level, kind: kind, validFrom: from,
                           validUntil: until)
        }

        mutating func regionSet(_ diagnostics: inout DiagnosticList) -> RegionSet? {
            if self["set"].isEmpty { fail("set", .emptyUnitCode, into: &diagnostics) }
            checkText(code: "set", name: "name", &diagnostics)
            return failed ? nil : RegionSet(id: self["set"], name: self["name"])
        }

        /// Codes and names end up in every table and spreadsheet: see `GeoText`.
        mutating func checkText(code: String, name: String, _ diagnostics: inout DiagnosticList) {
            if !self[code].isEmpty, let problem = GeoText.codeProblem(self[code]) {
                fail(code, problem, into: &diagnostics)
            }
            if let problem = GeoText.nameProblem(self[name]) { fail(name, problem, into: &diagnostics) }
        }

        mutating func membership(_ diagnostics: inout DiagnosticList) -> Membership? {
            let from = date("valid_from", &diagnostics)
            let until = date("valid_until", &diagnostics)
            guard !failed else { return nil }
            return Membership(regionSet: self["set"], region: self["region"], member: self["member"], validFrom: from,
                              validUntil: until)
        }

        mutating func succession(_ diagnostics: inout DiagnosticList) -> Succession? {
            let effective = date("effective", &diagnostics)
            if self["effective"].isEmpty { fail("effective", .missingEffectiveDate, into: &diagnostics) }
            let weight = DecimalSeparator.point.parse(self["weight"])
            guard case .success(let value) = weight, value > 0, value <= 1 else {
                fail("weight", .invalidSuccessionWeight(self["weight"]), into: &diagnostics)
                return nil
            }
            guard !failed, let effective else { return nil }
            return Succession(oldCode: self["old"], newCode: self["new"], effective: effective, weight: value)
        }
    }
}
