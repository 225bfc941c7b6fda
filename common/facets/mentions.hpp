#pragma once
// The rules that find facet values in one stretch of text (a section), each in its own file.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/facets/programme_evidence.hpp"
#include "common/facets/tokens.hpp"
#include "common/model/facet_values.hpp"

namespace wm {

/// A facet value found at tokens [first, last].
struct Mention {
    std::size_t first = 0, last = 0;
    std::string value;
};

/// Which of size tokens the mentions cover.
std::vector<bool> covered_by(const std::vector<Mention>& mentions, std::size_t size);

struct PeopleMentions {
    std::vector<Mention> full_names;   ///< "Steve Crocker", "Michael W Jarrett"
    std::vector<Mention> first_names;  ///< a lone given name ("Steve"), resolved per issue
};

/// people.cpp: given name (from the lexicon) + optional initials + family name.
PeopleMentions find_people(std::string_view text, const std::vector<Token>& tokens);

/// A signature such as "Michael W Jarrett MBE" as a canonical name, or empty if it is not one.
std::string signatory_name(std::string_view signature);

struct PlaceMentions {
    std::vector<Mention> authorities;
    std::vector<Mention> organisations;
    std::vector<Mention> regions;
};

/// authorities.cpp: councils, trusts, national bodies and regions from the gazetteer, skipping
/// words that belong to a person's name.
PlaceMentions find_places(const std::vector<Token>& tokens, const std::vector<Mention>& people,
                          const Glossary& glossary);

/// roles.cpp: what the words between a person and an authority the other rules found say the
/// person is there: "Jo Banks, DCS at Walsall", "Walsall's DCS, Jo Banks", "Jo Banks (DCS, Walsall)".
/// Their section is left 0.
std::vector<PersonRole> find_roles(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Mention>& people, const std::vector<Mention>& authorities);

/// The same for the writer of a letter, whose name is its signature: "From Solihull's DCS:",
/// "I became interim DCS in Worcestershire". Their person is left empty.
std::vector<PersonRole> find_writer_roles(std::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<Mention>& authorities);

/// A span that may name a programme, with what is known of it (programme_evidence.hpp).
struct ProgrammeCandidate {
    Mention mention;
    ProgrammeEvidence evidence;
};

/// programmes.cpp: spans that may name programmes, schemes, events, awards ..., each with what
/// its own words and sentence say of it; text from body_from on is the section's body, what is
/// before it its heading. Names of people, authorities and organisations (taken) are not
/// programmes, but an organisation's name opens the name of its programme ("Staff College
/// Ascent Programme").
std::vector<ProgrammeCandidate> find_programmes(std::string_view text, const std::vector<Token>& tokens,
                                                std::size_t body_from, const std::vector<Mention>& taken,
                                                const std::vector<Mention>& organisations, const Glossary& glossary);

/// Programme names merged within one issue: spellings of one name ("BlueSky"/"Blue Sky",
/// "Family Hub"/"Family Hubs") and an acronym with the name it abbreviates ("RSN Conference").
/// Teaches the glossary the stems of programme names written with a head word.
void learn_programme_names(std::string_view text, const std::vector<Token>& tokens, Glossary& glossary);

/// What every spelling of one programme shares ("Harbourside Family" and "Harbourside Family
/// Programme"; region, year, case, "&", quotes and a trailing programme word apart).
std::string programme_key(std::string_view name);

/// Whether the archive writes this programme, in any of its spellings, with a head word.
bool archive_knows_programme(std::string_view name, const Glossary& glossary);

/// Each name -> its canonical form.
std::map<std::string, std::string> programme_canonical_names(const std::vector<std::string>& names,
                                                             const Glossary& glossary);

}  // namespace wm
