import Foundation
import Testing
import TestHarness

/// The report as a person sees it: rendered by a real headless browser.
@Suite(.scratch) struct ReportEndToEndTests {
    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    func demoReport() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/report.sqlite"
        let demo = try ImpactBinary.run(["demo", "--store", store])
        #expect(demo.status == 0, "\(demo.stderr)")
        let line = demo.stdout.split(separator: "\n").first { $0.contains("report-VTWB-2018.html") }
        return String(line?.split(separator: " ").last ?? "")
    }

    func browser(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-dev-shm-usage"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func demoReportRendersInAHeadlessBrowser() throws {
        guard Self.chromium != nil else {
            Issue.record("the browser test needs Chromium: sudo apt-get install chromium (.ci/run installs it)")
            return
        }
        let report = try demoReport()
        #expect(FileManager.default.fileExists(atPath: report))
        let screenshot = ImpactBinary.temporaryDirectory() + "/report.png"
        let shot = try browser(["--window-size=1200,2400", "--screenshot=\(screenshot)", "--enable-logging=stderr", "--v=0", "file://\(report)"])
        #expect(shot.status == 0, "\(shot.stderr)")
        for problem in ["Uncaught", "ERROR:CONSOLE", "net::ERR_", "Failed to load resource"] {
            #expect(!shot.stderr.contains(problem), "browser reported \(problem):\n\(shot.stderr)")
        }
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 2400)
        #expect(try inkFraction(screenshot) > 0.02, "the rendered page is (nearly) blank")
        let dom = try browser(["--dump-dom", "file://\(report)"])
        #expect(dom.stdout.contains("Scorekaart") && dom.stdout.contains("<svg") && dom.stdout.contains("Bijlage B"))
    }

    /// Share of pixels that are not white, decoded with Python's standard library (zlib).
    func inkFraction(_ path: String) throws -> Double {
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            pos, idat, w, h, ct = 8, b'', 0, 0, 0
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR': w, h, depth, ct = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
                pos += 12 + length
            raw = zlib.decompress(idat); bpp = {2: 3, 6: 4}[ct]; stride = w * bpp
            prev = bytearray(stride); ink = 0
            for y in range(h):
                f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                ink += sum(1 for x in range(0, stride, bpp) if min(line[x:x + 3]) < 200)
                prev = line
            print(ink / (w * h))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    @Test func reportCommandWritesHTMLAndMarkdownAndChecksItsFlags() throws {
        let store = ImpactBinary.temporaryDirectory() + "/r.sqlite"
        #expect(try DemoStore.copy(to: store))
        let directory = ImpactBinary.temporaryDirectory()
        let markdown = try ImpactBinary.run(["report", "--store", store, "--period", "2018", "--region", "VTWB", "--lang", "en", "--out", directory + "/r.md"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(try String(contentsOfFile: directory + "/r.md", encoding: .utf8).contains("## Scorecard"))
        let missing = try ImpactBinary.run(["report", "--store", store])
        #expect(missing.status == 64 && missing.stderr.contains("needs --period"))
        let badRegion = try ImpactBinary.run(["report", "--store", store, "--period", "2018", "--region", "VTWX"])
        #expect(badRegion.status == 64 && badRegion.stderr.contains("did you mean 'VTWB'?"))
        let badOut = try ImpactBinary.run(["report", "--store", store, "--period", "2018", "--out", "r.pdf"])
        #expect(badOut.status == 64 && badOut.stderr.contains(".html or .md"))
    }

    /// The report carries the store's figures, so it gets the store's permissions (0600), not the
    /// umask's 0644; `--mode` chooses others.
    @Test func reportFilesGetTheStoresModeUnlessToldOtherwise() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = directory + "/private.sqlite"
        #expect(try ImpactBinary.run(["demo", "--store", store]).status == 0)
        func mode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        }
        #expect(try mode(store) == 0o600)
        #expect(try mode(directory + "/report-VTWB-2018.html") == 0o600)
        let plain = try ImpactBinary.run(["report", "--store", store, "--period", "2018", "--programme", "wb", "--out", directory + "/r.md"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try mode(directory + "/r.md") == 0o600)
        let shared = try ImpactBinary.run(["report", "--store", store, "--period", "2018", "--programme", "wb", "--mode", "0640",
                                           "--out", directory + "/shared.html"])
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(try mode(directory + "/shared.html") == 0o640)
        let wrong = try ImpactBinary.run(["report", "--store", store, "--period", "2018", "--programme", "wb", "--mode", "rw-r-----"])
        #expect(wrong.status == 64 && wrong.stderr.contains("--mode"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    /// A half-year is compared with the same half-year a year before, not with the half-year before.
    @Test func aHalfYearIsComparedYearOnYear() throws {
        let store = ImpactBinary.temporaryDirectory() + "/halves.sqlite"
        #expect(try DemoStore.copy(to: store))
        let report = try ImpactBinary.run(["report", "--period", "2018-H1", "--region", "VTMB", "--out", "-",
                                           "--store", store])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("vergeleken met 1e halfjaar 2017)"), "\(report.stdout.prefix(2000))")
        #expect(!report.stdout.contains("vergeleken met 2e halfjaar 2017"))
    }

    /// A period without any figure is said on stderr and on the report's first page, not left to the reader.
    @Test func aPeriodWithoutFiguresIsSaidOnTheFirstPage() throws {
        let store = ImpactBinary.temporaryDirectory() + "/empty-period.sqlite"
        #expect(try DemoStore.copy(to: store))
        let notice = "zijn er over 2030 nog geen cijfers"
        for (format, firstSection) in [("html", "<section"), ("md", "\n## ")] {
            let file = ImpactBinary.temporaryDirectory() + "/r.\(format)"
            let report = try ImpactBinary.run(["report", "--period", "2030", "--region", "VTWB", "--out", file,
                                               "--store", store])
            #expect(report.status == 0 && report.stderr.contains("warning: no figures for VTWB in 2030"),
                    "\(report.stderr)")
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let said = try #require(text.range(of: notice), "\(format): no notice")
            let section = try #require(text.range(of: firstSection))
            #expect(said.lowerBound < section.lowerBound, "\(format): the notice comes after the first section")
        }
        let filled = try ImpactBinary.run(["report", "--period", "2018", "--region", "VTWB", "--out", "-",
                                           "--store", store])
        #expect(!filled.stderr.contains("no figures") && !filled.stdout.contains("nog geen cijfers"))
        let later = try ImpactBinary.run(["report", "--period", "2030", "--region", "VTWB", "--out", "-",
                                          "--store", store])
        #expect(later.stderr.contains("figures exist for 2018 (--period 2018)"), "\(later.stderr)")
        #expect(later.stdout.contains("Cijfers zijn er voor 2018."))
    }

    /// A year report of a region that delivered a half-year names that half-year, in both languages.
    @Test func anEmptyPeriodNamesTheNearestPeriodsWithFigures() throws {
        let store = ImpactBinary.temporaryDirectory() + "/half-year.sqlite"
        #expect(try DemoStore.copy(to: store))
        for (language, sentence) in [("nl", "Cijfers zijn er voor 2018-H1."), ("en", "Figures exist for 2018-H1.")] {
            let report = try ImpactBinary.run(["report", "--period", "2018", "--region", "VTMB", "--lang", language,
                                               "--out", "-", "--store", store])
            #expect(report.status == 0)
            #expect(report.stderr.contains("warning: no figures for VTMB in 2018; figures exist for 2018-H1 "
                                               + "(--period 2018-H1)"), "\(report.stderr)")
            #expect(report.stdout.contains(sentence), "\(language)")
        }
    }
}
