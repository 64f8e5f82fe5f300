#!/usr/bin/python3
"""Xapian peer (Debian's python3-xapian; runs under /usr/bin/python3), driven
by Benchmarks/compare/run.

Index: glass backend; TermGenerator without stemmer (lowercase words, positions
on); the text is stored as the document data and the id in value slot 0.
XAPIAN_FLUSH_THRESHOLD=100000, then Database.compact into the final directory.
Scoring: BM25Weight(k1=1.2, k2=0, k3=1, b=0.75, min_normlen=0).

Queries: term = Query(word); and = OP_AND; or = OP_OR; phrase = OP_PHRASE with
window = number of words. Timed call: enquire.set_query(q); enquire.get_mset(0, 10).
Note: Xapian keeps apostrophes inside words (haven't) and scores a phrase by
its words' weights, so its results differ somewhat from the others.
"""
import json
import os
import shutil
import sys

os.environ.setdefault("XAPIAN_FLUSH_THRESHOLD", "100000")
import xapian  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

ID_SLOT = 0


def index(jsonl, index_dir, options):
    staging = index_dir + ".staging"
    if os.path.exists(staging):
        shutil.rmtree(staging)
    db = xapian.WritableDatabase(staging, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("none"))
    docs = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get("text") or ""
            doc = xapian.Document()
            generator.set_document(doc)
            generator.index_text(text)
            doc.set_data(text)
            doc.add_value(ID_SLOT, str(record["id"]))
            db.add_document(doc)
            docs += 1
    db.commit()
    db.close()
    xapian.Database(staging).compact(index_dir)
    shutil.rmtree(staging)
    return {"engine": "xapian " + xapian.version_string(), "docs": docs,
            "settings": "glass, no stemmer, text stored as data, flush threshold "
                        + os.environ["XAPIAN_FLUSH_THRESHOLD"] + ", compacted"}


class Searcher:
    def __init__(self, index_dir):
        self.db = xapian.Database(index_dir)
        self.enquire = xapian.Enquire(self.db)
        self.enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0))

    def prepare(self, kind, words):
        if kind == "term" or len(words) == 1:
            return xapian.Query(words[0])
        if kind == "phrase":
            return xapian.Query(xapian.Query.OP_PHRASE, words, len(words))
        op = xapian.Query.OP_AND if kind == "and" else xapian.Query.OP_OR
        return xapian.Query(op, words)

    def run(self, query):
        self.enquire.set_query(query)
        return self.enquire.get_mset(0, 10)

    def ids(self, mset):
        return [item.document.get_value(ID_SLOT).decode("utf-8") for item in mset]

    def count(self, query):
        self.enquire.set_query(query)
        return self.enquire.get_mset(0, 0, self.db.get_doccount()).get_matches_estimated()

    def describe(self):
        return {"name": "xapian", "version": "xapian " + xapian.version_string(),
                "weighting": "BM25Weight(1.2, 0, 1, 0.75, 0)"}


def open_index(index_dir):
    return Searcher(index_dir)


if __name__ == "__main__":
    benchlib.main(sys.modules[__name__])
