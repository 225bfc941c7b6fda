#include "searchd/handlers.hpp"

#include <atomic>
#include <chrono>
#include <memory>

#include "common/errors.hpp"
#include "common/issue_record.hpp"
#include "common/issue_store.hpp"
#include "common/schema.hpp"
#include "common/search/meilisearch.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/entities.hpp"
#include "common/search/related.hpp"
#include "common/text.hpp"
#include "common/search/search_json.hpp"
#include "common/search/search_params.hpp"
#include "common/search/suggester.hpp"
#include "searchd/openapi.hpp"

namespace wm::searchd {
namespace {

std::string database_path;
std::atomic<double> last_reopen_unix{0};

double now_unix() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Xapian objects are not thread-safe, so each worker thread keeps its own Searcher and
// refreshes it before every request: a commit by the indexer is visible on the next request.
thread_local std::unique_ptr<Searcher> thread_searcher;

Searcher& searcher() {
    auto& mine = thread_searcher;
    if (!mine) mine = std::make_unique<Searcher>(database_path);
    const auto before = database_version(mine->database());
    mine->refresh();
    if (database_version(mine->database()) != before) last_reopen_unix = now_unix();
    return *mine;
}

void send_json(httplib::Response& res, const nlohmann::json& body) {
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

nlohmann::json issue_summary(const IssueRecord& record) {
    return {{"id", record.issue.id},
            {"file", record.issue.file},
            {"title", record.issue.title},
            {"date", record.issue.month.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.issue.month)},
            {"signatory", record.issue.signatory},
            {"people", record.facets.issue.people},
            {"authorities", record.facets.issue.authorities},
            {"programmes", record.facets.issue.programmes},
            {"organisations", record.facets.issue.organisations}};
}

}  // namespace

void set_database_path(const std::string& path) { database_path = path; }

void forget_thread_searcher() { thread_searcher.reset(); }

void check_database() {
    Searcher probe(database_path);
    last_reopen_unix = now_unix();
}

void handle_search(const httplib::Request& req, httplib::Response& res) {
    const auto request = parse_search_params(req.params);
    send_json(res, searcher().search(request));
}

namespace {

nlohmann::json json_body(const httplib::Request& req) {
    if (!req.get_header_value("Content-Type").starts_with("application/json"))
        throw InvalidRequest("invalid_content_type", "send the search as JSON (Content-Type: application/json)");
    try {
        return nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::parse_error& e) {
        throw InvalidRequest("bad_request", std::string("the body is not JSON: ") + e.what());
    }
}

nlohmann::json meilisearch_search(const nlohmann::json& body, const std::string& index_uid) {
    if (index_uid != kMeilisearchIndexUid)
        throw NotFoundError("Index `" + index_uid + "` not found: this archive has one index, `issues`",
                            "index_not_found");
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
        throw InvalidRequest("bad_request", "the body must be {\"queries\": [...]}");
    auto results = nlohmann::json::array();
    for (const auto& query : body["queries"]) {
        if (!query.is_object() || !query.contains("indexUid") || !query["indexUid"].is_string())
            throw InvalidRequest("missing_index_uid", "every query names its `indexUid`");
        auto search = query;
        search.erase("indexUid");
        results.push_back(meilisearch_search(search, query["indexUid"].get<std::string>()));
    }
    send_json(res, {{"results", results}});
}

void handle_suggest(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {"q", "limit"});
    const auto typed = req.get_param_value("q");
    require_clean_text(typed, "q", "invalid_suggest_q");
    std::size_t limit = 10;
    if (const auto text = req.get_param_value("limit"); !text.empty()) {
        try {
            limit = std::stoul(text);
        } catch (const std::exception&) {
            limit = 0;
        }
        if (limit == 0 || limit > 50) throw InvalidRequest("invalid_suggest_limit", "`limit` must be from 1 to 50");
    }
    auto& mine = searcher();
    nlohmann::json suggestions = nlohmann::json::array();
    for (const auto& s : suggest(mine, typed, limit))
        suggestions.push_back({{"text", s.text}, {"kind", s.kind}, {"count", s.count}});
    send_json(res, {{"query", typed}, {"suggestions", suggestions}});
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
    require_known_params(req.params, {"limit"});
    std::size_t limit = 5;
    if (const auto text = req.get_param_value("limit"); !text.empty()) {
        if (text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos || std::stoul(text) == 0 ||
            std::stoul(text) > 20)
            throw InvalidRequest("invalid_related_limit", "`limit` must be from 1 to 20");
        limit = std::stoul(text);
    }
    const std::string issue_id = req.matches[1];
    auto related = nlohmann::json::array();
    for (const auto& issue : related_issues(searcher().database(), issue_id, limit))
        related.push_back({{"issue_id", issue.issue_id}, {"file", issue.file}, {"title", issue.title},
                           {"date", issue.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(issue.date)},
                           {"score", issue.score},
                           {"shared", {{"people", issue.shared_people}, {"authorities", issue.shared_authorities},
                                       {"programmes", issue.shared_programmes}}}});
    send_json(res, {{"issue_id", issue_id}, {"related", related}});
}

void handle_entity(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    const auto* facet = find_facet(req.matches[1].str());
    if (!facet) throw InvalidRequest("invalid_facet", "unknown facet `" + req.matches[1].str() +
                                                          "`: use people, authorities, programmes or organisations");
    auto& mine = searcher();
    send_json(res, entity_view(mine.database(), *facet, req.matches[2].str(), mine.glossary()));
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
    const std::string name = req.matches[1];
    const auto* facet = find_facet(name);
    if (!facet)
        throw InvalidRequest("invalid_facet", "unknown facet `" + name + "`: use people, authorities, programmes or organisations");
    const auto prefix = req.get_param_value("prefix");
    require_clean_text(prefix, "prefix", "invalid_facet_prefix");
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
                    {"issues", db.get_termfreq(schema::doc_type_term(schema::DOC_TYPE_ISSUE))},
                    {"revision", database_version(db)}});
}

void handle_metrics(const httplib::Request&, httplib::Response& res, const Metrics& metrics) {
    res.set_content(metrics.render(searcher().database().get_doccount(), last_reopen_unix),
                    "text/plain; version=0.0.4");
}

void handle_openapi(const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(openapi_document()), "application/json");
}

}  // namespace wm::searchd
