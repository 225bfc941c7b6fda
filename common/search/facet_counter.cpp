#include "common/search/facet_counter.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "common/text.hpp"

namespace wm {
namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using Tally = std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>>;

void add_one(Tally& tally, std::string_view value) {
    if (const auto found = tally.find(value); found != tally.end()) ++found->second;
    else tally.emplace(value, 1);
}

template <typename Counts>
std::vector<FacetCount> busiest_first(const Counts& tally, std::size_t limit) {
    std::vector<FacetCount> counts;
    counts.reserve(tally.size());
    for (const auto& [value, count] : tally) counts.push_back({value, count});
    const auto busier = [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    if (counts.size() > limit) {
        std::partial_sort(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(limit), counts.end(), busier);
        counts.resize(limit);
    } else {
        std::sort(counts.begin(), counts.end(), busier);
    }
    return counts;
}

void add_years(const std::map<std::string, std::size_t>& years, std::map<std::string, std::vector<FacetCount>>& counts,
               std::map<std::string, std::size_t>& totals) {
    totals["years"] = years.size();
    std::vector<FacetCount> by_year;
    for (auto it = years.rbegin(); it != years.rend(); ++it) by_year.push_back({it->first, it->second});
    counts["years"] = by_year;  // newest year first: a timeline, not a popularity list
}

}  // namespace

class FacetCounter::ListSpy : public Xapian::MatchSpy {
public:
    ListSpy(const std::vector<const schema::Facet*>& facets, bool with_years) : with_years_(with_years) {
        for (const auto* facet : facets) facets_.push_back({std::string(facet->name), facet->slot, {}});
    }
    void operator()(const Xapian::Document& doc, double) override {
        for (auto& facet : facets_) {
            const auto list = doc.get_value(facet.slot);
            std::string_view rest(list);
            while (!rest.empty()) {
                const auto end = rest.find(schema::kListSeparator);
                const auto value = rest.substr(0, end);
                if (!value.empty()) add_one(facet.tally, value);
                if (end == std::string_view::npos) break;
                rest.remove_prefix(end + 1);
            }
        }
        if (with_years_) {
            const auto month = doc.get_value(schema::SLOT_MONTH);
            if (month.size() >= 4) ++years_[month.substr(0, 4)];
        }
    }
    void collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                 std::map<std::string, std::size_t>& totals) const {
        for (const auto& facet : facets_) {
            totals[facet.name] = facet.tally.size();
            counts[facet.name] = busiest_first(facet.tally, limit);
        }
        if (with_years_) add_years(years_, counts, totals);
    }

private:
    struct Counted {
        std::string name;
        Xapian::valueno slot;
        Tally tally;
    };
    std::vector<Counted> facets_;
    bool with_years_;
    std::map<std::string, std::size_t> years_;
};

FacetCounter::FacetCounter(const std::vector<const schema::Facet*>& facets, bool with_years, bool builtin_spies_only) {
    if (!builtin_spies_only) {
        list_spy_ = std::make_unique<ListSpy>(facets, with_years);
        return;
    }
    for (const auto* facet : facets)
        spies_.emplace_back(std::string(facet->name), std::make_unique<Xapian::ValueCountMatchSpy>(facet->slot));
    if (with_years) months_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::SLOT_MONTH);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) const {
    // The spies stay owned here; Xapian only borrows them for the enquire's lifetime.
    if (list_spy_) enquire.add_matchspy(list_spy_.get());
    for (const auto& [name, spy] : spies_) enquire.add_matchspy(spy.get());
    if (months_) enquire.add_matchspy(months_.get());
}

void FacetCounter::collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                           std::map<std::string, std::size_t>& totals) const {
    if (list_spy_) {
        list_spy_->collect(limit, counts, totals);
        return;
    }
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
        add_years(years, counts, totals);
    }
}

}  // namespace wm
