// The real searchd on a free loopback port over a database indexed from corpus/.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "api/error_codes.hpp"
#include "common/text/text.hpp"
#include "test_support.hpp"

using namespace wm;
using namespace wm::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = WM_CORPUS_DIR;

// One database of the corpus, shared by the read-only tests of this file.
const std::string& corpus_database() {
    static TempDir dir;
    static const std::string path = [] {
        const auto db = dir / "db";
        const auto result = index_into(db, {kCorpus});
        if (result.exit_code != 0) throw std::runtime_error("indexing failed: " + result.err);
        return db;
    }();
    return path;
}

struct Reply {
    int status = 0;
    json body;
    httplib::Headers headers;
};

Reply get(const SearchdProcess& server, const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    const auto res = client.Get(path.c_str(), headers);
    REQUIRE(res);
    Reply reply{res->status, json(), res->headers};
    if (!res->body.empty() && res->get_header_value("Content-Type") == "application/json") reply.body = json::parse(res->body);
    return reply;
}

// A browser's CORS preflight for a cross-origin request.
httplib::Result preflight(const SearchdProcess& server, const std::string& path, const std::string& origin,
                          const std::string& method) {
    httplib::Client client("127.0.0.1", server.port());
    return client.Options(path.c_str(), {{"Origin", origin}, {"Access-Control-Request-Method", method}});
}

std::vector<std::string> hit_files(const json& body) {
    std::vector<std::string> files;
    for (const auto& hit : body["hits"]) files.push_back(hit["file"]);
    return files;
}

std::map<std::string, std::size_t> counts_of(const json& facet) {
    std::map<std::string, std::size_t> counts;
    for (const auto& entry : facet) counts[entry["value"]] = entry["count"];
    return counts;
}

}  // namespace

