#include "common/search/hit_snippets.hpp"

#include <algorithm>

#include "common/search/best_section.hpp"

namespace wm {
namespace {

constexpr std::size_t kSnippetBytes = 300;
// The sections under a hit's own are a glimpse each, as Pagefind's sub-results are: shorter
// snippets keep a page of three sections a hit near the size of a page of one.
constexpr std::size_t kOtherSnippetBytes = 120;

}  // namespace

SearchHit hit_on(const HitRecord& record, const Xapian::MSetIterator& match) {
    SearchHit hit;
    hit.issue_id = record.id;
    hit.file = record.file;
    hit.title = record.title;
    hit.date = record.month;
    hit.kind = record.kind;
    hit.score = match.get_weight();
    hit.relevance = match.get_percent() / 100.0;
    return hit;
}

// A heading and title are marked whole: a snippet as long as the text never cuts it.
void show_section(SearchHit& hit, const HitRecord& record, std::size_t number, const SnippetMaker& snippet,
                  const std::vector<std::vector<SnippetMaker::Match>>& found) {
    const auto& section = record.sections.at(number);
    HitSection shown;
    shown.number = number;
    shown.heading = section.heading;
    shown.group = section.group;
    const auto heading_size = shown.heading.size() + 1;
    const auto bytes = hit.sections.empty() ? kSnippetBytes : kOtherSnippetBytes;
    if (found.empty()) {
        shown.snippet = snippet(section.body, bytes);
        shown.marked_heading = snippet(shown.heading, heading_size);
    } else {
        shown.snippet = snippet(section.body, found.at(2 * number + 1), bytes);
        shown.marked_heading = snippet(shown.heading, found.at(2 * number), heading_size);
    }
    if (hit.sections.empty()) hit.marked_title = snippet(hit.title, hit.title.size() + 1);
    hit.sections.push_back(std::move(shown));
}

std::vector<SearchHit> show_hits(const SearchContext& context, const SearchPlan& plan,
                                 const std::vector<RankedTier>& page, const RecordReader& read) {
    const auto per_hit = std::max<std::size_t>(1, context.request.sections_per_hit);
    std::vector<SearchHit> hits;
    std::size_t shown = 0;
    for (const auto& tier : page) shown += tier.hits.size();
    hits.reserve(shown);
    // What the words match in each hit's texts: the lists' room is kept from hit to hit.
    std::vector<std::vector<SnippetMaker::Match>> found;
    const std::vector<std::vector<SnippetMaker::Match>> none;  // the snippet finds its own matches
    for (const auto& tier : page) {
        const SnippetMaker snippet(snippet_terms(tier.query));
        const SectionFinder sections(context.db, snippet);
        for (std::size_t i = 0; i < tier.hits.size(); ++i) {
            const auto stored = read(tier.hits[i]);
            const auto record = read_hit_record(*stored);
            SearchHit hit = hit_on(record, tier.hits[i]);
            hit.score = tier.scores[i];
            if (!record.sections.empty()) {
                hit.sections.reserve(std::min(per_hit, record.sections.size()));
                if (plan.query.empty()) {
                    show_section(hit, record, 0, snippet, none);
                } else {
                    const auto scores = sections.scores(record, found);
                    const auto best = SectionFinder::best(scores);
                    show_section(hit, record, best, snippet, found);
                    if (per_hit > 1) {  // then the other matching sections, best first
                        std::vector<std::size_t> others;
                        for (std::size_t s = 0; s < scores.size(); ++s)
                            if (s != best && scores[s] > 0) others.push_back(s);
                        std::stable_sort(others.begin(), others.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
                        for (std::size_t k = 0; k < others.size() && hit.sections.size() < per_hit; ++k)
                            show_section(hit, record, others[k], snippet, found);
                    }
                }
            }
            hits.push_back(std::move(hit));
        }
    }
    return hits;
}

}  // namespace wm
