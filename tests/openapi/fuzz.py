#!/usr/bin/python3
"""Fuzzes every operation of searchd's /openapi.json against a real searchd, so the schema and
the code keep agreeing: for each operation, Hypothesis builds requests the schema allows and
requests it forbids (a value of the wrong type, out of range, outside an enum, against a
pattern, a required parameter or field left out, a field the body does not have). Every
response's status must be one the operation documents, its JSON body must validate against the
documented schema, a forbidden request must get a 4xx and no request a 5xx.

Usage: /usr/bin/python3 fuzz.py SEARCHD INDEXER CORPUS_DIR [BUDGET_SECONDS]
(CTest passes the built binaries; Debian's python3-hypothesis, hence Debian's python3.)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    from hypothesis import HealthCheck, given, settings, strategies as st
    from hypothesis.errors import Unsatisfiable
except ImportError:
    sys.exit("python3-hypothesis is missing: apt-get install python3-hypothesis, and run this with /usr/bin/python3")

SEARCHD, INDEXER, CORPUS = sys.argv[1:4]
BUDGET = float(sys.argv[4]) if len(sys.argv) > 4 else 75.0
EXAMPLES = 100  # per operation and kind (valid, invalid); the budget cuts it short if need be
# Free text is also built from words the archive has and the query syntax, so that searches
# find issues, names and corrections, and half-typed syntax, not only random characters.
VOCABULARY = ["care", "leaver", "leavers", "Telford", "and", "Wrekin", "Solihull", "Pat", "Bullen", "cae", "SEND",
              "AND", "OR", "NOT", '"', "(", ")", "-", "+", "title:", "person:", "&", "introduction", "by"]


class Server:
    """searchd over the corpus, on a free loopback port; always stopped."""

    def __init__(self, workdir):
        db = os.path.join(workdir, "db")
        subprocess.run([INDEXER, "index", "-q", "--db", db, CORPUS], check=True, stdout=subprocess.DEVNULL)
        self.process = subprocess.Popen([SEARCHD, "--db", db, "--bind", "127.0.0.1", "--port", "0", "-q"],
                                        stderr=subprocess.PIPE, text=True)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", self.process.stderr.readline())
        if not match:
            self.stop()
            sys.exit("searchd did not start")
        self.base = f"http://127.0.0.1:{match.group(1)}"

    def request(self, method, target, body=None):
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if data is not None else {}
        req = urllib.request.Request(self.base + target, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


NO_NUL = "^[^\u0000]*$"  # the pattern of free text: anything but NUL bytes


# --- the JSON-schema subset the document uses -------------------------------------------------

class Schema:
    def __init__(self, document):
        self.document = document

    def resolve(self, schema):
        while "$ref" in schema:
            node = self.document
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def errors(self, value, schema, where="$"):
        """What is wrong with value under schema: a list of messages, empty when it validates."""
        schema = self.resolve(schema)
        if value is None:
            return [] if schema.get("nullable") or not schema else [f"{where}: null"]
        if "oneOf" in schema:
            matching = [s for s in schema["oneOf"] if not self.errors(value, s, where)]
            return [] if len(matching) == 1 else [f"{where}: matches {len(matching)} of oneOf"]
        kind = schema.get("type")
        checks = {"string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
                  "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
                  "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                  "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list)}
        if kind and not checks[kind](value):
            return [f"{where}: not {kind}: {value!r:.80}"]
        problems = []
        if "enum" in schema and value not in schema["enum"]:
            problems.append(f"{where}: {value!r:.80} not in {schema['enum']}")
        if isinstance(value, str):
            if "pattern" in schema and not re.search(schema["pattern"], value):
                problems.append(f"{where}: {value!r:.80} does not match {schema['pattern']!r}")
            if len(value) > schema.get("maxLength", len(value)):
                problems.append(f"{where}: longer than {schema['maxLength']}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value < schema.get("minimum", value) or value > schema.get("maximum", value):
                problems.append(f"{where}: {value} outside [{schema.get('minimum')}, {schema.get('maximum')}]")
        if isinstance(value, list):
            if len(value) > schema.get("maxItems", len(value)):
                problems.append(f"{where}: more than {schema['maxItems']} items")
            for i, item in enumerate(value):
                problems += self.errors(item, schema.get("items", {}), f"{where}[{i}]")
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            problems += [f"{where}: `{name}` missing" for name in schema.get("required", []) if name not in value]
            extra = schema.get("additionalProperties", True)
            for name, item in value.items():
                if name in properties:
                    problems += self.errors(item, properties[name], f"{where}.{name}")
                elif extra is False:
                    problems.append(f"{where}: unexpected `{name}`")
                elif isinstance(extra, dict):
                    problems += self.errors(item, extra, f"{where}.{name}")
        return problems

    # --- values the schema allows, and values it forbids -----------------------------------

    def valid(self, schema):
        schema = self.resolve(schema)
        if "oneOf" in schema:
            return st.one_of([self.valid(s) for s in schema["oneOf"]])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        kind = schema.get("type")
        if kind == "string":
            if "pattern" in schema:
                text = st.from_regex(schema["pattern"], fullmatch=True)
                if schema["pattern"] == NO_NUL:
                    text = st.one_of(text, st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=5).map(" ".join))
                if "example" in schema:
                    text = st.one_of(st.just(schema["example"]), text)
            elif "example" in schema:
                text = st.one_of(st.just(schema["example"]), st.text(max_size=20))
            else:
                text = st.one_of(st.text(max_size=20), st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=5).map(" ".join))
            # Lone surrogates are not text: no client can send them.
            return text.filter(lambda s: len(s) <= schema.get("maxLength", 10**6) and
                               not any(0xD800 <= ord(c) <= 0xDFFF for c in s))
        if kind == "integer":
            return st.integers(schema.get("minimum", -1000), schema.get("maximum", 1000))
        if kind == "number":
            return st.floats(schema.get("minimum", -1e6), schema.get("maximum", 1e6), allow_nan=False)
        if kind == "boolean":
            return st.booleans()
        if kind == "array":
            return st.lists(self.valid(schema.get("items", {})), max_size=min(3, schema.get("maxItems", 3)))
        if kind == "object":
            return self.valid_object(schema)
        return st.none()

    def valid_object(self, schema):
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        fixed = {name: self.valid(properties[name]) for name in required}
        optional = {name: self.valid(s) for name, s in properties.items() if name not in required}
        return st.fixed_dictionaries(fixed, optional=optional)

    def invalid(self, schema):
        """Values that break the schema itself (not just a part of it); empty if none can."""
        schema = self.resolve(schema)
        options = []
        kind = schema.get("type")
        others = {"string": 7, "integer": "seven", "number": "seven", "boolean": "yes", "array": {"a": 1}, "object": [1]}
        if kind:
            options.append(st.just(others[kind]))
        if "enum" in schema and kind == "string":
            options.append(st.text(min_size=1, max_size=10).filter(lambda s: s not in schema["enum"]))
        if "pattern" in schema:
            options.append(st.text(max_size=10).map(lambda s: s + "\u0000"))
        if "maximum" in schema:
            options.append(st.integers(schema["maximum"] + 1, schema["maximum"] + 10**6))
        if "minimum" in schema:
            options.append(st.integers(schema["minimum"] - 1000, schema["minimum"] - 1))
        if "maxItems" in schema:
            options.append(st.lists(self.valid(schema["items"]), min_size=schema["maxItems"] + 1,
                                    max_size=schema["maxItems"] + 3))
        if kind == "object":
            options += self.invalid_object(schema)
        if not schema.get("nullable") and kind and not options:
            options.append(st.none())
        return [o.filter(lambda v: self.errors(v, schema)) for o in options]

    def invalid_object(self, schema):
        properties = schema.get("properties", {})
        options = []
        valid = self.valid_object(schema)
        for name in schema.get("required", []):
            options.append(valid.map(lambda v, name=name: {k: x for k, x in v.items() if k != name}))
        if schema.get("additionalProperties") is False:
            options.append(valid.map(lambda v: dict(v, unknownField=1)))
        for name, sub in properties.items():
            for bad in self.invalid(sub):
                options.append(st.tuples(valid, bad).map(lambda pair, name=name: dict(pair[0], **{name: pair[1]})))
        return options


# --- requests per operation ---------------------------------------------------------------

def operations(document):
    for path, item in document["paths"].items():
        for method, op in item.items():
            yield path, method.upper(), op


def query_value(value):
    return str(value).lower() if isinstance(value, bool) else str(value)


def build(path, parameters, values):
    target, query = path, []
    for p in parameters:
        if p["name"] not in values:
            continue
        value = values[p["name"]]
        if p["in"] == "path":
            target = target.replace("{" + p["name"] + "}", urllib.parse.quote(query_value(value), safe=""))
        elif isinstance(value, list):
            query += [(p["name"], query_value(v)) for v in value]
        else:
            query.append((p["name"], query_value(value)))
    return target + ("?" + urllib.parse.urlencode(query) if query else "")


def text_allowed(schema, p, text):
    """Whether the text a query string or path carries satisfies the parameter's schema."""
    if text == "" and p.get("allowEmptyValue"):
        return True
    s = schema.resolve(p["schema"])
    if s.get("type") == "array":
        s = schema.resolve(s["items"])
    if s.get("type") == "integer":
        return re.fullmatch(r"-?[0-9]+", text) is not None and not schema.errors(int(text), s)
    return not schema.errors(text, s)


