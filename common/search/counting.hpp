#pragma once
// The counting stage: how many documents a query returns, and exact facet counts of them.
// Facets without a filter are counted on what the query returns (the first tier's are counted
// in the pass that ranks its page, see page.hpp); a filtered facet, the page kinds and the years
// are each counted without their own filter (disjunctive counts), so that their other values
// keep their counts. Past the time budget a count is what was counted so far, flagged.
#include <xapian.h>

#include <cstddef>

#include "common/search/facet_counter.hpp"
#include "common/search/search_context.hpp"
#include "common/search/search_plan.hpp"
#include "common/search/tiers.hpp"

namespace wm {

/// Flags the result's counts as not exact when a pass stopped before it saw every match.
const Xapian::MSet& flag_estimates(const Xapian::MSet& mset, SearchResult& result);

/// The documents query returns with the request's filters.
std::size_t count_matches(const SearchContext& context, const Xapian::Query& query, SearchResult& result);

/// Counts every document query returns (filters included) into counter, then collects its
/// counts into result. Walked straight over the posting lists when the counter and the query
/// allow (no weights are needed), else through Xapian's matcher with the counter's spies.
void count_facets(const SearchContext& context, const Xapian::Query& query, const FacetCounter& counter,
                  SearchResult& result);

/// Browsing: the counts of every document of the database, from the facet table, without a pass.
void count_every_document(const SearchContext& context, const FacetCounter& counter, SearchResult& result);

/// The counts of every document the tiers return: the unfiltered facets again when tiers were
/// added to the first (whose counts were taken with its page), then the filtered facets, the
/// kinds and the years without their own filters.
void count_returned(const SearchContext& context, const SearchPlan& plan, const MatchedTiers& tiers,
                    SearchResult& result);

}  // namespace wm
