import Foundation

// A notifier that exits without reading its stdin must not kill the scheduled job with SIGPIPE;
// write errors are handled where they happen instead.
signal(SIGPIPE, SIG_IGN)
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
