// Shards and replicas with Xapian's own tools: `indexer index --shards 3`, shards served by the
// stock xapian-tcpsrv, replicas kept by xapian-replicate. searchd must answer over them exactly
// as over one database.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "common/index/schema.hpp"
#include "tests/integration/test_support.hpp"

using namespace wm::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Answer {
    int status = 0;
    json body;
};

Answer fetch(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(30, 0);
    const auto res = client.Get(path.c_str());
    if (!res) return {0, json()};
    return {res->status, res->body.empty() ? json() : json::parse(res->body)};
}

// What must not differ between one database and its shards: everything but the timing.
json comparable(json body) {
    body.erase("took_ms");
    if (body.contains("hits"))
        for (auto& hit : body["hits"]) hit.erase("score");  // compared through the order instead
    return body;
}

std::vector<std::string> query_paths() {
    std::vector<std::string> paths;
    for (const std::string query : {"", "care", "care leaver offer", "\"peer challenge\"", "Nigel Minns",
                                    "fostering NOT kinship", "sufficiency OR placements", "fosterng recruitmnt"})
        for (const std::string extra : {"", "&page=2", "&sort=oldest", "&sort=newest&per_page=7", "&per_page=3",
                                        "&authority=Birmingham", "&group=section"})
            paths.push_back("/api/search?q=" + encode(query) + extra);
    for (const std::string prefix : {"fos", "Tel", "care l"}) paths.push_back("/api/suggest?q=" + encode(prefix));
    paths.push_back("/api/issues/000_0ade5a7af2cbefc2");
    paths.push_back("/api/issues/gen-00042");
    paths.push_back("/api/facets/authorities");
    paths.push_back("/api/glossary");
    return paths;
}

void check_same_answers(int expected_port, int actual_port) {
    for (const auto& path : query_paths()) {
        INFO(path);
        const auto expected = fetch(expected_port, path), actual = fetch(actual_port, path);
        REQUIRE(expected.status == 200);
        REQUIRE(actual.status == 200);
        CHECK(comparable(actual.body) == comparable(expected.body));
    }
}

// Eight requests (every worker thread, connected to the shard or not) are each a 503 in
// Meilisearch's shape, naming no address, within the bound.
void check_unavailable(int port, const std::string& path, double seconds_bound) {
    for (int request = 0; request < 8; ++request) {
        const auto started = std::chrono::steady_clock::now();
        const auto answer = fetch(port, path);
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        CHECK(answer.status == 503);
        CHECK(answer.body.value("code", "") == "shard_unavailable");
        CHECK(answer.body.value("type", "") == "system");
        CHECK(answer.body.value("message", "").find("127.0.0.1") == std::string::npos);
        CHECK(seconds < seconds_bound);
    }
}

}  // namespace

TEST_CASE("three shards with two behind xapian-tcpsrv answer exactly as one database and a lost shard is a 503", "[shards]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    copy_real_issues(corpus);
    generate_archive(corpus + "/generated", 300);
    const auto single = dir / "single", sharded = dir / "sharded";
    REQUIRE(index_into(single, {corpus}).exit_code == 0);
    REQUIRE(index_into(sharded, {corpus}, "--shards 3").exit_code == 0);
    for (int shard = 0; shard < 3; ++shard)
        CHECK(indexed_ids(sharded + "/" + wm::schema::shard_name(shard)).size() > 50);  // a fair split

    auto first = std::make_unique<XapianTcpServer>(sharded + "/shard-0");
    auto second = std::make_unique<XapianTcpServer>(sharded + "/shard-1");
    const int second_port = second->port();
    write_file(dir / "mixed.stub", "auto " + sharded + "/dictionary\n" +
                                       "remote 127.0.0.1:" + std::to_string(first->port()) + "\n" +
                                       "remote 127.0.0.1:" + std::to_string(second_port) + "\n" +
                                       "auto " + sharded + "/shard-2\n");
    SearchdProcess one(single, {"--quiet"});
    SearchdProcess local_shards(sharded, {"--quiet"});
    SearchdProcess remote_shards(dir / "mixed.stub", {"--quiet"});

    SECTION("the same answers: hits and order, totals, facet counts, snippets, suggestions, lookups") {
        check_same_answers(one.port(), local_shards.port());
        check_same_answers(one.port(), remote_shards.port());
    }

    SECTION("a shard that goes away is a 503 at once, and searchd recovers when it returns") {
        const auto path = "/api/search?q=care";
        REQUIRE(fetch(remote_shards.port(), path).status == 200);
        second->kill_hard();
        check_unavailable(remote_shards.port(), path, 12);  // a refused connection is immediate
        second = std::make_unique<XapianTcpServer>(sharded + "/shard-1", second_port);
        CHECK(wait_until([&] { return fetch(remote_shards.port(), path).status == 200; }, 20));
        check_same_answers(one.port(), remote_shards.port());
    }
}

