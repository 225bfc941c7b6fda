#include "common/search/facet_counter.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace wm {
namespace {

std::vector<FacetCount> busiest_first(const std::map<std::string, std::size_t>& tally, std::size_t limit) {
    std::vector<FacetCount> counts;
    counts.reserve(tally.size());
    for (const auto& [value, count] : tally) counts.push_back({value, count});
    std::stable_sort(counts.begin(), counts.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    if (counts.size() > limit) counts.resize(limit);
    return counts;
}

}  // namespace

FacetCounter::FacetCounter(const std::vector<const schema::Facet*>& facets, bool with_years) {
    for (const auto* facet : facets)
        spies_.emplace_back(std::string(facet->name), std::make_unique<Xapian::ValueCountMatchSpy>(facet->slot));
    if (with_years) months_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::SLOT_MONTH);
}

void FacetCounter::attach(Xapian::Enquire& enquire) const {
    // The spies stay owned here; Xapian only borrows them for the enquire's lifetime.
    for (const auto& [name, spy] : spies_) enquire.add_matchspy(spy.get());
    if (months_) enquire.add_matchspy(months_.get());
}

void FacetCounter::collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                           std::map<std::string, std::size_t>& totals) const {
    for (const auto& [name, spy] : spies_) {
        std::map<std::string, std::size_t> tally;
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
            for (const auto& value : split(*it, schema::kListSeparator))
                if (!value.empty()) tally[value] += it.get_termfreq();
        totals[name] = tally.size();
        counts[name] = busiest_first(tally, limit);
    }
    if (months_) {
        std::map<std::string, std::size_t> years;
        for (auto it = months_->values_begin(); it != months_->values_end(); ++it)
            if ((*it).size() >= 4) years[(*it).substr(0, 4)] += it.get_termfreq();
        totals["years"] = years.size();
        std::vector<FacetCount> by_year;
        for (auto it = years.rbegin(); it != years.rend(); ++it) by_year.push_back({it->first, it->second});
        counts["years"] = by_year;  // newest year first: a timeline, not a popularity list
    }
}

}  // namespace wm
