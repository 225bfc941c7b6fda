#pragma once
// The snippets stage: each hit as the page shows it. Its issue, its best matching sections
// (best_section: what the query matches in each section of the stored record), a snippet of
// each, and its title and headings with the matches marked. Everything is read from the hit's
// stored record, nothing more from the index.
#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/index/record_codec.hpp"
#include "common/search/page.hpp"
#include "common/search/search_context.hpp"
#include "common/search/search_plan.hpp"
#include "common/search/snippets.hpp"

namespace wm {

/// The record a match's document stores (through the archive's record cache).
using RecordReader = std::function<std::shared_ptr<const std::string>(const Xapian::MSetIterator&)>;

/// The hits of the page's ranked tiers, in order, each with its request.sections_per_hit best
/// matching sections (the first section when nothing is searched for).
std::vector<SearchHit> show_hits(const SearchContext& context, const SearchPlan& plan,
                                 const std::vector<RankedTier>& page, const RecordReader& read);

/// A hit on the issue a match's record describes, as Xapian scored it; no section shown yet.
SearchHit hit_on(const HitRecord& record, const Xapian::MSetIterator& match);

/// Adds section `number` of the hit's issue to what it shows: its heading whole and a snippet of
/// its text (shorter for the sections after the first), with snippet's matches marked (the title
/// too, with the first section). found: what
/// SectionFinder::scores found in each heading and text, when it looked.
void show_section(SearchHit& hit, const HitRecord& record, std::size_t number, const SnippetMaker& snippet,
                  const std::vector<std::vector<SnippetMaker::Match>>& found);

}  // namespace wm
