/// Exit codes, documented in docs/cli.md.
enum ExitCode {
    static let success: Int32 = 0
    /// The input has problems the user must fix (definitions, data files), or alerts fire.
    static let findings: Int32 = 1
    /// The command could not do its job (store unreadable, file missing, I/O).
    static let failure: Int32 = 2
    /// The command line itself is wrong (BSD EX_USAGE).
    static let usage: Int32 = 64
}
