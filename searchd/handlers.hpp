#pragma once
// One function per endpoint, each over a Searcher borrowed from the pool for the request.
#include <httplib.h>

#include <string>

#include "searchd/metrics.hpp"

namespace wm::searchd {

/// Where handlers find the index, how many searchers may be open on it at once (requests
/// beyond wait for one), and how long its remote shards may take to answer.
void open_searchers(const std::string& path, std::size_t searchers, unsigned remote_timeout_ms);

/// Seconds a search may take before it answers with what it has, flagged (0: no limit).
void set_search_time_budget(double seconds);

/// Checks the database opens (at start-up, for a clear error before serving).
void check_database();

void handle_search(const httplib::Request& req, httplib::Response& res);
void handle_suggest(const httplib::Request& req, httplib::Response& res);
void handle_issues(const httplib::Request& req, httplib::Response& res);
void handle_issue(const httplib::Request& req, httplib::Response& res);
void handle_facet(const httplib::Request& req, httplib::Response& res);
/// One person, authority or programme: mentions newest first, roles, companions, timeline.
void handle_entity(const httplib::Request& req, httplib::Response& res);
/// Issues most like one issue (relevance-set expansion), with the facet values they share.
void handle_related(const httplib::Request& req, httplib::Response& res);
/// Acronyms: the archive's own (source: the defining issue's id), then the national list.
/// Atom feeds: a search's issues, and a person's, authority's or programme's, newest first.
void handle_search_atom(const httplib::Request& req, httplib::Response& res);
void handle_entity_atom(const httplib::Request& req, httplib::Response& res);
void handle_glossary(const httplib::Request& req, httplib::Response& res);
void handle_healthz(const httplib::Request& req, httplib::Response& res);
void handle_metrics(const httplib::Request& req, httplib::Response& res, const Metrics& metrics);
/// Meilisearch-compatible: POST /indexes/{uid}/search and POST /multi-search.
void handle_meilisearch_search(const httplib::Request& req, httplib::Response& res);
void handle_multi_search(const httplib::Request& req, httplib::Response& res);
/// Meilisearch's searchForFacetValues, from the facet counts of the search it names.
void handle_facet_search(const httplib::Request& req, httplib::Response& res);
/// What a Meilisearch client asks at start-up: GET /health, /version, /indexes,
/// /indexes/{uid}, /indexes/{uid}/stats.
void handle_meilisearch_health(const httplib::Request& req, httplib::Response& res);
void handle_meilisearch_version(const httplib::Request& req, httplib::Response& res);
void handle_meilisearch_indexes(const httplib::Request& req, httplib::Response& res);
void handle_meilisearch_index(const httplib::Request& req, httplib::Response& res);
void handle_meilisearch_stats(const httplib::Request& req, httplib::Response& res);
void handle_openapi(const httplib::Request& req, httplib::Response& res);

}  // namespace wm::searchd
