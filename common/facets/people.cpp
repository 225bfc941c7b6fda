// People: a given name from the lexicon, optional initials, then a family name.
#include <algorithm>

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"
#include "common/facets/vocabulary.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Words after a name that make it the name of a thing ("Helen Riley Centre").
bool names_a_thing(std::string_view key) { return vocabulary::contains(vocabulary::kThingsNamedAfterPeople, key); }

bool joined(const Token& token) { return token.gap == Gap::space || token.gap == Gap::line; }

// "W" or "W." between a given and a family name.
bool is_initial(const std::vector<Token>& tokens, std::size_t i) {
    return tokens[i].initial && joined(tokens[i]);
}

bool after_initial(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    if (joined(tokens[i])) return true;
    const auto gap = text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
    return gap == ". " || gap == ".";
}

// A family name: capitalised, not an ordinary capitalised word, not a place or a body.
// A place or a body starts here ("Telford", "West Midlands", "Ofsted").
bool is_family_name_blocked(const std::vector<Token>& tokens, std::size_t i) {
    const auto& gazetteer = Gazetteer::instance();
    return gazetteer.authorities.longest_match(tokens, i) || gazetteer.regions.longest_match(tokens, i) ||
           gazetteer.organisations.longest_match(tokens, i);
}

bool is_family_name(const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (!token.capitalised || token.possessive || vocabulary::contains(vocabulary::kNeverFamilyNames, token.key))
        return false;
    return !Gazetteer::instance().is_common_word(token.key) && !is_family_name_blocked(tokens, i);
}

bool is_given_name_at(const std::vector<Token>& tokens, std::size_t i) {
    const auto& gazetteer = Gazetteer::instance();
    const auto& token = tokens[i];
    if (!token.capitalised || token.possessive || !gazetteer.is_given_name(token.key)) return false;
    // "May", "June", "Summer": given names that are far more often ordinary words.
    return !gazetteer.is_common_word(token.key);
}

}  // namespace

// Where a newsletter can only be naming a person, a given name outside the lexicon is accepted:
// "please contact Bekka Leigh", "Dan Gray (Worcestershire Children First)".
bool in_person_context(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    const bool after_contact = first > 0 && tokens[first - 1].key == "contact" && joined(tokens[first]);
    bool before_authority = false;
    if (last + 1 < tokens.size() && tokens[last + 1].opens_parenthesis) {
        const auto& gazetteer = Gazetteer::instance();
        before_authority = gazetteer.authorities.longest_match(tokens, last + 1).has_value();
    }
    return after_contact || before_authority;
}

bool could_be_given_name(const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    return token.capitalised && !token.possessive && !Gazetteer::instance().is_common_word(token.key) &&
           !is_family_name_blocked(tokens, i);
}

PeopleMentions find_people(std::string_view text, const std::vector<Token>& tokens) {
    PeopleMentions found;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!is_given_name_at(tokens, i)) {
            const auto family = i + 1;
            if (family >= tokens.size() || !could_be_given_name(tokens, i) || !joined(tokens[family]) ||
                !is_family_name(tokens, family))
                continue;
            auto last = family;
            while (last + 1 < tokens.size() && tokens[last + 1].gap == Gap::hyphen && tokens[last + 1].capitalised)
                ++last;
            const bool longer = last + 1 < tokens.size() && joined(tokens[last + 1]) && tokens[last + 1].capitalised;
            if (!longer && in_person_context(tokens, i, last)) {
                found.full_names.push_back({i, last, span_text(text, tokens, i, last)});
                i = last;
            }
            continue;
        }
        std::size_t j = i + 1;
        while (j < tokens.size() && is_initial(tokens, j) && j + 1 < tokens.size() &&
               after_initial(text, tokens, j + 1))
            ++j;
        const bool has_family = j < tokens.size() && (j == i + 1 ? joined(tokens[j]) : true) &&
                                is_family_name(tokens, j);
        if (!has_family) {
            // A lone given name, unless it is part of a longer capitalised phrase ("Grace Period").
            const bool before = i > 0 && joined(tokens[i]) && tokens[i - 1].capitalised &&
                                !tokens[i].sentence_start;
            const bool after = i + 1 < tokens.size() && joined(tokens[i + 1]) &&
                               (tokens[i + 1].capitalised || tokens[i + 1].all_caps);
            if (!before && !after) found.first_names.push_back({i, i, tokens[i].text});
            continue;
        }
        std::size_t last = j;
        while (last + 1 < tokens.size() && tokens[last + 1].gap == Gap::hyphen &&
               tokens[last + 1].capitalised)
            ++last;
        if (last + 1 < tokens.size() && joined(tokens[last + 1]) && names_a_thing(tokens[last + 1].key))
            continue;
        found.full_names.push_back({i, last, span_text(text, tokens, i, last)});
        i = last;
    }
    return found;
}

std::string signatory_name(std::string_view signature) {
    auto tokens = tokenize(signature);
    // Post-nominals: "MBE", "OBE", "CBE", "KC" ...
    while (tokens.size() > 2 && tokens.back().all_caps && tokens.back().text.size() <= 4) tokens.pop_back();
    if (tokens.size() < 2 || tokens.size() > 4) return {};
    const auto& gazetteer = Gazetteer::instance();
    if (gazetteer.is_common_word(tokens.front().key)) return {};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        if (i > 0 && token.gap == Gap::hard) return {};
        if (!(token.capitalised || token.initial)) return {};
        if (i > 0 && token.gap != Gap::hyphen && !token.initial && gazetteer.is_common_word(token.key))
            return {};
    }
    return span_text(signature, tokens, 0, tokens.size() - 1);
}

}  // namespace wm
