#!/usr/bin/env python3
"""SQLite FTS5 peer (Python's sqlite3), driven by Benchmarks/compare/run.

Table: fts5(id UNINDEXED, text, tokenize='unicode61 remove_diacritics 0',
detail=full): the text is stored in FTS5's content table and the index keeps
positions. Built in one transaction with journal and sync off, then 'optimize'
(one segment) and VACUUM. Scoring: FTS5's bm25() (k1 = 1.2, b = 0.75, fixed).

Queries are FTS5 MATCH expressions of quoted tokens: term `"a"`, and `"a" AND
"b"`, or `"a" OR "b"`, phrase `"a b"`. Timed call: executing
`SELECT rowid ... MATCH ? ORDER BY rank LIMIT 10` and fetching its rows (the
expression is parsed inside the call: SQLite has no prepared MATCH objects).
"""
import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

DB_NAME = "fts5.db"
TOP10 = "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"
COUNT = "SELECT count(*) FROM docs WHERE docs MATCH ?"


def index(jsonl, index_dir, options):
    os.makedirs(index_dir)
    db = sqlite3.connect(os.path.join(index_dir, DB_NAME), isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, "
               "tokenize='unicode61 remove_diacritics 0', detail=full)")

    def rows():
        with open(jsonl, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    yield str(record["id"]), record.get("text") or ""

    db.execute("BEGIN")
    db.executemany("INSERT INTO docs(id, text) VALUES (?, ?)", rows())
    db.execute("COMMIT")
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    db.execute("VACUUM")
    docs = db.execute("SELECT count(*) FROM docs").fetchone()[0]
    db.close()
    return {"engine": "sqlite " + sqlite3.sqlite_version, "docs": docs,
            "settings": "fts5(id UNINDEXED, text), unicode61 remove_diacritics 0, "
                        "detail=full, optimize + VACUUM"}


def quoted(word):
    return '"%s"' % word.replace('"', '""')


class Searcher:
    def __init__(self, index_dir):
        self.db = sqlite3.connect(os.path.join(index_dir, DB_NAME), isolation_level=None)

    def prepare(self, kind, words):
        if kind == "phrase":
            return quoted(" ".join(words))
        if kind == "term":
            return quoted(words[0])
        return (" AND " if kind == "and" else " OR ").join(quoted(w) for w in words)

    def run(self, expression):
        return self.db.execute(TOP10, (expression,)).fetchall()

    def ids(self, rows):
        return [self.db.execute("SELECT id FROM docs WHERE rowid = ?", row).fetchone()[0]
                for row in rows]

    def count(self, expression):
        return self.db.execute(COUNT, (expression,)).fetchone()[0]

    def describe(self):
        return {"name": "fts5", "version": "sqlite " + sqlite3.sqlite_version}


def open_index(index_dir):
    return Searcher(index_dir)


if __name__ == "__main__":
    benchlib.main(sys.modules[__name__])
