/// The first doc ≥ `start` on which every iterator stands: each in turn advances to the target,
/// and any that overshoots raises the target (leapfrog intersection). ``terminatedDoc`` when
/// one runs out. Put the rarest iterator first.
@inline(__always)
func leapfrog<Iterator>(from start: UInt32, _ iterators: [Iterator], advance: (Iterator, UInt32) -> UInt32) -> UInt32 {
    var target = start
    outer: while target != terminatedDoc {
        for iterator in iterators {
            let d = advance(iterator, target)
            if d != target {
                target = d
                continue outer
            }
        }
        return target
    }
    return terminatedDoc
}
