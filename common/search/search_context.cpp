#include "common/search/search_context.hpp"

namespace wm {

Xapian::Query SearchContext::filtered(const Xapian::Query& query, std::string_view without_facet) const {
    const auto filter = builder.filter(request, without_facet);
    return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

void SearchContext::limit(Xapian::Enquire& enquire) const {
    if (!remote_shards) deadline.limit(enquire);
}

}  // namespace wm
