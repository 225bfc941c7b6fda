#pragma once
// What every stage of one search reads (search_plan, tiers, counting, page, hit_snippets): the
// database, the request, its query builder and time budget, and what the database allows when
// counting (the facet table of a single local database, or Xapian's own match spies).
#include <xapian.h>

#include <memory>
#include <string_view>

#include "common/search/deadline.hpp"
#include "common/search/facet_counter.hpp"
#include "common/search/facet_table.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/search_request.hpp"

namespace wm {

struct SearchContext {
    const Xapian::Database& db;
    const SearchRequest& request;
    const QueryBuilder& builder;
    const Deadline& deadline;
    /// A single local database's facet table: Xapian 1.4 gives a match spy each document by its
    /// shard's own id (measured), so over shards it is null and counts come from Xapian's spies.
    std::shared_ptr<const FacetTable> table;
    bool remote_shards = false;  ///< remote shards run only Xapian's built-in match spies
    /// One local database: document ids are its own, so docid filters serve (a posting source
    /// over shards is handed each shard's own ids, and remote shards take none).
    bool one_local_database = false;
    Xapian::doccount everything = 0;  ///< the database's documents

    /// query with the request's filters, all but without_facet's (a facet's field, kKindField or
    /// kMonthRangeField).
    Xapian::Query filtered(const Xapian::Query& query, std::string_view without_facet = {}) const;
    /// Limits a counting pass to what is left of the budget; not over remote shards, where
    /// Xapian 1.4 warns that the time limit may misbehave.
    void limit(Xapian::Enquire& enquire) const;
    /// A counter of these facets, and the years and page kinds if asked.
    FacetCounter counter(const std::vector<const schema::Facet*>& facets, bool with_years, bool with_kinds) const {
        return FacetCounter(facets, with_years, with_kinds, table);
    }
};

}  // namespace wm
