#pragma once
// The page stage: which hits make the page, in order. Each tier is ranked on its own (its own
// documents, by score or date), the best of it re-ordered with the boost of the words typed
// together, and the part of the page that falls in it kept.
#include <xapian.h>

#include <cstddef>
#include <vector>

#include "common/search/facet_counter.hpp"
#include "common/search/search_context.hpp"
#include "common/search/search_plan.hpp"
#include "common/search/tiers.hpp"

namespace wm {

/// A tier's hits on the page, ranked.
struct RankedTier {
    Xapian::MSet mset;
    std::vector<Xapian::MSetIterator> hits;  ///< the page's part of this tier, in order
    std::vector<double> scores;              ///< parallel to hits, the words-together boost included
    Xapian::Query query;                     ///< what the tier matched: what snippets and sections look for
    /// Documents the ranking pass found (estimated when it was cut short, which it flags).
    std::size_t matched() const { return mset.get_matches_estimated(); }
};

/// Ranks `own` (a tier's own documents; the request's filters are added) and keeps hits
/// [first, first + size) of them; `query` is what its documents match. With a counter, the same
/// pass counts every match and collects the counts into result (over remote shards, in a pass
/// of its own).
RankedTier rank_tier(const SearchContext& context, const SearchPlan& plan, const Xapian::Query& own,
                     const Xapian::Query& query, std::size_t first, std::size_t size, const FacetCounter* counter,
                     SearchResult& result);

/// The page's hits in the tiers after the first, appended to page: each tier's documents that
/// no tier before it has, for the part of the page that falls in it.
void rank_partial_tiers(const SearchContext& context, const SearchPlan& plan, const MatchedTiers& tiers,
                        std::vector<RankedTier>& page, SearchResult& result);

/// Xapian's ordering of a page (schema.hpp): by score with the newest-first key breaking ties,
/// or by date. No tie is left to document ids, which shards number differently from one database.
void set_order(Xapian::Enquire& enquire, SortOrder sort);

}  // namespace wm