def request_strategies(schema, op):
    """(valid, invalid) strategies of (parameter values, body)."""
    parameters = op.get("parameters", [])
    fixed = {p["name"]: schema.valid(p["schema"]) for p in parameters if p.get("required")}
    optional = {p["name"]: schema.valid(p["schema"]) for p in parameters if not p.get("required")}
    values = st.fixed_dictionaries(fixed, optional=optional)
    body_schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    body = schema.valid(body_schema) if body_schema else st.none()
    valid = st.tuples(values, body)
    invalid = []
    for p in parameters:
        # A URL carries text: what is sent is invalid when no reading of that text is allowed.
        resolved = schema.resolve(p["schema"])
        item = schema.resolve(resolved["items"]) if resolved.get("type") == "array" else resolved
        for bad in schema.invalid(item):
            text = bad.map(query_value).filter(lambda t, p=p: not text_allowed(schema, p, t))
            invalid.append(st.tuples(values, body, text).map(lambda t, p=p: (dict(t[0], **{p["name"]: t[2]}), t[1])))
        if p.get("required") and p["in"] == "query":
            invalid.append(st.tuples(values, body).map(lambda t, p=p: ({k: v for k, v in t[0].items() if k != p["name"]}, t[1])))
    if body_schema:
        for bad in schema.invalid(body_schema):
            invalid.append(st.tuples(values, bad))
    return valid, (st.one_of(invalid) if invalid else None)


