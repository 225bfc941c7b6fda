#include "common/search/page.hpp"

#include <algorithm>
#include <numeric>

#include "common/index/schema.hpp"
#include "common/search/counting.hpp"
#include "common/search/docid_source.hpp"

namespace wm {
namespace {

// Words typed together are boosted in the best matches only: checking a phrase reads the
// positions of every document it is asked of, which over every match cost most of a query.
constexpr std::size_t kRerankDepth = 50;

std::vector<Xapian::MSetIterator> hits_of(const Xapian::MSet& mset) {
    std::vector<Xapian::MSetIterator> hits;
    hits.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(it);
    return hits;
}

// The top matches as a filter, so that Xapian checks the words' positions in those documents
// only (a match decider is asked after the positions are read, of every match): one local
// database names them by document id; shards by their id terms (remote shards take no decider
// or posting source, and local shards hand one their own document ids).
Xapian::Query only_these(const std::vector<Xapian::MSetIterator>& hits, bool one_local_database) {
    if (one_local_database) {
        std::vector<Xapian::docid> docids;
        for (const auto& it : hits) docids.push_back(*it);
        return Xapian::Query((new DocidSource(std::move(docids)))->release());
    }
    std::vector<Xapian::Query> ids;
    for (const auto& it : hits) ids.emplace_back(schema::unique_id_term(it.get_document().get_value(schema::SLOT_ISSUE_ID)));
    return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
}

// The top matches re-ordered with the words-together boost added to their scores, as the
// query "all AND_MAYBE together" would score them (equal scores keep Xapian's order); then cut
// to the page [first, first + size).
void rerank_words_together(const SearchContext& context, const Xapian::Query& together,
                           std::vector<Xapian::MSetIterator>& hits, std::vector<double>& scores, std::size_t first,
                           std::size_t size) {
    if (!hits.empty()) {
        Xapian::Enquire boost(context.db);
        boost.set_query(Xapian::Query(Xapian::Query::OP_FILTER, together, only_these(hits, context.one_local_database)));
        const auto boosted = boost.get_mset(0, static_cast<Xapian::doccount>(hits.size()));
        std::vector<Xapian::docid> docids;
        for (const auto& it : hits) docids.push_back(*it);
        for (auto it = boosted.begin(); it != boosted.end(); ++it) {
            const auto at = std::find(docids.begin(), docids.end(), *it);
            if (at != docids.end()) scores[static_cast<std::size_t>(at - docids.begin())] += it.get_weight();
        }
    }
    std::vector<std::size_t> order(hits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
    std::vector<Xapian::MSetIterator> page_hits;
    std::vector<double> page_scores;
    for (auto i = first; i < order.size() && i < first + size; ++i) {
        page_hits.push_back(hits[order[i]]);
        page_scores.push_back(scores[order[i]]);
    }
    hits = std::move(page_hits);
    scores = std::move(page_scores);
}

}  // namespace

void set_order(Xapian::Enquire& enquire, SortOrder sort) {
    // BM25 with Lucene's and FTS5's k1 1.2 and b 0.75 rather than Xapian's 1 and 0.5: pages
    // differ tenfold in length (a short post beside a whole issue), and with less length
    // normalisation whole issues that mention a topic in passing outranked posts about it
    // (measured on the dev queries: MRR 0.96 -> 1.00).
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    switch (sort) {
        case SortOrder::relevance: enquire.set_sort_by_relevance_then_value(schema::SLOT_NEWEST_FIRST, true); break;
        case SortOrder::newest: enquire.set_sort_by_value(schema::SLOT_NEWEST_FIRST, true); break;
        case SortOrder::oldest: enquire.set_sort_by_value(schema::SLOT_OLDEST_FIRST, false); break;
    }
}

RankedTier rank_tier(const SearchContext& context, const SearchPlan& plan, const Xapian::Query& own,
                     const Xapian::Query& query, std::size_t first, std::size_t size, const FacetCounter* counter,
                     SearchResult& result) {
    Xapian::Enquire enquire(context.db);
    enquire.set_query(context.filtered(own));
    set_order(enquire, plan.sort);
    // Over remote shards, Xapian 1.4.22's spies on a value-sorted page of results can see a
    // document twice (measured: per_page 2 or 3 over two shards): they count in a pass of their own.
    if (counter && !context.remote_shards) counter->attach(enquire);
    if (counter) context.limit(enquire);
    const bool boosted = plan.sort == SortOrder::relevance && !plan.query.together.empty();
    const auto depth = boosted ? std::max(kRerankDepth, first + size) : size;
    RankedTier tier{enquire.get_mset(static_cast<Xapian::doccount>(boosted ? 0 : first),
                                     static_cast<Xapian::doccount>(depth), counter ? context.everything : 0),
                    {}, {}, query};
    if (counter) flag_estimates(tier.mset, result);
    tier.hits = hits_of(tier.mset);
    tier.scores.reserve(tier.hits.size());
    for (const auto& it : tier.hits) tier.scores.push_back(it.get_weight());
    if (boosted) rerank_words_together(context, plan.query.together, tier.hits, tier.scores, first, size);
    if (counter && context.remote_shards) count_facets(context, context.filtered(own), *counter, result);
    else if (counter) counter->collect(context.request.facet_limit, result.facets, result.facet_value_totals);
    return tier;
}

void rank_partial_tiers(const SearchContext& context, const SearchPlan& plan, const MatchedTiers& tiers,
                        std::vector<RankedTier>& page, SearchResult& result) {
    const auto& all = tiers.tiers;
    for (std::size_t t = 1; t < all.size(); ++t) {
        const auto tier_start = all[t - 1].total, tier_end = all[t].total;
        if (tier_end <= plan.first || tier_start >= plan.needed) continue;
        const Xapian::Query own(Xapian::Query::OP_AND_NOT, all[t].query, all[t - 1].query);
        page.push_back(rank_tier(context, plan, own, all[t].query, plan.first > tier_start ? plan.first - tier_start : 0,
                                 std::min(plan.needed, tier_end) - std::max(plan.first, tier_start), nullptr, result));
    }
}

}  // namespace wm
