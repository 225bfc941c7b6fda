#pragma once
// Which section of a matching issue its words are in: each section's stored text matched with
// what the page's snippets mark, so that the hit shows the section its snippet marks. Matching
// text the record already holds reads nothing more from the index, where looking up the
// positions of each query word in each hit was most of a query's block reads (the position
// table is ordered by term, then document: one block per word and hit).
#include <xapian.h>

#include <cstddef>
#include <vector>

#include "common/index/record_codec.hpp"
#include "common/search/snippets.hpp"

namespace wm {

class SectionFinder {
public:
    /// Weighs each of what the snippets mark by its rarity in db, once per query: a word by its
    /// own term, a stem by its stemmed term, a phrase as its words together.
    SectionFinder(const Xapian::Database& db, const SnippetMaker& snippets);

    /// A score per section of the issue (parallel to record.sections), 0 for a section with no
    /// match: each key counts most for being in the section at all, a little more for each
    /// repetition. found gets what each section's heading (2 * section) and text (2 * section
    /// + 1) match, for their snippets (see SnippetMaker::find_each).
    std::vector<double> scores(const HitRecord& record, std::vector<std::vector<SnippetMaker::Match>>& found) const;

    /// The section with the best score; the first one for no evidence.
    static std::size_t best(const std::vector<double>& scores);

private:
    const SnippetMaker& snippets_;
    std::vector<double> weights_;  ///< by key of snippets_
};

}  // namespace wm