TEST_CASE("every seed query finds its relevant issues in the first five hits", "[searchd][relevance]") {
    SearchdProcess server(corpus_database());
    std::ifstream tsv(std::string(WM_SHARED_DIR) + "/gold/seed-queries.tsv");
    REQUIRE(tsv);
    std::string line;
    int checked = 0;
    while (std::getline(tsv, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto fields = split(line, '\t');
        const std::string query = fields[0] == "*" ? "" : fields[0];
        std::string path = "/api/search?per_page=5&q=" + encode(query);
        if (fields.size() > 2 && !fields[2].empty()) {
            const auto eq = fields[2].find('=');
            const auto name = fields[2].substr(0, eq), value = fields[2].substr(eq + 1);
            if (name == "date") {
                const auto dots = value.find("..");
                path += "&from=" + value.substr(0, dots) + "&to=" + value.substr(dots + 2);
            } else {
                path += "&" + name + "=" + encode(value);
            }
        }
        INFO(path);
        const auto reply = get(server, path);
        REQUIRE(reply.status == 200);
        const auto files = hit_files(reply.body);
        for (const auto& relevant : split(fields[1], ','))
            CHECK(std::find(files.begin(), files.end(), relevant) != files.end());
        ++checked;
    }
    CHECK(checked >= 20);
}

TEST_CASE("facet counts equal counts computed from indexer extract", "[searchd][facets]") {
    const auto extracted = run_indexer("extract --json " + quoted(kCorpus));
    REQUIRE(extracted.exit_code == 0);
    std::map<std::string, std::map<std::string, std::size_t>> expected;
    for (const auto& line : split(extracted.out, '\n')) {
        if (line.empty()) continue;
        const auto issue = json::parse(line);
        for (const char* facet : {"people", "authorities", "programmes"})
            for (const auto& value : issue[facet]) ++expected[facet][value];
    }
    SearchdProcess server(corpus_database());
    const auto reply = get(server, "/api/search?facet_limit=1000");
    REQUIRE(reply.status == 200);
    CHECK(reply.body["total"] == 5);
    CHECK(reply.body["facets_exhaustive"] == true);
    for (const char* facet : {"people", "authorities", "programmes"}) {
        INFO(facet);
        CHECK(counts_of(reply.body["facets"][facet]) == expected[facet]);
    }
    CHECK(counts_of(reply.body["facets"]["years"]) == std::map<std::string, std::size_t>{{"2022", 3}, {"2023", 2}});
}

TEST_CASE("facets are disjunctive: a facet's own filter does not narrow its counts", "[searchd][facets]") {
    SearchdProcess server(corpus_database());
    const auto all = get(server, "/api/search?facet_limit=1000");
    const auto filtered = get(server, "/api/search?facet_limit=1000&authority=" + encode("Telford & Wrekin"));
    REQUIRE(filtered.status == 200);
    CHECK(filtered.body["total"] == 3);
    // Authorities keep their unfiltered counts; other facets count only the filtered issues.
    CHECK(counts_of(filtered.body["facets"]["authorities"]) == counts_of(all.body["facets"]["authorities"]));
    std::size_t people_total = 0, all_people_total = 0;
    for (const auto& [name, count] : counts_of(filtered.body["facets"]["people"])) people_total += count;
    for (const auto& [name, count] : counts_of(all.body["facets"]["people"])) all_people_total += count;
    CHECK(people_total < all_people_total);

    // OR within a facet, AND across facets.
    const auto either = get(server, "/api/search?authority=Solihull&authority=Coventry");
    CHECK(either.body["total"] == 3);
    const auto both = get(server, "/api/search?authority=Solihull&person=" + encode("Jo Britton"));
    CHECK(hit_files(both.body) == std::vector<std::string>{"003_5a3c62a5cd5b4844.txt"});
    // Filter values fold case, '&' and aliases.
    CHECK(get(server, "/api/search?authority=" + encode("telford and wrekin")).body["total"] == 3);
}

TEST_CASE("hits point at the best section with a highlighted snippet", "[searchd][snippets]") {
    SearchdProcess server(corpus_database());
    const auto reply = get(server, "/api/search?q=CRABBB");
    REQUIRE(reply.status == 200);
    REQUIRE(reply.body["hits"].size() >= 2);
    for (const auto& hit : reply.body["hits"]) {
        CHECK(hit["snippet"].get<std::string>().find("<mark>") != std::string::npos);
        CHECK(hit["section"].is_object());
    }
    const auto sections = get(server, "/api/search?group=section&q=" + encode("\"peer challenge\""));
    CHECK(sections.body["total"].get<int>() > 1);
    CHECK(sections.body["hits"][0]["section"]["heading"].is_string());
    // Text from the archive is escaped: markup in a snippet is only ever <mark>.
    const auto escaped = get(server, "/api/search?q=LGBTQ");
    CHECK(escaped.body["hits"][0]["snippet"].get<std::string>().find("LGBTQ+") != std::string::npos);
}

TEST_CASE("empty query lists issues newest first, sort, pages and months", "[searchd]") {
    SearchdProcess server(corpus_database());
    const auto all = get(server, "/api/search?q=");
    CHECK(hit_files(all.body).front() == "001_bdbd675849e79961.txt");
    CHECK(hit_files(all.body).back() == "000_0ade5a7af2cbefc2.txt");
    const auto oldest = get(server, "/api/search?sort=oldest&per_page=2&page=2");
    CHECK(hit_files(oldest.body) == std::vector<std::string>{"002_0fd2bfd31e05e50e.txt", "003_5a3c62a5cd5b4844.txt"});
    CHECK(get(server, "/api/search?from=2022-07&to=2022-12").body["total"] == 2);
    const auto past_end = get(server, "/api/search?page=99");
    CHECK(past_end.status == 200);
    CHECK(past_end.body["hits"].empty());
    const auto misspelt = get(server, "/api/search?q=safegaurding").body;
    CHECK(misspelt["did_you_mean"] == "safeguarding");
    CHECK(misspelt["total"] == get(server, "/api/search?q=safeguarding").body["total"]);  // searched as corrected
    CHECK(misspelt["warnings"][0]["code"] == "showing_corrected");
    // A misspelt name: the corrected name, not issues that merely say "Nigel".
    const auto name = get(server, "/api/search?q=Nigel%20Mins").body;
    CHECK(name["did_you_mean"] == "Nigel Minns");
    CHECK(name["warnings"][0]["code"] == "showing_corrected");
    CHECK(name["total"] == 2);
    const auto place = get(server, "/api/search?q=Herefordshre").body;
    CHECK(place["did_you_mean"] == "Herefordshire");
    CHECK(place["hits"][0]["file"] == "004_ad146b42a34eb8f9.txt");
}

TEST_CASE("suggestions complete names and words", "[searchd][suggest]") {
    SearchdProcess server(corpus_database());
    const auto reply = get(server, "/api/suggest?q=" + encode("pat b"));
    REQUIRE(reply.status == 200);
    REQUIRE_FALSE(reply.body["suggestions"].empty());
    CHECK(reply.body["suggestions"][0]["text"] == "Pat Bullen");
    CHECK(reply.body["suggestions"][0]["kind"] == "person");
    CHECK(reply.body["suggestions"][0]["count"] == 3);
}

TEST_CASE("suggestions count what searching them finds, with no junk forms", "[searchd][suggest]") {
    SearchdProcess server(corpus_database());
    for (const std::string typed : {"care le", "pat bu", "Telford and w", "wrek", "jo", "care leaver offer", "inspe"}) {
        const auto reply = get(server, "/api/suggest?q=" + encode(typed));
        REQUIRE(reply.status == 200);
        REQUIRE_FALSE(reply.body["suggestions"].empty());
        std::set<std::string> keys;
        for (const auto& s : reply.body["suggestions"]) {
            const auto text = s["text"].get<std::string>();
            INFO(typed << " -> " << text);
            // The issues that have it whole: a search for it finds them first (then, when they are
            // few, issues that write it otherwise).
            CHECK(get(server, "/api/search?q=" + encode(text)).body["total_all_words"] == s["count"]);
            CHECK(text.find('\'') == std::string::npos);  // "Telford and wrekin's"
            CHECK(keys.insert(match_key(text)).second);     // "Pat bullen" beside "Pat Bullen"
            CHECK(text != "care led");                      // never written together
        }
    }
}

TEST_CASE("issues, facets, health and metrics endpoints", "[searchd]") {
    SearchdProcess server(corpus_database());
    const auto issues = get(server, "/api/issues");
    CHECK(issues.body["total"] == 5);
    CHECK(issues.body["issues"][0]["id"] == "001_bdbd675849e79961");
    const auto issue = get(server, "/api/issues/000_0ade5a7af2cbefc2");
    CHECK(issue.body["signatory"] == "Jenny Turnross");
    CHECK(issue.body["sections"].size() > 5);
    const auto facet = get(server, "/api/facets/people?prefix=jo");
    CHECK(counts_of(facet.body["values"]).count("Jo Britton") == 1);
    const auto health = get(server, "/healthz");
    CHECK(health.body["status"] == "ok");
    CHECK(health.body["issues"] == 5);
    // A request is counted when it has been logged, just after its response was sent.
    httplib::Client client("127.0.0.1", server.port());
    std::string metrics;
    const std::string counted = "searchd_requests_total{route=\"/healthz\",status=\"200\"}";
    for (int attempt = 0; attempt < 50 && metrics.find(counted) == std::string::npos; ++attempt) {
        if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const auto reply = client.Get("/metrics");
        REQUIRE(reply);
        metrics = reply->body;
    }
    CHECK(metrics.find(counted) != std::string::npos);
    CHECK(metrics.find("searchd_request_duration_seconds_bucket") != std::string::npos);
}

TEST_CASE("CORS: allowed origins get the header and preflight is answered", "[searchd][cors]") {
    SearchdProcess server(corpus_database(), {"--cors-origin", "https://www.example.org"});
    const auto allowed = get(server, "/api/search?q=CRABBB", {{"Origin", "https://www.example.org"}});
    CHECK(httplib::detail::get_header_value(allowed.headers, "Access-Control-Allow-Origin", 0, "") ==
          std::string("https://www.example.org"));
    const auto other = get(server, "/api/search?q=CRABBB", {{"Origin", "https://evil.example"}});
    CHECK(other.headers.count("Access-Control-Allow-Origin") == 0);
    const auto asked = preflight(server, "/api/search", "https://www.example.org", "GET");
    REQUIRE(asked);
    CHECK(asked->status == 204);
    CHECK(asked->get_header_value("Access-Control-Allow-Origin") == "https://www.example.org");
    CHECK(asked->get_header_value("Access-Control-Allow-Methods").find("GET") != std::string::npos);
}

TEST_CASE("bad requests get Meilisearch-shaped errors and the daemon keeps serving", "[searchd][errors]") {
    SearchdProcess server(corpus_database());
    struct Case { std::string path; int status; std::string code; };
    const std::vector<Case> cases = {
        {"/api/search?q=" + std::string(1001, 'a'), 400, "invalid_search_q"},
        {"/api/search?q=%FF%FE", 400, "invalid_search_q"},
        {"/api/search?q=a%00b", 400, "invalid_search_q"},
        {"/api/search?colour=red", 400, "unknown_parameter"},
        {"/api/search?per_page=0", 400, "invalid_search_per_page"},
        {"/api/search?per_page=-1", 400, "invalid_search_per_page"},
        {"/api/search?per_page=101", 400, "invalid_search_per_page"},
        {"/api/search?page=0", 400, "invalid_search_page"},
        {"/api/search?page=x", 400, "invalid_search_page"},
        {"/api/search?page=10001", 400, "invalid_search_page"},
        {"/api/search?from=2022-13", 400, "invalid_search_date"},
        {"/api/search?sort=random", 400, "invalid_search_sort"},
        {"/api/facets/colours", 400, "invalid_facet"},
        {"/api/issues/no_such_issue", 404, "not_found"},
        {"/no/such/path", 404, "not_found"},
    };
    for (const auto& c : cases) {
        INFO(c.path);
        const auto reply = get(server, c.path);
        CHECK(reply.status == c.status);
        CHECK(reply.body["code"] == c.code);
        CHECK(reply.body["message"].is_string());
        CHECK(reply.body["type"] == "invalid_request");
    }
    // Half-typed syntax is never an error.
    for (const std::string q : {"foster AND", "\"unterminated", "(((x", "title:", "AND OR NOT"}) {
        INFO(q);
        CHECK(get(server, "/api/search?q=" + encode(q)).status == 200);
    }
    httplib::Client client("127.0.0.1", server.port());
    const auto post = client.Post("/api/search", "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(json::parse(post->body)["code"] == "method_not_allowed");
    CHECK(get(server, "/healthz").status == 200);
}

TEST_CASE("every error links to the code on the error reference page of the server that answered", "[searchd][errors]") {
    SearchdProcess server(corpus_database());
    const auto origin = "http://127.0.0.1:" + std::to_string(server.port());
    const auto refused = get(server, "/api/search?page=0");
    CHECK(refused.body["link"] == origin + "/errors#invalid_search_page");
    // The name the client reached it by, and https behind a proxy that says so.
    CHECK(get(server, "/no/such/path", {{"Host", "search.example.org"}, {"X-Forwarded-Proto", "https"}}).body["link"] ==
          "https://search.example.org/errors#not_found");
    CHECK(get(server, "/no/such/path", {{"Host", "search.example.org:8443"}}).body["link"] ==
          "http://search.example.org:8443/errors#not_found");
    // A Host that could make the link lead elsewhere is not used.
    for (const auto* host : {"evil.example/x", "a@evil.example", "x\"<script>", "[::1", "host:port"})
        CHECK(get(server, "/no/such/path", {{"Host", host}}).body["link"] == origin + "/errors#not_found");

    httplib::Client client("127.0.0.1", server.port());
    const auto page = client.Get("/errors");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").starts_with("text/html"));
    for (const auto& info : error_table()) {
        INFO(info.code);
        CHECK(page->body.find("<tr id=\"" + std::string(info.code) + "\">") != std::string::npos);
        CHECK(page->body.find(std::string(info.remedy).substr(0, 20)) != std::string::npos);
    }

    SearchdProcess configured(corpus_database(), {"--error-reference-url", "https://docs.example.org/wmsearch/errors.html"});
    CHECK(get(configured, "/api/search?page=0").body["link"] == "https://docs.example.org/wmsearch/errors.html#invalid_search_page");
}

TEST_CASE("a query with nothing to search for is answered with a warning that says so", "[searchd]") {
    SearchdProcess server(corpus_database());
    const auto reply = get(server, "/api/search?q=" + encode("\xF0\x9F\x98\x80 "));
    REQUIRE(reply.status == 200);
    CHECK(reply.body["total"] == 5);
    CHECK(reply.body["warnings"][0]["code"] == "query_not_searchable");
    CHECK(get(server, "/api/search?q=safegaurding&correct_spelling=false").body["total"] == 0);
    CHECK(get(server, "/api/search?correct_spelling=maybe").body["code"] == "invalid_search_correct_spelling");
}

TEST_CASE("a newly indexed issue is visible without a restart", "[searchd][live]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_into(db, {kCorpus}).exit_code == 0);
    SearchdProcess server(db);
    CHECK(get(server, "/api/search?q=zebracrossing").body["total"] == 0);
    write_file(dir / "regional-update-may-2024.txt",
               "Regional Update \u2013 May 2024\n\nRoad Safety\n\nA zebracrossing campaign for schools.\n");
    REQUIRE(index_into(db, {dir / "regional-update-may-2024.txt"}).exit_code == 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    json body;
    do {
        body = get(server, "/api/search?q=zebracrossing").body;
    } while (body["total"] == 0 && std::chrono::steady_clock::now() < deadline);
    CHECK(body["total"] == 1);
    CHECK(body["hits"][0]["date"] == "2024-05");
}

TEST_CASE("openapi.json describes every route", "[searchd][openapi]") {
    SearchdProcess server(corpus_database());
    const auto spec = get(server, "/openapi.json");
    REQUIRE(spec.status == 200);
    CHECK(spec.body["openapi"].get<std::string>().starts_with("3."));
    std::set<std::string> documented;
    for (const auto& [path, item] : spec.body["paths"].items()) documented.insert(path);
    const auto routes = run_command(quoted(WM_SEARCHD) + " --list-routes");
    REQUIRE(routes.exit_code == 0);
    std::set<std::string> served;
    for (const auto& route : split(routes.out, '\n'))
        if (!route.empty()) served.insert(route);
    CHECK(documented == served);
}

TEST_CASE("searchd stops cleanly on SIGTERM and refuses a missing database", "[searchd]") {
    SearchdProcess server(corpus_database());
    CHECK(server.stop() == 0);
    const auto missing = run_command(quoted(WM_SEARCHD) + " --port 0 --db /nonexistent/db");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("cannot open database") != std::string::npos);
}

TEST_CASE("facets filter and count the same over remote shards served by xapian-tcpsrv", "[searchd][shards]") {
    TempDir dir;
    const std::vector<std::vector<std::string>> shard_files = {
        {"000_0ade5a7af2cbefc2", "001_bdbd675849e79961", "002_0fd2bfd31e05e50e"},
        {"003_5a3c62a5cd5b4844", "004_ad146b42a34eb8f9"}};
    std::vector<std::unique_ptr<XapianTcpServer>> servers;
    std::string stub, local_stub;
    for (std::size_t i = 0; i < shard_files.size(); ++i) {
        const auto shard = dir / ("shard" + std::to_string(i));
        std::vector<std::string> files;
        for (const auto& id : shard_files[i]) files.push_back(kCorpus + "/" + id + ".txt");
        REQUIRE(index_into(shard, files).exit_code == 0);
        servers.push_back(std::make_unique<XapianTcpServer>(shard));
        stub += "remote 127.0.0.1:" + std::to_string(servers.back()->port()) + "\n";
        local_stub += "auto " + shard + "\n";
    }
    // Xapian's stub database format. The same shards opened directly are the reference: each
    // shard extracted its facets with its own glossary, so a single database would differ.
    write_file(dir / "shards.stub", stub);
    write_file(dir / "local.stub", local_stub);

    SearchdProcess local(dir / "local.stub");
    SearchdProcess remote(dir / "shards.stub");
    for (const std::string query : {"", "care", "leadership"}) {
        for (const std::string extra : {"&per_page=1", "&per_page=2", "&per_page=3&sort=oldest",
                                        "&authority=Telford%20%26%20Wrekin", "&person=Jo%20Britton&group=section"}) {
            const auto path = "/api/search?q=" + encode(query) + extra;
            INFO(path);
            const auto expected = get(local, path), got = get(remote, path);
            REQUIRE(got.status == 200);
            CHECK(got.body["total"] == expected.body["total"]);
            for (const auto* facet : {"people", "authorities", "programmes", "years"})
                CHECK(counts_of(got.body["facets"][facet]) == counts_of(expected.body["facets"][facet]));
            CHECK(got.body["hits"].size() == expected.body["hits"].size());
        }
    }
}

namespace {

Reply post(const SearchdProcess& server, const std::string& path, const std::string& body,
           const std::string& content_type = "application/json") {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    const auto res = client.Post(path.c_str(), body, content_type.c_str());
    REQUIRE(res);
    Reply reply{res->status, json(), res->headers};
    if (!res->body.empty()) reply.body = json::parse(res->body);
    return reply;
}

}  // namespace

TEST_CASE("a Meilisearch client's start-up calls and facet search answer in Meilisearch's shapes", "[searchd][meilisearch]") {
    SearchdProcess server(corpus_database());
    CHECK(get(server, "/health").body == nlohmann::json({{"status", "available"}}));
    CHECK(get(server, "/version").body["pkgVersion"].is_string());
    const auto index = get(server, "/indexes/issues");
    CHECK(index.body["uid"] == "issues");
    CHECK(index.body["primaryKey"] == "id");
    CHECK(get(server, "/indexes").body["results"] == nlohmann::json::array({index.body}));
    const auto stats = get(server, "/indexes/issues/stats");
    CHECK(stats.body["numberOfDocuments"] == 5);
    CHECK(stats.body["isIndexing"] == false);
    for (const auto* path : {"/indexes/books", "/indexes/books/stats"}) {
        const auto missing = get(server, path);
        CHECK(missing.status == 404);
        CHECK(missing.body["code"] == "index_not_found");
        CHECK(missing.body["link"].get<std::string>().ends_with("#index_not_found"));
    }

    const auto values = post(server, "/indexes/issues/facet-search",
                             R"({"facetName": "authorities", "facetQuery": "wre", "q": "care"})");
    REQUIRE(values.status == 200);
    CHECK(values.body["facetHits"] == nlohmann::json::parse(R"([{"value": "Telford and Wrekin", "count": 3}])"));
    CHECK(post(server, "/indexes/books/facet-search", R"({"facetName": "people"})").status == 404);

    // The engine marks title and heading as it marks snippets; its percentage is the score.
    const auto marked = post(server, "/indexes/issues/search",
                             R"({"q": "care leaver offer", "attributesToHighlight": ["*"], "showRankingScore": true,
                                 "filter": "kind = issue AND \"date\" 2022-01 TO 2023-12"})");
    REQUIRE(marked.status == 200);
    REQUIRE_FALSE(marked.body["hits"].empty());
    bool heading_marked = false;
    for (const auto& hit : marked.body["hits"]) {
        CHECK(hit["_rankingScore"].get<double>() > 0);
        CHECK(hit["_rankingScore"].get<double>() <= 1);
        heading_marked = heading_marked || hit["_formatted"]["heading"].get<std::string>().find("<em>") != std::string::npos;
    }
    CHECK(heading_marked);

    // What the schema fuzzer found answered where it should have been refused.
    CHECK(get(server, "/api/facets/null%2Cnull").body["code"] == "invalid_facet");
    CHECK(get(server, "/api/suggest").body["code"] == "invalid_suggest_q");
    CHECK(get(server, "/api/issues/000_0ade5a7af2cbefc2/related?limit=").body["code"] == "invalid_related_limit");
    CHECK(get(server, "/api/search?programme=%C2%9F").status == 200);  // it crashed searchd
}

TEST_CASE("Meilisearch-compatible search answers what InstantSearch asks", "[searchd][meilisearch]") {
    SearchdProcess server(corpus_database(), {"--cors-origin", "http://127.0.0.1:9"});
    const auto native = get(server, "/api/search?q=care&authority=Telford%20and%20Wrekin&per_page=2&page=1");

    const auto single = post(server, "/indexes/issues/search",
                             R"({"q": "care", "filter": [["authorities=\"Telford and Wrekin\""]], "facets": ["authorities", "people"],
                                 "hitsPerPage": 2, "page": 1, "attributesToHighlight": ["*"],
                                 "highlightPreTag": "__ais-highlight__", "highlightPostTag": "__/ais-highlight__"})");
    REQUIRE(single.status == 200);
    CHECK(single.body["totalHits"] == native.body["total"]);
    CHECK(single.body["hits"].size() == native.body["hits"].size());
    CHECK(single.body["hits"][0]["id"] == native.body["hits"][0]["issue_id"]);
    CHECK(single.body["hits"][0]["_formatted"]["snippet"].get<std::string>().find("__ais-highlight__") != std::string::npos);
    CHECK(counts_of(native.body["facets"]["people"]).at("Jo Britton") == single.body["facetDistribution"]["people"]["Jo Britton"]);
    CHECK(single.body["facetDistribution"]["authorities"]["Telford and Wrekin"] == 3);  // disjunctive

    const auto multi = post(server, "/multi-search",
                            R"({"queries": [{"indexUid": "issues", "q": "Pat Bullen", "limit": 5, "offset": 0},
                                            {"indexUid": "issues", "q": "", "facets": ["programmes"], "limit": 0}]})");
    REQUIRE(multi.status == 200);
    REQUIRE(multi.body["results"].size() == 2);
    CHECK(multi.body["results"][0]["estimatedTotalHits"] == 3);
    CHECK(multi.body["results"][1]["hits"].empty());
    CHECK(multi.body["results"][1]["facetDistribution"]["programmes"]["Family Hubs"] == 3);

    CHECK(post(server, "/indexes/books/search", "{}").body["code"] == "index_not_found");
    CHECK(post(server, "/indexes/issues/search", "{").body["code"] == "bad_request");
    CHECK(post(server, "/indexes/issues/search", "{}", "text/plain").status == 415);
    const auto bad_filter = post(server, "/indexes/issues/search", R"({"filter": "colour = red"})");
    CHECK(bad_filter.status == 400);
    CHECK(bad_filter.body["code"] == "invalid_search_filter");
    CHECK(bad_filter.body["type"] == "invalid_request");
    CHECK(get(server, "/multi-search").status == 405);

    const auto asked = preflight(server, "/multi-search", "http://127.0.0.1:9", "POST");
    REQUIRE(asked);
    CHECK(asked->status == 204);
    CHECK(asked->get_header_value("Access-Control-Allow-Methods") == "POST, OPTIONS");
    CHECK(asked->get_header_value("Access-Control-Allow-Origin") == "http://127.0.0.1:9");
}

