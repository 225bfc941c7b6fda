// Authorities, national bodies and regions: gazetteer phrases, longest match first.
#include <algorithm>

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"

namespace wm {
namespace {

// "Reading", "Telford", "Bury": a council's short name that is also an ordinary word or a town
// counts only where it cannot be read as one: not a lone word opening a sentence, and not the
// start of a longer proper name ("Reading Festival").
bool plausible_short_name(const std::vector<Token>& tokens, std::size_t at, std::size_t length) {
    if (length > 1) return true;
    if (tokens[at].sentence_start) return false;
    const auto next = at + 1;
    if (next < tokens.size() && tokens[next].gap == Gap::space && tokens[next].capitalised &&
        !Gazetteer::instance().is_common_word(tokens[next].key))
        return false;
    return true;
}

}  // namespace

std::vector<bool> covered_by(const std::vector<Mention>& mentions, std::size_t size) {
    std::vector<bool> covered(size, false);
    for (const auto& mention : mentions)
        for (auto i = mention.first; i <= mention.last && i < size; ++i) covered[i] = true;
    return covered;
}

PlaceMentions find_places(const std::vector<Token>& tokens, const std::vector<Mention>& people,
                          const Glossary& glossary) {
    const auto& gazetteer = Gazetteer::instance();
    const auto in_person = covered_by(people, tokens.size());
    PlaceMentions found;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        if (in_person[i] || !(token.capitalised || token.all_caps)) continue;
        // The archive's own definition of an acronym outranks a national body of that name.
        if (token.all_caps && glossary.learned().count(token.text)) continue;
        const auto authority = gazetteer.authorities.longest_match(tokens, i);
        const auto organisation = gazetteer.organisations.longest_match(tokens, i);
        const auto region = gazetteer.regions.longest_match(tokens, i);
        const auto length = [](const auto& match) { return match ? match->length : 0; };
        const auto longest = std::max({length(authority), length(organisation), length(region)});
        if (longest == 0) {
            // A national body known only by its acronym ("NHSE", "CQC").
            if (token.all_caps) {
                const auto entry = glossary.find(token.text);
                if (entry && entry->source == "national" && entry->category == "organisation")
                    found.organisations.push_back({i, i, token.text});
            }
            continue;
        }
        const auto last = i + longest - 1;
        if (length(authority) == longest) {
            const auto& canonical = *authority->value;
            const auto& facts = gazetteer.authority_by_canonical.at(canonical);
            if (!facts.common_word || plausible_short_name(tokens, i, longest))
                found.authorities.push_back({i, last, canonical});
        } else if (length(organisation) == longest) {
            found.organisations.push_back({i, last, *organisation->value});
        } else {
            found.regions.push_back({i, last, *region->value});
        }
        i = last;
    }
    return found;
}

}  // namespace wm
