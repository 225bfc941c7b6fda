// Crash safety and concurrency of the real indexer: kill -9 mid-run, a full disk, two writers,
// and searchd serving throughout.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "common/index/run.hpp"
#include "test_support.hpp"

using namespace wm::test;
namespace fs = std::filesystem;

namespace {

// Every document: its id, data, terms (with wdf and positions count) and values, hashed.
std::map<Xapian::docid, std::string> document_digests(const std::string& path) {
    Xapian::Database db(path);
    std::map<Xapian::docid, std::string> digests;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const auto doc = db.get_document(*it);
        std::string text = doc.get_data();
        for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term)
            text += "\n" + *term + ":" + std::to_string(term.get_wdf()) + ":" +
                    std::to_string(term.positionlist_count());
        for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
            text += "\n#" + std::to_string(value.get_valueno()) + "=" + *value;
        digests[*it] = wm::content_hash(text);
    }
    return digests;
}

// The spelling words with their frequencies, and every synonym, one line each.
std::vector<std::string> dictionaries(const std::string& path) {
    Xapian::Database db(path);
    std::vector<std::string> lines;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
        lines.push_back("spelling " + *it + " " + std::to_string(it.get_termfreq()));
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
        for (auto it = db.synonyms_begin(*key); it != db.synonyms_end(*key); ++it) lines.push_back("synonym " + *key + " " + *it);
    return lines;
}

// A searchd client that keeps asking until stopped, counting answers that were not 2xx.
class QueryStream {
public:
    explicit QueryStream(int port)
        : worker_([this, port] {
              httplib::Client client("127.0.0.1", port);
              client.set_read_timeout(10, 0);
              const char* queries[] = {"/api/search?q=care+leaver+offer",
                                       "/api/search?q=workforce&authority=Telford+and+Wrekin", "/api/issues", "/api/suggest?q=wor"};
              for (std::size_t i = 0; !stop_; ++i) {
                  const auto res = client.Get(queries[i % 4]);
                  ++sent_;
                  if (!res || res->status < 200 || res->status > 299) {
                      ++failed_;
                      last_failure_ = res ? std::to_string(res->status) + " " + res->body
                                          : httplib::to_string(res.error());
                  }
              }
          }) {}
    ~QueryStream() { finish(); }
    void finish() {
        stop_ = true;
        if (worker_.joinable()) worker_.join();
    }
    std::size_t sent() const { return sent_; }
    std::size_t failed() const { return failed_; }
    std::string last_failure() const { return last_failure_; }

private:
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> sent_{0}, failed_{0};
    std::string last_failure_;
    std::thread worker_;
};

std::size_t total_issues(int port) {
    httplib::Client client("127.0.0.1", port);
    const auto res = client.Get("/api/search?q=");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return nlohmann::json::parse(res->body)["total"].get<std::size_t>();
}

}  // namespace