TEST_CASE("an acronym finds issues that only spell it out, and the reverse", "[searchd][acronyms]") {
    TempDir dir;
    fs::create_directories(dir / "corpus");
    write_file(dir / "corpus/regional-update-may-2030.txt",
               "Regional Update – May 2030\n\nNews:\n\nThe Quick Win Exchange Initiative (QWEI) starts.\n");
    write_file(dir / "corpus/regional-update-june-2030.txt",
               "Regional Update – June 2030\n\nNews:\n\nQWEI grows across the region.\n");
    write_file(dir / "corpus/regional-update-july-2030.txt",
               "Regional Update – July 2030\n\nNews:\n\nThe Quick Win Exchange Initiative ends; a Principal Social "
               "Worker spoke.\n");
    REQUIRE(index_into(dir / "db", {dir / "corpus"}).exit_code == 0);
    SearchdProcess server(dir / "db");
    CHECK(get(server, "/api/search?q=QWEI").body["total"] == 3);
    CHECK(get(server, "/api/search?q=quick%20win%20exchange%20initiative").body["total"] == 3);
    CHECK(get(server, "/api/search?q=PSW").body["total"] == 1);  // national glossary
    CHECK(get(server, "/api/search?q=%22QWEI%20grows%22").body["total"] == 1);

    const auto glossary = get(server, "/api/glossary").body;
    const auto& first = glossary["entries"][0];  // the archive's own come first
    CHECK(first["acronym"] == "QWEI");
    CHECK(first["expansion"] == "Quick Win Exchange Initiative");
    CHECK(first["source"] == "regional-update-may-2030");
    CHECK(first["category"] == "programme");
    CHECK(glossary["total"].get<std::size_t>() > 100);
}

