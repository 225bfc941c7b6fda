#pragma once
// Issues most like a given one: Xapian's relevance-set expansion over the issue's own words.
#include <xapian.h>

#include <string>
#include <vector>

#include "common/model/facet_values.hpp"

namespace wm {

struct RelatedIssue {
    std::string issue_id, file, title, date;
    double score = 0;
    FacetValues shared;  ///< the companion facets' values both issues have (see companion_facets.hpp)
};

/// Up to limit issues, most alike first; throws NotFoundError for an unknown issue id.
std::vector<RelatedIssue> related_issues(const Xapian::Database& db, const std::string& issue_id,
                                         std::size_t limit);

}  // namespace wm
