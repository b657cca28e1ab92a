/// Which store a `--store` value names: a PostgreSQL URL or a SQLite file.
public enum StoreLocation {
    /// `postgresql://…` and `postgres://…` (libpq's URI schemes) name a server store.
    public static func isServer(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// The URL as messages may show it: a password between `user:` and `@` is masked.
    public static func withoutPassword(_ url: String) -> String {
        guard let scheme = url.range(of: "://"),
              let at = url[scheme.upperBound...].firstIndex(of: "@"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