TEST_CASE("a name matches the name first, its words apart only below, and ranks where it is a facet", "[searchd][names]") {
    TempDir dir;
    fs::create_directories(dir / "corpus");
    write_file(dir / "corpus/regional-update-may-2030.txt",
               "Regional Update – May 2030\n\nNews:\n\nWe welcome Helen Brennan to the Regional Team.\n");
    write_file(dir / "corpus/regional-update-june-2030.txt",
               "Regional Update – June 2030\n\nNews:\n\nHelen Smith met Lee Brennan and Helen spoke.\n");
    write_file(dir / "corpus/regional-update-july-2030.txt",
               "Regional Update – July 2030\n\nNews:\n\nTelford & Wrekin hosted the event. Helen Brennan attended.\n");
    // The name written where the extractor finds no person: the phrase still matches.
    write_file(dir / "corpus/regional-update-august-2030.txt",
               "Regional Update – August 2030\n\nNews:\n\nbids for the helen brennan bursary close soon.\n");
    REQUIRE(index_into(dir / "db", {dir / "corpus"}).exit_code == 0);
    SearchdProcess server(dir / "db");
    const auto person = get(server, "/api/search?person=" + encode("Helen Brennan")).body;
    CHECK(person["total"] == 2);
    const auto name = get(server, "/api/search?q=Helen%20Brennan").body;
    CHECK(name["total_all_words"] == 3);
    // June has the words apart (Helen Smith, Lee Brennan): after every issue with the name, and said.
    REQUIRE(name["total"] == 4);
    CHECK(name["hits"][3]["file"] == "regional-update-june-2030.txt");
    CHECK(name["relaxed_names"] == nlohmann::json::array({"Helen Brennan"}));
    CHECK(get(server, "/api/search?q=Helen%20Brennan&matching=all").body["total"] == 3);
    CHECK(get(server, "/api/search?q=%22Helen%20Brennan%22").body["total"] == 3);  // quoted: strict
    CHECK(get(server, "/api/search?q=Helen%20AND%20Brennan").body["total"] == 4);
    // An authority typed by its alias finds the facet.
    CHECK(get(server, "/api/search?q=Telford%20and%20Wrekin").body["total"] == 1);
}

