import Benchmark
import LoupeCodec
import LoupeEngine
@_spi(Benchmarks) import LoupeIndex
import LoupeQuery

/// Every benchmark measures wall time, throughput and mallocs per iteration, for about 2 s.
/// (No `.instructions`: this VM has no perf counters, and asking for them adds mallocs and time
/// to every sample. No ARC metrics: they need the runtime interposer, which is turned off.)
private func configuration(scaling: BenchmarkScalingFactor = .one, warmup: Int = 10) -> Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: warmup,
        scalingFactor: scaling,
        maxDuration: .seconds(2),
        maxIterations: 10_000_000
    )
}

/// Runs `query` for the top 10 (or counts its matches) on the fixture index.
private func searchBenchmark(_ name: String, _ query: QueryNode, count: Bool = false) {
    Benchmark(
        name, configuration: configuration(),
        closure: { benchmark in
            let fixture = searchFixture
            for _ in benchmark.scaledIterations {
                if count {
                    blackHole(try fixture.searcher.count(query, options: fixture.options))
                } else {
                    blackHole(try fixture.searcher.topDocs(query, k: 10, options: fixture.options))
                }
            }
        },
        setup: { _ = searchFixture },
        teardown: { searchFixture.removeDirectory() }
    )
}

/// Runs `body` on one of the spill fixture's writers holding the 20,000 documents uncommitted
/// (flushed as four runs, or in memory), built in the setup; `body` must leave the writer as it was.
private func spillWriterBenchmark(_ name: String, flushed: Bool, _ body: @escaping @Sendable (IndexWriter) throws -> Int) {
    Benchmark(
        name, configuration: configuration(warmup: 2),
        closure: { benchmark in
            let writer = flushed ? spillFixture.writerFlushed : spillFixture.writerInMemory
            for _ in benchmark.scaledIterations { blackHole(try body(writer)) }
        },
        setup: { _ = flushed ? spillFixture.writerFlushed : spillFixture.writerInMemory },
        teardown: { spillFixture.removeDirectory() }
    )
}

