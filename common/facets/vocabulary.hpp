#pragma once
// Every word list the facet rules use, once. Words are token keys: lower case, curly quotes
// folded. A list names what the words do in a rule, not which rule uses them.
#include <algorithm>
#include <array>
#include <string_view>

namespace wm::vocabulary {

template <std::size_t N>
constexpr bool contains(const std::array<std::string_view, N>& list, std::string_view key) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

/// Capitalised, these end a programme's name and belong to it ("Aspirant Leaders Programme");
/// at the end of an acronym's expansion they make the acronym a programme.
inline constexpr std::array<std::string_view, 45> kProgrammeHeads = {
    "programme", "programmes", "program", "project", "projects", "scheme", "schemes",
    "initiative", "initiatives", "festival", "award", "awards", "conference", "conferences",
    "masterclass", "masterclasses", "workstream", "fund", "grant", "offer", "event", "summit",
    "hub", "hubs", "pathfinder", "pathfinders", "alliance", "alliances", "roadshow", "pilot", "pilots",
    "course", "courses", "cup", "trophy", "covenant", "charter", "pledge", "memorandum", "deal",
    "toolkit", "day", "week", "fortnight", "month"};

/// Of the heads, those naming a period: an event is named by them ("Kinship Care Week"), but so
/// is any day ("Christmas Day"), so the name needs two words of its own.
inline constexpr std::array<std::string_view, 4> kPeriodHeads = {"day", "week", "fortnight", "month"};

/// Heads of names that are programmes when the text says the thing is set up, run, launched,
/// funded or attended, and standing bodies otherwise ("the Fostering Partnership, launched in
/// May" against "the Strategic Migration Partnership, a government-run body").
inline constexpr std::array<std::string_view, 14> kOrganisationLikeHeads = {
    "group", "groups", "board", "boards", "network", "networks", "partnership", "partnerships",
    "centre", "centres", "forum", "panel", "collaborative", "academy"};

/// Heads that may open a name instead of ending it: "Memorandum of Understanding on Missing
/// Children", "Festival of Social Work".
inline constexpr std::array<std::string_view, 6> kHeadsFirst = {"memorandum", "charter", "covenant",
                                                                "pledge", "festival", "celebration"};

/// What the text says is done to a programme (word stems: "launch" covers "launched"):
/// set up, run, launched, piloted, sponsored, funded, attended, awarded.
inline constexpr std::array<std::string_view, 23> kProgrammeActions = {
    "launch", "pilot", "sponsor", "fund", "attend", "award", "won", "win", "enrol", "graduat",
    "nominat", "commission", "host", "deliver", "ran", "run", "join", "cohort", "bid", "appli",
    "apply", "establish", "book"};

/// What the text says of a standing organisation: who runs it, what kind of body it is.
inline constexpr std::array<std::string_view, 10> kOrganisationCues = {
    "government", "department", "association", "statutory", "charity", "regulator",
    "inspectorate", "ministry", "office", "body"};

/// Plural heads that still name one thing ("Family Hubs", "Team Excellence Awards"), not a
/// category ("Key Events").
inline constexpr std::array<std::string_view, 4> kSingularPlurals = {"hubs", "awards", "classes", "masterclasses"};

/// Lower case, these describe the proper name before them and are not part of it
/// ("the LeadHERship in Colour programme").
inline constexpr std::array<std::string_view, 19> kProgrammeDescriptors = {
    "programme", "programmes", "program", "project", "projects", "scheme", "schemes", "initiative",
    "initiatives", "workstream", "workstreams", "pilot", "pilots", "pathfinder", "pathfinders", "approach",
    "model", "offer", "campaign"};

/// After an unknown acronym these say it names something funded: "the CRABBB grant".
inline constexpr std::array<std::string_view, 7> kFundingWords = {"grant", "bid", "funding", "funded",
                                                                  "fund", "project", "programme"};

/// Appositives that say a name before them is a programme: "Getting Ahead, the mentoring offer".
inline constexpr std::array<std::string_view, 12> kAppositiveHeads = {
    "programme", "project", "scheme", "initiative", "offer", "pilot", "pathfinder", "approach",
    "campaign", "fund", "service", "model"};

/// At the end of an acronym's expansion these make it a standing organisation.
inline constexpr std::array<std::string_view, 15> kStandingBodyHeads = {
    "council", "unit", "agency", "services", "department", "division", "office", "committee",
    "association", "trust", "college", "commission", "institute", "foundation", "team"};

/// Words that qualify a topic without naming one: "the Regional workstream" names nothing.
inline constexpr std::array<std::string_view, 8> kTopicModifiers = {"regional", "national", "local", "new",
                                                                    "main", "wider", "annual", "current"};

/// Words that say when or how big, and name nothing: "the Spring Conference", "a Summer Event".
inline constexpr std::array<std::string_view, 14> kOccasionModifiers = {
    "spring", "summer", "autumn", "winter", "first", "second", "third", "final", "joint", "big", "next",
    "monthly", "quarterly", "virtual"};

/// Words that lead into a name without being part of it: "the", "our", "in".
inline constexpr std::array<std::string_view, 26> kLeadIns = {
    "the", "a", "an", "our", "their", "this", "these", "that", "its", "his", "her", "my",
    "your", "in", "at", "for", "from", "with", "of", "to", "and", "or", "by", "on", "as", "via"};

/// Words that lead into a name ("next year's conference", "both programmes"), but belong to
/// it when capitalised where no sentence starts: "the Next Generation Week", "All Age Autism".
inline constexpr std::array<std::string_view, 29> kQuantifiers = {
    "next", "last", "each", "every", "any", "both", "since", "during", "all", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some",
    "more", "most", "other", "further", "another", "new", "first"};

/// Small words inside a proper name ("LeadHERship in Colour", "Creativity of the Workforce"),
/// which an acronym's initials may skip ("Department for Education" is DfE).
inline constexpr std::array<std::string_view, 11> kNameConnectors = {"and", "of", "for", "in", "on", "the",
                                                                     "to", "'s", "through", "a", "with"};

/// After a person's name these make it the name of a thing ("Helen Riley Centre").
inline constexpr std::array<std::string_view, 28> kThingsNamedAfterPeople = {
    "centre", "center", "house", "school", "academy", "college", "trust", "award", "awards",
    "programme", "project", "scheme", "foundation", "fund", "hall", "road", "street",
    "building", "unit", "lecture", "memorial", "prize", "institute", "way", "cup", "trophy",
    "medal", "shield"};

/// Of those, the ones that are never a family name ("the Eric Cup" names no Mr Cup; Hall,
/// House and Way are family names too).
inline constexpr std::array<std::string_view, 13> kNeverFamilyNames = {
    "award", "awards", "programme", "project", "scheme", "fund", "lecture", "memorial", "prize",
    "cup", "trophy", "medal", "shield"};

}  // namespace wm::vocabulary
