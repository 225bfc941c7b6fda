#pragma once
// Exact facet counts. Each facet slot holds a document's whole value list. On local databases
// one spy of our own splits the lists as it meets them; over remote shards, which only run
// Xapian's built-in spies, ValueCountMatchSpy counts whole lists and collect() splits them (much
// slower when most lists are distinct, as they are).
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
    /// Counts the given facets (by name) plus, if with_years, the issue years; with Xapian's
    /// built-in spies only when remote shards are involved.
    FacetCounter(const std::vector<const schema::Facet*>& facets, bool with_years, bool builtin_spies_only);
    ~FacetCounter();

    /// Attaches the spies; the enquire must then examine every match (check_at_least).
    void attach(Xapian::Enquire& enquire) const;

    /// Busiest first, then alphabetical; at most limit values per facet. totals gets the
    /// number of distinct values of each facet.
    void collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                 std::map<std::string, std::size_t>& totals) const;

    class ListSpy;

private:
    std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> months_;
    std::unique_ptr<ListSpy> list_spy_;
};

}  // namespace wm
