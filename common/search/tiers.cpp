#include "common/search/tiers.hpp"

#include <algorithm>

namespace wm {
namespace {

Xapian::doccount matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0).get_matches_estimated();
}

}  // namespace

std::vector<std::size_t> drop_order(const QueryPlan& plan, const Xapian::Database& db, MatchingStrategy strategy) {
    std::vector<std::size_t> order;
    if (strategy == MatchingStrategy::all) return order;
    if (strategy == MatchingStrategy::last) {
        for (std::size_t i = plan.units.size(); i-- > 0;)
            if (plan.units[i].droppable) order.push_back(i);
    } else {
        std::vector<std::pair<Xapian::doccount, std::size_t>> by_matches;
        for (std::size_t i = 0; i < plan.units.size(); ++i)
            if (plan.units[i].droppable) by_matches.emplace_back(matches(db, plan.units[i].query), i);
        // A unit that matches nothing goes first; then the most frequent; ties: the later typed.
        std::sort(by_matches.begin(), by_matches.end(), [](const auto& a, const auto& b) {
            if ((a.first == 0) != (b.first == 0)) return a.first == 0;
            return a.first != b.first ? a.first > b.first : a.second > b.second;
        });
        for (const auto& [count, unit] : by_matches) order.push_back(unit);
    }
    if (order.size() == plan.units.size()) order.pop_back();  // at least one unit stays
    return order;
}

std::optional<Tier> DroppedUnits::next_candidate(const Tier& last) {
    if (next_ >= order_.size()) return std::nullopt;
    Tier candidate;
    candidate.dropped = last.dropped;
    candidate.dropped.push_back(order_[next_++]);
    candidate.query = plan_.query(candidate.dropped);
    return candidate;
}

MatchedTiers match_tiers(Tier first, std::size_t needed, PartialMatchOrder& partial,
                         const std::function<std::size_t(const Xapian::Query&)>& count, const Deadline& deadline) {
    MatchedTiers matched;
    matched.tiers.push_back(std::move(first));
    while (matched.widest().total < needed) {
        auto candidate = partial.next_candidate(matched.widest());
        if (!candidate) break;
        if (deadline.passed()) {  // fewer hits than there are: said so rather than waited for
            matched.cut_short = true;
            break;
        }
        candidate->total = count(candidate->query);
        if (candidate->total == matched.widest().total) continue;  // it adds nothing: no hit lacks what it gives up
        matched.tiers.push_back(std::move(*candidate));
    }
    return matched;
}

}  // namespace wm
