#!/usr/bin/python3
"""searchd's Atom feeds, read by a real feed reader's parser (Debian's python3-feedparser) and
checked element by element against what RFC 4287 requires.

Usage: /usr/bin/python3 test_atom.py SEARCHD INDEXER CORPUS_DIR (CTest passes the built binaries)
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

try:
    import feedparser
except ImportError:
    sys.exit("python3-feedparser is missing: apt-get install python3-feedparser (scripts/test does), "
             "and run this with Debian's /usr/bin/python3")

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
SEARCHD, INDEXER, CORPUS = sys.argv[1:4]
# An issue whose month nobody wrote down: its entry is dated by the index.
UNDATED = "Regional Update \u2013 Special Edition\n\nNews from the region:\n\nPat Bullen writes about care leavers.\n"


class Server:
    def __init__(self, workdir):
        corpus = os.path.join(workdir, "corpus")
        shutil.copytree(CORPUS, corpus)
        with open(os.path.join(corpus, "special-edition.txt"), "w", encoding="utf-8") as f:
            f.write(UNDATED)
        db = os.path.join(workdir, "db")
        self.indexed_after = time.time() - 2  # file times may be rounded
        subprocess.run([INDEXER, "index", "-q", "--db", db, corpus], check=True, stdout=subprocess.DEVNULL)
        self.process = subprocess.Popen([SEARCHD, "--db", db, "--bind", "127.0.0.1", "--port", "0", "-q"],
                                        stderr=subprocess.PIPE, text=True)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", self.process.stderr.readline())
        if not match:
            self.process.kill()
            sys.exit("searchd did not start")
        self.base = f"http://127.0.0.1:{match.group(1)}"

    def get(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.headers.get("Content-Type"), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read()

    def json(self, path):
        return json.loads(self.get(path)[2])

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def setUpModule():
    global server, workdir
    workdir = tempfile.mkdtemp(prefix="wmsearch-feeds-")
    server = Server(workdir)


def tearDownModule():
    server.stop()
    shutil.rmtree(workdir, ignore_errors=True)


FEEDS = [
    "/api/search.atom?q=Telford%20and%20Wrekin",
    "/api/search.atom?q=care%20leaver%20offer&authority=Telford%20and%20Wrekin",
    "/api/search.atom",
    "/api/search.atom?q=%3Cb%3E%20%26%20%22quotes%22&from=2022-01&to=2023-12",
    "/api/entities/people/Pat%20Bullen.atom",
    "/api/entities/authorities/Telford%20%26%20Wrekin.atom",
    "/api/entities/programmes/RIIA.atom",
]


class RequiredElements(unittest.TestCase):
    """RFC 4287's MUSTs, on the raw XML."""

    def check_text_construct(self, element, name):
        self.assertIn(element.get("type", "text"), ("text", "html", "xhtml"), name)

    def check_date(self, element, name):
        self.assertIsNotNone(element, name)
        self.assertRegex(element.text, RFC3339, name)

    def test_every_feed_has_what_rfc_4287_requires(self):
        for path in FEEDS:
            with self.subTest(path=path):
                status, content_type, body = server.get(path)
                self.assertEqual(status, 200)
                self.assertTrue(content_type.startswith("application/atom+xml"))
                feed = ET.fromstring(body)
                self.assertEqual(feed.tag, ATOM + "feed")
                # 4.1.1: exactly one id, title, updated; an author unless every entry has one.
                for name in ("id", "title", "updated"):
                    self.assertEqual(len(feed.findall(ATOM + name)), 1, name)
                self.assertRegex(feed.find(ATOM + "id").text, r"^[a-z][a-z0-9+.-]*:", "an absolute IRI")
                self.check_text_construct(feed.find(ATOM + "title"), "feed title")
                self.check_date(feed.find(ATOM + "updated"), "feed updated")
                entries = feed.findall(ATOM + "entry")
                authors = feed.findall(ATOM + "author")
                if not authors:
                    self.assertTrue(all(e.findall(ATOM + "author") for e in entries))
                for author in authors:
                    self.assertEqual(len(author.findall(ATOM + "name")), 1, "4.2.1: a person has one name")
                # 4.1.1: no two alternate links with the same type and hreflang; a self link (SHOULD).
                links = feed.findall(ATOM + "link")
                alternates = [(l.get("type"), l.get("hreflang")) for l in links if l.get("rel", "alternate") == "alternate"]
                self.assertEqual(len(alternates), len(set(alternates)))
                selves = [l.get("href") for l in links if l.get("rel") == "self"]
                self.assertEqual(len(selves), 1)
                again = ET.fromstring(server.get(selves[0][len(server.base):])[2])
                self.assertEqual(again.find(ATOM + "id").text, feed.find(ATOM + "id").text, "self is this feed")
                for link in links:
                    self.assertTrue(link.get("href"), "4.2.7.1: every link has an href")
                # 4.1.2: each entry has one id, title, updated; content, or an alternate link.
                ids = set()
                for entry in entries:
                    for name in ("id", "title", "updated"):
                        self.assertEqual(len(entry.findall(ATOM + name)), 1, name)
                    entry_id = entry.find(ATOM + "id").text
                    self.assertRegex(entry_id, r"^[a-z][a-z0-9+.-]*:")
                    self.assertNotIn(entry_id, ids, "ids are unique in a feed")
                    ids.add(entry_id)
                    self.check_text_construct(entry.find(ATOM + "title"), "entry title")
                    self.check_date(entry.find(ATOM + "updated"), "entry updated")
                    if entry.find(ATOM + "content") is None:
                        alternate = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
                        self.assertEqual(len(alternate), 1, "an entry without content links to its page")
                    summary = entry.find(ATOM + "summary")
                    self.assertIsNotNone(summary)
                    self.check_text_construct(summary, "summary")


