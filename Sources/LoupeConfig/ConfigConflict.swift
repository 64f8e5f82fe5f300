import LoupeEngine

/// A search setting of `loupe.toml` that a daemon limit of `louped.toml` caps: the lower value
/// applies, and `louped` says so in a warning when it starts and in `louped --check-config`.
public struct ConfigConflict: Sendable, Equatable, CustomStringConvertible {
    /// The search setting (`search.limit`) and its configured value.
    public let setting: String
    public let settingValue: Int
    /// The daemon limit (`limits.max_limit`) and its value, which applies.
    public let limit: String
    public let limitValue: Int

    public var description: String {
        "\(setting) = \(settingValue) (loupe.toml) is over \(limit) = \(limitValue) (louped.toml): the daemon uses \(limitValue)"
    }
}

extension ServerConfiguration {
    /// The search settings each bounded by a daemon limit: a search's default number of hits by
    /// the largest `limit=` a request may ask, and the clause and expansion caps by the daemon's.
    private static let cappedSettings: [(setting: String, value: WritableKeyPath<SearchOptions, Int> & Sendable,
                                          limit: String, cap: KeyPath<ServerLimits, Int> & Sendable)] = [
        ("search.limit", \.limit, "limits.max_limit", \.maxLimit),
        ("search.max_clauses", \.maxClauses, "limits.max_clauses", \.maxClauses),
        ("search.max_expansions", \.maxExpansions, "limits.max_expansions", \.maxExpansions),
    ]

    /// The search settings over their daemon limits; empty when none is.
    public var conflicts: [ConfigConflict] {
        Self.cappedSettings.compactMap { pair in
            let value = engine.search[keyPath: pair.value], cap = limits[keyPath: pair.cap]
            return value > cap ? ConfigConflict(setting: pair.setting, settingValue: value, limit: pair.limit, limitValue: cap) : nil
        }
    }

    /// The engine settings the daemon runs with: ``engine`` with each search setting lowered to
    /// its daemon limit where it is over it (see ``conflicts``). The one place where limits and
    /// search settings meet.
    public var effectiveEngine: LoupeSettings {
        var settings = engine
        for pair in Self.cappedSettings {
            settings.search[keyPath: pair.value] = min(settings.search[keyPath: pair.value], limits[keyPath: pair.cap])
        }
        return settings
    }
}
