// Acronym definitions: the archive's own ("Expansion (ACR)", "ACR – Expansion") over the
// national list in common/facets/data/acronyms.tsv.
#include "common/facets/glossary.hpp"

#include <algorithm>

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"
#include "common/facets/sentence.hpp"
#include "common/facets/tokens.hpp"
#include "common/facets/vocabulary.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

constexpr std::size_t kMaxExpansionWords = 12;

bool is_acronym(const Token& token) {
    return token.all_caps && token.text.size() >= 2 && token.text.size() <= 8;
}

// Does tokens[first..last] spell the acronym, by the initials of every word or of its content
// words only? ("Department for Education" is DfE; "Regional Improvement and Innovation
// Alliance" is RIIA.) A hyphenated word counts once.
bool spells(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
            std::string_view acronym) {
    const auto wanted = to_lower(acronym);
    std::string every, content;
    for (auto i = first; i <= last; ++i) {
        if (tokens[i].gap == Gap::hyphen && i != first) continue;
        const char initial = tokens[i].key[0];
        every += initial;
        if (!vocabulary::contains(vocabulary::kNameConnectors, tokens[i].key)) content += initial;
    }
    return every == wanted || content == wanted;
}

bool soft(const Token& token) {
    return token.gap == Gap::space || token.gap == Gap::hyphen;
}

// An acronym's expansion names a programme or an organisation by its last word; a board, group
// or partnership the archive defines is a programme of the region's unless its sentence calls
// it a standing body ("... Partnership (SMP), run by the Home Office").
std::string classify(std::string_view expansion, bool called_an_organisation) {
    const auto tokens = tokenize(expansion);
    if (tokens.empty()) return "term";
    const auto& head = tokens.back().key;
    using vocabulary::contains;
    if (contains(vocabulary::kProgrammeHeads, head) || contains(vocabulary::kProgrammeDescriptors, head))
        return "programme";
    if (contains(vocabulary::kStandingBodyHeads, head)) return "organisation";
    if (contains(vocabulary::kOrganisationLikeHeads, head)) return called_an_organisation ? "organisation" : "programme";
    return "term";
}

// "Regional Improvement and Innovation Alliance (RIIA)": the words before the parenthesis, or
// before a short aside such as "Regional Care Leaver Offer- Update (RCLO)".
std::optional<std::pair<std::size_t, std::size_t>> expansion_before(const std::vector<Token>& tokens,
                                                                    std::size_t acronym) {
    for (std::size_t skip = 1; skip <= 3 && skip <= acronym; ++skip) {
        const auto last = acronym - skip;
        for (std::size_t first = last + 1; first-- > 0 && last - first < kMaxExpansionWords;) {
            if (first < last && !soft(tokens[first + 1])) break;
            if (tokens[first].capitalised && spells(tokens, first, last, tokens[acronym].text))
                return std::pair{first, last};
        }
    }
    return std::nullopt;
}

// "BALI – Black and Asian Leadership Initiative": the words after a dash.
std::optional<std::pair<std::size_t, std::size_t>> expansion_after(const std::vector<Token>& tokens,
                                                                   std::size_t acronym) {
    const auto first = acronym + 1;
    if (first >= tokens.size() || !tokens[first].capitalised) return std::nullopt;
    for (auto last = first; last < tokens.size() && last - first < kMaxExpansionWords; ++last) {
        if (last > first && !soft(tokens[last])) break;
        if (spells(tokens, first, last, tokens[acronym].text)) return std::pair{first, last};
    }
    return std::nullopt;
}

bool dash_between(std::string_view text, const Token& a, const Token& b) {
    const auto gap = trim(fold_punctuation(text.substr(a.end, b.begin - a.end)));
    return gap == "-" || gap == ":";
}

bool closes_parenthesis(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    const auto end = i + 1 < tokens.size() ? tokens[i + 1].begin : text.size();
    return text.substr(tokens[i].end, end - tokens[i].end).starts_with(")");
}

}  // namespace

void Glossary::learn(const Issue& issue) {
    for (const auto& section : issue.sections) learn_text(section.heading + "\n\n" + section.body, issue.id);
}

