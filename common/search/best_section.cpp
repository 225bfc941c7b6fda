#include "common/search/best_section.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/index/stemmer_cache.hpp"

namespace wm {
namespace {

// Unprefixed, positional terms begin with a lower-case letter or a digit; prefixes are capitals.
bool is_plain_word(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// The database's written forms of a stem. A stem and its words share all but its last letter
// ("polici" / "policy", "care" / "caring").
std::vector<std::string> words_with_stem(const Xapian::Database& db, const std::string& stem, Xapian::Stem& stemmer) {
    std::vector<std::string> words;
    const auto lead = stem.size() >= 4 ? stem.substr(0, stem.size() - 1) : stem;
    for (auto it = db.allterms_begin(lead); it != db.allterms_end(lead); ++it) {
        const std::string term = *it;
        if (stemmer(term) == stem) words.push_back(term);
    }
    return words;
}

}  // namespace

SectionFinder::SectionFinder(const Xapian::Database& db, const Xapian::Query& query) : db_(db) {
    thread_local Xapian::Stem stemmer = caching_english_stemmer();
    std::set<std::string> seen;
    const double documents = std::max<double>(1, db.get_doccount());
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
        const std::string term = *t;
        std::vector<std::string> words;
        if (term.size() > 1 && term[0] == 'Z') words = words_with_stem(db, term.substr(1), stemmer);
        else if (is_plain_word(term)) words.push_back(term);
        for (const auto& word : words) {
            if (!seen.insert(word).second) continue;
            const double rarity = std::log(documents / std::max<Xapian::doccount>(1, db.get_termfreq(word)));
            if (rarity > 0) words_.emplace_back(word, rarity);
        }
    }
}

std::vector<double> SectionFinder::scores(Xapian::docid docid, const IssueRecord& record) const {
    const auto& ranges = record.section_positions;
    std::vector<double> scores(ranges.size(), 0.0);
    std::vector<unsigned> count(ranges.size());
    for (const auto& [word, rarity] : words_) {
        std::fill(count.begin(), count.end(), 0);
        for (auto p = db_.positionlist_begin(docid, word); p != db_.positionlist_end(docid, word); ++p) {
            const auto at = std::upper_bound(ranges.begin(), ranges.end(), *p,
                                             [](Xapian::termpos pos, const auto& range) { return pos < range.first; });
            if (at == ranges.begin()) continue;
            const auto section = static_cast<std::size_t>(at - ranges.begin()) - 1;
            if (*p <= ranges[section].second) ++count[section];
        }
        for (std::size_t section = 0; section < ranges.size(); ++section)
            if (count[section]) scores[section] += rarity * (1 + std::log(count[section]));
    }
    return scores;
}

std::size_t SectionFinder::best(const std::vector<double>& scores) {
    const auto best = std::max_element(scores.begin(), scores.end());
    return best == scores.end() || *best <= 0 ? 0 : static_cast<std::size_t>(best - scores.begin());
}

}  // namespace wm
