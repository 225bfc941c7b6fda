#include "common/search/word_table.hpp"

#include <algorithm>

namespace wm {
namespace {

// A word in a single issue is rarely what someone is typing; the bound keeps the table small
// however large the archive's vocabulary grows.
constexpr Xapian::doccount kLeastIssues = 2;
constexpr std::size_t kMostWords = 100000;

}  // namespace

WordTable::WordTable(const Xapian::Database& db) {
    // Plain words: digits and lower case; every prefixed term starts with a capital letter, and
    // the capitals sort between them.
    for (auto it = db.allterms_begin(); it != db.allterms_end();) {
        const std::string term = *it;
        if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
            it.skip_to("a");
            continue;
        }
        if (it.get_termfreq() >= kLeastIssues) words_.emplace_back(term, it.get_termfreq());
        ++it;
    }
    if (words_.size() > kMostWords) {
        std::nth_element(words_.begin(), words_.begin() + kMostWords, words_.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        words_.resize(kMostWords);
        std::sort(words_.begin(), words_.end());
    }
}

std::vector<std::string> WordTable::completions(std::string_view prefix, std::size_t limit) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), prefix,
                               [](const auto& entry, std::string_view p) { return entry.first < p; });
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    for (; it != words_.end() && it->first.starts_with(prefix); ++it) found.push_back(*it);
    const auto keep = std::min(found.size(), limit);
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
                      [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    std::vector<std::string> words;
    for (std::size_t i = 0; i < keep; ++i) words.push_back(found[i].first);
    return words;
}

}  // namespace wm
