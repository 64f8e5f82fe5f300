#!/usr/bin/env python3
"""Sphinx peer (Debian `sphinxsearch`: `indexer` and the `searchd` daemon), driven by
Benchmarks/compare/run. Unlike the other peers it is a daemon: latency is measured at the
client, over loopback, on one SphinxQL connection (MySQL protocol, through PyMySQL).

Index: `indexer` reads a tsvpipe source that this script generates from docs.jsonl (`tsv`
subcommand): one row per document, its line number as the Sphinx doc id, `text` as the one
full-text field (tabs and line breaks become spaces, which separate words either way); the
external ids go to ids.txt beside the index. Settings: dict = keywords, charset_table of
ASCII and Latin-1 letters and digits, and Cyrillic (lowercased; everything else splits words), min_word_len = 1, no morphology, no stop
words, index_field_lengths = 1 (for BM25's length normalisation). Sphinx stores no text.

Queries: term = `w`; and = `w1 w2` (Sphinx's implicit AND); or = `w1 | w2`; phrase =
`"w1 w2"`; each `SELECT id FROM corpus WHERE MATCH(%s) LIMIT 10 OPTION
ranker=proximity_bm25`: Sphinx's default ranker, the query words' proximity in the document
(longest common subsequence) first and BM25 next, the nearest Sphinx has to Loupe's BM25F with
proximity. (`expr('sum(bm25f(1.2,0.75))')`, BM25 with Loupe's k1 and b, took about 3 times
as long at p50 in a probe on the bench corpus.) The timed call sends the query and reads its 10
rows. Totals (untimed) come from `SHOW META` (total_found).

`searchd` is started on a free loopback port when the index is opened and stopped (with
--stopwait) when the worker exits.
"""
import atexit
import json
import os
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

INDEX_NAME = "corpus"
RANKER = "proximity_bm25"
# Characters with a meaning in Sphinx's extended query syntax, escaped in words.
SPECIAL = set('\\()|-!@~"&/^$=<')


def tsv(jsonl, ids_path):
    """Writes the tsvpipe rows to stdout and the external ids, one per doc id, to ids_path."""
    out = sys.stdout
    clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
    with open(jsonl, encoding="utf-8") as f, open(ids_path, "w", encoding="utf-8") as ids:
        doc = 0
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            doc += 1
            ids.write(str(record["id"]).translate(clean) + "\n")
            out.write("%d\t%s\n" % (doc, (record.get("text") or "").translate(clean)))


def config_text(index_dir, jsonl, port):
    script = os.path.abspath(__file__)
    return """source {name}
{{
    type = tsvpipe
    tsvpipe_command = {python} {script} tsv --jsonl {jsonl} --ids {ids}
    tsvpipe_field = text
}}

index {name}
{{
    source = {name}
    path = {path}
    docinfo = extern
    dict = keywords
    charset_table = 0..9, A..Z->a..z, a..z, U+C0..U+D6->U+E0..U+F6, U+D8..U+DE->U+F8..U+FE, U+DF..U+F6, U+F8..U+FF, U+410..U+42F->U+430..U+44F, U+430..U+44F, U+401->U+451, U+451
    min_word_len = 1
    index_field_lengths = 1
    html_strip = 0
}}

indexer
{{
    mem_limit = 1024M
}}

searchd
{{
    listen = 127.0.0.1:{port}:mysql41
    log = {dir}/searchd.log
    pid_file = {dir}/searchd.pid
    binlog_path =
    workers = threads
}}
""".format(name=INDEX_NAME, python=sys.executable, script=script, jsonl=os.path.abspath(jsonl),
           ids=os.path.join(index_dir, "ids.txt"), path=os.path.join(index_dir, INDEX_NAME),
           dir=index_dir, port=port)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def version():
    proc = subprocess.run(["searchd", "--help"], capture_output=True, text=True)
    first = (proc.stdout or proc.stderr).splitlines()
    return first[0].strip() if first else "sphinx"


def index(jsonl, index_dir, options):
    os.makedirs(index_dir)
    config = os.path.join(index_dir, "sphinx.conf")
    with open(config, "w") as f:
        f.write(config_text(index_dir, jsonl, free_port()))
    proc = subprocess.run(["indexer", "--config", config, "--all"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit("sphinx: indexer failed (exit %d)" % proc.returncode)
    with open(os.path.join(index_dir, "ids.txt"), encoding="utf-8") as f:
        docs = sum(1 for _ in f)
    return {"engine": version(), "docs": docs,
            "settings": "tsvpipe, dict=keywords, Latin-1 and Cyrillic charset_table, min_word_len=1, "
                        "index_field_lengths=1, no morphology"}


def sphinx_query(kind, words):
    escaped = ["".join("\\" + c if c in SPECIAL else c for c in w) for w in words]
    if kind == "phrase" and len(escaped) > 1:
        return '"%s"' % " ".join(escaped)
    if kind == "or":
        return " | ".join(escaped)
    return " ".join(escaped)


class Searcher:
    def __init__(self, index_dir):
        import pymysql
        self.config = os.path.join(index_dir, "sphinx.conf")
        port = free_port()
        with open(self.config) as f:
            text = f.read()
        # A fresh port per run: the one written at indexing time may be taken by now.
        lines = [("    listen = 127.0.0.1:%d:mysql41" % port) if l.strip().startswith("listen =") else l
                 for l in text.splitlines()]
        with open(self.config, "w") as f:
            f.write("\n".join(lines) + "\n")
        proc = subprocess.run(["searchd", "--config", self.config], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit("sphinx: searchd did not start (exit %d):\n%s" % (proc.returncode, proc.stdout + proc.stderr))
        atexit.register(self.stop)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.connection = pymysql.connect(host="127.0.0.1", port=port, user="", autocommit=True)
                break
            except pymysql.err.OperationalError:
                if time.monotonic() > deadline:
                    sys.exit("sphinx: searchd accepted no connection on port %d within 60 s" % port)
                time.sleep(0.05)
        self.cursor = self.connection.cursor()
        with open(os.path.join(index_dir, "ids.txt"), encoding="utf-8") as f:
            self.external = [line.rstrip("\n") for line in f]

    def stop(self):
        subprocess.run(["searchd", "--config", self.config, "--stopwait"], capture_output=True)

    def prepare(self, kind, words):
        return sphinx_query(kind, words)

    def run(self, query):
        self.cursor.execute("SELECT id FROM %s WHERE MATCH(%%s) LIMIT 10 OPTION ranker=%s"
                            % (INDEX_NAME, RANKER), (query,))
        return self.cursor.fetchall()

    def ids(self, rows):
        return [self.external[row[0] - 1] for row in rows]

    def count(self, query):
        self.run(query)
        self.cursor.execute("SHOW META")
        meta = dict(self.cursor.fetchall())
        return int(meta.get("total_found", 0))

    def describe(self):
        return {"name": "sphinx", "version": version(), "ranker": RANKER,
                "client": "PyMySQL over loopback, one connection"}


def open_index(index_dir):
    return Searcher(index_dir)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "tsv":
        import argparse
        parser = argparse.ArgumentParser(prog="sphinx_peer.py tsv")
        parser.add_argument("command")
        parser.add_argument("--jsonl", required=True)
        parser.add_argument("--ids", required=True)
        args = parser.parse_args()
        tsv(args.jsonl, args.ids)
    else:
        benchlib.main(sys.modules[__name__])
