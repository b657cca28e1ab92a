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


    private static func readFile(_ path: String, into contents: inout GeographyContents, diagnostics: inout DiagnosticList) {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch let problem as CSVProblem {
            diagnostics.append(Diagnostic(file: path, line: 0, column: 0, message: problem.message))
            return
        } catch { return }
        guard let header = reader.next() else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "file is empty"))
            return
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let kind = Kind.detect(names) else {
            diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "cannot tell what this geography file holds from its header",
                                          hint: "headers are code,name,level (units), set,name (region sets), set,region,member (memberships) or old,new,effective,weight (successions)"))
            return
        }
        for (index, name) in names.enumerated() where !(kind.required + kind.optional).contains(name) {
            diagnostics.append(Diagnostic(file: path, line: header.line, column: header.columns[index], message: "unknown column '\(name)' in a \(kind.rawValue) file",
                                          hint: Suggestions.hint(for: name, among: kind.required + kind.optional)))
        }
        while let record = reader.next() {
            contents.rows += 1
            var row = Row(record: record, names: names, file: path)
            guard row.checkWidth(&diagnostics) else { continue }
            switch kind {
            case .units: if let unit = row.unit(&diagnostics) { contents.units.append(unit) }
            case .sets: contents.sets.append(RegionSet(id: row["set"], name: row["name"]))
            case .memberships: if let membership = row.membership(&diagnostics) { contents.memberships.append(membership) }
            case .successions: if let succession = row.succession(&diagnostics) { contents.successions.append(succession) }
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

        func checkWidth(_ diagnostics: inout DiagnosticList) -> Bool {
            guard record.fields.count == names.count else {
                diagnostics.append(Diagnostic(file: file, line: record.line, column: 1, message: "row has \(record.fields.count) fields but the header has \(names.count)"))
                return false
            }
            return true
        }

        mutating func fail(_ name: String, _ message: String, hint: String? = nil, into diagnostics: inout DiagnosticList) {
            let index = names.firstIndex(of: name) ?? 0
            diagnostics.append(Diagnostic(file: file, line: record.line, column: record.columns[index], length: self[name].count, message: message, hint: hint))
            failed = true
        }

        mutating func date(_ name: String, _ diagnostics: inout DiagnosticList) -> CivilDate? {
            let text = self[name]
            guard !text.isEmpty else { return nil }
            guard let date = CivilDate(iso: text) else {
                fail(name, "invalid date '\(text)' in \(name)", hint: "write dates as YYYY-MM-DD, e.g. 2019-01-01", into: &diagnostics)
                return nil
            }
            return date
        }

        mutating func unit(_ diagnostics: inout DiagnosticList) -> GeoUnit? {
            let level = GeoLevel(rawValue: self["level"].lowercased())
            if level == nil {
                fail("level", "unknown level '\(self["level"])'", hint: "levels are " + GeoLevel.allCases.map(\.rawValue).joined(separator: ", "), into: &diagnostics)
            }
            let kindText = self["kind"].lowercased()
            let kind = kindText.isEmpty ? GeoKind.area : GeoKind(rawValue: kindText)
            if kind == nil {
                fail("kind", "unknown kind '\(kindText)'", hint: "kinds are area, unknown (Onbekend) and outside (Buiten regio)", into: &diagnostics)
            }
            if self["code"].isEmpty { fail("code", "unit code is empty", into: &diagnostics) }
            let from = date("valid_from", &diagnostics)
            let until = date("valid_until", &diagnostics)
            if let from, let until, until <= from { fail("valid_until", "valid_until \(until) is not after valid_from \(from)", into: &diagnostics) }
            guard !failed, let level, let kind else { return nil }
            return GeoUnit(code: self["code"], name: self["name"], level: level, kind: kind, validFrom: from, validUntil: until)
        }

        mutating func membership(_ diagnostics: inout DiagnosticList) -> Membership? {
            let from = date("valid_from", &diagnostics)
            let until = date("valid_until", &diagnostics)
            guard !failed else { return nil }
            return Membership(regionSet: self["set"], region: self["region"], member: self["member"], validFrom: from, validUntil: until)
        }

        mutating func succession(_ diagnostics: inout DiagnosticList) -> Succession? {
            let effective = date("effective", &diagnostics)
            if self["effective"].isEmpty { fail("effective", "effective date is required", into: &diagnostics) }
            let weight = DecimalSeparator.point.parse(self["weight"])
            guard case .success(let value) = weight, value > 0, value <= 1 else {
                fail("weight", "weight '\(self["weight"])' must be a number above 0 and at most 1", into: &diagnostics)
                return nil
            }
            guard !failed, let effective else { return nil }
            return Succession(oldCode: self["old"], newCode: self["new"], effective: effective, weight: value)
        }
    }
}
