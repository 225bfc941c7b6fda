#include "searchd/handlers.hpp"

#include <chrono>
#include <filesystem>
#include <regex>

#include "api/atom.hpp"
#include "api/error_codes.hpp"
#include "api/meilisearch.hpp"
#include "api/meilisearch_index.hpp"
#include "api/params.hpp"
#include "api/search_json.hpp"
#include "api/views_json.hpp"
#include "common/facets/canonical.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/search/entities.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/related.hpp"
#include "common/search/searcher.hpp"
#include "common/search/suggester.hpp"
#include "common/search/whos_who.hpp"
#include "searchd/http_server.hpp"
#include "searchd/openapi.hpp"
#include "searchd/respond.hpp"

namespace wm::searchd {
namespace {

const schema::Facet& facet_in_path(const std::string& name) {
    const auto* facet = find_facet(name);
    if (!facet)
        throw RequestError(ErrorCode::invalid_facet,
                           "unknown facet `" + name + "`: use people, authorities, programmes or organisations");
    return *facet;
}

nlohmann::json json_body(const httplib::Request& req) {
    if (!req.get_header_value("Content-Type").starts_with("application/json"))
        throw RequestError(ErrorCode::invalid_content_type, "send the search as JSON (Content-Type: application/json)");
    try {
        return nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::parse_error& e) {
        throw RequestError(ErrorCode::bad_request, std::string("the body is not JSON: ") + e.what());
    }
}

// Feeds link back to this server as the client reached it; a Host header that is not a plain
// host name or address is not echoed.
FeedSite feed_site(const httplib::Request& req, std::time_t index_time) {
    static const std::regex plain_host(R"(([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(:[0-9]{1,5})?)");
    const auto host = req.get_header_value("Host");
    const auto scheme = req.get_header_value("X-Forwarded-Proto") == "https" ? "https://" : "http://";
    return {scheme + (std::regex_match(host, plain_host) ? host : std::string("localhost")), index_time};
}

void send_atom(httplib::Response& res, const std::string& xml) {
    res.set_content(xml, "application/atom+xml; charset=utf-8");
}

}  // namespace

Handlers::Handlers(Archive& archive, double time_budget_seconds)
    : archive_(archive), time_budget_seconds_(time_budget_seconds) {}

SearchResult Handlers::budgeted_search(Searcher& searcher, SearchRequest request) const {
    request.time_budget = time_budget_seconds_;
    request.client_gone = client_hung_up;
    return searcher.search(request);
}

SearchResult Handlers::budgeted_search(SearchRequest request) {
    return budgeted_search(*archive_.searcher(), std::move(request));
}

// The newest modification time of the database and of what it holds directly (a database's
// files, a sharded index's shard folders); searchd's start when there is nothing to look at
// (remote shards).
std::time_t Handlers::index_time() const {
    namespace fs = std::filesystem;
    std::error_code error;
    const auto& path = archive_.path();
    auto newest = fs::last_write_time(path, error);
    if (error) return started_unix_;
    if (fs::is_directory(path, error))
        for (const auto& entry : fs::directory_iterator(path, error)) newest = std::max(newest, entry.last_write_time(error));
    return std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(newest));
}

void Handlers::search(const httplib::Request& req, httplib::Response& res) {
    send_json_text(res, search_result_json(budgeted_search(parse_search_params(req.params))));
}

nlohmann::json Handlers::meilisearch_answer(const nlohmann::json& body, const std::string& index_uid) {
    require_meilisearch_index(index_uid);
    const auto query = parse_meilisearch_query(body);
    return meilisearch_response(query, budgeted_search(query.request), index_uid);
}

void Handlers::meilisearch_search(const httplib::Request& req, httplib::Response& res) {
    send_json(res, meilisearch_answer(json_body(req), req.matches[1]));
}

void Handlers::multi_search(const httplib::Request& req, httplib::Response& res) {
    auto results = nlohmann::json::array();
    for (const auto& [uid, search] : parse_multi_search(json_body(req))) results.push_back(meilisearch_answer(search, uid));
    send_json(res, {{"results", results}});
}

void Handlers::facet_search(const httplib::Request& req, httplib::Response& res) {
    require_meilisearch_index(req.matches[1]);
    const auto query = parse_facet_search(json_body(req));
    send_json(res, facet_search_response(query, budgeted_search(query.request)));
}

