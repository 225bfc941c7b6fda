#include "common/search/tiers.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace wm {
namespace {

Xapian::doccount matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0).get_matches_estimated();
}

// Documents of query, and every document of floor (a tier before) too.
Xapian::Query or_floor(const Xapian::Query& floor, const Xapian::Query& query) {
    return floor.empty() ? query : Xapian::Query(Xapian::Query::OP_OR, floor, query);
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
    candidate.dropped_units = last.dropped_units;
    candidate.dropped_units.push_back(order_[next_++]);
    candidate.dropped = last.dropped;
    candidate.dropped.push_back(plan_.units[candidate.dropped_units.back()].text);
    candidate.relaxed = last.relaxed;
    candidate.query = or_floor(floor_, plan_.query(candidate.dropped_units));
    return candidate;
}

CoverageOrder::CoverageOrder(const QueryPlan& plan, const Xapian::Database& db, Xapian::Query floor)
    : plan_(plan), floor_(std::move(floor)) {
    const double documents = std::max<double>(db.get_doccount(), 1);
    for (std::size_t i = 0; i < plan.units.size(); ++i) {
        const auto& unit = plan.units[i];
        if (!unit.droppable) {
            required_.push_back(unit.query);
            continue;
        }
        const auto having = matches(db, unit.query);
        if (having == 0) {
            unmatched_.push_back(i);
            continue;
        }
        // The square root of idf: a rarer word weighs more, but one rare word (a name, a typo of
        // the archive's) does not outweigh the rest of the query. Kept above zero: a word in
        // every document still counts a little.
        const double idf = std::max(std::log((documents + 1) / (having + 0.5)), 1e-4);
        const double weight = std::sqrt(idf) * unit.weight_share;
        words_.push_back({i, weight});
        total_weight_ += weight;
    }
    std::stable_sort(words_.begin(), words_.end(), [](const Word& a, const Word& b) { return a.weight > b.weight; });
}

std::optional<Xapian::Query> CoverageOrder::covering(double share) const {
    // Every document with at least share of the weight has one of the smallest sets of words
    // that weigh that much (each found heaviest word first: a set is smallest when its lightest
    // word is needed), or, put the other way, lacks only words of a set weighing at most the
    // rest; whichever takes fewer ways is the query.
    const double needed = share * total_weight_ - 1e-9, spare = total_weight_ - needed;
    std::vector<std::vector<std::size_t>> covers, misses;
    std::vector<std::size_t> chosen;
    bool too_many = false;
    const std::function<void(std::size_t, double)> cover = [&](std::size_t from, double weight) {
        for (std::size_t i = from; i < words_.size() && !too_many; ++i) {
            chosen.push_back(i);
            if (weight + words_[i].weight >= needed) {
                covers.push_back(chosen);
                too_many = covers.size() > kMostWays;
            } else {
                cover(i + 1, weight + words_[i].weight);
            }
            chosen.pop_back();
        }
    };
    cover(0, 0);
    // The largest sets of words that may be missing: none left out could be added.
    bool too_many_misses = false;
    const std::function<void(std::size_t, double)> miss = [&](std::size_t from, double weight) {
        bool extended = false;
        for (std::size_t i = from; i < words_.size() && !too_many_misses; ++i) {
            if (weight + words_[i].weight > spare) continue;
            extended = true;
            chosen.push_back(i);
            miss(i + 1, weight + words_[i].weight);
            chosen.pop_back();
        }
        if (extended || too_many_misses) return;
        for (std::size_t i = 0; i < words_.size(); ++i)  // a set is largest if no word outside it fits
            if (std::find(chosen.begin(), chosen.end(), i) == chosen.end() && weight + words_[i].weight <= spare) return;
        misses.push_back(chosen);
        too_many_misses = misses.size() > kMostWays;
    };
    miss(0, 0);
    if (too_many && too_many_misses) return std::nullopt;
    const bool by_misses = too_many || (!too_many_misses && misses.size() < covers.size());
    std::vector<Xapian::Query> ways;
    for (const auto& set : by_misses ? misses : covers) {
        std::vector<Xapian::Query> all = required_;
        for (std::size_t i = 0; i < words_.size(); ++i)
            if ((std::find(set.begin(), set.end(), i) != set.end()) != by_misses) all.push_back(plan_.units[words_[i].unit].query);
        ways.emplace_back(Xapian::Query::OP_AND, all.begin(), all.end());
    }
    return Xapian::Query(Xapian::Query::OP_OR, ways.begin(), ways.end());
}

