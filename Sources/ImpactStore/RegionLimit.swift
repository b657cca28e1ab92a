/// Whether the session reads only some regions' municipalities: on a server, a role named in
/// `access_region` that row-level security applies to. A superuser or a role that bypasses
/// row-level security reads every row, although `impact_region_limited()` counts a superuser as a
/// member of every role.
enum RegionLimit {
    static let condition = "impact_region_limited() AND NOT (SELECT rolsuper OR rolbypassrls FROM pg_roles "
        + "WHERE rolname = current_user)"
}

extension Database {
    /// Always false for a SQLite file, which has no roles.
    public func isRegionLimited() throws -> Bool {
        guard engine == .postgresql else { return false }
        return try scalarInt("SELECT CASE WHEN \(RegionLimit.condition) THEN 1 ELSE 0 END") == 1
    }
}
