#include "common/facets/programme_evidence.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/facets/sentence.hpp"
#include "common/facets/vocabulary.hpp"

namespace wm {
namespace {

// What the shape of a name says by itself, before any other evidence. A programme word at the
// end of a proper name is nearly always a programme ("Aspirant Leaders Programme"); a word that
// also ends standing bodies' names is as often a body ("Fostering Leads Group"), and needs
// its clause to say which; an acronym the archive defines as a programme is one.
int prior_of(ProgrammeSource source) {
    switch (source) {
        case ProgrammeSource::programme_head: return 3;
        case ProgrammeSource::event_head: return 3;
        case ProgrammeSource::body_head: return 0;
        case ProgrammeSource::described: return 3;
        case ProgrammeSource::opened_by_head: return 3;
        case ProgrammeSource::appositive: return 2;
        case ProgrammeSource::acronym_defined: return 6;
        case ProgrammeSource::acronym_funded: return 3;
        case ProgrammeSource::defined_as_project: return 3;
        case ProgrammeSource::known_name: return 3;
    }
    return 0;
}

// A word no one writes in lower case in this genre ("Harbourside", "CRABBB") makes a name.
constexpr int kDistinctiveWord = 2;
// A head qualified by nothing but "regional", "annual", "spring" names no particular thing:
// "the Regional Programme", "our Annual Conference".
constexpr int kModifiersOnly = 4;
// Capitals where nothing requires them are the writer saying it is a name.
constexpr int kInRunningText = 1;
// "joined the X", "X, launched in May": something done to a programme.
constexpr int kDoneTo = 2;
// "X will run", "X met", "X has asked": what a body does; said of a name that may be a body.
constexpr int kActsAsBody = 2;
// "X, a government body", "the X association": the sentence says what it is.
constexpr int kCalledABody = 3;
// Named twice in one issue: the writer means a particular thing.
constexpr int kRepeated = 1;
// Written as a programme in other issues of the archive.
constexpr int kKnownToArchive = 2;
// "Quality of Practice Board (QPPB)" where the archive defines QPPB as a programme.
constexpr int kDefinedByAcronym = 4;

// Active forms that make the name before them the doer: auxiliaries and what bodies do.
constexpr std::array<std::string_view, 24> kBodyActions = {
    "will", "has", "have", "had", "met", "meets", "meet", "agreed", "agrees", "asked", "asks", "wrote",
    "writes", "chairs", "chaired", "oversees", "oversaw", "sent", "sends", "discussed", "approved",
    "welcomed", "considered", "decided"};

// Passive markers: "X was launched", "X is funded", "X has been piloted".
constexpr std::array<std::string_view, 6> kPassiveMarkers = {"was", "were", "is", "are", "been", "being"};

// Words between an action and the name it is done to: "joined the X", "launch of our X".
constexpr std::array<std::string_view, 12> kBetweenActionAndName = {"the", "a", "an", "our", "its", "their", "this",
                                                                    "of", "to", "on", "for", "in"};

// An action done to a programme at tokens[i]: "launched", "attended", "set up".
bool is_action(const std::vector<Token>& tokens, std::size_t i) {
    if (tokens[i].key == "set" && i + 1 < tokens.size() && tokens[i + 1].key == "up") return true;
    return std::any_of(vocabulary::kProgrammeActions.begin(), vocabulary::kProgrammeActions.end(),
                       [&](std::string_view stem) { return matches_stem(tokens[i].key, stem); });
}

}  // namespace

int programme_score(const ProgrammeEvidence& evidence) {
    const bool body = evidence.source == ProgrammeSource::body_head;
    int score = prior_of(evidence.source);
    // A body's name has words of its own as much as a programme's: only what is said of it counts.
    if (evidence.distinctive_word && !body) score += kDistinctiveWord;
    if (evidence.in_running_text) score += kInRunningText;
    if (evidence.modifiers_only) score -= kModifiersOnly;
    if (evidence.done_to) score += kDoneTo;
    if (evidence.acts && body) score -= kActsAsBody;
    if (evidence.called_a_body) score -= kCalledABody;
    if (evidence.repeated) score += kRepeated;
    if (evidence.known_to_archive) score += kKnownToArchive;
    if (evidence.defined_by_acronym) score += kDefinedByAcronym;
    return score;
}

void add_clause_evidence(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                         ProgrammeEvidence& evidence) {
    constexpr std::size_t kReach = 3;  // words either side that belong to the name's clause
    const auto [from, to] = sentence_around(tokens, first);
    // "initiatives such as the X", "projects including our X": one of a list of programmes.
    constexpr std::size_t kListReach = 8;
    for (auto i = from; i + 1 < first; ++i) {
        if (first - i > kListReach || !vocabulary::contains(vocabulary::kProgrammeDescriptors, tokens[i].key)) continue;
        const auto& next = tokens[i + 1];
        if (next.key == "including" || (next.key == "such" && i + 2 < first && tokens[i + 2].key == "as")) {
            evidence.done_to = true;
            return;  // what follows is said of the list, not of this name
        }
    }
    // Before the name: "joined the X", "applications for the X".
    for (auto i = first; i > from && first - i < kReach + 1;) {
        --i;
        if (is_action(tokens, i)) {
            evidence.done_to = true;
            break;
        }
        if (!vocabulary::contains(kBetweenActionAndName, tokens[i].key) || tokens[i + 1].gap == Gap::hard) break;
    }
    // After it: "X, launched in May", "X was launched" make it done to; "X will run" makes it the doer.
    for (auto i = last + 1; i <= to && i - last <= kReach; ++i) {
        const bool after_comma = i == last + 1 && tokens[i].gap == Gap::comma;
        const bool passive = i > last + 1 && vocabulary::contains(kPassiveMarkers, tokens[i - 1].key);
        if (is_action(tokens, i) && (after_comma || passive)) {
            evidence.done_to = true;
            break;
        }
        const bool has_been = i + 1 <= to && tokens[i + 1].key == "been";
        if (i == last + 1 && tokens[i].gap == Gap::space && vocabulary::contains(kBodyActions, tokens[i].key) && !has_been) {
            evidence.acts = true;
            break;
        }
    }
    evidence.called_a_body = sentence_says_organisation(tokens, first, last);
}

}  // namespace wm
