#pragma once
// Matching tiers: documents with every word of a query first; when they are fewer than the page
// needs, documents that lack one word, then two, down to one word (as Meilisearch's
// matchingStrategy and Typesense's drop_tokens_threshold do). Phrases, names and field queries
// are never dropped.
#include <xapian.h>

#include <vector>

#include "common/search/query_builder.hpp"
#include "common/search/search_request.hpp"

namespace wm {

/// The units a query may lose, in the order they are dropped: a word that matches nothing
/// first, then the word that matches most documents (frequency), or the last word typed
/// (last). Never all of them: at least one unit stays. Empty for MatchingStrategy::all.
std::vector<std::size_t> drop_order(const QueryPlan& plan, const Xapian::Database& db, MatchingStrategy strategy);

}  // namespace wm
