
/// What `impact access grant` gives a login role on a PostgreSQL store.
public enum AccessGrant: Sendable, Equatable {
    /// Reads everything above municipal level, and the municipalities of this region (repeatable).
    case region(String)
    /// Reads everything, writes nothing: report viewers.
    case readOnly
    /// Imports deliveries (and reads what an import needs); evaluates like a reader.
    case importer

    /// Role names are written into `CREATE ROLE`/`GRANT`, where PostgreSQL takes no parameters: only
    /// plain lower-case names are accepted, so a name never needs quoting and never changes the statement.
    public static func isValidRoleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 63,
              first == "_" || ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            && !name.hasPrefix("pg_")
    }

    /// The statements, idempotent: the shared roles `impact_reader` and `impact_importer` with
    /// their privileges (also on tables later migrations add), then the login role and its grant.
    /// `docs/deployment.md` shows them.
    public func statements(role: String) -> [(sql: String, arguments: [SQLValue])] {
        var statements: [(String, [SQLValue])] = [
            (Self.sharedRoles, []),
            ("""
             DO $$ BEGIN
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) LOGIN; END IF;
             END $$
             """, []),
        ]
        switch self {
        case .region(let code):
            statements.append(("GRANT impact_reader TO \(role)", []))
            statements.append(("INSERT INTO access_region (role_name, region) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               [.text(role), .text(code)]))
        case .readOnly:
            statements.append(("GRANT impact_reader TO \(role)", []))
        case .importer:
            statements.append(("GRANT impact_reader, impact_importer TO \(role)", []))
        }
        return statements
    }

    static let sharedRoles = """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'impact_reader') THEN
            CREATE ROLE impact_reader NOLOGIN;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'impact_importer') THEN
            CREATE ROLE impact_importer NOLOGIN;
          END IF;
        END $$;
        GRANT USAGE ON SCHEMA public TO impact_reader, impact_importer;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO impact_reader;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO impact_importer;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO impact_importer;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO impact_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO impact_importer;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO impact_importer;
        """
}
