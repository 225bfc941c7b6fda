#pragma once
// One function per endpoint, each over a searcher borrowed from the archive for the request,
// its answer written by api/.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <ctime>
#include <string>

#include "common/search/archive.hpp"
#include "common/search/search_request.hpp"
#include "searchd/metrics.hpp"

namespace wm::searchd {

class Handlers {
public:
    /// time_budget_seconds: how long a search may take before it answers with what it has,
    /// flagged (0: no limit).
    Handlers(Archive& archive, double time_budget_seconds);

    void search(const httplib::Request& req, httplib::Response& res);
    void suggest(const httplib::Request& req, httplib::Response& res);
    void issues(const httplib::Request& req, httplib::Response& res);
    void issue(const httplib::Request& req, httplib::Response& res);
    void facet(const httplib::Request& req, httplib::Response& res);
    /// One person, authority or programme: mentions newest first, roles, companions, timeline.
    void entity(const httplib::Request& req, httplib::Response& res);
    /// The people an authority's issues give a role there, each with the role last written, newest first.
    void whos_who(const httplib::Request& req, httplib::Response& res);
    /// Issues most like one issue (relevance-set expansion), with the facet values they share.
    void related(const httplib::Request& req, httplib::Response& res);
    /// Atom feeds: a search's issues, and a person's, authority's or programme's, newest first.
    void search_atom(const httplib::Request& req, httplib::Response& res);
    void entity_atom(const httplib::Request& req, httplib::Response& res);
    /// Acronyms: the archive's own (source: the defining issue's id), then the national list.
    void glossary(const httplib::Request& req, httplib::Response& res);
    void healthz(const httplib::Request& req, httplib::Response& res);
    void metrics(const httplib::Request& req, httplib::Response& res, const Metrics& metrics);
    /// Meilisearch-compatible: POST /indexes/{uid}/search and POST /multi-search.
    void meilisearch_search(const httplib::Request& req, httplib::Response& res);
    void multi_search(const httplib::Request& req, httplib::Response& res);
    /// Meilisearch's searchForFacetValues, from the facet counts of the search it names.
    void facet_search(const httplib::Request& req, httplib::Response& res);
    /// What a Meilisearch client asks at start-up: GET /health, /version, /indexes,
    /// /indexes/{uid}, /indexes/{uid}/stats.
    void meilisearch_health(const httplib::Request& req, httplib::Response& res);
    void meilisearch_version(const httplib::Request& req, httplib::Response& res);
    void meilisearch_indexes(const httplib::Request& req, httplib::Response& res);
    void meilisearch_index(const httplib::Request& req, httplib::Response& res);
    void meilisearch_stats(const httplib::Request& req, httplib::Response& res);
    void openapi(const httplib::Request& req, httplib::Response& res);

private:
    /// Every search a handler runs: within the time budget, stopped when its client hangs up.
    SearchResult budgeted_search(Searcher& searcher, SearchRequest request) const;
    SearchResult budgeted_search(SearchRequest request);
    /// A Meilisearch search body's answer, on the index it names.
    nlohmann::json meilisearch_answer(const nlohmann::json& body, const std::string& index_uid);
    /// When the index was last written, as feeds and Meilisearch's index calls date it.
    std::time_t index_time() const;

    Archive& archive_;
    const double time_budget_seconds_;
    const std::time_t started_unix_ = std::time(nullptr);
};

}  // namespace wm::searchd
