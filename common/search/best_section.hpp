#pragma once
// Which section of a matching issue its words are in: counted from the positions of the query's
// words in the issue's document, against the position range each section covers.
#include <xapian.h>

#include <cstddef>
#include <vector>

#include "common/model/issue_record.hpp"

namespace wm {

/// A score per section of the issue (parallel to record.issue.sections): the query's words found
/// in it by their positions, each weighted by its rarity in the database (a word in every issue
/// counts nothing). Stemmed query terms carry no positions, so their written forms are found in
/// the document's own terms.
std::vector<double> section_scores(const Xapian::Database& db, Xapian::docid docid, const IssueRecord& record,
                                   const Xapian::Query& query);

/// The section with the best score; the first one for an empty query or no evidence.
std::size_t best_section(const std::vector<double>& scores);

}  // namespace wm
