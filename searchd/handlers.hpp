#pragma once
// One function per endpoint, over the calling thread's Searcher.
#include <httplib.h>

#include <string>

#include "searchd/metrics.hpp"

namespace wm::searchd {

/// Where handlers find the index, and how long its remote shards may take to answer; each
/// worker thread opens its own Searcher on it.
void set_database_path(const std::string& path, unsigned remote_timeout_ms);

/// Drops the calling thread's Searcher, so its next request opens the database afresh: after a
/// remote shard's connection broke, that is what reconnects once the shard is back.
void forget_thread_searcher();

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
void handle_openapi(const httplib::Request& req, httplib::Response& res);

}  // namespace wm::searchd
