import Foundation
import Testing
import TestHarness

/// `--format json` is typed: numbers as numbers, booleans as booleans, flags as arrays, null for
/// missing. Every row of `eval` and `diff` is checked against the schemas in docs/schema.
@Suite(.scratch) struct JSONSchemaTests {
    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: ImpactBinary.projectRoot + "/docs/schema/\(name).schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func evalAndDiffRowsMatchTheirSchemas() throws {
        let store = ImpactBinary.temporaryDirectory() + "/schema.sqlite"
        #expect(try DemoStore.copy(to: store))
        let cases: [(schema: String, arguments: [String])] = [
            ("eval-row", ["eval", "--level", "gemeente", "--period", "2016..2018"]),
            ("eval-row", ["eval", "--period", "2017..2018"]),
            ("diff-row", ["diff", "2017", "2018", "--level", "gemeente"]),
            ("diff-row", ["diff", "2017", "2018"]),
        ]
        for (name, arguments) in cases {
            let output = try ImpactBinary.run(arguments + ["--store", store, "--format", "json"])
            #expect(output.status == 0, "\(output.stderr)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count > 10)
            let schema = try Self.schema(name)
            for row in rows {
                let problems = SchemaCheck.problems(row, against: schema)
                #expect(problems.isEmpty, "\(arguments[0]) row \(row): \(problems)")
            }
        }
    }
}

/// The part of JSON Schema the row schemas use: type (one or several), enum, required,
/// properties, additionalProperties false, items.
enum SchemaCheck {
    static func problems(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        var found: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) { found.append("\(path): not \(allowed)") }
        }
        if let options = schema["enum"] as? [String], !options.contains((value as? String) ?? "\u{0}") {
            found.append("\(path): '\(value)' not one of \(options)")
        }
        if let object = value as? [String: Any] { found += objectProblems(object, schema, path) }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { found += problems(item, against: items, at: "\(path)[\(index)]") }
        }
        return found
    }

    private static func objectProblems(_ object: [String: Any], _ schema: [String: Any], _ path: String) -> [String] {
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        var found = ((schema["required"] as? [String]) ?? []).filter { object[$0] == nil }.map { "\(path): no \($0)" }
        if schema["additionalProperties"] as? Bool == false {
            found += object.keys.filter { properties[$0] == nil }.sorted().map { "\(path): unexpected \($0)" }
        }
        for (key, value) in object { if let inner = properties[key] { found += problems(value, against: inner, at: path + "." + key) } }
        return found
    }

    /// JSONSerialization reads `true` as an NSNumber too; its Objective-C type tells them apart.
    private static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "boolean": return (value as? NSNumber).map(isBoolean) ?? false
        case "number": return (value as? NSNumber).map { !isBoolean($0) } ?? false
        default: return false
        }
    }
}
