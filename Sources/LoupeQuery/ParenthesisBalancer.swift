/// Lenient-mode repair of parentheses, done on the tokens before parsing.
///
/// Afterwards every `(` has a matching `)` and none nests deeper than the limit, which
/// is what lets the parser treat unbalanced or too-deep parentheses as strict-only errors.
enum ParenthesisBalancer {
    /// `tokens` with each `)` that matches no `(` dropped, each `(` past `maxDepth` dropped
    /// with its matching `)` (their contents are kept), and a `)` appended at
    /// `closingColumn` for each `(` left open.
    static func balance(_ tokens: [Token], maxDepth: Int, closingColumn: Int) -> [Token] {
        var balanced: [Token] = []
        balanced.reserveCapacity(tokens.count)
        var openKept: [Bool] = []
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .openParenthesis:
                let keep = depth < maxDepth
                openKept.append(keep)
                if keep {
                    depth += 1
                    balanced.append(token)
                }
            case .closeParenthesis:
                guard let kept = openKept.popLast() else { continue }
                if kept {
                    depth -= 1
                    balanced.append(token)
                }
            default:
                balanced.append(token)
            }
        }
        let closing = Token(kind: .closeParenthesis, column: closingColumn, spelling: ")")
        balanced.append(contentsOf: repeatElement(closing, count: depth))
        return balanced
    }
}
