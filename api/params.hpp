#pragma once
// api/ - the HTTP protocol over the engine, without a server: query-string parameters,
// Meilisearch request and response shapes, search JSON, and errors as status + JSON body.
// May include common/; never cpp-httplib, searchd/ or indexer/.
//
// Query-string parameters -> engine requests, with every rule a search box relies on checked
// here: the engine gets valid requests, and each refusal names the parameter and its limit.
#include <map>
#include <string>
#include <string_view>

#include "api/error_codes.hpp"
#include "common/search/search_request.hpp"

namespace wm {

using Params = std::multimap<std::string, std::string>;

inline constexpr std::size_t kMaxQueryBytes = 1000;
inline constexpr std::size_t kMaxPerPage = 100;
inline constexpr std::size_t kMaxPage = 10000;
inline constexpr std::size_t kMaxFacetLimit = 1000;
inline constexpr std::size_t kMaxSectionsPerHit = 5;
inline constexpr std::size_t kMaxOffset = 100000;
inline constexpr std::size_t kDefaultSuggestions = 10;
inline constexpr std::size_t kMaxSuggestions = 50;
inline constexpr std::size_t kDefaultRelated = 5;
inline constexpr std::size_t kMaxRelated = 20;

/// Throws RequestError (invalid_search_q, invalid_search_per_page, invalid_search_page,
/// invalid_search_sort, invalid_search_group, invalid_search_date, unknown_parameter...).
/// An empty parameter counts as absent.
SearchRequest parse_search_params(const Params& params);

struct SuggestParams {
    std::string typed;
    std::size_t limit = kDefaultSuggestions;
};
SuggestParams parse_suggest_params(const Params& params);

/// The `limit` of /api/issues/{id}/related.
std::size_t parse_related_params(const Params& params);

/// Throws RequestError(unknown_parameter) for a parameter not in allowed.
void require_known_params(const Params& params, std::initializer_list<std::string_view> allowed);

/// Throws RequestError(code) when text is over the size limit, not UTF-8 or has NUL bytes.
void require_clean_text(std::string_view text, std::string_view name, ErrorCode code,
                        std::size_t max_bytes = kMaxQueryBytes);

/// The whole number text spells, from minimum to maximum; anything else (signs, spaces,
/// fractions, out of range) throws RequestError(code).
std::size_t bounded_integer(std::string_view text, std::string_view name, std::size_t minimum,
                            std::size_t maximum, ErrorCode code);

/// Throws RequestError(code) unless minimum <= value <= maximum.
void require_in_range(long long value, std::string_view name, std::size_t minimum, std::size_t maximum,
                      ErrorCode code);

/// A month bound ("YYYY-MM"), or empty; throws RequestError(code) for anything else.
std::string month_bound(std::string_view text, std::string_view name, ErrorCode code);

}  // namespace wm