TEST_CASE("related issues are the most alike, never the issue itself", "[searchd][related]") {
    SearchdProcess server(corpus_database());
    const auto reply = get(server, "/api/issues/000_0ade5a7af2cbefc2/related?limit=3");
    REQUIRE(reply.status == 200);
    const auto& related = reply.body["related"];
    REQUIRE(related.size() == 3);
    // April 2022 and July 2022 share CRABBB, RIIA, Early Help, Family Hubs, the care leaver offer.
    CHECK(related[0]["issue_id"] == "004_ad146b42a34eb8f9");
    CHECK(related[0]["shared"]["programmes"].size() >= 4);
    for (const auto& issue : related) CHECK(issue["issue_id"] != "000_0ade5a7af2cbefc2");
    CHECK(get(server, "/api/issues/no_such_issue/related").status == 404);
    CHECK(get(server, "/api/issues/000_0ade5a7af2cbefc2/related?limit=0").body["code"] == "invalid_related_limit");
}

TEST_CASE("headings weigh more than body text, the signatory is findable", "[searchd][fields]") {
    TempDir dir;
    fs::create_directories(dir / "corpus");
    // The older issue has the word in a heading: without field weights the newer would win the tie.
    write_file(dir / "corpus/regional-update-may-2030.txt",
               "Regional Update – May 2030\n\nFostering:\n\nThe panel met twice and agreed its plan for carers.\n");
    write_file(dir / "corpus/regional-update-june-2030.txt",
               "Regional Update – June 2030\n\nNews:\n\nThe panel met twice and agreed its plan for fostering.\n");
    REQUIRE(index_into(dir / "db", {dir / "corpus"}).exit_code == 0);
    SearchdProcess server(dir / "db");
    const auto hits = get(server, "/api/search?q=fostering").body["hits"];
    REQUIRE(hits.size() == 2);
    CHECK(hits[0]["file"] == "regional-update-may-2030.txt");

    const auto by = get(server, "/api/search?q=" + encode("introduction by Jenny Turnross"));
    CHECK(by.body["total"] == 0);  // no such signatory here
    SearchdProcess seeds(corpus_database());
    const auto intro = get(seeds, "/api/search?q=" + encode("introduction by Jenny Turnross")).body;
    REQUIRE(intro["total"] == 1);  // 003 names her too, but did not sign it
    CHECK(intro["hits"][0]["file"] == "000_0ade5a7af2cbefc2.txt");
    CHECK(get(seeds, "/api/search?q=" + encode("signatory:\"Tina Russell\"")).body["total"] == 1);
}

