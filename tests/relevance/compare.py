#!/usr/bin/env python3
"""Relevance side by side: searchd (over a real index of the corpus) and SQLite FTS5 with bm25
(the same files, the same queries). Prints recall@5, MRR and nDCG@10 per query file and engine,
and exits 1 if ours is below FTS5 on any metric.

Usage: compare.py SEARCHD INDEXER CORPUS_DIR QUERIES.tsv [QUERIES.tsv ...]
"""
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"], 1)}
FILTER_PARAM = {"authority": "authority", "person": "person", "programme": "programme"}


def read_queries(path):
    queries = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        text = "" if fields[0] == "*" else fields[0]
        relevant = [f for f in fields[1].split(",") if f]
        flt = fields[2] if len(fields) > 2 and fields[2] else ""
        queries.append((text, relevant, flt))
    return queries


def month_of(text):
    m = re.search(r"Regional Update\s*[\u2013-]\s*([A-Za-z]+)\s+(\d{4})", text)
    return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}" if m and m.group(1).lower() in MONTHS else ""


class Fts5:
    """bm25 over the words: an OR of them (every word first, where bm25 puts documents with more
    of them), or, as before searchd had tiers, every word and only when none has them all, any."""

    def __init__(self, corpus, joiners):
        self.joiners = joiners
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(file UNINDEXED, month UNINDEXED, body)")
        for name in sorted(os.listdir(corpus)):
            if name.endswith(".txt"):
                text = open(os.path.join(corpus, name), encoding="utf-8", errors="replace").read()
                self.db.execute("INSERT INTO docs VALUES (?, ?, ?)", (name, month_of(text), text))

    def search(self, text, flt):
        words = re.findall(r"\w+", text)
        clauses, args = [], []
        if flt.startswith("date="):
            start, end = flt[5:].split("..")
            clauses.append("month BETWEEN ? AND ?")
            args += [start, end]
        elif flt:
            words = words + ['"' + flt.split("=", 1)[1].replace('"', "") + '"']
        if not words:
            sql = "SELECT file FROM docs" + (" WHERE " + " AND ".join(clauses) if clauses else "") + " ORDER BY month DESC"
            return [r[0] for r in self.db.execute(sql, args)]
        quoted = [w if w.startswith('"') else '"' + w + '"' for w in words]
        for joiner in self.joiners:
            sql = "SELECT file FROM docs WHERE docs MATCH ?" + "".join(" AND " + c for c in clauses) + " ORDER BY bm25(docs) LIMIT 10"
            rows = [r[0] for r in self.db.execute(sql, [joiner.join(quoted)] + args)]
            if rows:
                return rows
        return []


class Searchd:
    def __init__(self, searchd, indexer, corpus, workdir):
        db = os.path.join(workdir, "db")
        subprocess.run([indexer, "index", "-q", "--db", db, corpus], check=True, stdout=subprocess.DEVNULL)
        self.process = subprocess.Popen([searchd, "--db", db, "--bind", "127.0.0.1", "--port", "0", "-q"],
                                        stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.process.kill()
            sys.exit(f"searchd did not start: {line}")
        self.base = f"http://127.0.0.1:{m.group(1)}"

    def search(self, text, flt):
        params = [("q", text), ("per_page", "10")] + ([("matching", os.environ["WM_MATCHING"])] if os.environ.get("WM_MATCHING") else [])
        if flt.startswith("date="):
            start, end = flt[5:].split("..")
            params += [("from", start), ("to", end)]
        elif flt:
            name, value = flt.split("=", 1)
            params.append((FILTER_PARAM[name], value))
        with urllib.request.urlopen(f"{self.base}/api/search?{urllib.parse.urlencode(params)}", timeout=10) as r:
            return [hit["file"] for hit in json.load(r)["hits"]]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def metrics(ranked, relevant):
    relevant = set(relevant)
    recall = len(relevant & set(ranked[:5])) / len(relevant)
    mrr = next((1 / (i + 1) for i, f in enumerate(ranked) if f in relevant), 0.0)
    dcg = sum(1 / math.log2(i + 2) for i, f in enumerate(ranked[:10]) if f in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), 10)))
    return recall, mrr, dcg / ideal


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    searchd_bin, indexer_bin, corpus, query_files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        ours = Searchd(searchd_bin, indexer_bin, corpus, workdir)
        theirs = Fts5(corpus, (" OR ",))
        try:
            print(f"{'queries':28} {'engine':8} {'recall@5':>9} {'MRR':>7} {'nDCG@10':>8}")
            for path in query_files:
                queries = read_queries(path)
                totals = {}
                for name, engine in (("wmsearch", ours), ("fts5", theirs)):
                    sums = [0.0, 0.0, 0.0]
                    for text, relevant, flt in queries:
                        for k, v in enumerate(metrics(engine.search(text, flt), relevant)):
                            sums[k] += v
                    totals[name] = [s / len(queries) for s in sums]
                    print(f"{os.path.basename(path) + f' ({len(queries)})':28} {name:8} "
                          + " ".join(f"{v:{w}.3f}" for v, w in zip(totals[name], (9, 7, 8))))
                if any(o < t - 1e-9 for o, t in zip(totals["wmsearch"], totals["fts5"])):
                    print(f"  wmsearch is below FTS5 on {os.path.basename(path)}")
                    failed = True
        finally:
            ours.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
