#!/usr/bin/env python3
"""Tantivy peer (tantivy-py), driven by Benchmarks/compare/run.

Schema: `id` text, stored, raw tokenizer; `text` text, stored (so the engine
keeps the text for snippets, as Loupe does), default tokenizer (split on
non-alphanumerics, lowercase, drop tokens over 40 bytes), positions indexed.
Writer: --threads threads, --heap-mb heap; commit, then wait for the merges.
Scoring: Tantivy's BM25 (k1 = 1.2, b = 0.75, fixed).

Queries: term = TermQuery; and = BooleanQuery of Must; or = BooleanQuery of
Should; phrase = PhraseQuery. Timed call: searcher.search(q, 10, count=False)
and reading its hits.
"""
import json
import os
import sys

import tantivy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, tokenizer_name="default",
                           index_option="position")
    return builder.build()


def version():
    try:
        from importlib.metadata import version as dist_version
        return "tantivy-py " + dist_version("tantivy")
    except Exception:
        return "tantivy-py"


def index(jsonl, index_dir, options):
    os.makedirs(index_dir)
    idx = tantivy.Index(schema(), path=index_dir)
    writer = idx.writer(heap_size=options.heap_mb * 1024 * 1024, num_threads=options.threads)
    docs = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                writer.add_json(line)     # parsed by Tantivy; unknown keys (title) ignored
            except ValueError:            # e.g. an integer id: convert in Python
                record = json.loads(line)
                writer.add_document(tantivy.Document(id=str(record["id"]),
                                                     text=record.get("text") or ""))
            docs += 1
    writer.commit()
    writer.wait_merging_threads()
    idx.reload()
    return {"engine": version(), "docs": docs, "segments": idx.searcher().num_segments,
            "settings": "writer %d threads, %d MB heap; id raw stored; text default tokenizer, "
                        "positions, stored" % (options.threads, options.heap_mb)}


class Searcher:
    def __init__(self, index_dir):
        self.index = tantivy.Index.open(index_dir)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def term(self, word):
        return tantivy.Query.term_query(self.schema, "text", word)

    def prepare(self, kind, words):
        if kind == "fuzzy":
            # Loupe's `word~`: Damerau-Levenshtein (a transposition is one edit), the distance
            # by length as Meilisearch does: 0 under 5 letters, 1 under 9, else 2.
            distance = 0 if len(words[0]) < 5 else 1 if len(words[0]) < 9 else 2
            return tantivy.Query.fuzzy_term_query(self.schema, "text", words[0], distance=distance,
                                                  transposition_cost_one=True, prefix=False)
        if kind == "term" or len(words) == 1:
            return self.term(words[0])
        if kind == "phrase":
            return tantivy.Query.phrase_query(self.schema, "text", words)
        occur = tantivy.Occur.Must if kind == "and" else tantivy.Occur.Should
        return tantivy.Query.boolean_query([(occur, self.term(w)) for w in words])

    def run(self, query):
        return self.searcher.search(query, 10, count=False).hits

    def ids(self, hits):
        return [self.searcher.doc(address)["id"][0] for _, address in hits]

    def count(self, query):
        return self.searcher.search(query, 1, count=True).count

    def describe(self):
        return {"name": "tantivy", "version": version(),
                "segments": self.searcher.num_segments, "num_docs": self.searcher.num_docs}


def open_index(index_dir):
    return Searcher(index_dir)


if __name__ == "__main__":
    benchlib.main(sys.modules[__name__])
