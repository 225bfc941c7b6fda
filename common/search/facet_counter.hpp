#pragma once
// Exact facet counts. On local databases one spy of our own counts each match's values from the
// shared FacetTable; over remote shards, which only run Xapian's built-in spies, a
// ValueCountMatchSpy per facet counts whole value lists (each slot holds a document's list) and
// collect() splits them, which is much slower when most lists are distinct, as they are.
#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/index/schema.hpp"
#include "common/search/facet_table.hpp"
#include "common/search/search_request.hpp"

namespace wm {

class FacetCounter {
public:
    /// Counts the given facets (by name) plus, if asked, the issue years and the page kinds:
    /// from the table, or with Xapian's built-in spies when there is none (remote shards).
    FacetCounter(const std::vector<const schema::Facet*>& facets, bool with_years, bool with_kinds,
                 std::shared_ptr<const FacetTable> table);
    ~FacetCounter();

    /// Attaches the spies; the enquire must then examine every match (check_at_least).
    void attach(Xapian::Enquire& enquire) const;

    /// Whether count_matches() can be given the matching documents' ids (the table's counter),
    /// so that a counting pass need not go through Xapian's matcher.
    bool counts_by_docid() const;
    /// Counts the matching documents (ascending ids), on a counter that has counted nothing;
    /// only when counts_by_docid().
    void count_matches(const std::vector<Xapian::docid>& matches) const;

    /// Counts every document of the database without a match pass, when the table allows it
    /// (a single database); false when the spies must see the matches instead.
    bool count_every_document() const;

    /// Busiest first, then alphabetical; at most limit values per facet. totals gets the
    /// number of distinct values of each facet.
    void collect(std::size_t limit, std::map<std::string, std::vector<FacetCount>>& counts,
                 std::map<std::string, std::size_t>& totals) const;

    class TableSpy;

private:
    std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> months_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> kinds_;
    std::unique_ptr<TableSpy> table_spy_;
};

}  // namespace wm
