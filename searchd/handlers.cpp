#include "searchd/handlers.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <regex>

#include "api/atom.hpp"
#include "api/meilisearch.hpp"
#include "api/meilisearch_index.hpp"
#include "api/params.hpp"
#include "api/search_json.hpp"
#include "common/errors.hpp"
#include "common/facets/canonical.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/model/issue_record.hpp"
#include "common/search/companion_facets.hpp"
#include "common/search/entities.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/related.hpp"
#include "common/search/suggester.hpp"
#include "common/text/text.hpp"
#include "searchd/openapi.hpp"
#include "searchd/http_server.hpp"
#include "searchd/respond.hpp"
#include "searchd/searcher_pool.hpp"

namespace wm::searchd {
namespace {

std::string database_path;
double search_time_budget = 0;
unsigned remote_timeout_ms = kRemoteTimeoutMs;
std::atomic<double> last_reopen_unix{0};

double now_unix() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Xapian objects are not thread-safe: a request borrows a Searcher of its own from the pool,
// refreshed to the indexer's latest commit, so a commit is visible on the next request.
std::unique_ptr<SearcherPool> pool;

SearcherPool::Lease searcher() {
    auto mine = pool->acquire();
    static thread_local std::string seen;
    if (mine->revision() != seen) {
        if (!seen.empty()) last_reopen_unix = now_unix();
        seen = mine->revision();
    }
    return mine;
}

// Every search a handler runs: within the server's time budget, and stopped when its client
// hangs up.
SearchResult budgeted_search(Searcher& mine, SearchRequest request) {
    request.time_budget = search_time_budget;
    request.client_gone = client_hung_up;
    return mine.search(request);
}

SearchResult budgeted_search(SearchRequest request) {
    return budgeted_search(*searcher(), std::move(request));
}

nlohmann::json issue_summary(const IssueRecord& record) {
    nlohmann::json summary = {
        {"id", record.issue.id},
        {"file", record.issue.file},
        {"title", record.issue.title},
        {"date", record.issue.month.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.issue.month)},
        {"signatory", record.issue.signatory}};
    summary.update(nlohmann::json(record.facets.issue));
    return summary;
}

const schema::Facet& facet_in_path(const std::string& name) {
    const auto* facet = find_facet(name);
    if (!facet)
        throw RequestError(ErrorCode::invalid_facet,
                           "unknown facet `" + name + "`: use people, authorities, programmes or organisations");
    return *facet;
}

}  // namespace

void open_searchers(const std::string& path, std::size_t searchers, unsigned timeout_ms) {
    database_path = path;
    remote_timeout_ms = timeout_ms;
    pool = std::make_unique<SearcherPool>(path, searchers, timeout_ms);
}

void set_search_time_budget(double seconds) { search_time_budget = seconds; }

void check_database() {
    Searcher probe(database_path, remote_timeout_ms);
    last_reopen_unix = now_unix();
}

void handle_search(const httplib::Request& req, httplib::Response& res) {
    const auto request = parse_search_params(req.params);
    send_json_text(res, search_result_json(budgeted_search(request)));
}

namespace {

nlohmann::json json_body(const httplib::Request& req) {
    if (!req.get_header_value("Content-Type").starts_with("application/json"))
        throw RequestError(ErrorCode::invalid_content_type, "send the search as JSON (Content-Type: application/json)");
    try {
        return nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::parse_error& e) {
        throw RequestError(ErrorCode::bad_request, std::string("the body is not JSON: ") + e.what());
    }
}

nlohmann::json meilisearch_search(const nlohmann::json& body, const std::string& index_uid) {
    require_meilisearch_index(index_uid);
    const auto query = parse_meilisearch_query(body);
    return meilisearch_response(query, budgeted_search(query.request), index_uid);
}

}  // namespace

void handle_meilisearch_search(const httplib::Request& req, httplib::Response& res) {
    send_json(res, meilisearch_search(json_body(req), req.matches[1]));
}

void handle_multi_search(const httplib::Request& req, httplib::Response& res) {
    auto results = nlohmann::json::array();
    for (const auto& [uid, search] : parse_multi_search(json_body(req))) results.push_back(meilisearch_search(search, uid));
    send_json(res, {{"results", results}});
}

void handle_facet_search(const httplib::Request& req, httplib::Response& res) {
    require_meilisearch_index(req.matches[1]);
    const auto query = parse_facet_search(json_body(req));
    send_json(res, facet_search_response(query, budgeted_search(query.request)));
}

void handle_suggest(const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_suggest_params(req.params);
    auto mine = searcher();
    nlohmann::json suggestions = nlohmann::json::array();
    for (const auto& s : suggest(*mine, params.typed, params.limit))
        suggestions.push_back({{"text", s.text}, {"kind", s.kind}, {"count", s.count}});
    send_json(res, {{"query", params.typed}, {"suggestions", suggestions}});
}

void handle_issues(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto mine = searcher();
    const auto issues = mine->with_retry([&] {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& summary : list_issues(mine->database()))
            list.push_back(issue_summary(read_issue(mine->database(), summary.id)));
        return list;
    });
    send_json(res, {{"total", issues.size()}, {"issues", issues}});
}

void handle_issue(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto mine = searcher();
    const std::string id = req.matches[1];
    auto record = nlohmann::json(mine->with_retry([&] { return read_issue(mine->database(), id); }));
    record.erase("path");
    record.erase("fingerprint");
    send_json(res, record);
}

