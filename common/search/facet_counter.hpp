#pragma once
// Exact facet counts from Xapian's built-in ValueCountMatchSpy (which also works over remote
// shards): each facet slot holds a document's whole value list, so each counted list is split
// into its members.
#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "common/search/search_request.hpp"

namespace wm {

class FacetCounter {
public:
    /// Counts the given facets (by name) plus, if with_years, the issue years.
    FacetCounter(const std::vector<const schema::Facet*>& facets, bool with_years);

    /// Attaches the spies; the enquire must then examine every match (check_at_least).
    void attach(Xapian::Enquire& enquire) const;

    /// Busiest first, then alphabetical; at most limit values per facet. totals gets the
    /// number of distinct values of each facet.
    void collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                 std::map<std::string, std::size_t>& totals) const;

private:
    std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> months_;
};

}  // namespace wm
