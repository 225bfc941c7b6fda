#pragma once
// Query-string parameters -> SearchRequest, with every rule a search box relies on checked
// here, so the HTTP layer only maps errors to statuses.
#include <map>
#include <string>

#include "common/search/search_request.hpp"

namespace wm {

using Params = std::multimap<std::string, std::string>;

inline constexpr std::size_t kMaxQueryBytes = 1000;
inline constexpr std::size_t kMaxPerPage = 100;
inline constexpr std::size_t kMaxPage = 10000;

/// Throws InvalidRequest (code invalid_search_q, invalid_search_per_page, invalid_search_page,
/// invalid_search_filter, invalid_search_sort, invalid_search_group, invalid_search_date,
/// unknown_parameter...). An empty parameter counts as absent.
SearchRequest parse_search_params(const Params& params);

/// Throws InvalidRequest(unknown_parameter) for a parameter not in allowed.
void require_known_params(const Params& params, std::initializer_list<std::string_view> allowed);

/// Throws InvalidRequest(code) when text is over the size limit, not UTF-8 or has NUL bytes.
void require_clean_text(const std::string& text, const std::string& name, const std::string& code,
                        std::size_t max_bytes = kMaxQueryBytes);

}  // namespace wm
