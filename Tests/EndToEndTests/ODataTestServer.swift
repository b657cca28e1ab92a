import Foundation

/// A local stand-in for the StatLine OData API, for the live import tests: a small Python script,
/// written into a temporary folder and started on a free port, serves the saved fixture export as
/// the API would, page by page. The first segment of the path picks the behaviour, so one server
/// answers every case of a test (`baseURL(.flaky)`).
final class ODataTestServer {
    enum Mode: String {
        /// TypedDataSet and Perioden in pages of 2 rows, linked by `odata.nextLink` (absolute) and
        /// `@odata.nextLink` (relative); the other resources whole, honouring `$top` and `$skip`.
        case paged
        /// As `paged`, but the second page of TypedDataSet fails once with HTTP 503.
        case flaky
        /// As `paged`, but the first request for TypedDataSet answers only after 3 s.
        case sluggish
        /// Every request answers only after 3 s.
        case slow
        /// Every request answers HTTP 503.
        case busy
        /// Answers an HTML page with status 200.
        case html
        /// Every answer links to itself as its next page.
        case loop
        /// No page limit and no links: only `$top` and `$skip` page.
        case plain
        /// As `plain`, but `$skip` is ignored: every request gets the first rows again.
        case stuck
    }

    private let process = Process()
    /// Held open while the server runs: the script exits when it closes, so a test process that dies
    /// leaves no server behind.
    private let lifeline = Pipe()
    private let log: String
    let port: Int

    init(fixture: String = ImpactBinary.projectRoot + "/fixtures/statline/vt-west-brabant") throws {
        let directory = ImpactBinary.temporaryDirectory()
        let script = directory + "/odata-server.py"
        log = directory + "/requests.log"
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, fixture, log]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            port = try Self.port(from: output.fileHandleForReading)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            throw error
        }
    }

    deinit { stop() }

    /// The service root in `mode`, under which the fixture is table 99999NED (any other is 404).
    func baseURL(_ mode: Mode) -> String { "http://127.0.0.1:\(port)/\(mode.rawValue)/odata/" }

    /// Every request answered so far: `STATUS PATH`.
    var requests: [String] {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// SIGKILL, not `terminate()`: the child inherits the test thread's blocked signals, SIGTERM among them.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The script prints its port on the first line once it listens.
    private static func port(from handle: FileHandle) throws -> Int {
        var text = ""
        while !text.contains("\n") {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no port from: \(text)"])
        }
        return port
    }

    private static let script = #"""
        import json, os, sys, threading, time, urllib.parse
        from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

        FIXTURE, LOG, PAGE = sys.argv[1], sys.argv[2], 2
        LINKS = {"TypedDataSet": "odata.nextLink", "Perioden": "@odata.nextLink"}
        happened = set()

        def once(event):
            first = event not in happened
            happened.add(event)
            return first

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = self.answer()
                with open(LOG, "a") as log:
                    log.write(f"{status} {self.path}\n")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def answer(self):
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                parts = url.path.strip("/").split("/")
                if len(parts) != 4 or parts[2] != "99999NED":
                    return 404, b"{}"
                mode, resource = parts[0], parts[3]
                skip = 0 if mode == "stuck" else int(query.get("$skip", ["0"])[0])
                top = int(query.get("$top", ["1000000"])[0])
                if mode == "busy":
                    return 503, b"busy"
                if mode == "html":
                    return 200, b"<html>maintenance</html>"
                if mode == "slow" or (mode == "sluggish" and resource == "TypedDataSet" and once("slow")):
                    time.sleep(3)
                if mode == "flaky" and resource == "TypedDataSet" and skip == PAGE and once("503"):
                    return 503, b"try again"
                path = os.path.join(FIXTURE, resource + ".json")
                if not os.path.exists(path):
                    return 404, b"{}"
                with open(path, encoding="utf-8") as file:
                    document = json.load(file)
                link = LINKS.get(resource) if mode in ("paged", "flaky", "sluggish") else None
                count = min(top, PAGE) if link else top
                rows = document["value"]
                document["value"] = rows[skip:skip + count]
                if mode == "loop":
                    document["odata.nextLink"] = f"http://{self.headers['Host']}{self.path}"
                elif link and skip + count < len(rows):
                    here = f"http://{self.headers['Host']}{url.path}" if link == "odata.nextLink" else resource
                    document[link] = f"{here}?$skip={skip + count}"
                return 200, json.dumps(document).encode()

            def log_message(self, *arguments):
                pass

        def exit_with_the_test():
            sys.stdin.buffer.read()
            os._exit(0)

        threading.Thread(target=exit_with_the_test, daemon=True).start()
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
