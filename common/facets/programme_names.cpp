// One programme, one facet value: the spellings, region prefixes, years, acronyms and longer
// organisational names of one programme fold to one canonical name, learned from the archive
// (acronym definitions and the programme names it writes with a head word).
#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"
#include "common/facets/vocabulary.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

bool is_year(const Token& token) {
    return token.text.size() == 4 && (token.text.starts_with("19") || token.text.starts_with("20")) &&
           std::all_of(token.text.begin(), token.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words one programme's names share, whatever their region or year: "West Midlands Care
// Leaver Offer 2030" and "Regional Care Leaver Offer" both give "care leaver offer". Its key
// joins them without spaces, so "BlueSky" and "Blue Sky" share one; a final plural s is dropped.
struct FoldedName {
    std::vector<std::string> words;
};

FoldedName fold(std::string_view name) {
    const auto tokens = tokenize(name);
    const auto& gazetteer = Gazetteer::instance();
    std::size_t first = 0, end = tokens.size();
    while (first < end && tokens[first].key == "the") ++first;
    if (const auto region = gazetteer.regions.longest_match(tokens, first)) first += region->length;
    else if (first < end && (tokens[first].key == "regional" || gazetteer.is_region_initials(tokens[first].key))) ++first;
    if (end > first + 1 && is_year(tokens[end - 1])) --end;
    // "Harbourside Family" is the Harbourside Family Programme (or Project): a trailing programme
    // word names no other programme when two words of the name are left.
    if (end >= first + 3 && vocabulary::contains(vocabulary::kProgrammeDescriptors, tokens[end - 1].key)) --end;
    FoldedName folded;
    for (auto i = first; i < end; ++i) {
        if (tokens[i].possessive) continue;
        std::string word;
        for (char c : tokens[i].key)
            if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) word += c;
        if (!word.empty()) folded.words.push_back(word);
    }
    if (!folded.words.empty() && folded.words.back().ends_with("s")) folded.words.back().pop_back();
    return folded;
}

std::string key_of(const FoldedName& folded) { return join(folded.words, ""); }

// Upper-case initials of a name's words, skipping connectors: "Regional Safeguarding Network
// Conference" -> "RSNC"; an acronym contributes its letters: "RSN Conference" -> "RSNC".
std::string initials(std::string_view name) {
    std::string out;
    for (const auto& token : tokenize(name)) {
        if (token.gap == Gap::hyphen || vocabulary::contains(vocabulary::kNameConnectors, token.key) || token.possessive)
            continue;
        if (token.all_caps) out += token.text;
        else out += static_cast<char>(std::toupper(static_cast<unsigned char>(token.key[0])));
    }
    return out;
}

// "RSNC" abbreviates "RSNC"; "RSN" (a bare acronym named by its head word) abbreviates it too.
bool abbreviates(std::string_view short_form, std::string_view long_form) {
    return short_form == long_form ||
           (short_form.size() >= 2 && long_form.size() == short_form.size() + 1 && long_form.starts_with(short_form));
}

bool has_acronym(std::string_view name) {
    const auto tokens = tokenize(name);
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.all_caps; });
}

// Words an organisation puts before its programme's name: "West Midlands Children's Services
// Team Excellence Awards" is the Team Excellence Awards.
bool is_organisational_prefix(const std::vector<std::string>& words) {
    const auto& gazetteer = Gazetteer::instance();
    return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
        return gazetteer.is_common_word(word) || gazetteer.organisations.find(word) || gazetteer.authorities.find(word);
    });
}

// Of two spellings of one programme, which is the more complete: positive for a, negative for
// b, 0 when neither is. No year, more words of the name, its programme word, more of it
// capitalised ("Moorside Mentoring Scheme" over "Moorside Mentoring programme").
int completeness(const std::string& a, const std::string& b) {
    const auto ta = tokenize(a), tb = tokenize(b);
    const bool year_a = !ta.empty() && is_year(ta.back()), year_b = !tb.empty() && is_year(tb.back());
    if (year_a != year_b) return year_a ? -1 : 1;
    const auto wa = fold(a).words.size(), wb = fold(b).words.size();
    if (wa != wb) return wa > wb ? 1 : -1;
    if (ta.size() != tb.size()) return ta.size() > tb.size() ? 1 : -1;
    const auto capitals = [](const std::vector<Token>& tokens) {
        return std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.capitalised || t.all_caps; });
    };
    const auto ca = capitals(ta), cb = capitals(tb);
    return ca == cb ? 0 : ca > cb ? 1 : -1;
}