void Handlers::suggest(const httplib::Request& req, httplib::Response& res) {
    const auto params = parse_suggest_params(req.params);
    auto searcher = archive_.searcher();
    send_json(res, suggestions_json(params.typed, wm::suggest(*searcher, params.typed, params.limit)));
}

void Handlers::issues(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto searcher = archive_.searcher();
    const auto records = searcher->with_retry([&] {
        std::vector<IssueRecord> read;
        for (const auto& summary : list_issues(searcher->database())) read.push_back(read_issue(searcher->database(), summary.id));
        return read;
    });
    send_json(res, issue_list_json(records));
}

void Handlers::issue(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto searcher = archive_.searcher();
    const std::string id = req.matches[1];
    send_json(res, issue_json(searcher->with_retry([&] { return read_issue(searcher->database(), id); })));
}

void Handlers::related(const httplib::Request& req, httplib::Response& res) {
    const auto limit = parse_related_params(req.params);
    const std::string issue_id = req.matches[1];
    send_json(res, related_json(issue_id, related_issues(archive_.searcher()->database(), issue_id, limit)));
}

void Handlers::entity(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    const auto& facet = facet_in_path(req.matches[1].str());
    auto searcher = archive_.searcher();
    send_json(res, entity_json(entity_view(searcher->database(), facet, req.matches[2].str(), searcher->glossary())));
}

void Handlers::whos_who(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    auto searcher = archive_.searcher();
    send_json(res, whos_who_json(searcher->with_retry(
                       [&] { return wm::whos_who(searcher->database(), req.matches[1].str(), searcher->glossary()); })));
}

void Handlers::glossary(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    send_json(res, glossary_json(archive_.searcher()->glossary().entries()));
}

void Handlers::facet(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {"prefix"});
    const auto& facet = facet_in_path(req.matches[1].str());
    const auto prefix = req.get_param_value("prefix");
    require_clean_text(prefix, "prefix", ErrorCode::invalid_facet_prefix);
    send_json(res, facet_values_json(facet, prefix, archive_.searcher()->facet_values(facet, prefix)));
}

// Health and metrics open the database themselves rather than wait for a searcher: they must
// answer while every searcher is busy.
void Handlers::healthz(const httplib::Request&, httplib::Response& res) {
    const auto db = open_for_reading(archive_.path(), archive_.remote_timeout_ms());
    send_json(res, health_json(archive_.path(), db.get_doccount(), database_version(db)));
}

void Handlers::metrics(const httplib::Request&, httplib::Response& res, const Metrics& metrics) {
    const auto documents = open_for_reading(archive_.path(), archive_.remote_timeout_ms()).get_doccount();
    res.set_content(metrics.render(documents, archive_.revision_seen_unix()), "text/plain; version=0.0.4");
}

void Handlers::openapi(const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(openapi_document()), "application/json");
}

void Handlers::search_atom(const httplib::Request& req, httplib::Response& res) {
    const auto request = parse_search_feed_params(req.params);
    send_atom(res, atom_feed(search_feed_description(request), budgeted_search(request), feed_site(req, index_time())));
}

void Handlers::entity_atom(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    const auto& facet = facet_in_path(req.matches[1].str());
    auto searcher = archive_.searcher();
    const auto canonical = canonical_facet_value(facet.id, req.matches[2].str(), searcher->glossary());
    const auto result = budgeted_search(*searcher, entity_feed_request(facet, canonical));
    if (result.total == 0)
        throw RequestError(ErrorCode::not_found, "no issue mentions " + std::string(facet.field) + " '" + req.matches[2].str() + "'");
    send_atom(res, atom_feed(entity_feed_description(facet, canonical, result), result, feed_site(req, index_time())));
}

void Handlers::meilisearch_health(const httplib::Request&, httplib::Response& res) {
    archive_.searcher();  // available only when the index opens
    send_json(res, wm::meilisearch_health());
}

void Handlers::meilisearch_version(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    send_json(res, wm::meilisearch_version());
}

void Handlers::meilisearch_indexes(const httplib::Request& req, httplib::Response& res) {
    send_json(res, meilisearch_index_list(req.params, index_time()));
}

void Handlers::meilisearch_index(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    require_meilisearch_index(req.matches[1]);
    send_json(res, wm::meilisearch_index(index_time()));
}

void Handlers::meilisearch_stats(const httplib::Request& req, httplib::Response& res) {
    require_known_params(req.params, {});
    require_meilisearch_index(req.matches[1]);
    send_json(res, wm::meilisearch_stats(archive_.searcher()->database().get_doccount()));
}

}  // namespace wm::searchd