class FeedReader(unittest.TestCase):
    """What a feed reader sees, through feedparser."""

    def parse(self, path):
        status, _, body = server.get(path)
        self.assertEqual(status, 200, path)
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, f"{path}: {parsed.get('bozo_exception')}")
        self.assertEqual(parsed.version, "atom10")
        return parsed

    def test_a_search_feed_lists_the_search_newest_first(self):
        parsed = self.parse("/api/search.atom?q=Telford%20and%20Wrekin")
        self.assertEqual(parsed.feed.title, "Regional Update archive: \u201cTelford and Wrekin\u201d")
        search = server.json("/api/search?q=Telford%20and%20Wrekin&sort=newest")
        self.assertEqual([e.title for e in parsed.entries], [h["title"] for h in search["hits"]])
        updated = [e.updated_parsed for e in parsed.entries]
        self.assertEqual(updated, sorted(updated, reverse=True))
        self.assertGreaterEqual(len(parsed.entries), 3)
        for entry, hit in zip(parsed.entries, search["hits"]):
            # An issue's updated is the first day of its month.
            self.assertEqual(entry.updated, f"{hit['date']}-01T00:00:00Z")
            self.assertIn("<b>Telford", entry.summary)
            link = urllib.parse.urlparse(entry.link)
            self.assertEqual(urllib.parse.parse_qs(link.query)["issue"], [hit["issue_id"]])
        self.assertEqual(parsed.feed.updated, parsed.entries[0].updated)
        alternate = [l.href for l in parsed.feed.links if l.rel == "alternate"]
        self.assertEqual(alternate, [server.base + "/?q=Telford%20and%20Wrekin"])

    def test_ids_are_stable_and_an_issue_keeps_its_id_across_feeds(self):
        first = self.parse("/api/search.atom?q=care&authority=Solihull&authority=Dudley")
        again = self.parse("/api/search.atom?authority=Dudley&q=care&authority=Solihull")
        self.assertEqual(first.feed.id, again.feed.id)
        self.assertEqual([e.id for e in first.entries], [e.id for e in again.entries])
        everything = {e.title: e.id for e in self.parse("/api/search.atom").entries}
        for entry in first.entries:
            self.assertEqual(everything[entry.title], entry.id)
        self.assertNotEqual(first.feed.id, self.parse("/api/search.atom?q=care").feed.id)

    def test_an_issue_of_unknown_month_is_dated_by_the_index(self):
        parsed = self.parse("/api/search.atom?q=%22special%20edition%22")  # that issue alone, as a phrase
        self.assertEqual(len(parsed.entries), 1)
        updated = datetime.datetime(*parsed.entries[0].updated_parsed[:6], tzinfo=datetime.timezone.utc).timestamp()
        self.assertGreaterEqual(updated, server.indexed_after)
        self.assertLessEqual(updated, time.time())

    def test_an_entity_feed_has_every_issue_that_mentions_it(self):
        parsed = self.parse("/api/entities/people/Pat%20Bullen.atom")
        entity = server.json("/api/entities/people/Pat%20Bullen")
        self.assertEqual(parsed.feed.title, "Regional Update archive: Pat Bullen")
        self.assertEqual(len(parsed.entries), entity["issues"])
        self.assertEqual(len(parsed.entries), 4)  # three dated issues and the special edition
        self.assertTrue(all("<b>Pat Bullen</b>" in e.summary for e in parsed.entries))
        # Any spelling of a name is the same feed.
        telford = self.parse("/api/entities/authorities/Telford%20%26%20Wrekin.atom")
        self.assertEqual(telford.feed.title, "Regional Update archive: Telford and Wrekin")
        self.assertEqual(telford.feed.id, self.parse("/api/entities/authorities/telford%20and%20wrekin.atom").feed.id)

    def test_text_that_looks_like_markup_stays_text(self):
        parsed = self.parse("/api/search.atom?q=%3Cb%3E%20%26%20%22quotes%22")
        self.assertEqual(parsed.feed.title, "Regional Update archive: \u201c<b> & \"quotes\"\u201d")

    def test_bad_requests_are_json_errors(self):
        for path, code in [("/api/entities/people/Nobody%20Here.atom", "not_found"),
                           ("/api/entities/colours/red.atom", "invalid_facet"),
                           ("/api/search.atom?sort=oldest", "unknown_parameter"),
                           ("/api/search.atom?from=2024-01&to=2022-01", "invalid_search_date")]:
            with self.subTest(path=path):
                status, content_type, body = server.get(path)
                self.assertGreaterEqual(status, 400)
                self.assertEqual(json.loads(body)["code"], code)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
