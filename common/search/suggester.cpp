#include "common/search/suggester.hpp"

#include <algorithm>

#include "common/index/schema.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// 2: the value starts with what was typed; 1: one of its later words does; 0: no match.
int prefix_match(const std::string& value_key, const std::string& typed_key) {
    if (value_key.starts_with(typed_key)) return 2;
    for (std::size_t space = value_key.find(' '); space != std::string::npos; space = value_key.find(' ', space + 1))
        if (std::string_view(value_key).substr(space + 1).starts_with(typed_key)) return 1;
    return 0;
}

std::size_t issues_with_term(const Xapian::Database& db, const std::string& term) { return db.get_termfreq(term); }

std::vector<Suggestion> word_completions(const Xapian::Database& db, const std::string& typed, std::size_t limit) {
    const auto last_space = typed.find_last_of(' ');
    const std::string head = last_space == std::string::npos ? "" : typed.substr(0, last_space + 1);
    const std::string stem = to_lower(last_space == std::string::npos ? typed : typed.substr(last_space + 1));
    // One letter completes to every short word; wait for two.
    if (stem.size() < 2 || !std::islower(static_cast<unsigned char>(stem[0]))) return {};
    std::vector<std::pair<std::string, Xapian::doccount>> terms;
    for (auto it = db.allterms_begin(stem); it != db.allterms_end(stem); ++it)
        if ((*it).size() > 2) terms.emplace_back(*it, it.get_termfreq());
    std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<Suggestion> words;
    for (const auto& [term, frequency] : terms) {
        if (words.size() == limit) break;
        if (const auto issues = issues_with_term(db, term)) words.push_back({head + term, "word", issues});
    }
    return words;
}

}  // namespace

std::vector<Suggestion> suggest(Searcher& searcher, const std::string& typed, std::size_t limit) {
    const std::string typed_key = match_key(typed);
    if (typed_key.empty()) return {};
    struct Ranked {
        Suggestion suggestion;
        int match;
    };
    std::vector<Ranked> ranked;
    for (const auto& facet : schema::kFacets)
        for (const auto& value : searcher.facet_values(facet))
            if (const int match = prefix_match(match_key(value.value), typed_key))
                ranked.push_back({{value.value, std::string(facet.field), value.count}, match});
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.match != b.match) return a.match > b.match;
        return a.suggestion.count > b.suggestion.count;
    });
    std::vector<Suggestion> out;
    for (const auto& r : ranked) {
        if (out.size() == limit) return out;
        out.push_back(r.suggestion);
    }
    for (auto& word : searcher.with_retry([&] { return word_completions(searcher.database(), typed, limit - out.size()); }))
        out.push_back(std::move(word));
    return out;
}

}  // namespace wm
