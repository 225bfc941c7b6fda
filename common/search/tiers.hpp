#pragma once
// The matching stage: documents with every unit of a query first; when they are fewer than the
// page needs, tiers of documents that lack some, each tier ranked on its own below the ones
// before. Which documents come next is a PartialMatchOrder's to say: DroppedUnits drops one
// unit after another (as Meilisearch's matchingStrategy and Typesense's drop_tokens_threshold
// do); another order may take partial matches by how much of the query they cover. Phrases,
// names and field queries are never dropped.
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "common/search/deadline.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/search_request.hpp"

namespace wm {

/// The documents a query returns up to one tier: those of every tier before it and its own.
struct Tier {
    Xapian::Query query;  ///< every document of this tier and of the tiers before it
    std::size_t total = 0;  ///< the documents query matches
    /// Units of the plan these documents may lack, in the order they were given up.
    std::vector<std::size_t> dropped;
};

/// The order in which documents lacking some of a query's units follow those with all of them.
class PartialMatchOrder {
public:
    virtual ~PartialMatchOrder() = default;
    /// The next tier to try after `last` (the last one kept): its query matches every document
    /// last's does, and maybe more; none when there is nothing more to try. A candidate that
    /// adds no document is not kept, and the next one is asked for after the same `last`.
    virtual std::optional<Tier> next_candidate(const Tier& last) = 0;
};

/// The units a query may lose, in the order they are dropped: a word that matches nothing
/// first, then the word that matches most documents (frequency), or the last word typed
/// (last). Never all of them: at least one unit stays. Empty for MatchingStrategy::all.
std::vector<std::size_t> drop_order(const QueryPlan& plan, const Xapian::Database& db, MatchingStrategy strategy);

/// Tier k drops one more unit of the drop order; a unit whose dropping adds nothing stays
/// required.
class DroppedUnits : public PartialMatchOrder {
public:
    DroppedUnits(const QueryPlan& plan, std::vector<std::size_t> order) : plan_(plan), order_(std::move(order)) {}
    std::optional<Tier> next_candidate(const Tier& last) override;

private:
    const QueryPlan& plan_;
    std::vector<std::size_t> order_;
    std::size_t next_ = 0;  ///< the next unit of order_ to drop
};

/// The tiers a page of `needed` hits takes: first (every unit), then candidates of `partial`
/// until the tiers hold `needed` documents or it has none left; count(query) counts a
/// candidate's documents. Past the deadline no more are tried, and cut_short says so (there
/// are more hits than the tiers hold).
struct MatchedTiers {
    std::vector<Tier> tiers;
    bool cut_short = false;
    const Tier& widest() const { return tiers.back(); }
};
MatchedTiers match_tiers(Tier first, std::size_t needed, PartialMatchOrder& partial,
                         const std::function<std::size_t(const Xapian::Query&)>& count, const Deadline& deadline);

}  // namespace wm
