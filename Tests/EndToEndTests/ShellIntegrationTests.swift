import Foundation
import Testing
import TestHarness

/// Completions and the manual page are generated from the command specs: every command and option
/// the help lists appears in each, the bash script parses, and the page renders without warnings.
@Suite(.scratch) struct ShellIntegrationTests {
    /// Command → its options, read from `impact --help` and `impact help COMMAND`.
    static func commandsAndOptions() throws -> [String: [String]] {
        let overview = try ImpactBinary.run(["--help"]).stdout
        let list = overview.components(separatedBy: "COMMANDS:\n")[1].components(separatedBy: "\n\n")[0]
        let names = list.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        var result: [String: [String]] = [:]
        for name in names {
            let help = try ImpactBinary.run(["help", name]).stdout
            let options = help.components(separatedBy: "OPTIONS:\n").dropFirst().first ?? ""
            result[name] = options.split(separator: "\n").compactMap { line in
                let word = line.split(separator: " ").first.map(String.init) ?? ""
                return line.hasPrefix("  --") ? word : nil
            }
        }
        return result
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionsOfferEveryCommandAndOption(shell: String) throws {
        let script = try ImpactBinary.run(["completions", shell])
        #expect(script.status == 0, "\(script.stderr)")
        let commands = try Self.commandsAndOptions()
        #expect(commands.count >= 15)
        for (command, options) in commands {
            #expect(script.stdout.contains(command), "\(shell) misses the command \(command)")
            for option in options {
                let spelling = shell == "fish" ? "-l " + option.dropFirst(2) : option
                #expect(script.stdout.contains(spelling), "\(shell) misses \(option) of \(command)")
            }
        }
        if shell == "bash" {
            let file = ImpactBinary.temporaryDirectory() + "/impact.bash"
            try script.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            let syntax = try Self.sh("bash -n '\(file)'")
            #expect(syntax.status == 0, "\(syntax.stderr)")
        }
        let unknown = try ImpactBinary.run(["completions", "tcsh"])
        #expect(unknown.status == 64 && unknown.stderr.contains("shells are bash, zsh, fish"))
    }

    @Test func manualPageRendersWithoutWarnings() throws {
        let page = try ImpactBinary.run(["help", "--man"])
        #expect(page.status == 0)
        for (command, options) in try Self.commandsAndOptions() {
            #expect(page.stdout.contains(".SS \"impact \(command)"), "the manual misses \(command)")
            for option in options { #expect(page.stdout.contains(option.replacingOccurrences(of: "-", with: "\\-"))) }
        }
        let file = ImpactBinary.temporaryDirectory() + "/impact.1"
        try page.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let rendered = try Self.sh("LC_ALL=C groff -man -Tascii -ww -z '\(file)'")
        #expect(rendered.status == 0 && rendered.stderr.isEmpty, "groff: \(rendered.stderr)")
    }

    /// `scripts/install` puts the binary, manual page and completions in place, again without harm,
    /// and `--uninstall` takes them away.
    @Test func installIsIdempotentAndUninstalls() throws {
        let prefix = ImpactBinary.temporaryDirectory() + "/prefix"
        let install = "'\(ImpactBinary.projectRoot)/scripts/install' --prefix '\(prefix)' --binary '\(ImpactBinary.path)'"
        for _ in 0..<2 { #expect(try Self.sh(install).status == 0) }
        let files = ["bin/impact", "share/man/man1/impact.1", "share/bash-completion/completions/impact",
                     "share/zsh/site-functions/_impact", "share/fish/vendor_completions.d/impact.fish",
                     "bin/impact-notify-mail"]
        for file in files { #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) missing") }
        #expect(try Self.sh("'\(prefix)/bin/impact' --version").status == 0)
        #expect(try Self.sh(install + " --uninstall").status == 0)
        for file in files { #expect(!FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file) left behind") }
    }

    /// A shell command's status and standard error.
    static func sh(_ command: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}