TEST_CASE("entity pages: mentions newest first, roles, companions, timeline", "[searchd][entities]") {
    SearchdProcess server(corpus_database());
    const auto jo = get(server, "/api/entities/people/" + encode("Jo Britton"));
    REQUIRE(jo.status == 200);
    CHECK(jo.body["issues"] == 3);
    CHECK(jo.body["first_mention"] == "2022-12");
    CHECK(jo.body["last_mention"] == "2023-11");
    CHECK(jo.body["mentions"][0]["date"] == "2023-11");
    CHECK(jo.body["roles"][0]["role"] == "DCS Telford and Wrekin");
    CHECK(jo.body["timeline"].size() == 3);
    CHECK(jo.body["people"][0]["value"] == "Emma Bennett");  // in two of Jo's three issues

    const auto pat = get(server, "/api/entities/person/" + encode("Pat Bullen")).body;
    CHECK(pat["roles"][0]["role"] == "SEND Regional Coordinator");
    const auto telford = get(server, "/api/entities/authorities/" + encode("Telford & Wrekin")).body;
    CHECK(telford["value"] == "Telford and Wrekin");
    CHECK(telford["issues"] == 3);
    CHECK(get(server, "/api/entities/programmes/RIIA").body["value"] == "Regional Improvement and Innovation Alliance");
    CHECK(get(server, "/api/entities/people/" + encode("Nobody Here")).status == 404);
    CHECK(get(server, "/api/entities/colours/red").body["code"] == "invalid_facet");
}

