#pragma once
// A Meilisearch-compatible subset of the search API (POST /indexes/{uid}/search and
// /multi-search), enough for @meilisearch/instant-meilisearch and InstantSearch.js: the request
// body becomes a SearchRequest, the SearchResult becomes Meilisearch's response shape.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/search/search_request.hpp"

namespace wm {

/// The one index this archive is: every issue, one hit per issue.
inline constexpr std::string_view kMeilisearchIndexUid = "issues";

struct MeilisearchQuery {
    SearchRequest request;
    std::vector<std::string> facets;  ///< facet names whose distribution is wanted
    bool page_mode = false;           ///< page/hitsPerPage given (else offset/limit)
    std::string highlight_pre = "<em>", highlight_post = "</em>";
};

/// Throws RequestError with Meilisearch's codes (invalid_search_filter, invalid_search_facets,
/// invalid_search_limit, ...) for what it cannot honour.
MeilisearchQuery parse_meilisearch_query(const nlohmann::json& body);

nlohmann::json meilisearch_response(const MeilisearchQuery& query, const SearchResult& result,
                                    std::string_view index_uid);

}  // namespace wm
