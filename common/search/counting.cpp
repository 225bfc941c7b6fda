#include "common/search/counting.hpp"

#include <vector>

#include "common/search/posting_walk.hpp"

namespace wm {

const Xapian::MSet& flag_estimates(const Xapian::MSet& mset, SearchResult& result) {
    if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound())
        result.total_is_exact = result.facets_exhaustive = false;
    return mset;
}

std::size_t count_matches(const SearchContext& context, const Xapian::Query& query, SearchResult& result) {
    Xapian::Enquire enquire(context.db);
    enquire.set_query(context.filtered(query));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    context.limit(enquire);
    const auto mset = enquire.get_mset(0, 0, context.everything);
    return static_cast<std::size_t>(flag_estimates(mset, result).get_matches_estimated());
}

void count_facets(const SearchContext& context, const Xapian::Query& query, const FacetCounter& counter,
                  SearchResult& result) {
    const auto limit = context.request.facet_limit;
    if (const auto walk = counter.counts_by_docid() ? PostingWalk::of(context.db, query) : nullptr) {
        constexpr std::size_t kDocumentsBetweenClockReads = 4096;
        std::vector<Xapian::docid> matches;
        matches.reserve(context.everything);
        for (auto docid = walk->next(); docid; docid = walk->next()) {
            matches.push_back(docid);
            if (matches.size() % kDocumentsBetweenClockReads == 0 && context.deadline.passed()) {
                result.facets_exhaustive = false;
                break;
            }
        }
        counter.count_matches(matches);
        counter.collect(limit, result.facets, result.facet_value_totals);
        return;
    }
    Xapian::Enquire enquire(context.db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    counter.attach(enquire);
    context.limit(enquire);
    flag_estimates(enquire.get_mset(0, 0, context.everything), result);
    counter.collect(limit, result.facets, result.facet_value_totals);
}

void count_every_document(const SearchContext& context, const FacetCounter& counter, SearchResult& result) {
    counter.count_every_document();
    counter.collect(context.request.facet_limit, result.facets, result.facet_value_totals);
}

void count_returned(const SearchContext& context, const SearchPlan& plan, const MatchedTiers& tiers,
                    SearchResult& result) {
    const auto& request = context.request;
    const auto& returned = tiers.widest().query;  // every document the query returns
    if (tiers.tiers.size() > 1) {
        result.facets.clear();
        result.facet_value_totals.clear();
        count_facets(context, context.filtered(returned), context.counter(plan.unfiltered, true, request.kinds.empty()),
                     result);
    }
    context.deadline.check_client();
    // Past the budget, a filtered facet keeps the counts of what the query returns, not its
    // disjunctive counts: flagged as not exhaustive.
    const auto recount = [&](std::string_view without, const FacetCounter& counter) {
        if (context.deadline.passed()) result.facets_exhaustive = false;
        else count_facets(context, context.filtered(returned, without), counter, result);
    };
    for (const auto* facet : plan.filtered) recount(facet->field, context.counter({facet}, false, false));
    if (!request.kinds.empty()) recount(kKindField, context.counter({}, false, true));
    if (!request.from.empty() || !request.to.empty()) recount(kMonthRangeField, context.counter({}, true, false));
}

}  // namespace wm
