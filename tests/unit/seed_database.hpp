#pragma once
// One database of corpus/ for the in-process tests of the query layer (test_engine,
// test_search_stages), built once and removed at exit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "common/index/run.hpp"
#include "common/index/store.hpp"
#include "common/model/issue_record.hpp"

namespace wm::test {

class SeedDatabase {
public:
    static const SeedDatabase& instance() {
        static const SeedDatabase database;
        return database;
    }
    ~SeedDatabase() {
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
    std::string path() const { return (folder_ / "db").string(); }
    /// Every stored issue, by id.
    const std::map<std::string, IssueRecord>& records() const { return records_; }

private:
    SeedDatabase() {
        std::mt19937_64 random{std::random_device{}()};
        folder_ = std::filesystem::temp_directory_path() / ("wm-engine-" + std::to_string(random()));
        IndexOptions options;
        options.database = path();
        options.inputs = {WM_CORPUS_DIR};
        const auto report = index_paths(options);
        REQUIRE(report.failed == 0);
        const auto db = open_for_reading(path());
        for (const auto& summary : list_issues(db)) records_.emplace(summary.id, read_issue(db, summary.id));
    }
    std::filesystem::path folder_;
    std::map<std::string, IssueRecord> records_;
};

}  // namespace wm::test
