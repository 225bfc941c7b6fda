#pragma once
// Which section of a matching issue its words are in: counted from the positions of the query's
// words in the issue's document, against the position range each section covers.
#include <xapian.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "common/model/issue_record.hpp"

namespace wm {

class SectionFinder {
public:
    /// Works out, once per query, the written words whose positions count: the query's own
    /// words, and for a stemmed term the database's words with that stem ("Zinspect":
    /// "inspection", "inspectors"), as stemmed terms carry no positions. Each weighs by its
    /// rarity; a word in every issue ("and") counts nothing.
    SectionFinder(const Xapian::Database& db, const Xapian::Query& query);

    /// A score per section of the issue (parallel to record.issue.sections): each word counts
    /// most for being in the section at all, a little more for each repetition.
    std::vector<double> scores(Xapian::docid docid, const IssueRecord& record) const;

    /// The section with the best score; the first one for no evidence.
    static std::size_t best(const std::vector<double>& scores);

private:
    const Xapian::Database& db_;
    std::vector<std::pair<std::string, double>> words_;  ///< positional word, weight
};

}  // namespace wm
