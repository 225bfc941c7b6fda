#!/usr/bin/env python3
"""Measures wmsearch beside the alternatives on synthetic archives, in one run.

    run.py --build BUILD --out DIR [--sizes 1000,20000] [--runs 3] [--wrk-seconds 10]

1. full index: wmsearch (facets on), omindex, SQLite FTS5 (sqlite3 shell) and a bare
   TermGenerator loop, each --runs times on the same files: MB/s, issues/s, peak memory;
2. incremental: one new issue into the largest archive's index, until searchd finds it;
3. in-process query latency (tests/benchmark/queries.tsv): wmsearch with exact counts of every
   facet, bare Xapian with one facet, FTS5 with bm25, a snippet and one facet;
4. HTTP with wrk at 16 and 64 connections: searchd, a bare cpp-httplib + Xapian server, and
   Omega's CGI under lighttpd;
5. searchd's resident memory.
Writes DIR/results.json and DIR/results.md and prints the Markdown.
"""
import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OMEGA_CGI = "/usr/lib/cgi-bin/omega/omega"
OMEGA_TEMPLATES = "/usr/share/xapian-omega/templates"
SHAPES = [  # name, wmsearch/bare query string, omega query string
    ("words", {"q": "care leaver offer"}, {"P": "care leaver offer"}),
    ("filtered", {"q": "workforce", "authority": "Birmingham"}, {"P": "workforce"}),
    ("name", {"q": "Nigel Minns"}, {"P": "Nigel Minns"}),
    ("browse", {"q": ""}, {"P": ""}),  # what the search page shows on arrival: every issue, newest first
]
TARGETS_NOTE = "bars: issue 18, at every size (2 cores)"


