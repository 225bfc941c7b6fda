#pragma once
// The matching stage: documents with every unit of a query first; when they are fewer than the
// page needs, tiers of documents that lack some, each tier ranked on its own below the ones
// before. A known name typed is relaxed first: its words in any form or its acronym, then its
// words apart like any others. Which documents come next is a PartialMatchOrder's to say:
// DroppedUnits drops one unit after another (as Meilisearch's matchingStrategy and Typesense's
// drop_tokens_threshold do); CoverageOrder takes documents by how much of the query they
// cover, each word weighted by its rarity (as Lucene's minimum-should-match). Phrases and
// field queries are never dropped.
#include <xapian.h>

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
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
    /// Words (as typed) some of these documents lack, in the order they were given up.
    std::vector<std::string> dropped;
    /// Known names these documents may write otherwise (in other forms, apart, or as an acronym).
    std::vector<std::string> relaxed;
    /// The units of its order's plan given up (DroppedUnits' own record).
    std::vector<std::size_t> dropped_units = {};
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
/// required. Each tier also has every document of floor (a tier before, whose documents may
/// not have every unit of plan).
class DroppedUnits : public PartialMatchOrder {
public:
    DroppedUnits(const QueryPlan& plan, std::vector<std::size_t> order, Xapian::Query floor = {})
        : plan_(plan), order_(std::move(order)), floor_(std::move(floor)) {}
    std::optional<Tier> next_candidate(const Tier& last) override;

private:
    const QueryPlan& plan_;
    std::vector<std::size_t> order_;
    Xapian::Query floor_;
    std::size_t next_ = 0;  ///< the next unit of order_ to drop
};

/// Tiers of documents covering less and less of the query: coverage is the share of the
/// words' weight a document has, each word weighted by its rarity (log N/df, a known name's
/// words sharing one word's weight); each tier has
/// the documents covering at least kCoverageSteps[k], never less than kMinCoverage, so that a
/// long query does not return most of the archive. Phrases and field queries stay required;
/// a word that matches nothing does not count. Each tier also has every document of floor.
class CoverageOrder : public PartialMatchOrder {
public:
    CoverageOrder(const QueryPlan& plan, const Xapian::Database& db, Xapian::Query floor = {});
    std::optional<Tier> next_candidate(const Tier& last) override;

    static constexpr double kCoverageSteps[] = {1.0, 0.75, 0.5, 0.25};
    static constexpr double kMinCoverage = kCoverageSteps[std::size(kCoverageSteps) - 1];
    /// Above this many words (or ways to cover a step), a step is skipped: the query would be too large.
    static constexpr std::size_t kMostWords = 12, kMostWays = 64;

private:
    struct Word {
        std::size_t unit;
        double weight;
    };
    /// The documents covering at least share of the words' weight, or none when too many ways.
    std::optional<Xapian::Query> covering(double share) const;
    const QueryPlan& plan_;
    Xapian::Query floor_;
    std::vector<Xapian::Query> required_;
    std::vector<Word> words_;                ///< the words that match something, heaviest first
    std::vector<std::size_t> unmatched_;    ///< units of words that match nothing
    double total_weight_ = 0;
    std::size_t step_ = 0;
};

/// A plan's partial matches in the order of strategy: its known names relaxed first (their
/// forms, then their words apart), then its words dropped (last, frequency) or covered less
/// (coverage); none for MatchingStrategy::all. Holds what it needs of plan and db while used.
std::unique_ptr<PartialMatchOrder> partial_match_order(const QueryPlan& plan, const Xapian::Database& db,
                                                       MatchingStrategy strategy);

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
