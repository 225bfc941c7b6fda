#pragma once
// Meilisearch's `filter`, read by a tokenizer and a recursive-descent parser (not by splitting
// on words: `authorities = "Telford and Wrekin"` is one condition) into what the engine can
// answer. What it cannot answer is refused with the position of the offending part, never
// read as something else.
#include <nlohmann/json.hpp>

#include "common/search/search_request.hpp"

namespace wm {

/// Adds a Meilisearch `filter` to the request: a string, or an array whose items are ANDed,
/// each a string or an array of strings that are ORed. The grammar of a string:
///
///   expression := and ("OR" and)*
///   and        := term ("AND" term)*
///   term       := "(" expression ")" | attribute condition
///   condition  := "=" value | "IN" "[" value ("," value)* [","] "]"
///               | (">=" | "<=") value | value "TO" value          (on date only)
///   attribute, value := a word, or a quoted string ('...' or "...", `\` escapes the next character)
///
/// Keywords are case-insensitive. Attributes: people, authorities, programmes, organisations
/// (or their singular fields), kind (issue, article, page) and date (months, YYYY-MM). The
/// engine filters with OR within one facet and AND across facets, so an OR across two
/// attributes, an AND of two conditions on one facet, an OR on date and an empty IN list are
/// refused, as are NOT, !=, <, >, EXISTS and IS. Throws RequestError(invalid_search_filter)
/// whose message names the filter and the position (1-based, in bytes).
void apply_meilisearch_filter(const nlohmann::json& filter, SearchRequest& request);

}  // namespace wm