bool preferred(const std::string& a, const std::string& b) {
    const auto order = completeness(a, b);
    return order != 0 ? order > 0 : a < b;
}

}  // namespace

class ProgrammeForms {
public:
    explicit ProgrammeForms(const Glossary& glossary) {
        for (const auto& name : glossary.programme_names()) offer(name, false);
        for (const auto& [acronym, entry] : glossary.learned())
            if (entry.category == "programme") offer(entry.expansion, true);
        for (const auto& [key, folded] : folds_) by_words_.emplace(join(folded.words, " "), key);
    }

    /// The archive's canonical name for a fold key, if it knows one.
    const std::string* canonical(const std::string& key) const {
        const auto it = canonical_.find(key);
        return it == canonical_.end() ? nullptr : &it->second;
    }

    /// A longer organisational name of a programme the archive knows is that programme: the
    /// longest such programme name that ends this one. Looked up by each of the name's endings,
    /// longest first, not by walking every known name with its last word (thousands share
    /// "programme" in a large archive: a fifth of indexing at 20,000 issues).
    const std::string* shorter_form(const FoldedName& folded) const {
        constexpr std::size_t kShortestFoldTarget = 3;  // "Team Excellence Awards", not "Excellence Awards"
        const auto& words = folded.words;
        for (std::size_t length = words.size() - std::min<std::size_t>(words.size(), 1); length >= kShortestFoldTarget; --length) {
            const auto start = words.end() - static_cast<std::ptrdiff_t>(length);
            const auto known = by_words_.find(join(std::vector<std::string>(start, words.end()), " "));
            if (known == by_words_.end()) continue;
            if (!is_organisational_prefix(std::vector<std::string>(words.begin(), start))) continue;
            return &canonical_.at(known->second);
        }
        return nullptr;
    }

private:
    // Of two spellings, the one without a year, then the one written in more words ("Blue Sky"
    // rather than "BlueSky"), then the first in alphabetical order; an acronym's expansion first.
    void offer(const std::string& name, bool defined) {
        const auto folded = fold(name);
        const auto key = key_of(folded);
        if (key.empty()) return;
        folds_.emplace(key, folded);
        auto [it, added] = canonical_.emplace(key, name);
        if (!added && (defined || preferred(name, it->second))) it->second = name;
    }
    std::map<std::string, std::string> canonical_;  ///< fold key -> canonical name
    std::map<std::string, FoldedName> folds_;
    std::unordered_map<std::string, std::string> by_words_;  ///< a fold's words, space-joined -> its key
};

const ProgrammeForms& Glossary::programme_forms() const {
    const auto cache = forms_;  // a copy: another thread's learning replaces forms_, not this one
    std::call_once(cache->once, [&] { cache->forms = std::make_shared<ProgrammeForms>(*this); });
    return *cache->forms;
}

std::string programme_key(std::string_view name) { return key_of(fold(name)); }

bool archive_knows_programme(std::string_view name, const Glossary& glossary) {
    return glossary.programme_forms().canonical(programme_key(name)) != nullptr;
}

std::map<std::string, std::string> programme_canonical_names(const std::vector<std::string>& names,
                                                             const Glossary& glossary) {
    const auto& archive = glossary.programme_forms();
    // Spellings of one name that the archive does not know: the issue's most complete, then its
    // most frequent, then the first written ("Family Hubs" before "each Family Hub").
    std::map<std::string, std::size_t> written;
    for (const auto& name : names) ++written[name];
    std::map<std::string, std::string> in_issue;
    for (const auto& name : names) {
        auto& best = in_issue[key_of(fold(name))];
        const auto order = best.empty() ? 1 : completeness(name, best);
        if (order > 0 || (order == 0 && written[name] > written[best])) best = name;
    }

    const auto canonical_of = [&](const std::string& name) {
        const auto folded = fold(name);
        if (const auto* shorter = archive.shorter_form(folded)) return *shorter;
        const auto key = key_of(folded);
        if (const auto* known = archive.canonical(key)) return *known;
        return in_issue.at(key);
    };
    std::map<std::string, std::string> canonical;
    for (const auto& name : names) canonical[name] = canonical_of(name);
    // "RSN Conference" -> "Regional Safeguarding Network Conference" when both are in the issue.
    for (auto& [name, value] : canonical) {
        if (!has_acronym(value)) continue;
        for (const auto& [other_name, other] : canonical)
            if (other != value && !has_acronym(other) && abbreviates(initials(value), initials(other))) value = other;
    }
    return canonical;
}

}  // namespace wm
