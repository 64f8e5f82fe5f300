/// The order of a result list.
public enum HitOrder: String, Sendable, CaseIterable, Codable {
    /// Best score first (ties: lower doc id first).
    case score
    /// Oldest modification date first (ties: best score, then lower doc id).
    case modified
    /// Newest modification date first (ties: best score, then lower doc id).
    case newest = "-modified"
}
