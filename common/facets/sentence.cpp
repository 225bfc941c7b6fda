#include "common/facets/sentence.hpp"

#include "common/facets/vocabulary.hpp"

namespace wm {

bool matches_stem(std::string_view key, std::string_view stem) {
    if (stem.size() > 3) return key.starts_with(stem);
    if (key == stem) return true;
    for (std::string_view ending : {"s", "ing", "ning", "ding"})
        if (key.size() == stem.size() + ending.size() && key.starts_with(stem) && key.ends_with(ending)) return true;
    return false;
}

namespace {

// Whether a word of the sentence, outside the name [first, last] (which says nothing of what it
// is), matches one of the stems; with set_up, "set up" counts too ("set" alone says nothing).
template <typename Words>
bool sentence_has(const std::vector<Token>& tokens, std::size_t first, std::size_t last, const Words& stems,
                  bool set_up) {
    const auto [from, to] = sentence_around(tokens, first);
    for (auto i = from; i <= to; ++i) {
        if (i >= first && i <= last) continue;
        for (const auto stem : stems)
            if (matches_stem(tokens[i].key, stem)) return true;
        if (set_up && tokens[i].key == "set" && i + 1 <= to && tokens[i + 1].key == "up") return true;
    }
    return false;
}

}  // namespace

std::pair<std::size_t, std::size_t> sentence_around(const std::vector<Token>& tokens, std::size_t i) {
    auto first = i;
    while (first > 0 && !tokens[first].sentence_start) --first;
    auto last = i;
    while (last + 1 < tokens.size() && !tokens[last + 1].sentence_start) ++last;
    return {first, last};
}

bool sentence_says_organisation(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    return sentence_has(tokens, first, last, vocabulary::kOrganisationCues, false);
}

bool sentence_says_programme(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    return !sentence_says_organisation(tokens, first, last) &&
           sentence_has(tokens, first, last, vocabulary::kProgrammeActions, true);
}

}  // namespace wm
