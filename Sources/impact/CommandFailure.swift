/// A command that failed for a reason the user can act on.
struct CommandFailure: Error {
    let message: String
    var hint: String?
    var exitCode: Int32 = ExitCode.failure
}
