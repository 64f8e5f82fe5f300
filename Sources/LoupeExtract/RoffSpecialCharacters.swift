/// The roff special characters (`\(em`, `\[co]`, `\('e`) that man pages use, from
/// groff_char(7), mapped to what they print; a name not listed prints nothing.
enum RoffSpecialCharacters {
    /// Pairs of name and replacement, separated by spaces.
    private static let source = """
        em — en – hy - mi - pl + mu × di ÷ +- ± bu • co © rg ® tm ™ lq “ rq ” oq ‘ cq ’ aq ' dq " \
        ga ` aa ´ ti ~ ha ^ at @ sh # Do $ sl / rs \\ ba | br | bv | or | lB [ rB ] lC { rC } la ⟨ ra ⟩ \
        <- ← -> → <> ↔ ua ↑ da ↓ lA ⇐ rA ⇒ hA ⇔ <= ≤ >= ≥ != ≠ == ≡ ~~ ≈ ~= ≅ ** ∗ sc § ps ¶ de ° \
        dg † dd ‡ ct ¢ Po £ Ye ¥ Eu € eu € Cs ¤ ss ß ae æ AE Æ oe œ OE Œ o/ ø O/ Ø -D Ð Sd ð TP Þ Tp þ \
        r! ¡ r? ¿ Fo « Fc » fo ‹ fc › bq ‚ Bq „ 12 ½ 14 ¼ 34 ¾ S1 ¹ S2 ² S3 ³ mc µ pc · fm ′ sd ″ \
        no ¬ if ∞ pd ∂ gr ∇ is ∫ sr √ mo ∈ nm ∉ sb ⊂ sp ⊃ ca ∩ cu ∪ AN ∧ OR ∨ fa ∀ te ∃ es ∅ ci ○ \
        sq □ OK ✓ rn ‾ ul _ ru _ fi fi fl fl ff ff Fi ffi Fl ffl \
        *a α *b β *g γ *d δ *e ε *z ζ *y η *h θ *i ι *k κ *l λ *m μ *n ν *c ξ *o ο *p π *r ρ *s σ \
        *t τ *u υ *f φ *x χ *q ψ *w ω ts ς *A Α *B Β *G Γ *D Δ *E Ε *Z Ζ *Y Η *H Θ *I Ι *K Κ *L Λ \
        *M Μ *N Ν *C Ξ *O Ο *P Π *R Ρ *S Σ *T Τ *U Υ *F Φ *X Χ *Q Ψ *W Ω \
        'a á 'e é 'i í 'o ó 'u ú 'y ý 'c ć 'A Á 'E É 'I Í 'O Ó 'U Ú 'Y Ý 'C Ć \
        `a à `e è `i ì `o ò `u ù `A À `E È `I Ì `O Ò `U Ù \
        ^a â ^e ê ^i î ^o ô ^u û ^A Â ^E Ê ^I Î ^O Ô ^U Û ~a ã ~n ñ ~o õ ~A Ã ~N Ñ ~O Õ \
        :a ä :e ë :i ï :o ö :u ü :y ÿ :A Ä :E Ë :I Ï :O Ö :U Ü :Y Ÿ ,c ç ,C Ç oa å oA Å \
        vs š vS Š vz ž vZ Ž vc č vC Č
        """

    /// The table, built once on first use.
    static let table: [String: String] = {
        let parts = source.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var table = [String: String](minimumCapacity: parts.count / 2)
        var index = 0
        while index + 1 < parts.count {
            table[String(parts[index])] = String(parts[index + 1])
            index += 2
        }
        return table
    }()

    /// What the special character `name` prints: a table entry, `u` and hexadecimal code
    /// points joined by `_` (`u00E9`, `u0065_0301`), or `charN` (a decimal code); `nil` if unknown.
    static func replacement(for name: String) -> String? {
        if let known = table[name] { return known }
        if name.hasPrefix("u"), name.count >= 5 {
            var result = ""
            for code in name.dropFirst().split(separator: "_") {
                guard let value = UInt32(code, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
                result.unicodeScalars.append(scalar)
            }
            return result
        }
        if name.hasPrefix("char"), let value = UInt32(name.dropFirst(4)), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        return nil
    }
}
