#include "common/search/section_page.hpp"

#include <algorithm>

#include "common/search/best_section.hpp"
#include "common/search/page.hpp"

namespace wm {

void page_of_sections(const SearchContext& context, const SearchPlan& plan, const MatchedTiers& tiers,
                      const RecordReader& read, SearchResult& result) {
    constexpr Xapian::doccount kIssuesPerFetch = 50;
    const auto& all = tiers.tiers;
    const auto needed = plan.needed;
    bool exhausted = true;
    for (std::size_t t = 0; t < all.size() && result.hits.size() < needed; ++t) {
        if (t > 0 && context.deadline.passed()) {  // the page as far as it got, within the budget
            exhausted = false;
            break;
        }
        const auto own = t == 0 ? all[0].query : Xapian::Query(Xapian::Query::OP_AND_NOT, all[t].query, all[t - 1].query);
        const SnippetMaker snippet(snippet_terms(all[t].query));
        const SectionFinder finder(context.db, snippet);
        Xapian::Enquire enquire(context.db);
        enquire.set_query(context.filtered(own));
        set_order(enquire, plan.sort);
        std::vector<std::vector<SnippetMaker::Match>> found;  // its lists' room kept from issue to issue
        const std::vector<std::vector<SnippetMaker::Match>> none;  // the snippet finds its own matches
        for (Xapian::doccount offset = 0; result.hits.size() < needed; offset += kIssuesPerFetch) {
            const auto mset = enquire.get_mset(offset, kIssuesPerFetch);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                const auto stored = read(it);
                const auto record = read_hit_record(*stored);
                const auto scores = plan.query.empty() ? std::vector<double>(record.sections.size(), 1.0)
                                                       : finder.scores(record, found);
                std::vector<std::size_t> matching;
                for (std::size_t i = 0; i < scores.size(); ++i)
                    if (scores[i] > 0) matching.push_back(i);
                std::stable_sort(matching.begin(), matching.end(), [&](auto a, auto b) { return scores[a] > scores[b]; });
                for (const auto number : matching) {
                    SearchHit hit = hit_on(record, it);
                    show_section(hit, record, number, snippet, plan.query.empty() ? none : found);
                    result.hits.push_back(std::move(hit));
                }
            }
            if (mset.size() < kIssuesPerFetch) break;
            if (context.deadline.passed()) {
                exhausted = false;
                break;
            }
        }
        exhausted = exhausted && result.hits.size() < needed;
    }
    if (exhausted) {
        result.total = result.total_all_words = result.hits.size();
    } else {
        result.total = std::max(result.total, result.hits.size());  // every matching issue has a matching section
        result.total_is_exact = false;
    }
    if (result.hits.size() > needed) result.hits.resize(needed);
    result.hits.erase(result.hits.begin(),
                      result.hits.begin() + static_cast<std::ptrdiff_t>(std::min(plan.first, result.hits.size())));
}

}  // namespace wm