let benchmarks: @Sendable () -> Void = {
    // Block decode: one 100k-posting chunk, all 782 blocks per iteration (781 bit-packed, one varint tail).
    Benchmark("Decode 100k postings, doc ids", configuration: configuration()) { benchmark in
        let fixture = chunkFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.decodeAll(withTFs: false)) }
    } setup: {
        _ = chunkFixture
    }
    Benchmark("Decode 100k postings, doc ids + tfs", configuration: configuration()) { benchmark in
        let fixture = chunkFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.decodeAll(withTFs: true)) }
    } setup: {
        _ = chunkFixture
    }

    // Bit unpacking alone: 1,000 unpacks of one 128-value block per iteration (figures are per 1,000).
    for bits in UnpackFixture.widths {
        Benchmark("BitPacking.unpack 128 values, \(bits) bits (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
            let block = unpackFixture.block(bits: bits)
            let out = unpackFixture.out
            var checksum: UInt32 = 0
            for _ in benchmark.scaledIterations {
                BitPacking.unpack(block, bits: bits, into: out)
                checksum &+= out[127]
            }
            blackHole(checksum)
        } setup: {
            _ = unpackFixture
        }
    }

    // Eight values of a block read one by one from the packed bits, as an intersection reads the
    // term frequencies of the few documents it scores in a dense follower's block (figures per
    // 1,000 blocks; compare with unpacking the block above).
    for bits in UnpackFixture.widths {
        Benchmark("BitPacking.value, 8 of 128 values, \(bits) bits (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
            let block = UnsafeRawPointer(unpackFixture.block(bits: bits))
            var checksum: UInt32 = 0
            for _ in benchmark.scaledIterations {
                var index = Int(checksum & 7)
                for _ in 0..<8 {
                    checksum &+= BitPacking.value(at: index, in: block, bits: bits)
                    index &+= 15
                }
            }
            blackHole(checksum)
        } setup: {
            _ = unpackFixture
        }
    }

    // Doc-id gaps unpacked and summed in one pass, as a block's doc ids are decoded (figures per 1,000).
    for bits in UnpackFixture.widths {
        Benchmark("BitPacking.unpackPrefixSums 128 gaps, \(bits) bits (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
            let block = unpackFixture.block(bits: bits)
            let out = unpackFixture.out
            var checksum: UInt32 = 0
            for _ in benchmark.scaledIterations {
                BitPacking.unpackPrefixSums(block, bits: bits, base: checksum, into: out)
                checksum &+= out[127]
            }
            blackHole(checksum)
        } setup: {
            _ = unpackFixture
        }
    }

    // In-block advance: 64 advances through one decoded 128-doc block (figures per 1,000 blocks).
    Benchmark("BlockSearch.firstIndex, 64 advances through a 128-doc block (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
        let fixture = blockSearchFixture
        var checksum = 0
        for _ in benchmark.scaledIterations {
            // An opaque use of the block between passes: the optimizer may not keep one pass's result.
            blackHole(fixture.docs)
            checksum &+= fixture.advanceThrough()
        }
        blackHole(checksum)
    } setup: {
        _ = blockSearchFixture
    }

    // The format-4 short postings layout: 1,000 short lists (most of one posting) per iteration.
    Benchmark("Encode 1,000 short postings chunks", configuration: configuration()) { benchmark in
        let fixture = shortChunkFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.encodeAll()) }
    } setup: {
        _ = shortChunkFixture
    }
    Benchmark("Decode 1,000 short postings chunks", configuration: configuration()) { benchmark in
        let fixture = shortChunkFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.decodeAll()) }
    } setup: {
        _ = shortChunkFixture
    }

    // Page-sized document blocks: 1 MiB of text packed (compressions to size each block included),
    // with what it gave: compressions per 100 blocks, blocks, and the values' bytes.
    Benchmark(
        "Pack 1 MiB of text into page-sized document blocks",
        configuration: Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .custom("compressions per 100 blocks"), .custom("blocks"),
                      .custom("value bytes")],
            warmupIterations: 2, maxDuration: .seconds(2), maxIterations: 10_000_000)
    ) { benchmark in
        let fixture = packingFixture
        var outcome = PackingFixture.Outcome()
        for _ in benchmark.scaledIterations {
            outcome = fixture.pack()
            blackHole(outcome.blocks)
        }
        benchmark.measurement(.custom("compressions per 100 blocks"), 100 * outcome.compressions / outcome.blocks)
        benchmark.measurement(.custom("blocks"), outcome.blocks)
        benchmark.measurement(.custom("value bytes"), outcome.valueBytes)
    } setup: {
        _ = packingFixture
    }

    // Indexing in memory: analysis and inversion of 5,000 documents into a postings pool, one worker.
    Benchmark("Invert 5k documents, 1 worker (IndexWriter.add, no commit)", configuration: configuration(warmup: 2)) { benchmark in
        let fixture = inversionFixture
        for _ in benchmark.scaledIterations { blackHole(try fixture.invertAndDrop()) }
    } setup: {
        _ = inversionFixture
    } teardown: {
        inversionFixture.removeDirectory()
    }

    // A bulk load's commit: four flushed runs merged into one transaction, and its peer, the same
    // 20,000 documents committed at once from memory (both include inverting them).
    for flushing in [true, false] {
        let name = flushing
            ? "Load 20k documents, 4 flushes merged in one commit (IndexWriter spill)"
            : "Load 20k documents, one commit from memory (peer of the spill merge)"
        Benchmark(name, configuration: configuration(warmup: 1)) { benchmark in
            let fixture = spillFixture
            for _ in benchmark.scaledIterations { blackHole(try fixture.load(flushing: flushing)) }
        } setup: {
            _ = spillFixture
        } teardown: {
            spillFixture.removeDirectory()
        }
    }

    // The two halves of the spill alone, on the same 20,000 documents: a flush's sorted run of
    // the two workers' batches (written to a spill file), and a commit's merge of four runs into
    // chunks (encoded on the workers, no transaction, no puts); and the merge's decoding alone.
    spillWriterBenchmark("Write the run of 20k documents' batches (IndexWriter flush, 2 workers)", flushed: false) { try $0.writeRunOfPendingBatches() }
    spillWriterBenchmark("Merge 4 runs of 20k documents into chunks (commit of flushed runs, no puts)", flushed: true) { try $0.mergeFlushedRuns() }
    spillWriterBenchmark("Decode 4 runs of 20k documents' postings (merge's stream decoder, 1 thread)", flushed: true) { try $0.decodeFlushedRuns() }

    // A commit's document pass and ids on the same 20,000 pending documents: their norms, label
    // and column pages (built on a thread of their own during the merge), and their ids' key order.
    spillWriterBenchmark("Norms, label and column pages of 20k documents (DocumentPages, commit's document pass)", flushed: true) { $0.documentPagesOfPending() }
    spillWriterBenchmark("Key order of 20k documents' ids (ExternalIdList.sortedIndices, commit's ids)", flushed: true) { $0.keyOrderOfPendingIds() }

    // The same with a 1,000,000-word vocabulary: the term dictionary outgrows the caches.
    Benchmark("Invert 5k documents, 1M-word vocabulary, 1 worker (term interner)", configuration: configuration(warmup: 2)) { benchmark in
        let fixture = largeVocabularyInversionFixture
        for _ in benchmark.scaledIterations { blackHole(try fixture.invertAndDrop()) }
    } setup: {
        _ = largeVocabularyInversionFixture
    } teardown: {
        largeVocabularyInversionFixture.removeDirectory()
    }

    // The tokenizer alone: 1 MiB of text per iteration, ASCII or with one word in eight non-ASCII.
    Benchmark("Analyze 1 MiB of ASCII text (simple)", configuration: configuration(warmup: 2)) { benchmark in
        let fixture = analysisFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.analyze(fixture.ascii, fixture.simple)) }
    } setup: {
        _ = analysisFixture
    }
    Benchmark("Analyze 1 MiB of mixed ASCII and non-ASCII text (simple)", configuration: configuration(warmup: 2)) { benchmark in
        let fixture = analysisFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.analyze(fixture.mixed, fixture.simple)) }
    } setup: {
        _ = analysisFixture
    }
    Benchmark("Analyze 1 MiB of ASCII text (english)", configuration: configuration(warmup: 2)) { benchmark in
        let fixture = analysisFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.analyze(fixture.ascii, fixture.english)) }
    } setup: {
        _ = analysisFixture
    }

    // The content hash a record keeps: 20,000 documents of about 1 KB (the bench corpus averages
    // 0.7 KB), hashed as a load hashes each new one, and checked as a re-run checks a changed one
    // against a record written before XXH3 (XXH3, then the FNV-1a of those records).
    let hashed: [(title: String, text: String)] = {
        var rng = SplitMix64(seed: 0xC0DE)
        let words = (1...5_000).map(SearchFixture.word)
        return (0..<20_000).map { _ in
            let text = (0..<150).map { _ in words[Int(rng.next() % 5_000)] }.joined(separator: " ")
            return (title: words[Int(rng.next() % 5_000)], text: text)
        }
    }()
    Benchmark("Content hash of 20k documents of 1 KB (ContentHash.of, XXH3)", configuration: configuration(warmup: 1)) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in hashed { blackHole(ContentHash.of(title: document.title, text: document.text)) }
        }
    }
    Benchmark("Content check of 20k changed documents of 1 KB (ContentHash.matches: XXH3, then FNV-1a)", configuration: configuration(warmup: 1)) { benchmark in
        for _ in benchmark.scaledIterations {
            for document in hashed { blackHole(ContentHash.matches(0, title: document.title, text: document.text)) }
        }
    }

    // A bulk load's seen-set: 350,000 path-like ids of 24 bytes or more (the bench corpus's count
    // and shape), in the compact set a load keeps, and in a Set<String> for comparison.
    let ids = (0..<350_000).map { "corpus/\($0 % 97)-section/\($0).txt" }
    Benchmark("Insert 350k external ids (ExternalIdSet)", configuration: configuration(warmup: 1)) { benchmark in
        for _ in benchmark.scaledIterations {
            var set = ExternalIdSet()
            for id in ids { blackHole(set.insert(id)) }
            blackHole(set.count)
        }
    }
    Benchmark("Insert 350k external ids (Set<String>, for comparison)", configuration: configuration(warmup: 1)) { benchmark in
        for _ in benchmark.scaledIterations {
            var set = Set<String>()
            for id in ids { blackHole(set.insert(id).inserted) }
            blackHole(set.count)
        }
    }

    // JSON-lines reading: a 20,000-line file read and parsed whole (page-cached after the first).
    Benchmark("Read 20k JSON lines (JSONLinesReader)", configuration: configuration(warmup: 2)) { benchmark in
        let fixture = jsonLinesFixture
        for _ in benchmark.scaledIterations { blackHole(try fixture.readAll()) }
    } setup: {
        _ = jsonLinesFixture
    } teardown: {
        jsonLinesFixture.removeDirectory()
    }

    // Queries on a 50k-document index, top 10 by BM25 (block-max MaxScore, the default algorithm).
    searchBenchmark("Search term, top 10 (TermTopKRunner)", SearchFixture.termQuery)
    searchBenchmark("Search AND of 2 terms, top 10 (BlockMaxConjunction)", SearchFixture.andQuery)
    searchBenchmark("Search AND of 2 terms, count", SearchFixture.andQuery, count: true)
    searchBenchmark("Search OR of 3 terms, top 10 (MaxScore)", SearchFixture.orQuery)
    searchBenchmark("Search phrase of 2 words, top 10 (phrase check)", SearchFixture.phraseQuery)
    searchBenchmark("Search AND of 4 terms, top 10 (galloping in blocks)", SearchFixture.longAndQuery)
    searchBenchmark("Search AND of 2 rare + 2 frequent terms, top 10 (rare followers before the bound)", SearchFixture.rareDenseAndQuery)
    searchBenchmark("Search AND of the 2 most frequent terms, top 10 (one-byte norms)", SearchFixture.frequentAndQuery)

    // Block-at-a-time intersection: a 3 % lead against an 18 % follower over 350k documents.
    Benchmark("Intersect decoded blocks, 10k-doc lead x 63k-doc follower (TermPostings.retain)", configuration: configuration()) { benchmark in
        let fixture = intersectionFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.intersect()) }
    }
    Benchmark("Intersect posting by posting, 10k-doc lead x 63k-doc follower (advance(to:), for comparison)", configuration: configuration()) { benchmark in
        let fixture = intersectionFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.advanceEach()) }
    }
    // Scoring alone: 1,000 blocks of 128 postings per iteration, a length code and a table load each.
    Benchmark("Score 128 postings on one-byte norms (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
        let fixture = normScoringFixture
        var total = 0.0
        for _ in benchmark.scaledIterations { total += fixture.scoreBlock() }
        blackHole(total)
    } setup: {
        _ = normScoringFixture
    } teardown: {
        searchFixture.removeDirectory()
    }
    searchBenchmark("Search AND of 3 frequent terms, top 10 (frequent words only)", SearchFixture.threeFrequentAndQuery)
    searchBenchmark("Search AND of a 3 % lead and 2 dense terms, top 10 (windowed bounds, lead scored in place)", SearchFixture.sparseLeadAndQuery)
    searchBenchmark("Search phrase of 3 words, top 10 (block-max phrase)", SearchFixture.longPhraseQuery)
    searchBenchmark("Search phrase of 3 words, count (positions fewest first)", SearchFixture.longPhraseQuery, count: true)

    // Reaching a document's positions in its block. v3 skipped the varints of the documents
    // before it (the first benchmark: the last document of a 4,096-position block); v4 unpacks the
    // rows of bit-packed values that hold the candidate's positions.
    Benchmark("VarInt.skip 4,096 positions (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
        let fixture = varIntFixture
        var checksum = 0
        // A count that changes every iteration, so the skip cannot be hoisted out of the loop.
        for i in benchmark.scaledIterations { checksum &+= fixture.skip(VarIntFixture.values - (i & 7)) }
        blackHole(checksum)
    } setup: {
        _ = varIntFixture
    }
    Benchmark("Positions of the last document of a 4,096-position block, bit-packed (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
        let fixture = positionsFixture
        var decoder = PositionsDecoder()
        var checksum: UInt32 = 0
        // A fresh load every time: the candidate's group is located, and its rows unpacked.
        for i in benchmark.scaledIterations { checksum &+= fixture.read(PositionsFixture.documents - 1 - (i & 3), &decoder, load: true) }
        blackHole(checksum)
    } setup: {
        _ = positionsFixture
    }
    Benchmark("Positions of every 4th document of a 4,096-position block, in doc order (x1000)", configuration: configuration(scaling: .kilo)) { benchmark in
        let fixture = positionsFixture
        var decoder = PositionsDecoder()
        var checksum: UInt32 = 0
        // Candidates of a phrase: 32 documents of one block, each reading only its own rows.
        for _ in benchmark.scaledIterations {
            for doc in stride(from: 0, to: PositionsFixture.documents, by: 4) { checksum &+= fixture.read(doc, &decoder, load: doc == 0) }
        }
        blackHole(checksum)
    } setup: {
        _ = positionsFixture
    }

    // Snippets: the builder alone on a 4 KiB English text, and the whole per-hit path (stored
    // text read in place, decompressing its block, then the builder) for a term query's top 10.
    Benchmark("Snippet of a 4 KiB text, 2 words and a phrase (english)", configuration: configuration()) { benchmark in
        let fixture = snippetFixture
        for _ in benchmark.scaledIterations { blackHole(fixture.builder.snippet(of: fixture.text)) }
    } setup: {
        _ = snippetFixture
    } teardown: {
        searchFixture.removeDirectory()
    }
    Benchmark("Snippets of a term query's top 10, stored text read + marked", configuration: configuration()) { benchmark in
        let fixture = snippetFixture
        let reader = searchFixture.reader
        for _ in benchmark.scaledIterations {
            for doc in fixture.topDocs { blackHole(try reader.withText(doc) { fixture.termBuilder.snippet(of: $0) }) }
        }
    } setup: {
        _ = snippetFixture
    } teardown: {
        searchFixture.removeDirectory()
    }
}