void handle_related(const httplib::Request& req, httplib::Response& res) {
    const auto limit = parse_related_params(req.params);
    const std::string issue_id = req.matches[1];
    auto related = nlohmann::json::array();
    for (const auto& issue : related_issues(searcher()->database(), issue_id, limit)) {
        auto shared = nlohmann::json::object();
        for (const auto& facet : schema::kFacets)
            if (is_companion_facet(facet.id)) shared[std::string(facet.name)] = issue.shared[facet.id];
        related.push_back({{"issue_id", issue.issue_id}, {"file", issue.file}, {"title", issue.title},
                           {"date", issue.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(issue.date)},
                           {"score", issue.score},
                           {"shared", shared}});
    }
    send_json(res, {{"issue_id", issue_id}, {"related", related}});
}

void handle_entity(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    const auto& facet = facet_in_path(req.matches[1].str());
    auto mine = searcher();
    send_json(res, entity_view(mine->database(), facet, req.matches[2].str(), mine->glossary()));
}

void handle_glossary(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto entries = nlohmann::json::array();
    for (const auto& entry : searcher()->glossary().entries())
        entries.push_back({{"acronym", entry.acronym}, {"expansion", entry.expansion},
                           {"category", entry.category}, {"source", entry.source}});
    send_json(res, {{"total", entries.size()}, {"entries", entries}});
}

void handle_facet(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {"prefix"});
    const auto* facet = &facet_in_path(req.matches[1].str());
    const auto prefix = req.get_param_value("prefix");
    require_clean_text(prefix, "prefix", ErrorCode::invalid_facet_prefix);
    const auto prefix_key = match_key(prefix);
    nlohmann::json values = nlohmann::json::array();
    for (const auto& value : searcher()->facet_values(*facet))
        if (match_key(value.value).starts_with(prefix_key)) values.push_back({{"value", value.value}, {"count", value.count}});
    send_json(res, {{"facet", facet->name}, {"prefix", prefix}, {"values", values}});
}

// Health and metrics open the database themselves rather than wait for a searcher: they must
// answer while every searcher is busy.
void handle_healthz(const httplib::Request&, httplib::Response& res) {
    const auto db = open_for_reading(database_path, remote_timeout_ms);
    send_json(res, {{"status", "ok"},
                    {"database", database_path},
                    {"documents", db.get_doccount()},
                    {"issues", db.get_doccount()},
                    {"revision", database_version(db)}});
}

void handle_metrics(const httplib::Request&, httplib::Response& res, const Metrics& metrics) {
    res.set_content(metrics.render(open_for_reading(database_path, remote_timeout_ms).get_doccount(), last_reopen_unix),
                    "text/plain; version=0.0.4");
}

void handle_openapi(const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(openapi_document()), "application/json");
}

namespace {

const std::time_t started_unix = std::time(nullptr);

// When the index was last written: the newest modification time of the database and of what
// it holds directly (a database's files, a sharded index's shard folders); searchd's start
// when there is nothing to look at (remote shards).
std::time_t index_time() {
    namespace fs = std::filesystem;
    std::error_code error;
    auto newest = fs::last_write_time(database_path, error);
    if (error) return started_unix;
    if (fs::is_directory(database_path, error))
        for (const auto& entry : fs::directory_iterator(database_path, error))
            newest = std::max(newest, entry.last_write_time(error));
    return std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(newest));
}

// Feeds link back to this server as the client reached it; a Host header that is not a plain
// host name or address is not echoed.
FeedSite feed_site(const httplib::Request& req) {
    static const std::regex plain_host(R"(([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?)");
    const auto host = req.get_header_value("Host");
    const auto scheme = req.get_header_value("X-Forwarded-Proto") == "https" ? "https://" : "http://";
    return {scheme + (std::regex_match(host, plain_host) ? host : std::string("localhost")), index_time()};
}

void send_atom(httplib::Response& res, const std::string& xml) {
    res.set_content(xml, "application/atom+xml; charset=utf-8");
}

}  // namespace

void handle_search_atom(const httplib::Request& req, httplib::Response& res) {
    const auto request = parse_search_feed_params(req.params);
    send_atom(res, atom_feed(search_feed_description(request), budgeted_search(request), feed_site(req)));
}

void handle_entity_atom(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    const auto& facet = facet_in_path(req.matches[1].str());
    auto mine = searcher();
    const auto canonical = canonical_facet_value(facet.id, req.matches[2].str(), mine->glossary());
    const auto result = budgeted_search(*mine, entity_feed_request(facet, canonical));
    if (result.total == 0)
        throw RequestError(ErrorCode::not_found, "no issue mentions " + std::string(facet.field) + " '" + req.matches[2].str() + "'");
    send_atom(res, atom_feed(entity_feed_description(facet, canonical, result), result, feed_site(req)));
}

void handle_meilisearch_health(const httplib::Request&, httplib::Response& res) {
    searcher();  // available only when the index opens
    send_json(res, meilisearch_health());
}

void handle_meilisearch_version(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    send_json(res, meilisearch_version());
}

void handle_meilisearch_indexes(const httplib::Request& req, httplib::Response& res) {
    send_json(res, meilisearch_index_list(req.params, index_time()));
}

void handle_meilisearch_index(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    require_meilisearch_index(req.matches[1]);
    send_json(res, meilisearch_index(index_time()));
}

void handle_meilisearch_stats(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    require_meilisearch_index(req.matches[1]);
    send_json(res, meilisearch_stats(searcher()->database().get_doccount()));
}

}  // namespace wm::searchd
