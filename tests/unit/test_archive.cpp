// The archive: one object per open database that lends searchers (bounded, reused, never one
// searcher to two searches) and shares what is worked out per revision between them, and with
// no other archive.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "common/errors.hpp"
#include "common/index/run.hpp"
#include "common/index/store.hpp"
#include "common/search/archive.hpp"
#include "common/search/searcher.hpp"

using namespace wm;
namespace fs = std::filesystem;

namespace {

struct CorpusDatabase {
    fs::path folder = fs::temp_directory_path() / ("wm-archive-" + std::to_string(std::random_device{}()));
    CorpusDatabase() {
        IndexOptions options;
        options.database = path();
        options.inputs = {WM_CORPUS_DIR};
        REQUIRE(index_paths(options).failed == 0);
    }
    ~CorpusDatabase() { fs::remove_all(folder); }
    std::string path() const { return (folder / "db").string(); }
};

}  // namespace

TEST_CASE("archive: at most its searchers are lent at once, and a returned searcher is reused", "[archive]") {
    const CorpusDatabase database;
    Archive archive(database.path(), {2, kRemoteTimeoutMs});
    Searcher* first_searcher = nullptr;
    std::atomic<bool> third_lent{false};
    std::thread third;
    {
        auto first = archive.searcher();
        auto second = archive.searcher();
        first_searcher = &*first;
        CHECK(&*first != &*second);
        third = std::thread([&] {
            auto lease = archive.searcher();
            third_lent = true;
            CHECK(lease->search(SearchRequest{}).total == 5);
        });
        // Settle period: the third request must still be waiting after it.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        CHECK_FALSE(third_lent);
    }
    third.join();
    CHECK(third_lent);
    auto again = archive.searcher();
    auto other = archive.searcher();
    CHECK((&*again == first_searcher || &*other == first_searcher));  // no third searcher was opened for it
}

TEST_CASE("archive: a search that ends in an exception returns its place", "[archive]") {
    const CorpusDatabase database;
    Archive archive(database.path(), {1, kRemoteTimeoutMs});
    try {
        auto lease = archive.searcher();
        throw std::runtime_error("the request failed");
    } catch (const std::runtime_error&) {
    }
    auto lease = archive.searcher();  // would wait for ever if the place were lost
    CHECK(lease->search(SearchRequest{}).total == 5);
}

TEST_CASE("archive: a database that cannot be opened fails when the archive is built", "[archive]") {
    const auto missing = fs::temp_directory_path() / ("wm-archive-missing-" + std::to_string(std::random_device{}()));
    CHECK_THROWS_AS(Archive(missing.string()), UnavailableError);
}

// What is worked out per revision is the archive's: its searchers share it, another archive of
// the same database has its own, and a new revision is worked out anew.
TEST_CASE("archive: searchers share the glossary, tables and records of a revision, other archives do not", "[archive]") {
    const CorpusDatabase database;
    Archive archive(database.path(), {2, kRemoteTimeoutMs});
    Archive other(database.path());
    auto first = archive.searcher();
    auto second = archive.searcher();
    auto elsewhere = other.searcher();
    CHECK(&first->glossary() == &second->glossary());
    CHECK(&first->glossary() != &elsewhere->glossary());
    const auto& db = first->database();
    const auto revision = first->revision();
    CHECK(archive.facet_table(db, revision) == archive.facet_table(second->database(), revision));
    CHECK(archive.facet_table(db, revision) != other.facet_table(elsewhere->database(), revision));
    CHECK(archive.word_table(db, revision) == archive.word_table(db, revision));
    CHECK(archive.word_table(db, revision) != other.word_table(elsewhere->database(), revision));
    CHECK(&archive.records() != &other.records());
    int reads = 0;
    const auto read = [&] {
        ++reads;
        return std::string("record");
    };
    archive.records().get(revision, 1, read);
    archive.records().get(revision, 1, read);
    other.records().get(revision, 1, read);
    CHECK(reads == 2);
    CHECK(archive.facet_table(db, revision + "-next") != archive.facet_table(db, revision));
}
