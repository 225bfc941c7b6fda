// In-process query latency over one query set, three ways:
//   wmsearch   Searcher::search as searchd runs it: exact counts of every facet, snippets, best sections
//   xapian     bare_search: one single-valued facet, no snippets
//   fts5       SQLite FTS5: bm25 order, a snippet per hit, the total and one facet's counts
//
//   bench_query facets XAPIAN_DB FTS_DB        copy each issue's authorities into FTS_DB
//   bench_query latency XAPIAN_DB FTS_DB QUERIES ROUNDS    print the timings as JSON
//
// QUERIES is tab-separated: kind, Xapian query, FTS5 query, authority filter (may be empty).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/index/store.hpp"
#include "common/search/searcher.hpp"
#include "common/text/text.hpp"
#include "tests/benchmark/bare_xapian.hpp"

namespace {

struct BenchQuery {
    std::string kind, xapian, fts5, authority;
};

class Sqlite {
public:
    explicit Sqlite(const std::string& path) {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
    }
    ~Sqlite() {
        for (auto* statement : statements_) sqlite3_finalize(statement);
        sqlite3_close(db_);
    }
    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(sql + ": " + message);
        }
    }
    sqlite3_stmt* prepare(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
        statements_.push_back(statement);
        return statement;
    }

private:
    sqlite3* db_ = nullptr;
    std::vector<sqlite3_stmt*> statements_;
};

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
    sqlite3_bind_text(statement, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::size_t drain(sqlite3_stmt* statement) {
    std::size_t rows = 0;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) ++rows;
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(sqlite3_db_handle(statement)));
    sqlite3_reset(statement);
    return rows;
}

// The FTS5 table holds file names as written by the sqlite3 shell's fsdir(); issues are joined
// to their authorities (as wmsearch extracted them) through the file's base name.
void copy_facets(const std::string& xapian_path, const std::string& fts_path) {
    Sqlite fts(fts_path);
    fts.exec("DROP TABLE IF EXISTS authority; CREATE TABLE authority(issue INTEGER, name TEXT)");
    std::map<std::string, sqlite3_int64> rowid_of;
    auto* names = fts.prepare("SELECT rowid, name FROM issues");
    while (sqlite3_step(names) == SQLITE_ROW) {
        const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(names, 1));
        rowid_of[std::filesystem::path(name).stem().string()] = sqlite3_column_int64(names, 0);
    }
    auto* insert = fts.prepare("INSERT INTO authority VALUES (?1, ?2)");
    fts.exec("BEGIN");
    const auto db = wm::open_for_reading(xapian_path);
    for (const auto docid : wm::issue_docids(db)) {
        const auto doc = db.get_document(docid);
        const auto found = rowid_of.find(doc.get_value(wm::schema::SLOT_ISSUE_ID));
        if (found == rowid_of.end()) continue;
        for (const auto& name : wm::split(doc.get_value(wm::schema::AUTHORITIES.slot), wm::schema::kListSeparator)) {
            if (name.empty()) continue;
            sqlite3_bind_int64(insert, 1, found->second);
            bind_text(insert, 2, name);
            drain(insert);
        }
    }
    fts.exec("COMMIT; CREATE INDEX authority_issue ON authority(issue); CREATE INDEX authority_name ON authority(name)");
}

std::vector<BenchQuery> read_queries(const std::string& path) {
    std::ifstream in(path);
    std::vector<BenchQuery> queries;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto fields = wm::split(line, '\t');
        fields.resize(4);
        queries.push_back({fields[0], fields[1], fields[2], fields[3]});
    }
    if (queries.empty()) throw std::runtime_error("no queries in " + path);
    return queries;
}

double percentile(std::vector<double> samples, double fraction) {
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(index, samples.size() - 1)];
}

template <typename Run>
nlohmann::json time_engine(const std::vector<BenchQuery>& queries, int rounds, Run run) {
    std::vector<double> all;
    std::map<std::string, std::vector<double>> by_kind;
    nlohmann::json totals = nlohmann::json::object();
    for (const auto& query : queries) totals[query.kind + ": " + query.xapian] = run(query);  // warm-up
    for (int round = 0; round < rounds; ++round) {
        for (const auto& query : queries) {
            const auto started = std::chrono::steady_clock::now();
            if (static_cast<long long>(run(query)) < 0) continue;  // a query this engine cannot ask
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            all.push_back(ms);
            by_kind[query.kind].push_back(ms);
        }
    }
    nlohmann::json kinds = nlohmann::json::object();
    for (const auto& [kind, samples] : by_kind) kinds[kind] = {{"p50_ms", percentile(samples, 0.5)}, {"p99_ms", percentile(samples, 0.99)}};
    return {{"p50_ms", percentile(all, 0.5)}, {"p99_ms", percentile(all, 0.99)}, {"samples", all.size()},
            {"by_kind", kinds}, {"totals", totals}};
}

nlohmann::json latency(const std::string& xapian_path, const std::string& fts_path, const std::string& queries_path,
                       int rounds) {
    const auto queries = read_queries(queries_path);
    nlohmann::json out;

    wm::Archive archive(xapian_path);
    out["wmsearch"] = time_engine(queries, rounds, [&](const BenchQuery& query) {
        auto searcher = archive.searcher();  // refreshed, as searchd's is for every request
        wm::SearchRequest request;
        request.query = query.xapian;
        if (!query.authority.empty()) request.filters["authority"] = {query.authority};
        return searcher->search(request).total;
    });

    const auto db = wm::open_for_reading(xapian_path);
    out["xapian"] = time_engine(queries, rounds, [&](const BenchQuery& query) {
        return wm::bench::bare_search(db, query.xapian, query.authority).total;
    });

    Sqlite fts(fts_path);
    const std::string matching = "SELECT rowid FROM issues WHERE issues MATCH ?1 AND (?2 = '' OR rowid IN "
                                 "(SELECT issue FROM authority WHERE name = ?2))";
    auto* hits = fts.prepare("SELECT rowid, name, snippet(issues, 1, '<mark>', '</mark>', '…', 24) FROM issues "
                             "WHERE issues MATCH ?1 AND (?2 = '' OR rowid IN (SELECT issue FROM authority WHERE name = ?2)) "
                             "ORDER BY bm25(issues) LIMIT 10");
    auto* total = fts.prepare("SELECT count(*) FROM (" + matching + ")");
    auto* facet = fts.prepare("SELECT name, count(*) FROM authority WHERE issue IN (" + matching +
                              ") GROUP BY name ORDER BY 2 DESC LIMIT 100");
    out["fts5"] = time_engine(queries, rounds, [&](const BenchQuery& query) -> long long {
        if (query.fts5.empty()) return -1;  // FTS5 MATCH has no "everything": no browse
        for (auto* statement : {hits, total, facet}) {
            bind_text(statement, 1, query.fts5);
            bind_text(statement, 2, query.authority);
        }
        drain(hits);
        sqlite3_step(total);
        const auto count = sqlite3_column_int64(total, 0);
        sqlite3_reset(total);
        drain(facet);
        return count;
    });
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() == 3 && args[0] == "facets") {
            copy_facets(args[1], args[2]);
            return 0;
        }
        if (args.size() == 5 && args[0] == "latency") {
            std::printf("%s\n", latency(args[1], args[2], args[3], std::stoi(args[4])).dump(2).c_str());
            return 0;
        }
        std::fprintf(stderr, "usage: bench_query facets XAPIAN_DB FTS_DB\n"
                             "       bench_query latency XAPIAN_DB FTS_DB QUERIES ROUNDS\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_query: %s\n", e.what());
        return 1;
    }
}