def check(server, schema, path, method, op, values, body, forbidden):
    target = build(path, op.get("parameters", []), values)
    try:
        status, content_type, raw = server.request(method, target, body if method == "POST" else None)
    except OSError as error:  # includes http.client's errors: the connection closed without an answer
        time.sleep(0.2)  # an exiting searchd has closed its socket before it is reaped
        state = f"exited with {server.process.poll()}" if server.process.poll() is not None else "runs"
        print(f"FAIL no answer ({error}), searchd {state}: {method} {target} body={json.dumps(body)[:300]}",
              file=sys.stderr)
        server.stop()
        os._exit(1)  # nothing after this is worth running, and Hypothesis would retry it
    where = f"{method} {target} body={json.dumps(body)[:300]} -> {status} {raw[:300]!r}"
    assert status < 500, "server error: " + where
    documented = op["responses"].get(str(status))
    assert documented, "undocumented status: " + where
    if forbidden:
        assert 400 <= status < 500, "the schema forbids it but it was answered: " + where
    described = documented.get("content", {}).get("application/json")
    if described and "schema" in described:
        assert content_type.startswith("application/json"), "not JSON: " + where
        problems = schema.errors(json.loads(raw), described["schema"])
        assert not problems, "body disagrees with the schema: " + "; ".join(problems[:5]) + " in " + where


def fuzz(server, document):
    schema = Schema(document)
    deadline = time.monotonic() + BUDGET
    failures, requests = [], 0
    for path, method, op in operations(document):
        valid, invalid = request_strategies(schema, op)
        for strategy, forbidden in ((valid, False), (invalid, True)):
            if strategy is None:
                continue

            @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            @given(strategy)
            def run(request):
                nonlocal requests
                if time.monotonic() > deadline:
                    return
                requests += 1
                check(server, schema, path, method, op, request[0], request[1], forbidden)

            try:
                run()
            except AssertionError as error:
                failures.append(str(error))
            except Unsatisfiable:
                pass  # no request of this kind could be made (nothing the URL can carry breaks the schema)
    print(f"{requests} requests over {sum(1 for _ in operations(document))} operations", file=sys.stderr)
    return failures


def main():
    workdir = tempfile.mkdtemp(prefix="wmsearch-openapi-")
    server = Server(workdir)
    try:
        document = json.loads(server.request("GET", "/openapi.json")[2])
        failures = fuzz(server, document)
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
