import Foundation
import Testing

/// Real LibreOffice (Debian's `libreoffice-calc`), headless, as the reader of our workbooks: it
/// converts every sheet to CSV with the cells' values, not as shown, so numbers compare exactly.
enum LibreOffice {
    /// Comma, double quote, UTF-8, start at line 1, values not as shown, every sheet (-1) to its own
    /// file `NAME-SHEET.csv` (LibreOffice 7.2 and later).
    static let filter = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"

    /// Converts `workbooks` into `directory`; each run gets a private profile, so tests in parallel
    /// do not share LibreOffice's lock, and an English locale, so decimals are written with a point.
    static func convertSheets(_ workbooks: [String], into directory: String) throws {
        let profile = ImpactBinary.temporaryDirectory() + "/profile"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                             "--convert-to", filter, "--outdir", directory] + workbooks
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("LC_") { environment.removeValue(forKey: key) }
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: profile)
        #expect(process.terminationStatus == 0,
                "soffice failed: \(String(decoding: output + errors, as: UTF8.self))")
    }

    /// The rows of a CSV file (quoted fields may hold commas, quotes and line breaks).
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\"" {
                    guard let next = characters.next() else { quoted = false; break }
                    if next == "\"" { field.append("\"") } else {
                        quoted = false
                        if next == "," { row.append(field); field = "" }
                        else if next.isNewline { row.append(field); rows.append(row); row = []; field = "" }
                    }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { row.append(field); field = "" }
            else if character.isNewline { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(character) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