TEST_CASE("kill -9 at random points: the database opens, searchd answers, a re-run converges", "[crash]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    copy_real_issues(corpus);
    const auto crashed = dir / "crashed.db", clean = dir / "clean.db";

    // Both databases start from a commit of the real issues, then take 400 generated ones.
    REQUIRE(index_into(clean, {corpus}, "--prune").exit_code == 0);
    REQUIRE(index_into(crashed, {corpus}, "--prune").exit_code == 0);
    generate_archive(corpus + "/generated", 400);
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(index_into(clean, {corpus}, "--prune").exit_code == 0);
    const auto run_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

    SearchdProcess server(crashed, {"--quiet"});
    auto committed = total_issues(server.port());
    CHECK(committed == 5);
    std::mt19937 random(20261123);
    std::uniform_int_distribution<long> kill_after(0, run_ms);
    for (int round = 0; round < 6; ++round) {
        const auto delay = kill_after(random);
        INFO("round " << round << ": killed after " << delay << " ms of a " << run_ms << " ms run");
        ChildProcess indexer({WM_INDEXER, "index", "-q", "--batch", "100", "--db", crashed, corpus}, dir / "indexer.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        indexer.kill_hard();
        REQUIRE_NOTHROW(Xapian::Database(crashed).get_doccount());
        const auto total = total_issues(server.port());
        // A commit: the real issues plus whole batches of 100, never part of a batch.
        CHECK(total >= committed);
        CHECK(total <= 405);
        CHECK((total - committed) % 100 == 0);
        committed = total;
    }
    REQUIRE(index_into(crashed, {corpus}, "--prune").exit_code == 0);
    CHECK(total_issues(server.port()) == 405);
    const auto expected = document_digests(clean);
    const auto actual = document_digests(crashed);
    CHECK(actual.size() == expected.size());
    CHECK(actual == expected);
}

TEST_CASE("500 issues are indexed while searchd answers a steady stream of queries, without one failure", "[crash]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    const auto db = dir / "db";
    copy_real_issues(corpus);
    REQUIRE(index_into(db, {corpus}, "--prune").exit_code == 0);
    SearchdProcess server(db, {"--quiet"});
    QueryStream stream(server.port());

    // Five drops of 100 issues, each its own commit, while the queries keep coming.
    for (int drop = 0; drop < 5; ++drop) {
        generate_archive(corpus + "/drop-" + std::to_string(drop), 100, drop * 100);
        REQUIRE(index_into(db, {corpus}, "--prune").exit_code == 0);
    }
    REQUIRE(wait_until([&] { return total_issues(server.port()) == 505; }, 10));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stream.finish();
    INFO("last failure: " << stream.last_failure());
    CHECK(stream.sent() > 50);
    CHECK(stream.failed() == 0);

    // The running searchd updated its facet table commit by commit; one started now builds it
    // whole: the counts must agree, with and without a filter.
    SearchdProcess fresh(db, {"--quiet"});
    for (const std::string path : {"/api/search?q=", "/api/search?q=care", "/api/search?q=workforce&authority=Birmingham"}) {
        INFO(path);
        const auto facets = [&](int port) {
            httplib::Client client("127.0.0.1", port);
            const auto res = client.Get(path.c_str());
            REQUIRE(res);
            return nlohmann::json::parse(res->body)["facets"];
        };
        CHECK(facets(server.port()) == facets(fresh.port()));
    }
}

TEST_CASE("a full disk fails the run with a clear error and leaves the last commit intact", "[crash]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    const auto db = dir / "db";
    copy_real_issues(corpus);
    REQUIRE(index_into(db, {corpus}, "--prune").exit_code == 0);
    const auto before = document_digests(db);

    // A file-size limit just above the largest table makes the next writes fail as a full disk would.
    std::uintmax_t largest = 0;
    for (const auto& file : fs::directory_iterator(db)) largest = std::max(largest, file.file_size());
    generate_archive(corpus + "/generated", 300);
    const auto limit_kib = largest / 1024 + 64;
    const auto full = run_command("ulimit -f " + std::to_string(limit_kib) + "; " + quoted(WM_INDEXER) + " " +
                                  "index -q --prune --db " + quoted(db) + " " + quoted(corpus));
    INFO(full.err);
    CHECK(full.exit_code == 2);
    CHECK(full.err.find("cannot write the database " + db) != std::string::npos);
    CHECK(full.err.find("the last commit is intact") != std::string::npos);
    CHECK(document_digests(db) == before);

    // With room again, the run completes.
    REQUIRE(index_into(db, {corpus}, "--prune").exit_code == 0);
    CHECK(Xapian::Database(db).get_doccount() > before.size());
}

TEST_CASE("two indexers at once: the second gets a clear lock error, nothing is corrupted", "[crash]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    const auto db = dir / "db", clean = dir / "clean.db";
    generate_archive(corpus, 400);
    REQUIRE(index_into(clean, {corpus}, "--prune").exit_code == 0);

    ChildProcess first({WM_INDEXER, "index", "-q", "--db", db, corpus}, dir / "first.log");
    REQUIRE(wait_until([&] { return fs::exists(db + "/flintlock"); }, 10));
    const auto second = index_into(db, {corpus}, "--prune");
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("database is locked by another writer") != std::string::npos);
    REQUIRE(wait_until([&] { return !first.running(); }, 120));
    CHECK(document_digests(db) == document_digests(clean));
}

TEST_CASE("a full build on two writers gives the documents and ids one writer gives", "[indexer][full-build]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    copy_real_issues(corpus);
    // Enough files for a full build cut into several parts, taken by the writers in turn.
    generate_archive(corpus + "/generated", 700);
    const auto one_writer = dir / "one.db", two_writers = dir / "two.db";
    REQUIRE(index_into(one_writer, {corpus}, "--threads 1").exit_code == 0);
    const auto built = index_into(two_writers, {corpus}, "--threads 2");
    INFO(built.out << built.err);
    REQUIRE(built.exit_code == 0);
    CHECK(built.out.find("added 705,") != std::string::npos);
    CHECK_FALSE(fs::exists(two_writers + ".building"));
    const auto expected = document_digests(one_writer);
    CHECK(expected.size() == 705);
    CHECK(document_digests(two_writers) == expected);
    // The whole run's spelling words are added to the merged database at once: the same table.
    const auto dictionary = dictionaries(one_writer);
    CHECK(dictionary.size() > 1000);
    CHECK(dictionaries(two_writers) == dictionary);
}
