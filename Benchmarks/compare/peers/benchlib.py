"""What every peer worker shares: the command line, the timing loop, the
statistics and the JSON they print (the same shape as `loupe bench --json`).

A worker module defines
    index(jsonl_path, index_dir, options) -> dict of notes (printed as JSON)
    open_index(index_dir) -> an object with
        prepare(kind, words) -> a query object, built before any timing
        run(query)           -> the raw top-10 (the timed call)
        ids(raw)             -> the external ids of a raw top-10 (untimed)
        count(query)         -> the number of matching documents (untimed)
        describe()           -> dict of notes (engine version, settings)
and calls benchlib.main(sys.modules[__name__]).

Python 3 standard library only (the workers run under different interpreters).
"""
import argparse
import json
import math
import os
import sys
import time

KINDS = ("term", "and", "or", "phrase", "fuzzy")


def percentile(ordered, p):
    """The p-th percentile (0-100) of an ascending list by nearest rank: the
    value at rank ceil(p/100 * n), as `loupe bench` takes it (LatencyReport in
    Sources/loupe/BenchCommand.swift), so that the table compares one statistic.
    (Interpolating between ranks, numpy's default, puts the p99 of 455 queries
    between the 5th and 6th slowest, where nearest rank takes the 5th.)"""
    if not ordered:
        return float("nan")
    rank = math.ceil(p / 100.0 * len(ordered))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def summarize(times_ns):
    ordered = sorted(t / 1000.0 for t in times_ns)
    mean = sum(ordered) / len(ordered) if ordered else float("nan")
    return {
        "p50_us": percentile(ordered, 50),
        "p95_us": percentile(ordered, 95),
        "p99_us": percentile(ordered, 99),
        "mean_us": mean,
        "qps": 1e6 / mean if ordered and mean > 0 else float("nan"),
    }


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def bench(engine, kind, queries, warmup, rounds, totals):
    """Warm-up passes (untimed), then `rounds` timed passes over all queries,
    each query timed on its own with perf_counter_ns around the engine call."""
    prepared = [engine.prepare(kind, q.split()) for q in queries]
    raws = None
    for _ in range(warmup):
        raws = [engine.run(q) for q in prepared]
    times = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        pass_raws = []
        for q in prepared:
            start = clock()
            raw = engine.run(q)
            times.append(clock() - start)
            pass_raws.append(raw)
        raws = pass_raws
    if raws is None:
        raws = [engine.run(q) for q in prepared]
    result = {"kind": kind, "n": len(queries), "timed": len(times)}
    result.update(summarize(times))
    result["queries"] = []
    for i, (text, query, raw) in enumerate(zip(queries, prepared, raws)):
        own = sorted(times[i::len(queries)]) if times else []
        entry = {"q": text, "total": engine.count(query) if totals else None,
                 "top10": engine.ids(raw),
                 "median_us": percentile(own, 50) / 1000 if own else None}
        result["queries"].append(entry)
    return result


def main(module):
    parser = argparse.ArgumentParser(prog=os.path.basename(sys.argv[0]))
    commands = parser.add_subparsers(dest="command", required=True)
    ix = commands.add_parser("index", help="build an index from a JSON-lines file")
    ix.add_argument("--jsonl", required=True)
    ix.add_argument("--index", required=True, help="index directory (must not exist)")
    ix.add_argument("--threads", type=int, default=2)
    ix.add_argument("--heap-mb", type=int, default=1024)
    bx = commands.add_parser("bench", help="time a query file (same JSON as loupe bench)")
    bx.add_argument("--index", required=True)
    bx.add_argument("--queries", required=True)
    bx.add_argument("--kind", required=True, choices=KINDS)
    bx.add_argument("--mode", default="top10", choices=["top10"])
    bx.add_argument("--warmup", type=int, default=1)
    bx.add_argument("--rounds", type=int, default=1)
    bx.add_argument("--totals", action="store_true",
                    help="also count all matches of each query (untimed)")
    bx.add_argument("--json", action="store_true", help="accepted for symmetry; always JSON")
    args = parser.parse_args()

    if args.command == "index":
        if os.path.exists(args.index):
            parser.error("%s exists; remove it first" % args.index)
        started = time.monotonic()
        notes = module.index(args.jsonl, args.index, args)
        notes["seconds_in_process"] = time.monotonic() - started
        print(json.dumps(notes))
        return
    engine = module.open_index(args.index)
    result = bench(engine, args.kind, read_queries(args.queries), args.warmup, args.rounds,
                   args.totals)
    result["engine"] = engine.describe()
    print(json.dumps(result))
