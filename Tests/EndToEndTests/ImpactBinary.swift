import Foundation
import TestHarness

/// Runs the built `impact` executable the way a user or a scheduled job does.
struct ImpactBinary {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        let killedBySignal: Bool
    }

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `impact` binary next to the test bundle in the build folder.
    static var path: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("impact").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return projectRoot + "/.build/debug/impact"
    }

    static func temporaryDirectory() -> String {
        Scratch.directory("e2e")
    }

    static func process(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil,
                        asNobody: Bool = false) -> (Process, Pipe, Pipe) {
        let process = Process()
        // As user nobody (setpriv, when the tests run as root): file modes then bind the binary.
        let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups", path]
        process.executableURL = URL(fileURLWithPath: asNobody ? "/usr/bin/setpriv" : path)
        process.arguments = (asNobody ? nobody : []) + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? projectRoot)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "IMPACT_STORE")
        // Tables are fitted to COLUMNS; output compared with fixed text must not depend on the test's terminal.
        env.removeValue(forKey: "COLUMNS")
        // Whatever the binary writes to the temporary folder (the demo's store) goes with the test; the
        // folder's long path also keeps `report --pdf` honest about a long TMPDIR (a socket path limit).
        env["TMPDIR"] = Scratch.directory("tmp")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil,
                    asNobody: Bool = false) throws -> Output {
        let (process, out, err) = process(arguments, environment: environment, directory: directory, asNobody: asNobody)
        try process.run()
        // Both pipes are drained at once: a process that fills one (a long diagnostic) while the
        // other is read would otherwise wait forever.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), killedBySignal: process.terminationReason == .uncaughtSignal)
    }

    /// Runs a system tool (`chattr`); its exit status.
    @discardableResult
    static func shell(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
