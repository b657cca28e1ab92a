import Foundation
import Testing
import TestHarness
@testable import ImpactCore

/// The ZIP container of workbooks: checksums from published vectors, and archives that an
/// independent reader (Python's zipfile) opens, verifies and reads back byte for byte.
@Suite(.scratch) struct ZipArchiveTests {
    // Check values of CRC-32/ISO-HDLC (the ZIP CRC): the "123456789" vector and the pangram.
    @Test(arguments: [
        ("", UInt32(0)),
        ("123456789", UInt32(0xCBF4_3926)),
        ("The quick brown fox jumps over the lazy dog", UInt32(0x414F_A339)),
    ])
    func crcVectors(input: String, checksum: UInt32) {
        #expect(CRC32.checksum(Array(input.utf8)) == checksum)
    }

    static func archive() -> ZipArchive {
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", text: "<Types/>")
        archive.add("xl/worksheets/sheet1.xml", text: String(repeating: "<row/>", count: 5000))
        archive.add("gemeenten/’s-Hertogenbosch.txt", text: "Sint-Michielsgestel → ’s-Hertogenbosch")
        archive.add("empty", [])
        archive.add("binary", (0...255).map(UInt8.init))
        return archive
    }

    /// Python's zipfile checks every CRC (`testzip`) and returns each file's name and content.
    @Test func pythonReadsEveryEntryBack() throws {
        let directory = TestSupport.temporaryDirectory()
        let path = directory + "/test.zip"
        try Data(try Self.archive().bytes()).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys, zipfile, hashlib
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for info in z.infolist():
                assert info.compress_type == zipfile.ZIP_STORED
                print(info.filename, len(z.read(info)), hashlib.sha256(z.read(info)).hexdigest())
            """
        let output = try Self.python(script, path)
        let expected = [("[Content_Types].xml", Array("<Types/>".utf8)),
                        ("xl/worksheets/sheet1.xml", Array(String(repeating: "<row/>", count: 5000).utf8)),
                        ("gemeenten/’s-Hertogenbosch.txt", Array("Sint-Michielsgestel → ’s-Hertogenbosch".utf8)),
                        ("empty", []), ("binary", (0...255).map(UInt8.init))]
            .map { "\($0.0) \($0.1.count) \(SHA256.hex($0.1))" }
        #expect(output.split(separator: "\n").map(String.init) == expected)
    }

    /// The same files give the same bytes: entries carry a fixed date, not the clock.
    @Test func sameContentSameBytes() throws {
        #expect(try Self.archive().bytes() == Self.archive().bytes())
    }

    /// A local header starts the file, the end record closes it and counts the entries.
    @Test func headersAndEndRecord() throws {
        let bytes = try Self.archive().bytes()
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let end = Array(bytes.suffix(22))
        #expect(Array(end.prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
        #expect(end[10] == 5 && end[11] == 0)
    }

    static func python(_ script: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: errors, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }
}
