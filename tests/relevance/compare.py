#!/usr/bin/env python3
"""Relevance side by side: searchd (over a real index of the corpus), SQLite FTS5 with bm25 over
the OR of the words, and Xapian's Omega as Debian ships it (omindex, then the omega CGI with its
defaults), on the same files and queries. Prints recall@5, MRR and nDCG@10 per query file and
engine, and exits 1 if ours is below the better of the others on recall@5 or MRR (nDCG@10 is
shown: it also weighs the order below the first hit, where ties between equally good issues fall
either way), or if filtered recall@5 is below 0.95.

Usage: compare.py SEARCHD INDEXER CORPUS_DIR[,CORPUS_DIR...] [--hard] QUERIES.tsv [[--hard] QUERIES.tsv ...]
  (--hard: ours must also reach recall@5 0.95 on that file)
  (several corpus folders are indexed as one archive; WM_MATCHING sets searchd's matching=;
  WM_RELEVANCE_VERBOSE=1 lists each query where ours finds less than another engine, =2 also
  each where ours misses a relevant page in the first five)
"""
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

OMEGA_CGI = "/usr/lib/cgi-bin/omega/omega"
OMEGA_TEMPLATES = "/usr/share/xapian-omega/templates"

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"], 1)}
FILTER_PARAM = {"authority": "authority", "person": "person", "people": "person", "programme": "programme"}


def read_queries(path):
    """(text, relevant file names, filter) per line; a header line ("query<TAB>relevant_slugs...")
    and '#' lines are skipped; a relevant page may be named by its slug, without ".txt"."""
    queries = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#") or line.startswith("query\t"):
            continue
        fields = line.split("\t")
        text = "" if fields[0] == "*" else fields[0]
        relevant = [f if f.endswith(".txt") else f + ".txt" for f in fields[1].split(",") if f]
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


class Omega:
    """omindex over the files, searched by the omega CGI run directly (no web server) with its
    default query parsing (AND of the words since Omega 1.3, stemmed), ten hits per page. Omega has
    no facets: a facet filter's value joins the query as a phrase, as for FTS5."""

    def __init__(self, corpus, workdir):
        root = os.path.join(workdir, "omega")
        os.makedirs(os.path.join(root, "data"))
        subprocess.run(["omindex", "--db", os.path.join(root, "data", "default"), "--url", "/", corpus], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.config = os.path.join(root, "omega.conf")
        with open(self.config, "w") as handle:
            handle.write(f"database_dir {root}/data\ntemplate_dir {OMEGA_TEMPLATES}\nlog_dir {root}\ncdb_dir {root}\n")

    def search(self, text, flt):
        if flt and not flt.startswith("date="):
            text = (text + ' "' + flt.split("=", 1)[1].replace('"', "") + '"').strip()
        query = urllib.parse.urlencode({"DB": "default", "P": text, "FMT": "xml", "HITSPERPAGE": "10"})
        env = dict(os.environ, OMEGA_CONFIG_FILE=self.config, QUERY_STRING=query, REQUEST_METHOD="GET")
        out = subprocess.run([OMEGA_CGI], env=env, capture_output=True, text=True, check=True).stdout
        body = out[out.find("<?xml"):] if "<?xml" in out else out[out.find("\n\n") + 2:]
        return [os.path.basename(hit.get("url", "")) for hit in ElementTree.fromstring(body).iter("hit")]


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


# With its facet filter, a query's relevant issues are nearly all in the first five; so are a
# hard query's (acronyms, misspellings, names: a file given as --hard FILE), where ours leads.
MIN_FILTERED_RECALL = 0.95
MIN_HARD_RECALL = 0.95


def average(engine, queries):
    sums = [0.0, 0.0, 0.0]
    for text, relevant, flt in queries:
        for k, v in enumerate(metrics(engine.search(text, flt), relevant)):
            sums[k] += v
    return [s / len(queries) for s in sums]


def metrics(ranked, relevant):
    relevant = set(relevant)
    # Of at most five: a query with nine relevant pages can have them all in its first five.
    recall = len(relevant & set(ranked[:5])) / min(len(relevant), 5)
    mrr = next((1 / (i + 1) for i, f in enumerate(ranked) if f in relevant), 0.0)
    dcg = sum(1 / math.log2(i + 2) for i, f in enumerate(ranked[:10]) if f in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), 10)))
    return recall, mrr, dcg / ideal


def show_losses(engines, queries):
    for text, relevant, flt in queries:
        ranked = {name: engine.search(text, flt) for name, engine in engines}
        scores = {name: metrics(ranked[name], relevant) for name in ranked}
        short = os.environ.get("WM_RELEVANCE_VERBOSE") == "2" and scores["wmsearch"][0] < 1
        if short or any(scores["wmsearch"][k] < scores[name][k] - 1e-9 for name in scores for k in range(3)):
            print(f"    {text!r}: " + "; ".join(f"{name} recall {s[0]:.2f} mrr {s[1]:.2f}" for name, s in scores.items()))
            print(f"      relevant {sorted(relevant)}; ours {ranked['wmsearch'][:5]}")


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    searchd_bin, indexer_bin, corpora, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    held_to_hard = {args[i + 1] for i, arg in enumerate(args[:-1]) if arg == "--hard"}
    query_files = [arg for arg in args if arg != "--hard"]
    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        corpus = os.path.join(workdir, "corpus")
        os.makedirs(corpus)
        for folder in corpora.split(","):
            for name in os.listdir(folder):
                if name.endswith(".txt"):
                    shutil.copy(os.path.join(folder, name), corpus)
        ours = Searchd(searchd_bin, indexer_bin, corpus, workdir)
        engines = (("wmsearch", ours), ("fts5", Fts5(corpus, (" OR ",))), ("omega", Omega(corpus, workdir)))
        try:
            print(f"{'queries':28} {'engine':8} {'recall@5':>9} {'MRR':>7} {'nDCG@10':>8}")
            for path in query_files:
                queries = read_queries(path)
                label = os.path.basename(path) + f" ({len(queries)})"
                # A query with words is judged on its words alone, as the others have no facets;
                # a query of filters only ("*") keeps them.
                text_only = [(t, r, f if not t else "") for t, r, f in queries]
                totals = {name: average(engine, text_only) for name, engine in engines}
                for name, _ in engines:
                    print(f"{label:28} {name:8} " + " ".join(f"{v:{w}.3f}" for v, w in zip(totals[name], (9, 7, 8))))
                if os.environ.get("WM_RELEVANCE_VERBOSE"):
                    show_losses(engines, text_only)
                best = [max(totals[name][k] for name, _ in engines[1:]) for k in range(3)]
                if any(o < b - 1e-9 for o, b in zip(totals["wmsearch"][:2], best[:2])):
                    print(f"  wmsearch is below the better of FTS5 and Omega on {os.path.basename(path)}")
                    failed = True
                if path in held_to_hard and totals["wmsearch"][0] < MIN_HARD_RECALL:
                    print(f"  recall@5 on {os.path.basename(path)} is below {MIN_HARD_RECALL}")
                    failed = True
                filtered = [q for q in queries if q[0] and q[2]]
                if filtered:
                    recall = average(ours, filtered)[0]
                    print(f"{label:28} {'filtered':8} {recall:9.3f}   ({len(filtered)} queries with their filter, wmsearch)")
                    if recall < MIN_FILTERED_RECALL:
                        print(f"  filtered recall@5 on {os.path.basename(path)} is below {MIN_FILTERED_RECALL}")
                        failed = True
        finally:
            ours.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
