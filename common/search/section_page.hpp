#pragma once
// The page stage when hits are sections (group=section). Sections are not documents: they come
// from the matching issues in rank order, each issue's matching sections best first, until the
// page is full. Counting them all would read every matching issue, so the total is exact only
// when the walk reached the last issue.
#include "common/search/hit_snippets.hpp"
#include "common/search/search_context.hpp"
#include "common/search/search_plan.hpp"
#include "common/search/tiers.hpp"

namespace wm {

/// The page's sections into result.hits, tier by tier, and the total as far as it is known.
void page_of_sections(const SearchContext& context, const SearchPlan& plan, const MatchedTiers& tiers,
                      const RecordReader& read, SearchResult& result);

}  // namespace wm