def log(message):
    print(f"benchmark: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed(command, cwd=None, stdout=subprocess.DEVNULL, env=None):
    """Runs a command to completion: (seconds, peak resident KiB), from the kernel's rusage."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(command)} failed ({process.returncode}): "
                         f"{process.stderr.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def folder_bytes(folder):
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".txt"))


def generate(out, issues):
    folder = os.path.join(out, "archives", str(issues))
    marker = folder + ".done"
    generator = os.path.join(ROOT, "tests", "tools", "generate_archive.py")
    stamp = f"{os.path.getmtime(generator)} {issues}"
    if os.path.exists(marker) and open(marker).read() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    log(f"generating {issues} issues in {folder}")
    subprocess.run([sys.executable, generator, "--issues", str(issues), "--out", folder], check=True)
    with open(marker, "w") as handle:
        handle.write(stamp)
    return folder


def index_commands(build, archive, db):
    return {
        "wmsearch": ([os.path.join(build, "indexer", "indexer"), "index", "-q", "--db", db, archive], None),
        "omindex": (["omindex", "--db", db, "--url", "/", archive], None),
        "fts5": (["sqlite3", db, "CREATE VIRTUAL TABLE issues USING fts5(name UNINDEXED, body, "
                  "tokenize='porter unicode61'); INSERT INTO issues(name, body) SELECT name, "
                  "CAST(readfile(name) AS TEXT) FROM fsdir('.') WHERE name LIKE '%.txt';"], archive),
        "termgen": ([os.path.join(build, "tests", "benchmark", "bench_termgen"), db, archive], None),
    }


def bench_indexing(build, out, archive, issues, runs):
    size = folder_bytes(archive)
    results = {}
    for tool in ("wmsearch", "omindex", "fts5", "termgen"):
        seconds, peaks = [], []
        for run in range(runs):
            db = os.path.join(out, "db", f"{tool}-{issues}")
            shutil.rmtree(db, ignore_errors=True)
            if os.path.exists(db):
                os.remove(db)
            if tool == "fts5":
                os.makedirs(os.path.dirname(db), exist_ok=True)
            command, cwd = index_commands(build, archive, db)[tool]
            elapsed, peak = timed(command, cwd=cwd)
            log(f"index {issues} issues with {tool}, run {run + 1}/{runs}: {elapsed:.1f} s, {peak / 1024:.0f} MiB")
            seconds.append(elapsed)
            peaks.append(peak / 1024)
        results[tool] = {"seconds": spread(seconds),
                         "mb_per_s": spread([size / 1e6 / s for s in seconds]),
                         "issues_per_s": spread([issues / s for s in seconds]),
                         "peak_mib": spread(peaks)}
    return {"issues": issues, "megabytes": size / 1e6, "tools": results}


class Server:
    """A server process on a loopback port, always stopped."""

    def __init__(self, command, port, log_path, env=None, ready_path="/"):
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                        start_new_session=True)
        self.port = port
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=2).read()
                return
            except Exception:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        raise SystemExit(f"benchmark: {command[0]} did not start; see {log_path}")

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status)
        return {"rss_mib": int(fields["VmRSS"].split()[0]) / 1024, "peak_mib": int(fields["VmHWM"].split()[0]) / 1024}

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        self.log.close()


def start_searchd(build, db, out):
    port = free_port()
    return Server([os.path.join(build, "searchd", "searchd"), "--db", db, "--bind", "127.0.0.1",
                   "--port", str(port), "--quiet"], port, os.path.join(out, "searchd.log"), ready_path="/healthz")


def search_total(port, query):
    url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode({"q": query})
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.load(answer)["total"]


def bench_incremental(build, out, db, issues, runs):
    drops = os.path.join(out, "drops")
    shutil.rmtree(drops, ignore_errors=True)
    server = start_searchd(build, db, out)
    visible, indexer_seconds = [], []
    try:
        for run in range(runs):
            folder = os.path.join(drops, str(run))
            subprocess.run([sys.executable, os.path.join(ROOT, "tests", "tools", "generate_archive.py"),
                            "--issues", "1", "--first", str(issues + run), "--seed", "7", "--out", folder], check=True)
            marker = f"benchmarkmarker{run}x{int(time.time())}"
            (path,) = [os.path.join(folder, name) for name in os.listdir(folder)]
            with open(path, "a") as handle:
                handle.write(f"\nBenchmark marker\n\nThis issue carries the word {marker}.\n")
            assert search_total(server.port, marker) == 0
            started = time.perf_counter()
            indexer = subprocess.Popen([os.path.join(build, "indexer", "indexer"), "index", "-q", "--db", db, path],
                                       stdout=subprocess.DEVNULL)
            while search_total(server.port, marker) == 0:
                if indexer.poll() not in (None, 0):
                    raise SystemExit("benchmark: the incremental indexer failed")
                time.sleep(0.002)
            visible.append((time.perf_counter() - started) * 1000)
            indexer.wait()
            indexer_seconds.append((time.perf_counter() - started) * 1000)
            log(f"incremental run {run + 1}/{runs}: visible after {visible[-1]:.0f} ms")
    finally:
        server.stop()
    return {"archive_issues": issues, "visible_ms": spread(visible), "indexer_exit_ms": spread(indexer_seconds)}


def bench_queries(build, out, wm_db, fts_db, rounds):
    tool = os.path.join(build, "tests", "benchmark", "bench_query")
    subprocess.run([tool, "facets", wm_db, fts_db], check=True)
    log(f"query latency, {rounds} rounds of {os.path.join(HERE, 'queries.tsv')}")
    answer = subprocess.run([tool, "latency", wm_db, fts_db, os.path.join(HERE, "queries.tsv"), str(rounds)],
                            check=True, capture_output=True, text=True)
    return json.loads(answer.stdout)


def wrk(url, connections, seconds):
    answer = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                            capture_output=True, text=True, check=True).stdout
    def number(pattern, default=0.0):
        found = re.search(pattern, answer)
        return float(found.group(1)) if found else default
    def millis(pattern):
        found = re.search(pattern + r"\s+([\d.]+)(us|ms|s)\b", answer)
        if not found:
            return None
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", answer)
    return {"requests_per_s": number(r"Requests/sec:\s+([\d.]+)"),
            "p50_ms": millis(r"50%"), "p99_ms": millis(r"99%"),
            "requests": int(number(r"(\d+) requests in")),
            "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
            "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0}


def start_omega(out, omindex_db):
    root = os.path.join(out, "omega")
    shutil.rmtree(root, ignore_errors=True)
    for sub in ("data", "www", "log", "cdb"):
        os.makedirs(os.path.join(root, sub))
    os.symlink(os.path.abspath(omindex_db), os.path.join(root, "data", "default"))
    config = os.path.join(root, "omega.conf")
    with open(config, "w") as handle:
        handle.write(f"database_dir {root}/data\ntemplate_dir {OMEGA_TEMPLATES}\n"
                     f"log_dir {root}/log\ncdb_dir {root}/cdb\n")
    port = free_port()
    lighttpd_conf = os.path.join(root, "lighttpd.conf")
    with open(lighttpd_conf, "w") as handle:
        handle.write(f'''server.document-root = "{root}/www"
server.bind = "127.0.0.1"
server.port = {port}
server.modules = ("mod_alias", "mod_setenv", "mod_cgi")
server.errorlog = "{root}/log/lighttpd.log"
server.max-connections = 1024
alias.url = ("/cgi-bin/omega/" => "{os.path.dirname(OMEGA_CGI)}/")
setenv.add-environment = ("OMEGA_CONFIG_FILE" => "{config}")
$HTTP["url"] =~ "^/cgi-bin/" {{ cgi.assign = ("" => "") }}
''')
    return Server(["lighttpd", "-D", "-f", lighttpd_conf], port, os.path.join(root, "server.log"),
                  ready_path="/cgi-bin/omega/omega?DB=default&P=care")


def bench_http(build, out, wm_db, omindex_db, seconds):
    results = {}
    servers = {
        "searchd": lambda: start_searchd(build, wm_db, out),
        "bare": lambda: (lambda port: Server([os.path.join(build, "tests", "benchmark", "bench_bare_http"), wm_db,
                                              str(port)], port, os.path.join(out, "bare.log"),
                                             ready_path="/search?q=care"))(free_port()),
        "omega": lambda: start_omega(out, omindex_db),
    }
    memory = None
    for name, start in servers.items():
        server = start()
        try:
            results[name] = {}
            for shape, params, omega_params in SHAPES:
                if name == "omega":
                    path = "/cgi-bin/omega/omega?" + urllib.parse.urlencode(dict(DB="default", **omega_params))
                elif name == "bare":
                    path = "/search?" + urllib.parse.urlencode(params)
                else:
                    path = "/api/search?" + urllib.parse.urlencode(params)
                for connections in (16, 64):
                    figures = wrk(f"http://127.0.0.1:{server.port}{path}", connections, seconds)
                    results[name][f"{shape}@{connections}"] = figures
                    log(f"http {name} {shape} at {connections} connections: "
                        f"{figures['requests_per_s']:.0f} req/s, p99 {figures['p99_ms']} ms, "
                        f"{figures['non_2xx'] + figures['socket_errors']} errors")
            if name == "searchd":
                memory = server.rss_mib()
        finally:
            server.stop()
    return results, memory


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory_gib = int(info.readline().split()[1]) / 1024 / 1024
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory_gib, 1),
            "kernel": platform.release(), "xapian": subprocess.run(["xapian-config", "--version"], capture_output=True,
                                                                  text=True).stdout.strip()}


def targets(results):
    checks = []
    for size, index in zip(results["sizes"], results["index"]):
        tools = index["tools"]
        ours = tools["wmsearch"]["mb_per_s"]["median"]
        termgen = tools["termgen"]["mb_per_s"]["median"]
        checks += [
            (f"{size}: index x bare TermGenerator loop", ours / termgen, ">= 1.0", ours >= termgen),
            (f"{size}: index x omindex (reported)", ours / tools["omindex"]["mb_per_s"]["median"], "-", True),
            (f"{size}: index peak memory (MiB)", tools["wmsearch"]["peak_mib"]["max"], "< 256",
             tools["wmsearch"]["peak_mib"]["max"] < 256),
        ]
        ours_q, bare_q = results["queries"][str(size)]["wmsearch"], results["queries"][str(size)]["xapian"]
        checks += [
            (f"{size}: query p50 x bare Xapian", ours_q["p50_ms"] / bare_q["p50_ms"], "<= 2",
             ours_q["p50_ms"] <= 2 * bare_q["p50_ms"]),
            (f"{size}: query p99 x bare Xapian", ours_q["p99_ms"] / bare_q["p99_ms"], "<= 3",
             ours_q["p99_ms"] <= 3 * bare_q["p99_ms"]),
        ]
        browse_ours, browse_bare = ours_q["by_kind"].get("browse"), bare_q["by_kind"].get("browse")
        if browse_ours and browse_bare:
            checks.append((f"{size}: browse p50 x bare Xapian", browse_ours["p50_ms"] / browse_bare["p50_ms"], "<= 2",
                           browse_ours["p50_ms"] <= 2 * browse_bare["p50_ms"]))
        http = results["http"][str(size)]
        for shape, _, _ in SHAPES:
            ours_h, bare_h = http["searchd"][f"{shape}@16"]["requests_per_s"], http["bare"][f"{shape}@16"]["requests_per_s"]
            checks.append((f"{size}: HTTP {shape}@16 x bare server", ours_h / bare_h if bare_h else 0, ">= 0.5",
                           ours_h >= 0.5 * bare_h))
        checks.append((f"{size}: searchd non-2xx and socket errors",
                       sum(r["non_2xx"] + r["socket_errors"] for r in http["searchd"].values()), "0",
                       all(r["non_2xx"] + r["socket_errors"] == 0 for r in http["searchd"].values())))
        memory = results["searchd_memory"][str(size)]["rss_mib"]
        checks.append((f"{size}: searchd resident memory (MiB)", memory, "< 100", memory < 100))
    checks.append(("new issue visible (ms, median)", results["incremental"]["visible_ms"]["median"], "<= 300",
                   results["incremental"]["visible_ms"]["median"] <= 300))
    return [{"target": t, "measured": round(m, 2), "goal": g, "met": ok} for t, m, g, ok in checks]


def markdown(results):
    lines = [f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "
             f"{results['machine']['memory_gib']} GiB; {results['machine']['xapian']}; "
             f"{results['runs']} runs each (median, min-max).", ""]
    for size in results["index"]:
        lines += [f"**Full index, {size['issues']} issues ({size['megabytes']:.1f} MB)**", "",
                  "| indexer | MB/s | issues/s | peak memory MiB |", "|---|---|---|---|"]
        for tool, figures in size["tools"].items():
            mb, rate, peak = figures["mb_per_s"], figures["issues_per_s"], figures["peak_mib"]
            lines.append(f"| {tool} | {mb['median']:.2f} ({mb['min']:.2f}-{mb['max']:.2f}) | {rate['median']:.0f} | "
                         f"{peak['median']:.0f} ({peak['min']:.0f}-{peak['max']:.0f}) |")
        lines.append("")
    inc = results["incremental"]
    lines += [f"**Incremental:** one new issue into the {inc['archive_issues']}-issue index: found by searchd after "
              f"{inc['visible_ms']['median']:.0f} ms ({inc['visible_ms']['min']:.0f}-{inc['visible_ms']['max']:.0f}) "
              "from the indexer's start.", ""]
    labels = {"wmsearch": "wmsearch (4 multi-valued facets + years, snippets)",
              "xapian": "bare Xapian (1 single-valued facet)", "fts5": "FTS5 (bm25, snippet, 1 facet; no browse)"}
    kinds = ("words", "phrase", "name", "boolean", "filtered", "browse")
    for size in results["sizes"]:
        lines += [f"**Query latency in process, {size} issues** (ms; every query of tests/benchmark/queries.tsv, "
                  "many rounds)", "",
                  "| engine | p50 | p99 | " + " | ".join(f"{k} p50" for k in kinds) + " |",
                  "|---|---|---|" + "---|" * len(kinds)]
        for engine, label in labels.items():
            figures = results["queries"][str(size)][engine]
            by_kind = figures["by_kind"]
            lines.append(f"| {label} | {figures['p50_ms']:.2f} | {figures['p99_ms']:.2f} | " +
                         " | ".join(f"{by_kind[k]['p50_ms']:.2f}" if k in by_kind else "-" for k in kinds) + " |")
        lines += ["", f"**HTTP, {size} issues** (wrk, loopback; requests/s / p99 ms)", "",
                  "| server | " + " | ".join(f"{s}@{c}" for s, _, _ in SHAPES for c in (16, 64)) + " | errors |",
                  "|---|" + "---|" * (2 * len(SHAPES) + 1)]
        for server, shapes in results["http"][str(size)].items():
            cells = [f"{shapes[f'{s}@{c}']['requests_per_s']:.0f} / {shapes[f'{s}@{c}']['p99_ms']}"
                     for s, _, _ in SHAPES for c in (16, 64)]
            errors = sum(r["non_2xx"] + r["socket_errors"] for r in shapes.values())
            lines.append(f"| {server} | " + " | ".join(cells) + f" | {errors} |")
        memory = results["searchd_memory"][str(size)]
        lines += ["", f"searchd memory after the HTTP runs: {memory['rss_mib']:.0f} MiB resident "
                  f"(peak {memory['peak_mib']:.0f} MiB).", ""]
    lines += [f"**Bars** ({TARGETS_NOTE})", "", "| bar | measured | goal | met |", "|---|---|---|---|"]
    for check in results["targets"]:
        lines.append(f"| {check['target']} | {check['measured']} | {check['goal']} | {'yes' if check['met'] else 'NO'} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--sizes", default="1000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--query-rounds", type=int, default=30)
    args = parser.parse_args()
    build, out = os.path.abspath(args.build), os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    sizes = [int(n) for n in args.sizes.split(",")]

    results = {"machine": machine(), "runs": args.runs, "sizes": sizes, "index": [], "queries": {}, "http": {},
               "searchd_memory": {}}
    for issues in sizes:
        archive = generate(out, issues)
        results["index"].append(bench_indexing(build, out, archive, issues, args.runs))
        wm_db = os.path.join(out, "db", f"wmsearch-{issues}")
        omindex_db = os.path.join(out, "db", f"omindex-{issues}")
        fts_db = os.path.join(out, "db", f"fts5-{issues}")
        # Queries and HTTP first, on exactly the archive; the incremental runs add issues after.
        results["queries"][str(issues)] = bench_queries(build, out, wm_db, fts_db, args.query_rounds)
        results["http"][str(issues)], results["searchd_memory"][str(issues)] = bench_http(
            build, out, wm_db, omindex_db, args.wrk_seconds)
    largest = sizes[-1]
    results["incremental"] = bench_incremental(build, out, os.path.join(out, "db", f"wmsearch-{largest}"), largest,
                                               max(args.runs, 5))
    results["targets"] = targets(results)
    with open(os.path.join(out, "results.json"), "w") as handle:
        json.dump(results, handle, indent=2)
    table = markdown(results)
    with open(os.path.join(out, "results.md"), "w") as handle:
        handle.write(table)
    print(table)
    log(f"results in {out}/results.json and {out}/results.md")


if __name__ == "__main__":
    main()