std::optional<Tier> CoverageOrder::next_candidate(const Tier& last) {
    if (words_.empty() || words_.size() > kMostWords) return std::nullopt;
    // Every matched word is the tier before it (the first, or the names' forms) unless a word
    // matches nothing: not counted again.
    if (step_ == 0 && unmatched_.empty()) step_ = 1;
    while (step_ < std::size(kCoverageSteps)) {
        const double share = kCoverageSteps[step_++];
        const auto query = covering(share);
        if (!query) continue;
        Tier candidate;
        candidate.query = or_floor(floor_, *query);
        candidate.relaxed = last.relaxed;
        for (std::size_t unit = 0; unit < plan_.units.size(); ++unit) {  // in the order typed
            const auto word = std::find_if(words_.begin(), words_.end(), [&](const Word& w) { return w.unit == unit; });
            const bool unmatched = std::find(unmatched_.begin(), unmatched_.end(), unit) != unmatched_.end();
            if (unmatched || (word != words_.end() && total_weight_ - word->weight >= share * total_weight_ - 1e-9))
                candidate.dropped.push_back(plan_.units[unit].text);
        }
        return candidate;
    }
    return std::nullopt;
}

namespace {

// Names relaxed first (their forms, then their words apart), then the words of the plan with
// its names apart, which it holds for the order of those words.
class NamesRelaxedFirst : public PartialMatchOrder {
public:
    NamesRelaxedFirst(const QueryPlan& plan, const Xapian::Database& db, MatchingStrategy strategy)
        : plan_(plan), apart_(plan.names_apart()), db_(db), strategy_(strategy) {}
    std::optional<Tier> next_candidate(const Tier& last) override {
        if (!words_) {
            Tier loose;
            loose.query = or_floor(last.query, plan_.names_loose());
            for (const auto& unit : plan_.units)
                if (!unit.words.empty()) loose.relaxed.push_back(unit.text);
            const Xapian::Query floor = loose.query;
            if (strategy_ == MatchingStrategy::coverage) words_ = std::make_unique<CoverageOrder>(apart_, db_, floor);
            else words_ = std::make_unique<DroppedUnits>(apart_, drop_order(apart_, db_, strategy_), floor);
            names_ = loose.relaxed;
            return loose;
        }
        auto apart = words_->next_candidate(last);  // whether or not the names' forms added anything
        if (apart) apart->relaxed = names_;
        return apart;
    }

private:
    const QueryPlan& plan_;
    QueryPlan apart_;
    const Xapian::Database& db_;
    MatchingStrategy strategy_;
    std::unique_ptr<PartialMatchOrder> words_;
    std::vector<std::string> names_;  ///< the names relaxed, as typed
};

}  // namespace

std::unique_ptr<PartialMatchOrder> partial_match_order(const QueryPlan& plan, const Xapian::Database& db,
                                                       MatchingStrategy strategy) {
    if (strategy == MatchingStrategy::all) return std::make_unique<DroppedUnits>(plan, std::vector<std::size_t>{});
    if (plan.has_names()) return std::make_unique<NamesRelaxedFirst>(plan, db, strategy);
    if (strategy == MatchingStrategy::coverage) return std::make_unique<CoverageOrder>(plan, db);
    return std::make_unique<DroppedUnits>(plan, drop_order(plan, db, strategy));
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
