// `indexer watch` against a real folder and database: drops, renames, temporary files,
// slow writers, bursts and a replaced folder.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/index/store.hpp"
#include "test_support.hpp"

using namespace wm::test;
namespace fs = std::filesystem;

namespace {

std::string seed(int index) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(WM_CORPUS_DIR)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return read_file(files.at(static_cast<std::size_t>(index)).string());
}

bool has_issue(const std::string& db, const std::string& id) {
    try {
        const auto ids = indexed_ids(db);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    } catch (...) {
        return false;  // the database is being created
    }
}

std::size_t issue_count(const std::string& db) {
    try {
        return indexed_ids(db).size();
    } catch (...) {
        return 0;
    }
}

struct Watcher {
    Watcher(const TempDir& dir, const std::string& folder, const std::string& settle_ms)
        : db(dir / "db"),
          process({WM_INDEXER, "watch", "--db", db, folder, "--settle", settle_ms}, dir / "watch.log") {}
    std::string db;
    ChildProcess process;
};

std::size_t count_actions(const std::string& log, const std::string& action) {
    std::size_t count = 0;
    for (std::size_t at = log.find("Z " + action); at != std::string::npos; at = log.find("Z " + action, at + 1))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("watch: drops, renames into place and deletions are followed, temporary files are not issues") {
    TempDir dir;
    const auto folder = dir / "corpus";
    fs::create_directories(folder);
    write_file(folder + "/first.txt", seed(0));
    Watcher watch(dir, folder, "400");
    REQUIRE(wait_until([&] { return has_issue(watch.db, "first"); }, 30));

    // Editors' and downloaders' temporary files, then a file renamed into place.
    for (const char* name : {".#draft.txt", "~draft.txt", "draft.txt~", ".draft.txt.swp", "arriving.txt.part"})
        write_file(folder + "/" + name, seed(1));
    fs::rename(folder + "/arriving.txt.part", folder + "/arriving.txt");
    fs::create_directories(folder + "/2024");
    write_file(folder + "/2024/nested.txt", seed(2));
    REQUIRE(wait_until([&] { return has_issue(watch.db, "arriving") && has_issue(watch.db, "nested"); }, 30));
    CHECK(indexed_ids(watch.db) == std::vector<std::string>{"arriving", "first", "nested"});

    // A changed file is replaced, a deleted one removed.
    write_file(folder + "/first.txt", seed(3));
    fs::remove(folder + "/arriving.txt");
    REQUIRE(wait_until([&] { return !has_issue(watch.db, "arriving"); }, 30));
    REQUIRE(wait_until([&] { return watch.process.log().find("replaced first") != std::string::npos; }, 30));
    CHECK(indexed_ids(watch.db) == std::vector<std::string>{"first", "nested"});

    CHECK(watch.process.stop() == 0);
    const auto log = watch.process.log();
    CHECK(log.find("added arriving") != std::string::npos);
    CHECK(log.find("removed arriving") != std::string::npos);
    CHECK(log.find("draft") == std::string::npos);
    CHECK(log.find("stopping") != std::string::npos);
}

TEST_CASE("watch: a file still being written is indexed once closed, or once unchanged for the settle time") {
    TempDir dir;
    const auto folder = dir / "corpus";
    fs::create_directories(folder);
    Watcher watch(dir, folder, "1500");
    REQUIRE(wait_until([&] { return watch.process.log().find("folder indexed") != std::string::npos; }, 30));

    const auto text = seed(0);
    const auto half = text.find("\n\n", text.size() / 2);
    {
        std::ofstream slow(folder + "/slow.txt", std::ios::binary);
        slow << text.substr(0, half) << std::flush;
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        CHECK_FALSE(has_issue(watch.db, "slow"));  // neither closed nor settled yet
        slow << text.substr(half) << "\n\nClosing words: zanzibarquux.\n";
    }
    REQUIRE(wait_until([&] { return has_issue(watch.db, "slow"); }, 30));
    CHECK(nlohmann::json(wm::read_issue(wm::open_for_reading(watch.db), "slow")).dump().find("zanzibarquux") !=
          std::string::npos);

    // Written in full but held open (no close event): indexed once it has settled.
    std::ofstream held(folder + "/held.txt", std::ios::binary);
    held << seed(1) << std::flush;
    CHECK(wait_until([&] { return has_issue(watch.db, "held"); }, 30));
}

TEST_CASE("watch: a burst of 1,000 files dropped at once is indexed, each file once") {
    TempDir dir;
    const auto folder = dir / "corpus";
    const auto staging = dir / "staging";
    fs::create_directories(folder);
    generate_archive(staging, 1000);
    Watcher watch(dir, folder, "2000");
    REQUIRE(wait_until([&] { return watch.process.log().find("folder indexed") != std::string::npos; }, 30));

    for (const auto& entry : fs::directory_iterator(staging))
        fs::copy_file(entry.path(), folder + "/" + entry.path().filename().string());
    REQUIRE(wait_until([&] { return issue_count(watch.db) == 1000; }, 300));
    CHECK(watch.process.stop() == 0);
    const auto log = watch.process.log();
    INFO(log.substr(0, 3000));
    CHECK(count_actions(log, "added gen-") == 1000);
    CHECK(count_actions(log, "replaced ") == 0);
    CHECK(count_actions(log, "failed ") == 0);
}

TEST_CASE("watch: a folder replaced by another is followed") {
    TempDir dir;
    const auto folder = dir / "corpus";
    fs::create_directories(folder);
    write_file(folder + "/old-a.txt", seed(0));
    write_file(folder + "/old-b.txt", seed(1));
    Watcher watch(dir, folder, "400");
    REQUIRE(wait_until([&] { return issue_count(watch.db) == 2; }, 30));

    const auto replacement = dir / "corpus.new";
    generate_archive(replacement, 3);
    fs::rename(folder, dir / "corpus.old");
    fs::rename(replacement, folder);
    const std::vector<std::string> generated{"gen-00000", "gen-00001", "gen-00002"};
    REQUIRE(wait_until([&] { return indexed_ids(watch.db) == generated; }, 30));

    // The new folder is watched, the old one no longer.
    write_file(folder + "/after.txt", seed(2));
    write_file(dir / "corpus.old/ignored.txt", seed(3));
    REQUIRE(wait_until([&] { return has_issue(watch.db, "after"); }, 30));
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    CHECK_FALSE(has_issue(watch.db, "ignored"));

    // Deleted outright and made again.
    fs::remove_all(folder);
    REQUIRE(wait_until([&] { return issue_count(watch.db) == 0; }, 30));
    fs::create_directories(folder);
    write_file(folder + "/reborn.txt", seed(4));
    REQUIRE(wait_until([&] { return has_issue(watch.db, "reborn"); }, 30));
    CHECK(watch.process.running());
}
