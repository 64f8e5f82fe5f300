extension ServerConfiguration {
    /// The effective configuration as TOML text, for `louped --check-config`: every option of
    /// `louped.toml`, then every option of the engine's `loupe.toml`, each with a comment saying
    /// where its value came from (a flag, a variable, `FILE:LINE`, or the default); a search
    /// setting a daemon limit lowers says what the daemon uses, and each ``conflicts`` entry ends
    /// the text as a `# warning:` line.
    public var listing: String {
        let lowered = Dictionary(conflicts.map { ($0.setting, $0) }, uniquingKeysWith: { first, _ in first })
        var text = "# louped.toml: \(file ?? "none (defaults, environment and flags)")\n"
        text += Self.listing(resolved) { _ in nil }
        text += "\n# loupe.toml (server.loupe_config): \(engine.file ?? "none (defaults and environment)")\n"
        text += Self.listing(engine.resolved) { key in
            lowered[key].map { "the daemon uses \($0.limitValue) (\($0.limit))" }
        }
        if !conflicts.isEmpty { text += "\n" }
        for conflict in conflicts { text += "# warning: \(conflict)\n" }
        return text
    }

    /// `options` as TOML, grouped into their sections in the order they first appear, values
    /// aligned and followed by their origin and `note`.
    private static func listing(_ options: [ResolvedOption], note: (String) -> String?) -> String {
        var sections: [(name: String, options: [ResolvedOption])] = []
        for option in options {
            let section = String(option.key.prefix { $0 != "." })
            if let index = sections.firstIndex(where: { $0.name == section }) {
                sections[index].options.append(option)
            } else {
                sections.append((section, [option]))
            }
        }
        var text = ""
        for (number, section) in sections.enumerated() {
            text += (number == 0 ? "" : "\n") + "[\(section.name)]\n"
            let lines = section.options.map { "\($0.key.dropFirst(section.name.count + 1)) = \($0.value)" }
            let width = lines.map(\.count).max() ?? 0
            for (line, option) in zip(lines, section.options) {
                let padding = String(repeating: " ", count: width - line.count)
                let comment = [option.origin.description, note(option.key)].compactMap { $0 }.joined(separator: "; ")
                text += "\(line)\(padding)  # \(comment)\n"
            }
        }
        return text
    }
}
