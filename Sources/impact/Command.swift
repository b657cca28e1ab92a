import ImpactCommandLine

/// One `impact` command: its declared interface, the decoding and validation of its options into a
/// typed value (no store or file is touched there), and running with them.
protocol Command: Sendable {
    associatedtype Options
    static var spec: CommandSpec { get }
    static func options(_ arguments: ParsedArguments) throws -> Options
    static func run(_ options: Options, context: CommandContext) throws -> Int32
}
