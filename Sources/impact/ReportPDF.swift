import Foundation
import Glibc
import ImpactSources

/// `impact report --pdf FILE`: the HTML report printed on A4 by headless Chromium, the same engine
/// the browser tests use, so the print style sheet decides the pages. Without Chromium it says so.
enum ReportPDF {
    static let browsers = ["chromium", "chromium-browser", "google-chrome"]
    /// Printing a report takes seconds; a browser that hangs must not hang a scheduled job.
    static let timeout: TimeInterval = 120

    /// The first browser on PATH.
    static func browser(path: String?) -> String? {
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
            for name in browsers {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of `html`, printed from a private temporary directory that is removed afterwards.
    static func print(_ html: String, environment: [String: String]) throws -> Data {
        guard let browser = browser(path: environment["PATH"]) else {
            throw CommandFailure(message: "--pdf needs Chromium to print the report, and none is installed "
                                    + "(looked for \(browsers.joined(separator: ", ")) on PATH)",
                                 hint: "install it (sudo apt-get install chromium), or write HTML with --out "
                                    + "and print it from a browser")
        }
        let directory = workFolderBase() + "/impact-pdf-\(UUID().uuidString.prefix(8))"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure(message: "--pdf cannot make its work folder \(directory): "
                                    + error.localizedDescription,
                                 hint: "point TMPDIR at a writable folder (of at most \(maximumBase) characters)")
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = directory + "/report.html", pdf = directory + "/report.pdf"
        try Data(html.utf8).write(to: URL(fileURLWithPath: page))
        let child = ChildProcess(program: browser, arguments: arguments(page: page, pdf: pdf, profile: directory),
                                 overrides: ["TMPDIR": directory])
        let termination = try child.run(timeout: timeout)
        let printed = FileManager.default.contents(atPath: pdf) ?? Data()
        guard termination == .exited(0), printed.starts(with: Data("%PDF".utf8)) else {
            throw CommandFailure(message: "Chromium could not print the report (\(describe(termination)))"
                                    + (child.stderrLines().isEmpty ? "" : ":\n" + child.stderrLines()),
                                 hint: "write HTML with --out and print it from a browser")
        }
        return printed
    }

    /// Where the work folder goes. Chromium keeps a socket in its temporary folder (here the work
    /// folder), and a socket's path may not exceed 107 bytes: base + "/impact-pdf-XXXXXXXX" (20) +
    /// "/.org.chromium.Chromium.XXXXXX/SingletonSocket" (46). Under a longer TMPDIR Chromium would
    /// abort, so the work folder then goes to /tmp.
    static func workFolderBase(temporary: String = FileManager.default.temporaryDirectory.path) -> String {
        temporary.utf8.count <= maximumBase ? temporary : "/tmp"
    }

    static let maximumBase = 107 - 20 - 46

    /// Headless, without the browser's own header and footer (the style sheet has one), in a
    /// throw-away profile; as root Chromium runs only without its sandbox.
    static func arguments(page: String, pdf: String, profile: String) -> [String] {
        ["--headless", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--no-pdf-header-footer",
         "--user-data-dir=\(profile)/profile", "--print-to-pdf=\(pdf)"]
            + (getuid() == 0 ? ["--no-sandbox"] : []) + [URL(fileURLWithPath: page).absoluteString]
    }

    private static func describe(_ termination: ChildProcess.Termination) -> String {
        switch termination {
        case .exited(let status): return "exit status \(status)"
        case .signalled(let signal): return "killed by signal \(signal)"
        case .timedOut: return "no answer within \(Int(timeout)) s"
        case .cannotStart(let reason): return "cannot start: \(reason)"
        }
    }
}