TEST_CASE("a storm of costly searches leaves /healthz and a cheap search answering", "[searchd][overload]") {
    TempDir dir;
    generate_archive(dir / "issues", 1000);
    REQUIRE(index_into(dir / "db", {dir / "issues"}).exit_code == 0);
    // As deployed: a thread for every connection (the default is 128), fewer searchers.
    SearchdProcess server(dir / "db", {"--searchers", "2", "--threads", "32"});
    std::atomic<bool> stop{false};
    std::atomic<int> answered{0}, failed{0};
    std::vector<std::thread> storm;
    for (int i = 0; i < 24; ++i)  // more than the searchers: the rest wait for one
        storm.emplace_back([&] {
            httplib::Client client("127.0.0.1", server.port());
            client.set_read_timeout(60, 0);
            while (!stop) {
                const auto res = client.Get("/api/search?q=care%20children&group=section&per_page=100&facet_limit=1000");
                ++(res && res->status == 200 ? answered : failed);
            }
        });
    httplib::Client probe("127.0.0.1", server.port());
    probe.set_read_timeout(60, 0);  // a cheap search waits its turn for a searcher: answered, however slow the build
    double slowest_health_ms = 0;
    int cheap_ok = 0;
    wait_until([&] { return answered >= 24; }, 60);  // the storm is under way
    for (int i = 0; i < 10; ++i) {
        const auto started = std::chrono::steady_clock::now();
        const auto health = probe.Get("/healthz");
        slowest_health_ms = std::max(slowest_health_ms, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
        CHECK((health && health->status == 200));
        const auto cheap = probe.Get("/api/search?q=zzqxjv");
        cheap_ok += cheap && cheap->status == 200;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    stop = true;
    for (auto& thread : storm) thread.join();
    CHECK(failed == 0);
    CHECK(cheap_ok == 10);
    // Health needs no searcher: it answers in about a millisecond however long the queue for one
    // is. A generous bound, for a loaded machine.
    CHECK(slowest_health_ms < 1000);
}
