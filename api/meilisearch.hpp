#pragma once
// A Meilisearch-compatible subset of the search API (POST /indexes/{uid}/search, /multi-search
// and /facet-search), enough for the official JS client and @meilisearch/instant-meilisearch:
// the request body becomes a SearchRequest, the SearchResult becomes Meilisearch's response
// shape. Every field is honoured or refused; none is accepted and ignored.
#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/search/search_request.hpp"

namespace wm {

/// The one index this archive is: every issue, one hit per issue.
inline constexpr std::string_view kMeilisearchIndexUid = "issues";
/// Queries one /multi-search request may hold: each is a full search.
inline constexpr std::size_t kMaxMultiSearchQueries = 16;
/// Every attribute of a hit, in the order hits show them.
inline constexpr std::array<std::string_view, 9> kHitAttributes = {"id", "issue_id", "file", "title", "date",
                                                                   "kind", "section", "heading", "snippet"};
/// Values /facet-search answers at most, as Meilisearch's maxFacetHits.
inline constexpr std::size_t kMaxFacetHits = 100;

struct MeilisearchQuery {
    SearchRequest request;
    std::vector<std::string> facets;  ///< facet names whose distribution is wanted
    bool page_mode = false;           ///< page/hitsPerPage given (else offset/limit)
    std::string highlight_pre = "<em>", highlight_post = "</em>";
    std::set<std::string> retrieve;   ///< attributesToRetrieve; empty: every attribute
    std::set<std::string> highlight;  ///< attributes marked in _formatted (snippet always is)
    std::map<std::string, std::size_t> crop;  ///< attribute -> words kept in _formatted
    std::string crop_marker = "…";
    bool show_matches_position = false;
    bool show_ranking_score = false;
};

/// Throws RequestError if uid is not the archive's index (index_not_found).
void require_meilisearch_index(const std::string& uid);

/// Throws RequestError with Meilisearch's codes (invalid_search_filter, invalid_search_facets,
/// invalid_search_limit, bad_request for an unknown or unsupported field, ...).
MeilisearchQuery parse_meilisearch_query(const nlohmann::json& body);

nlohmann::json meilisearch_response(const MeilisearchQuery& query, const SearchResult& result,
                                    std::string_view index_uid);

/// A /multi-search body's queries as (indexUid, search body); at most kMaxMultiSearchQueries,
/// each naming its index; `federation` is refused (each query gets its own result).
std::vector<std::pair<std::string, nlohmann::json>> parse_multi_search(const nlohmann::json& body);

/// A /facet-search body (facetName, facetQuery, q, filter, matchingStrategy): the search whose
/// facet counts answer it, asking for no hits and every busy value.
struct FacetSearchQuery {
    SearchRequest request;
    std::string facet;  ///< the facet's name in SearchResult::facets ("authorities", "kinds")
    std::optional<std::string> facet_query;
};
FacetSearchQuery parse_facet_search(const nlohmann::json& body);

/// {facetHits: [{value, count}], facetQuery, processingTimeMs}: the values a word of which
/// starts with facetQuery (folded), busiest first.
nlohmann::json facet_search_response(const FacetSearchQuery& query, const SearchResult& result);

}  // namespace wm
