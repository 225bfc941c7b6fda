#include "common/search/facet_counter.hpp"

#include <algorithm>
#include <limits>

#include "common/text/text.hpp"

namespace wm {
namespace {

std::vector<FacetCount> busiest_first(const std::map<std::string, std::size_t>& tally, std::size_t limit) {
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

class FacetCounter::TableSpy : public Xapian::MatchSpy {
public:
    TableSpy(const std::vector<const schema::Facet*>& facets, bool with_years, bool with_kinds,
             std::shared_ptr<const FacetTable> table)
        : table_(std::move(table)) {
        for (const auto* facet : facets) wanted(static_cast<std::size_t>(facet->id), std::string(facet->name));
        if (with_years) wanted(FacetTable::kYear, "years");
        if (with_kinds) wanted(FacetTable::kKind, "kinds");
    }
    void operator()(const Xapian::Document& doc, double) override { count(doc.get_docid()); }
    // Every value id of the table is below its column's size, which the counts were given.
    void count(Xapian::docid docid) {
        for (const auto column : columns_) {
            auto* counts = counts_[column].data();
            auto& counted = counted_[column];
            table_->for_each_value_of(docid, column, [&](std::uint32_t id) {
                if (counts[id]++ == 0) counted.push_back(id);
            });
        }
    }
    // Most of the database matching (a common word's recount: 93% of 20,000 issues), the
    // documents that do not match are the fewer to read: every document's counts less theirs.
    void count_matches(const std::vector<Xapian::docid>& matches) {
        if (matches.size() * 2 <= table_->live_documents()) {
            for (const auto docid : matches) count(docid);
            return;
        }
        for (const auto column : columns_) counts_[column] = table_->every_document_counts(column);
        auto next = matches.begin();
        for (Xapian::docid docid = 1; docid <= table_->last_docid(); ++docid) {
            if (next != matches.end() && *next == docid) {
                ++next;
                continue;
            }
            if (!table_->is_live(docid)) continue;
            for (const auto column : columns_) {
                auto* counts = counts_[column].data();
                table_->for_each_value_of(docid, column, [&](std::uint32_t id) { --counts[id]; });
            }
        }
        list_counted();
    }
    void count_every_document() {
        for (const auto column : columns_) counts_[column] = table_->every_document_counts(column);
        list_counted();
    }
    void collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                 std::map<std::string, std::size_t>& totals) const {
        for (const auto column : columns_) {
            const auto& values = table_->names(column);
            if (column == FacetTable::kYear) {
                std::map<std::string, std::size_t> years;
                for (const auto id : counted_[column]) years[values[id]] = counts_[column][id];
                add_years(years, counts, totals);
                continue;
            }
            // Ranked as one number each (count, then name order), the value's id beside it, so
            // only the values shown are copied: comparing through two lookups an id was most of
            // collecting thousands of people.
            const auto& counted = counted_[column];
            const auto& name_ranks = table_->name_ranks(column);
            std::vector<std::pair<std::uint64_t, std::uint32_t>> ranks;
            ranks.reserve(counted.size());
            for (const auto id : counted)
                ranks.emplace_back(std::uint64_t{counts_[column][id]} << 32 | (std::numeric_limits<std::uint32_t>::max() - name_ranks[id]), id);
            const auto busier = [](const auto& a, const auto& b) { return a.first > b.first; };
            const auto shown = std::min(limit, ranks.size());
            // The shown ones picked in linear time, then sorted: a partial sort's heap over
            // thousands of counted people was two thirds of collecting.
            const auto shown_end = ranks.begin() + static_cast<std::ptrdiff_t>(shown);
            if (shown < ranks.size()) std::nth_element(ranks.begin(), shown_end, ranks.end(), busier);
            std::sort(ranks.begin(), shown_end, busier);
            std::vector<FacetCount> ranked;
            ranked.reserve(shown);
            for (std::size_t i = 0; i < shown; ++i) ranked.push_back({values[ranks[i].second], counts_[column][ranks[i].second]});
            totals[names_[column]] = counted.size();
            counts[names_[column]] = std::move(ranked);
        }
    }

private:
    void list_counted() {
        for (const auto column : columns_) {
            counted_[column].clear();
            for (std::uint32_t id = 0; id < counts_[column].size(); ++id)
                if (counts_[column][id]) counted_[column].push_back(id);
        }
    }
    void wanted(std::size_t column, std::string name) {
        columns_.push_back(column);
        names_[column] = std::move(name);
        counts_[column].assign(table_->names(column).size(), 0);
        counted_[column].reserve(std::min<std::size_t>(table_->names(column).size(), kCountedReserved));
    }
    /// Values a column's list of counted ids has room for at first: a page of matches' people
    /// without regrowing it (each regrowth was an allocation and a copy).
    static constexpr std::size_t kCountedReserved = 1024;
    std::shared_ptr<const FacetTable> table_;
    std::vector<std::size_t> columns_;  ///< the columns counted
    std::string names_[FacetTable::kColumns];
    std::vector<std::uint32_t> counts_[FacetTable::kColumns];  ///< by value id
    /// The value ids counted at least once, by column: collecting ranks these, not every value
    /// the database knows (95,000 people at 20,000 issues).
    std::vector<std::uint32_t> counted_[FacetTable::kColumns];
};

FacetCounter::FacetCounter(const std::vector<const schema::Facet*>& facets, bool with_years, bool with_kinds,
                           std::shared_ptr<const FacetTable> table) {
    if (table) {
        table_spy_ = std::make_unique<TableSpy>(facets, with_years, with_kinds, std::move(table));
        return;
    }
    for (const auto* facet : facets)
        spies_.emplace_back(std::string(facet->name), std::make_unique<Xapian::ValueCountMatchSpy>(facet->slot));
    if (with_years) months_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::SLOT_MONTH);
    if (with_kinds) kinds_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::SLOT_KIND);
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) const {
    // The spies stay owned here; Xapian only borrows them for the enquire's lifetime.
    if (table_spy_) enquire.add_matchspy(table_spy_.get());
    for (const auto& [name, spy] : spies_) enquire.add_matchspy(spy.get());
    if (months_) enquire.add_matchspy(months_.get());
    if (kinds_) enquire.add_matchspy(kinds_.get());
}

bool FacetCounter::counts_by_docid() const { return table_spy_ != nullptr; }

void FacetCounter::count_matches(const std::vector<Xapian::docid>& matches) const { table_spy_->count_matches(matches); }

bool FacetCounter::count_every_document() const {
    if (!table_spy_) return false;
    table_spy_->count_every_document();
    return true;
}

void FacetCounter::collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                           std::map<std::string, std::size_t>& totals) const {
    if (table_spy_) {
        table_spy_->collect(limit, counts, totals);
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
    if (kinds_) {
        std::map<std::string, std::size_t> tally;
        for (auto it = kinds_->values_begin(); it != kinds_->values_end(); ++it) tally[*it] += it.get_termfreq();
        totals["kinds"] = tally.size();
        counts["kinds"] = busiest_first(tally, limit);
    }
}

}  // namespace wm
