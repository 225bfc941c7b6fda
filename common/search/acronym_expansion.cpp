#include "common/search/acronym_expansion.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/text/text.hpp"

namespace wm {
namespace {

bool is_acronym_word(const std::string& word) {
    if (word.size() < 2 || word.size() > 8) return false;
    int upper = 0;
    for (unsigned char c : word) {
        if (!std::isalpha(c)) return false;
        if (std::isupper(c)) ++upper;
    }
    return upper >= 2 && std::isupper(static_cast<unsigned char>(word[0]));
}

std::string either(const std::string& acronym, const std::string& expansion) {
    return "(" + acronym + " OR \"" + expansion + "\")";
}

bool is_plain_word(const std::string& word) {
    return word.size() >= 2 && word.size() <= 8 &&
           std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::string upper(const std::string& word) {
    std::string out = word;
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string expand_acronyms(const std::string& query, const Glossary& glossary, const WrittenOnlyInCapitals& only_in_capitals) {
    if (query.find('"') != std::string::npos) return query;  // the user chose their phrases
    std::string out = query;
    // Written-out expansions first, longest first, so "Principal Social Worker" becomes one group.
    std::vector<std::string> replaced;
    auto lowered = to_lower(out);
    for (const auto& [wanted, entry] : glossary.expansions_longest_first()) {
        const auto at = lowered.find(wanted);
        if (at == std::string::npos) continue;
        const bool starts = at == 0 || lowered[at - 1] == ' ' || lowered[at - 1] == '(';
        const auto end = at + wanted.size();
        const bool ends = end == lowered.size() || lowered[end] == ' ' || lowered[end] == ')';
        if (!starts || !ends) continue;
        out.replace(at, wanted.size(), "\x01" + std::to_string(replaced.size()) + "\x01");
        lowered = to_lower(out);
        replaced.push_back(either(entry.acronym, entry.expansion));
    }
    std::string result;
    for (const auto& word : split(out, ' ')) {
        if (!result.empty()) result += ' ';
        auto entry = is_acronym_word(word) ? glossary.find(word) : std::nullopt;
        if (!entry && only_in_capitals && is_plain_word(word) && only_in_capitals(to_lower(word)))
            if ((entry = glossary.find(upper(word)))) {
                result += either(entry->acronym, entry->expansion);
                continue;
            }
        result += entry ? either(word, entry->expansion) : word;
    }
    for (std::size_t i = 0; i < replaced.size(); ++i) {
        const auto marker = "\x01" + std::to_string(i) + "\x01";
        result.replace(result.find(marker), marker.size(), replaced[i]);
    }
    return result;
}

}  // namespace wm
