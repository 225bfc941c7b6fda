// Furniture learned from the archive, through the real indexer: a run judges its files against
// each other and the stored archive, a later drop against the archive as it is then, `extract`
// against the files given together (and a database's archive), and `rebuild` decides every
// stored issue again.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

#include "common/text/text.hpp"
#include "test_support.hpp"

using namespace wm::test;
namespace fs = std::filesystem;

namespace {

const std::string kSites = std::string(WM_FIXTURES_DIR) + "/sites";

struct Listed {
    std::string month, title;
};

// `indexer list`: id -> month and title.
std::map<std::string, Listed> listed(const std::string& database) {
    const auto result = run_indexer("list --db " + quoted(database));
    REQUIRE(result.exit_code == 0);
    std::map<std::string, Listed> issues;
    for (const auto& line : wm::split(result.out, '\n')) {
        const auto columns = wm::split(line, '\t');
        if (columns.size() == 4) issues[columns[0]] = {columns[1], columns[3]};
    }
    return issues;
}

std::string copy_site(const TempDir& dir, const std::string& site) {
    const auto folder = dir / site;
    fs::create_directories(folder);
    for (const auto& entry : fs::directory_iterator(kSites + "/" + site))
        fs::copy_file(entry.path(), fs::path(folder) / entry.path().filename());
    return folder;
}

nlohmann::json extracted(const std::string& arguments) {
    const auto result = run_indexer("extract --json " + arguments);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(wm::split(result.out, '\n').front());
}

const std::string kProject = "eastvale-cs-news-harbour-lane-family-project";

}  // namespace

TEST_CASE("indexer: a run's files are judged together, a later drop against the stored archive",
          "[indexer][furniture-learning]") {
    TempDir dir;
    const auto site = copy_site(dir, "eastvale");
    const auto held_back = dir / (kProject + ".txt");
    fs::rename(fs::path(site) / (kProject + ".txt"), held_back);
    const auto db = dir / "db";
    REQUIRE(index_into(db, {site, kSites + "/northmoor"}).exit_code == 0);
    auto issues = listed(db);
    CHECK(issues.at("eastvale-cs-news-coastal-kinship-summit").title == "Coastal Kinship Summit");
    CHECK(issues.at("eastvale-cs-news-coastal-kinship-summit").month == "2031-03");
    CHECK(issues.at("kinship-carers-share-their-stories").month == "-");
    CHECK(issues.at("eastvale-cs-news-foster-carer-fortnight").title == "Foster Carer Fortnight");

    // One more page, indexed on its own: the stored pages say what its site's furniture is.
    fs::rename(held_back, fs::path(site) / (kProject + ".txt"));
    REQUIRE(index_into(db, {site}).exit_code == 0);
    issues = listed(db);
    CHECK(issues.at(kProject).title == "Harbour Lane Family Project");
    CHECK(issues.at(kProject).month == "-");

    // extract: alone, the page has no archive to learn from; with the database, it has.
    const auto page = quoted(fs::path(site) / (kProject + ".txt"));
    CHECK(extracted(page)["title"] == "Eastvale Children\u2019s Services Network");
    CHECK(extracted(page + " --db " + quoted(db))["title"] == "Harbour Lane Family Project");
    CHECK(extracted(quoted(site))["title"] != "Eastvale Children\u2019s Services Network");
}

TEST_CASE("indexer rebuild decides stored issues again with the archive as it is now",
          "[indexer][furniture-learning]") {
    TempDir dir;
    const auto site = copy_site(dir, "eastvale");
    const auto db = dir / "db";
    // The first page is indexed before the archive has anything to compare it with.
    REQUIRE(index_into(db, {fs::path(site) / (kProject + ".txt")}).exit_code == 0);
    REQUIRE(index_into(db, {site}).exit_code == 0);
    CHECK(listed(db).at(kProject).title == "Eastvale Children\u2019s Services Network");
    CHECK(listed(db).at(kProject).month == "2031-05");

    // A page whose file is gone is kept as it was indexed.
    const auto gone = std::string("eastvale-cs-news-coastal-kinship-summit");
    fs::remove(fs::path(site) / (gone + ".txt"));
    const auto rebuilt = run_indexer("rebuild --db " + quoted(db));
    INFO(rebuilt.err);
    REQUIRE(rebuilt.exit_code == 0);
    CHECK(rebuilt.err.find("its file is gone: kept as indexed before") != std::string::npos);
    CHECK(rebuilt.err.find("no title line found") == rebuilt.err.rfind("no title line found"));  // the headless page only
    CHECK(rebuilt.out.find("added 6") != std::string::npos);
    const auto issues = listed(db);
    CHECK(issues.size() == 6);
    CHECK(issues.at(kProject).title == "Harbour Lane Family Project");
    CHECK(issues.at(kProject).month == "-");
    CHECK(issues.at(gone).title == "Coastal Kinship Summit");

    // Nothing to rebuild: a clear refusal, not an empty database.
    const auto missing = run_indexer("rebuild --db " + quoted(dir / "nowhere"));
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("run `indexer index` first") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "nowhere"));
}

TEST_CASE("indexer rebuild of a sharded index re-reads every issue in place", "[indexer][furniture-learning][shards]") {
    TempDir dir;
    const auto site = copy_site(dir, "eastvale");
    const auto db = dir / "sharded";
    REQUIRE(index_into(db, {fs::path(site) / (kProject + ".txt")}, "--shards 2").exit_code == 0);
    REQUIRE(index_into(db, {site}).exit_code == 0);
    CHECK(listed(db).at(kProject).title == "Eastvale Children\u2019s Services Network");
    const auto rebuilt = run_indexer("rebuild -q --db " + quoted(db));
    INFO(rebuilt.err);
    REQUIRE(rebuilt.exit_code == 0);
    CHECK(rebuilt.out.find("replaced 6") != std::string::npos);
    CHECK(listed(db).at(kProject).title == "Harbour Lane Family Project");
}
