import ImpactCommandLine
import ImpactStore

/// `impact access grant`: login roles on a shared PostgreSQL store, per region.
enum AccessCommand: Command {
    static let role = CommandSpec.Option("--role", value: "NAME",
                                         help: "the login role (created when missing; lower-case letters, digits, _)")
    static let region = CommandSpec.Option("--region", value: "CODE", repeatable: true,
                                           help: "limit the role to this region's municipalities (and all totals)")
    static let readOnly = CommandSpec.Option("--read-only", help: "a report viewer: reads everything, writes nothing")
    static let importer = CommandSpec.Option("--import", help: "an importer: imports deliveries and reads")

    static let spec = CommandSpec(
        name: "access",
        summary: "grant a login role access to a PostgreSQL store: per region, read-only, or import",
        discussion: """
            Run by the owner of the store. Granting is idempotent: running it again changes nothing. A role with \
            --region reads every figure above municipal level and the municipalities of its regions; row-level \
            security hides the others' municipal figures. The statements are in docs/deployment.md.
            """,
        positionals: [.init("ACTION", help: "grant")],
        options: [role, region, readOnly, importer],
        examples: ["impact access grant --region VTWB --role vtwb_analyst --store postgresql://owner@db/impact",
                   "impact access grant --read-only --role stuurgroep --store postgresql://owner@db/impact",
                   "impact access grant --import --role importer --store postgresql://owner@db/impact"])

    struct Options {
        let role: String
        let grants: [AccessGrant]
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        guard arguments.positionals == ["grant"] else {
            throw UsageError("unknown action '\(arguments.positionals.joined(separator: " "))' for 'impact access'",
                             hint: "the action is grant")
        }
        guard let name = arguments.value(role) else {
            throw UsageError("'impact access grant' needs --role NAME", hint: "e.g. --role vtwb_analyst")
        }
        guard AccessGrant.isValidRoleName(name) else {
            throw UsageError("--role '\(name)' is not a plain role name",
                             hint: "use lower-case letters, digits and _ (not starting with pg_), e.g. vtwb_analyst")
        }
        let grants = arguments.all(region).map(AccessGrant.region)
            + (arguments.has(readOnly) ? [.readOnly] : []) + (arguments.has(importer) ? [.importer] : [])
        let onlyRegions = grants.allSatisfy { if case .region = $0 { true } else { false } }
        guard grants.count == 1 || (!grants.isEmpty && onlyRegions) else {
            throw UsageError("give one of --region CODE (repeatable), --read-only or --import",
                             hint: "a region role, a report viewer and an importer are different roles")
        }
        return Options(role: name, grants: grants)
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let store = try context.openStore(access: .readWrite)
        do {
            for grant in options.grants { try ServerStore.grant(grant, role: options.role, on: store) }
        } catch let error as StoreError {
            throw CommandFailure(message: error.message)
        }
        context.error("role \(options.role): \(options.grants.map(describe).joined(separator: ", "))\n")
        return ExitCode.success
    }

    private static func describe(_ grant: AccessGrant) -> String {
        switch grant {
        case .region(let code): return "region \(code)"
        case .readOnly: return "read-only"
        case .importer: return "import"
        }
    }
}
