#include "searchd/handlers.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <regex>

#include "api/atom.hpp"
#include "api/meilisearch.hpp"
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
#include "searchd/respond.hpp"

namespace wm::searchd {
namespace {

std::string database_path;
unsigned remote_timeout_ms = kRemoteTimeoutMs;
std::atomic<double> last_reopen_unix{0};

double now_unix() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Xapian objects are not thread-safe, so each worker thread keeps its own Searcher and
// refreshes it before every request: a commit by the indexer is visible on the next request.
thread_local std::unique_ptr<Searcher> thread_searcher;

Searcher& searcher() {
    auto& mine = thread_searcher;
    if (!mine) mine = std::make_unique<Searcher>(database_path, remote_timeout_ms);
    const auto before = database_version(mine->database());
    mine->refresh();
    if (database_version(mine->database()) != before) last_reopen_unix = now_unix();
    return *mine;
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

void set_database_path(const std::string& path, unsigned timeout_ms) {
    database_path = path;
    remote_timeout_ms = timeout_ms;
}

void forget_thread_searcher() { thread_searcher.reset(); }

void check_database() {
    Searcher probe(database_path, remote_timeout_ms);
    last_reopen_unix = now_unix();
}

void handle_search(const httplib::Request& req, httplib::Response& res) {
    const auto request = parse_search_params(req.params);
    send_json(res, searcher().search(request));
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
    if (index_uid != kMeilisearchIndexUid)
        throw RequestError(ErrorCode::index_not_found,
                           "Index `" + index_uid + "` not found: this archive has one index, `issues`");
    const auto query = parse_meilisearch_query(body);
    return meilisearch_response(query, searcher().search(query.request), index_uid);
}

}  // namespace

void handle_meilisearch_search(const httplib::Request& req, httplib::Response& res) {
    send_json(res, meilisearch_search(json_body(req), req.matches[1]));
}

void handle_multi_search(const httplib::Request& req, httplib::Response& res) {
    const auto body = json_body(req);
    if (!body.is_object() || !body.contains("queries") || !body["queries"].is_array())
        throw RequestError(ErrorCode::bad_request, "the body must be {\"queries\": [...]}");
    auto results = nlohmann::json::array();
    for (const auto& query : body["queries"]) {
        if (!query.is_object() || !query.contains("indexUid") || !query["indexUid"].is_string())
            throw RequestError(ErrorCode::missing_index_uid, "every query names its `indexUid`");
        auto search = query;
        search.erase("indexUid");
        results.push_back(meilisearch_search(search, query["indexUid"].get<std::string>()));
    }
    send_json(res, {{"results", results}});
}

void handle_suggest(const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_suggest_params(req.params);
    auto& mine = searcher();
    nlohmann::json suggestions = nlohmann::json::array();
    for (const auto& s : suggest(mine, params.typed, params.limit))
        suggestions.push_back({{"text", s.text}, {"kind", s.kind}, {"count", s.count}});
    send_json(res, {{"query", params.typed}, {"suggestions", suggestions}});
}

void handle_issues(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto& mine = searcher();
    const auto issues = mine.with_retry([&] {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& summary : list_issues(mine.database()))
            list.push_back(issue_summary(read_issue(mine.database(), summary.id)));
        return list;
    });
    send_json(res, {{"total", issues.size()}, {"issues", issues}});
}

void handle_issue(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto& mine = searcher();
    const std::string id = req.matches[1];
    auto record = nlohmann::json(mine.with_retry([&] { return read_issue(mine.database(), id); }));
    record.erase("path");
    record.erase("fingerprint");
    send_json(res, record);
}

void handle_related(const httplib::Request& req, httplib::Response& res) {
    const auto limit = parse_related_params(req.params);
    const std::string issue_id = req.matches[1];
    auto related = nlohmann::json::array();
    for (const auto& issue : related_issues(searcher().database(), issue_id, limit)) {
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
    auto& mine = searcher();
    send_json(res, entity_view(mine.database(), facet, req.matches[2].str(), mine.glossary()));
}

void handle_glossary(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto entries = nlohmann::json::array();
    for (const auto& entry : searcher().glossary().entries())
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
    for (const auto& value : searcher().facet_values(*facet))
        if (match_key(value.value).starts_with(prefix_key)) values.push_back(value);
    send_json(res, {{"facet", facet->name}, {"prefix", prefix}, {"values", values}});
}

void handle_healthz(const httplib::Request&, httplib::Response& res) {
    auto& mine = searcher();
    const auto& db = mine.database();
    send_json(res, {{"status", "ok"},
                    {"database", database_path},
                    {"documents", db.get_doccount()},
                    {"issues", db.get_doccount()},
                    {"revision", database_version(db)}});
}

void handle_metrics(const httplib::Request&, httplib::Response& res, const Metrics& metrics) {
    res.set_content(metrics.render(searcher().database().get_doccount(), last_reopen_unix),
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
    send_atom(res, atom_feed(search_feed_description(request), searcher().search(request), feed_site(req)));
}

void handle_entity_atom(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    const auto& facet = facet_in_path(req.matches[1].str());
    auto& mine = searcher();
    const auto canonical = canonical_facet_value(facet.id, req.matches[2].str(), mine.glossary());
    const auto result = mine.search(entity_feed_request(facet, canonical));
    if (result.total == 0)
        throw RequestError(ErrorCode::not_found, "no issue mentions " + std::string(facet.field) + " '" + req.matches[2].str() + "'");
    send_atom(res, atom_feed(entity_feed_description(facet, canonical, result), result, feed_site(req)));
}

}  // namespace wm::searchd
