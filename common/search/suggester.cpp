#include "common/search/suggester.hpp"

#include <algorithm>
#include <set>

#include "common/index/schema.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Indexed words looked at per request, most frequent first: a two-letter prefix can have
// hundreds, and only a few are shown.
constexpr std::size_t kMaxWordCandidates = 40;

// 2: the value starts with what was typed; 1: one of its later words does; 0: no match.
int prefix_match(const std::string& value_key, const std::string& typed_key) {
    if (value_key.starts_with(typed_key)) return 2;
    for (std::size_t space = value_key.find(' '); space != std::string::npos; space = value_key.find(' ', space + 1))
        if (std::string_view(value_key).substr(space + 1).starts_with(typed_key)) return 1;
    return 0;
}

// People, authorities, programmes and organisations whose name (or a later word of it) starts
// with what was typed, written as the archive writes them, best first.
std::vector<Suggestion> entity_candidates(Searcher& searcher, const std::string& typed_key) {
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
    for (auto& r : ranked) out.push_back(std::move(r.suggestion));
    return out;
}

// Whether the words occur one after the other in some document.
bool occurs_together(const Xapian::Database& db, const std::string& before, const std::string& word) {
    const std::vector<Xapian::Query> words{Xapian::Query(before), Xapian::Query(word)};
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
    return !enquire.get_mset(0, 1).empty();
}

// The last word completed from the index: "care le" -> "care leaver". Only words that follow
// the typed ones somewhere in the archive ("care led" never occurs), one form of each word
// (the search finds "joined" for "join" anyway), and never a possessive ("wrekin's").
std::vector<std::string> word_completions(const Xapian::Database& db, const std::string& typed) {
    const auto trimmed = trim(typed);
    const auto last_space = trimmed.find_last_of(' ');
    const std::string head = last_space == std::string::npos ? "" : trimmed.substr(0, last_space + 1);
    const std::string prefix = to_lower(last_space == std::string::npos ? trimmed : trimmed.substr(last_space + 1));
    // One letter completes to every short word; wait for two.
    if (prefix.size() < 2 || !std::islower(static_cast<unsigned char>(prefix[0]))) return {};
    const auto head_words = split(to_lower(trim(head)), ' ');
    const std::string before = head_words.empty() ? "" : head_words.back();
    std::vector<std::pair<std::string, Xapian::doccount>> terms;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it;
        if (term.size() > 2 && term.find('\'') == std::string::npos)
            terms.emplace_back(term, it.get_termfreq());
    }
    std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (terms.size() > kMaxWordCandidates) terms.resize(kMaxWordCandidates);
    const Xapian::Stem stemmer("english");
    std::set<std::string> stems;
    std::vector<std::string> out;
    for (const auto& [term, frequency] : terms)
        if (stems.insert(stemmer(term)).second && (before.empty() || occurs_together(db, before, term)))
            out.push_back(head + term);
    return out;
}

}  // namespace

std::vector<Suggestion> suggest(Searcher& searcher, const std::string& typed, std::size_t limit) {
    const std::string typed_key = match_key(typed);
    if (typed_key.empty() || limit == 0) return {};
    std::vector<Suggestion> candidates = entity_candidates(searcher, typed_key);
    if (candidates.size() > limit) candidates.resize(limit);
    // A completion that a suggested name starts with is that name in lower case ("pat bullen",
    // "joanne" beside Joanne Capaldi): the name is shown instead.
    const auto named = [&](const std::string& key) {
        return std::any_of(candidates.begin(), candidates.end(), [&](const Suggestion& c) {
            const auto name = match_key(c.text);
            return name == key || name.starts_with(key + " ");
        });
    };
    const auto words = searcher.with_retry([&] { return word_completions(searcher.database(), typed); });
    for (const auto& text : words) {
        if (candidates.size() >= limit) break;
        if (!named(match_key(text))) candidates.push_back({text, "word", 0});
    }
    // The count is what searching the suggestion finds, so choosing it shows that many issues.
    std::vector<Suggestion> out;
    for (auto& candidate : candidates) {
        SearchRequest request;
        request.query = candidate.text;
        request.per_page = 0;
        request.facet_limit = 0;
        candidate.count = searcher.search(request).total;
        if (candidate.count > 0) out.push_back(std::move(candidate));
    }
    return out;
}

}  // namespace wm
