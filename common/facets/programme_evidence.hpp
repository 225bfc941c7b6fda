#pragma once
// Whether a programme candidate (a span the finder's rules propose, see programmes.cpp) is a
// programme: one score over the evidence of its sentence, its issue and the archive. Precision
// first: a wrong value is in the filter list of every search, a missed one is still found as text.
#include <cstddef>
#include <string>
#include <vector>

#include "common/facets/tokens.hpp"

namespace wm {

/// Which rule proposed the candidate: how much the shape of the name says by itself.
enum class ProgrammeSource {
    programme_head,    ///< ends in a programme word: "Aspirant Leaders Programme", "Brightwater Deal"
    event_head,        ///< ends in a period or event word: "Kinship Care Week", "Youth Justice Network Day"
    body_head,         ///< ends in a word that also names standing bodies: "Fostering Partnership"
    described,         ///< a proper name before a lower-case descriptor: "the Breaking Through programme"
    opened_by_head,    ///< "Memorandum of Understanding on ...", "Festival of Social Work"
    appositive,        ///< "Getting Ahead, the mentoring offer for care leavers"
    acronym_defined,   ///< an acronym the glossary defines as a programme
    acronym_funded,    ///< an unknown acronym funded or named by a head word: "the CRABBB grant"
    defined_as_project,  ///< "X is a research project"
    known_name,        ///< a capitalised run the archive knows as a programme (by its name or stem)
};

/// What is known of one candidate. The finder fills what its sentence says; the issue and the
/// archive add theirs (see decide_programmes in facets.cpp).
struct ProgrammeEvidence {
    ProgrammeSource source = ProgrammeSource::programme_head;
    bool distinctive_word = false;  ///< a name word that is not an ordinary word of the genre ("Harbourside", an acronym)
    bool modifiers_only = false;    ///< nothing but words that qualify and a head: "Regional Programme", "Annual Conference"
    bool in_running_text = false;   ///< capitalised where no sentence starts, outside a heading
    bool done_to = false;           ///< the object of an action ("joined the X", "X, launched in May")
    bool acts = false;              ///< the subject of what a body does ("X will run", "X met", "X has asked")
    bool called_a_body = false;     ///< its clause calls it a government body, association, charity ...
    bool repeated = false;          ///< the issue names it more than once
    bool known_to_archive = false;  ///< the archive writes it as a programme elsewhere
    bool defined_by_acronym = false;  ///< the archive defines it by an acronym as a programme
};

/// The score; a candidate is a programme at kProgrammeScore or more.
int programme_score(const ProgrammeEvidence& evidence);
inline constexpr int kProgrammeScore = 3;

/// What the clause around tokens [first, last] says of the thing they name: done_to, acts and
/// called_a_body of the evidence.
void add_clause_evidence(const std::vector<Token>& tokens, std::size_t first, std::size_t last,
                         ProgrammeEvidence& evidence);

}  // namespace wm
