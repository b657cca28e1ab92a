import Foundation
import Testing
import TestHarness

/// The report as the steering group gets it: printed to PDF (pages rendered with poppler-utils),
/// on a laptop screen (the summary above the fold) and on a phone (nothing wider than the screen).
@Suite(.scratch) struct ReportPrintEndToEndTests {
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func demoStore() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/print.sqlite"
        #expect(try DemoStore.copy(to: store))
        return store
    }

    /// Every word's box from `pdftotext -bbox`: page width and the words' left and right edges, per page.
    static func wordBoxes(_ xhtml: String) -> [(width: Double, words: [(text: String, left: Double, right: Double)])] {
        func number(_ name: String, in tag: Substring) -> Double {
            guard let start = tag.range(of: name + "=\"") else { return .nan }
            return Double(tag[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
        }
        return xhtml.components(separatedBy: "<page ").dropFirst().map { page in
            let width = number("width", in: Substring(page))
            let words = page.components(separatedBy: "<word ").dropFirst().map { word -> (String, Double, Double) in
                let tag = Substring(word)
                let text = word.split(separator: ">", maxSplits: 1).last?.prefix { $0 != "<" } ?? ""
                return (String(text), number("xMin", in: tag), number("xMax", in: tag))
            }
            return (width, words)
        }
    }

    @Test func theWestBrabantReportPrintsOnAtMostTenPagesWithNothingClipped() throws {
        guard ReportEndToEndTests.chromium != nil, let pdftoppm = Self.tool("pdftoppm"),
              let pdftotext = Self.tool("pdftotext") else {
            Issue.record("the print test needs chromium and poppler-utils (.ci/run installs them)")
            return
        }
        let directory = ImpactBinary.temporaryDirectory()
        let pdf = directory + "/report.pdf"
        let printed = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--pdf", pdf,
                                            "--store", try demoStore()])
        #expect(printed.status == 0 && printed.stdout == pdf + "\n", "\(printed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Data("%PDF".utf8)))
        #expect(try Self.run(pdftoppm, ["-r", "30", "-png", pdf, directory + "/page"]).status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("page") }
        #expect((3...10).contains(pages.count), "\(pages.count) pages")
        let boxes = try Self.run(pdftotext, ["-bbox", pdf, "-"]).stdout
        let margin = 12 / 25.4 * 72 - 1
        for (index, page) in Self.wordBoxes(boxes).enumerated() {
            #expect(page.width > 590 && page.width < 600, "page \(index + 1) is not A4")
            let clipped = page.words.filter { $0.left < margin || $0.right > page.width - margin }
            #expect(clipped.isEmpty, "page \(index + 1): text outside the margins: \(clipped.prefix(5))")
        }
        let first = try Self.run(pdftotext, ["-f", "1", "-l", "1", "-layout", pdf, "-"]).stdout
        for words in ["Samenvatting", "verbeterd", "op koers", "Pagina 1", "impact 0."] {
            #expect(first.contains(words), "the first page lacks '\(words)'")
        }
    }

    /// Chromium's socket lives in the work folder: under a short TMPDIR (the usual case) the work
    /// folder goes there; the other tests run under a long one, where it falls back to /tmp.
    @Test func aShortTemporaryFolderHoldsTheWorkFolder() throws {
        guard ReportEndToEndTests.chromium != nil else {
            Issue.record("the print test needs chromium (.ci/run installs it)")
            return
        }
        let short = Scratch.root + "/pdf-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: short, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: short) }
        let pdf = ImpactBinary.temporaryDirectory() + "/short.pdf"
        let printed = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--pdf", pdf,
                                            "--store", try demoStore()], environment: ["TMPDIR": short])
        #expect(printed.status == 0, "\(short.utf8.count) characters: \(printed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).starts(with: Data("%PDF".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: short).isEmpty, "the work folder is removed")
    }

    @Test func withoutChromiumPdfSaysWhatIsMissing() throws {
        let store = try demoStore()
        let result = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--store", store,
                                           "--pdf", ImpactBinary.temporaryDirectory() + "/r.pdf"],
                                          environment: ["PATH": "/nonexistent"])
        #expect(result.status == 2 && result.stderr.contains("--pdf needs Chromium"), "\(result.stderr)")
        let wrong = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--store", store,
                                          "--pdf", "r.html"])
        #expect(wrong.status == 64 && wrong.stderr.contains("--pdf must name a .pdf file"))
    }

    /// The report in a frame of `width` × `height` (headless Chromium's window is never narrower than
    /// 500 px; a frame is), measured by a script of the page around it (the report itself has none): `script`
    /// is an expression over the frame's window `w` and document `d`, its value lands in the DOM the browser
    /// dumps.
    func measure(_ script: String, width: Int, height: Int) throws -> String {
        let store = try demoStore()
        let report = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--out", "-",
                                           "--store", store])
        let framed = report.stdout.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        let page = ImpactBinary.temporaryDirectory() + "/measured.html"
        let html = "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" style=\"border:0; width:\(width)px; "
            + "height:\(height)px\" srcdoc=\"\(framed)\"></iframe><script>addEventListener('load', () => { "
            + "const w = document.getElementById('f').contentWindow, d = w.document; "
            + "document.body.setAttribute('data-measure', \(script)); });</script></body></html>"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let dom = try ReportEndToEndTests().browser(["--window-size=\(width + 100),\(height + 100)", "--dump-dom",
                                                     "file://\(page)"])
        let start = try #require(dom.stdout.range(of: "data-measure=\""), "no measurement: \(dom.stderr)")
        return String(dom.stdout[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theSummaryIsAboveTheFoldOnALaptop() throws {
        guard ReportEndToEndTests.chromium != nil else {
            Issue.record("the browser test needs Chromium (.ci/run installs it)")
            return
        }
        let numbers = try measure("(() => { const r = d.getElementById('summary').getBoundingClientRect(); "
                                  + "return [r.top, r.bottom, w.innerHeight].join(' '); })()", width: 1366, height: 768)
            .split(separator: " ").compactMap { Double($0) }
        try #require(numbers.count == 3, "\(numbers)")
        #expect(numbers[0] > 0 && numbers[1] <= numbers[2] && numbers[2] == 768, "summary at \(numbers)")
    }

    /// No horizontal scrolling of the page: wide appendix tables scroll inside themselves, the
    /// scorecard becomes one card per indicator.
    @Test func nothingIsWiderThanAPhone() throws {
        guard ReportEndToEndTests.chromium != nil else {
            Issue.record("the browser test needs Chromium (.ci/run installs it)")
            return
        }
        let script = "[w.innerWidth, d.documentElement.scrollWidth, "
            + "Math.max(...[...d.querySelectorAll('table.scorecard, table.scorecard td, svg, h1, h2, p, li')]"
            + ".map(e => e.getBoundingClientRect().right)), "
            + "getComputedStyle(d.querySelector('table.scorecard thead')).display].join(' ')"
        let measured = try measure(script, width: 420, height: 900).split(separator: " ")
        let numbers = measured.prefix(3).compactMap { Double($0) }
        try #require(numbers.count == 3, "\(measured)")
        #expect(numbers[0] == 420 && numbers[1] <= numbers[0] && numbers[2] <= numbers[0] + 0.5,
                "viewport, page width, widest element: \(numbers)")
        #expect(measured.last == "none", "the scorecard keeps its table header on a phone: \(measured)")
    }
}