TEST_CASE("a shard that accepts connections but never answers is a 503 after --remote-timeout, not Xapian's 10 s", "[shards]") {
    TempDir dir;
    const auto sharded = dir / "sharded";
    REQUIRE(index_into(sharded, {WM_CORPUS_DIR}, "--shards 2").exit_code == 0);
    XapianTcpServer remote(sharded + "/shard-1");
    // A relative path, as Xapian reads it: from the stub's folder.
    write_file(dir / "hung.stub", "auto sharded/dictionary\nauto sharded/shard-0\nremote 127.0.0.1:" +
                                      std::to_string(remote.port()) + "\n");
    SearchdProcess server(dir / "hung.stub", {"--quiet", "--remote-timeout", "1000"});
    const auto path = "/api/search?q=care";
    REQUIRE(fetch(server.port(), path).status == 200);
    remote.pause();
    // Answers rather than hangs: a generous bound, well under Xapian's default 10 s.
    check_unavailable(server.port(), path, 8);
    remote.resume();
    CHECK(wait_until([&] { return fetch(server.port(), path).status == 200; }, 30));
}

TEST_CASE("indexing more issues into shards keeps them in step with one database", "[shards]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    copy_real_issues(corpus);
    const auto single = dir / "single", sharded = dir / "sharded";
    for (int drop = 0; drop < 2; ++drop) {
        generate_archive(corpus + "/drop-" + std::to_string(drop), 60, drop * 60);
        REQUIRE(index_into(single, {corpus}).exit_code == 0);
        REQUIRE(index_into(sharded, {corpus}, drop == 0 ? "--shards 3" : "").exit_code == 0);
    }
    CHECK(indexed_ids(sharded) == indexed_ids(single));
    const auto again = index_into(sharded, {corpus}, "--shards 2");
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("has 3 shards, not 2") != std::string::npos);
    SearchdProcess one(single, {"--quiet"});
    SearchdProcess shards(sharded, {"--quiet"});
    check_same_answers(one.port(), shards.port());
}

TEST_CASE("a read replica kept by xapian-replicate shows a newly indexed issue within seconds", "[replicas]") {
    TempDir dir;
    const auto corpus = dir / "corpus", masters = dir / "masters", replica = dir / "replica";
    copy_real_issues(corpus);
    fs::create_directories(masters);
    // The master keeps changesets, so the replica receives each commit rather than full copies.
    struct Changesets {
        Changesets() { setenv("XAPIAN_MAX_CHANGESETS", "10", 1); }
        ~Changesets() { unsetenv("XAPIAN_MAX_CHANGESETS"); }
    } keep_changesets;
    REQUIRE(index_into(masters + "/wmsearch", {corpus}).exit_code == 0);

    const int port = free_loopback_port();
    ChildProcess server({"/usr/bin/xapian-replicate-server", "--interface", "127.0.0.1", "--port", std::to_string(port), masters},
                        dir / "replicate-server.log");
    REQUIRE(wait_until([&] { return accepts_connections(port); }, 10));
    ChildProcess client({"/usr/bin/xapian-replicate", "--host", "127.0.0.1", "--port", std::to_string(port),
                         "--master", "wmsearch", "--interval", "1", "--reader-time", "1", replica},
                        dir / "replicate.log");
    REQUIRE(wait_until([&] { return indexed_ids(replica).size() == 5; }, 20));

    SearchdProcess searchd(replica, {"--quiet"});
    const auto total = [&](const std::string& q) {
        return fetch(searchd.port(), "/api/search?q=" + encode(q)).body.value("total", std::size_t{0});
    };
    REQUIRE(total("") == 5);
    for (int round = 0; round < 2; ++round) {
        const auto marker = "replicamarker" + std::to_string(round);
        write_file(corpus + "/new-" + std::to_string(round) + ".txt",
                   "Regional Update - May 2031\n\nNews:\n\nThis issue carries the word " + marker + ".\n");
        REQUIRE(index_into(masters + "/wmsearch", {corpus}).exit_code == 0);
        const auto indexed = std::chrono::steady_clock::now();
        CHECK(wait_until([&] { return total(marker) == 1; }, 10));
        const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - indexed).count();
        INFO("round " << round << ": visible on the replica after " << seconds << " s");
        CHECK(seconds < 5);
    }
    CHECK(total("") == 7);
}
