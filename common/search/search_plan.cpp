#include "common/search/search_plan.hpp"

namespace wm {

SearchPlan plan_search(const SearchContext& context) {
    const auto& request = context.request;
    SearchPlan plan;
    plan.query = context.builder.plan(request.query, request.as_you_type);
    plan.sort = request.sort.value_or(plan.query.empty() ? SortOrder::newest : SortOrder::relevance);
    plan.first = request.offset.value_or((request.page - 1) * request.per_page);
    plan.needed = plan.first + request.per_page;
    for (const auto& facet : schema::kFacets) {
        const auto it = request.filters.find(std::string(facet.field));
        (it != request.filters.end() && !it->second.empty() ? plan.filtered : plan.unfiltered).push_back(&facet);
    }
    plan.browsing = plan.query.empty() && context.table && context.builder.filter(request).empty();
    plan.entity = named_entity(plan.query);
    return plan;
}

std::optional<NamedEntity> named_entity(const QueryPlan& query) {
    for (const auto& unit : query.units)
        if (unit.entity) {
            auto named = *unit.entity;
            named.match = query.units.size() == 1 ? EntityMatch::whole : EntityMatch::part;
            return named;
        }
    return std::nullopt;
}

}  // namespace wm