void Glossary::learn_text(std::string_view text, std::string_view source) { learn_tokens(text, tokenize(text), source); }

void Glossary::learn_tokens(std::string_view text, const std::vector<Token>& tokens, std::string_view source) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!is_acronym(tokens[i]) || learned_.count(tokens[i].text)) continue;
        std::optional<std::pair<std::size_t, std::size_t>> span;
        if (tokens[i].opens_parenthesis && closes_parenthesis(text, tokens, i))
            span = expansion_before(tokens, i);
        else if (i + 1 < tokens.size() && dash_between(text, tokens[i], tokens[i + 1]))
            span = expansion_after(tokens, i);
        if (!span) continue;
        const auto expansion = span_text(text, tokens, span->first, span->second);
        const bool called_an_organisation =
            sentence_says_organisation(tokens, std::min(span->first, i), std::max(span->second, i));
        forget_forms();
        learned_.emplace(tokens[i].text, GlossaryEntry{tokens[i].text, expansion, std::string(source),
                                                       classify(expansion, called_an_organisation)});
    }
    learn_programme_names(text, tokens, *this);
}

void Glossary::learn_programme(std::string_view stem_key, std::string_view name) {
    if (programme_names_.emplace(name).second) forget_forms();
    if (!stem_key.empty()) programme_stems_.emplace(std::string(stem_key), std::string(name));
}

std::optional<GlossaryEntry> Glossary::find(std::string_view acronym) const {
    const auto learned = learned_.find(std::string(acronym));
    if (learned != learned_.end()) return learned->second;
    const auto& national = Gazetteer::instance().acronyms;
    const auto it = national.find(std::string(acronym));
    if (it == national.end()) return std::nullopt;
    return GlossaryEntry{it->first, it->second.expansion, "national", it->second.category};
}

std::vector<GlossaryEntry> Glossary::entries() const {
    std::vector<GlossaryEntry> all;
    for (const auto& [acronym, entry] : learned_) all.push_back(entry);
    for (const auto& [acronym, national] : Gazetteer::instance().acronyms)
        if (!learned_.count(acronym)) all.push_back(*find(acronym));
    return all;
}

const std::vector<Glossary::LoweredExpansion>& Glossary::expansions_longest_first() const {
    const auto cache = forms_;  // a copy: another thread's learning replaces forms_, not this one
    std::call_once(cache->expansions_once, [&] {
        for (auto& entry : entries()) cache->expansions.push_back({to_lower(entry.expansion), std::move(entry)});
        std::stable_sort(cache->expansions.begin(), cache->expansions.end(),
                         [](const auto& a, const auto& b) { return a.lowered.size() > b.lowered.size(); });
    });
    return cache->expansions;
}

bool operator==(const GlossaryEntry& a, const GlossaryEntry& b) {
    return a.acronym == b.acronym && a.expansion == b.expansion && a.source == b.source &&
           a.category == b.category;
}

void to_json(nlohmann::json& out, const Glossary& glossary) {
    auto acronyms = nlohmann::json::array();
    for (const auto& [acronym, entry] : glossary.learned())
        acronyms.push_back({{"acronym", entry.acronym}, {"expansion", entry.expansion},
                            {"source", entry.source}, {"category", entry.category}});
    out = {{"acronyms", acronyms},
           {"programme_stems", glossary.programme_stems()},
           {"programme_names", glossary.programme_names()}};
}

void from_json(const nlohmann::json& in, Glossary& glossary) {
    glossary.learned_.clear();
    glossary.programme_stems_.clear();
    for (const auto& entry : in.at("acronyms")) {
        GlossaryEntry parsed{entry.at("acronym"), entry.at("expansion"), entry.at("source"),
                             entry.value("category", "term")};
        glossary.learned_.emplace(parsed.acronym, std::move(parsed));
    }
    glossary.programme_stems_ = in.value("programme_stems", std::map<std::string, std::string>{});
    glossary.programme_names_ = in.value("programme_names", std::set<std::string>{});
    glossary.forget_forms();
}

}  // namespace wm
