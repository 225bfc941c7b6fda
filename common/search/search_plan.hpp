#pragma once
// The first stage of a search: what it will do, worked out before any document is matched.
// The query read into units (QueryBuilder::plan), the order of the hits, the page's place in
// them, which facets are counted on what the query returns and which without their own filter,
// and the known name the query is or names.
#include <cstddef>
#include <optional>
#include <vector>

#include "common/index/schema.hpp"
#include "common/search/query_builder.hpp"
#include "common/search/search_context.hpp"

namespace wm {

struct SearchPlan {
    QueryPlan query;
    SortOrder sort = SortOrder::relevance;  ///< the request's, else relevance with words, newest without
    std::size_t first = 0;   ///< the page's first hit among every hit, from 0
    std::size_t needed = 0;  ///< hits up to the page's end: first + per_page
    /// Facets without a filter of their own, counted on what the query returns; the filtered
    /// ones are counted without their own filter, so their other values keep their counts.
    std::vector<const schema::Facet*> unfiltered, filtered;
    /// No words and no filter on a single database: every document, its counts the table's.
    bool browsing = false;
    std::optional<NamedEntity> entity;  ///< the known name the query is or names (named_entity)
};

SearchPlan plan_search(const SearchContext& context);

/// The known name a query is when it is one and nothing else (match whole); else the first known
/// name among its units (match part); else none.
std::optional<NamedEntity> named_entity(const QueryPlan& query);

}  // namespace wm
