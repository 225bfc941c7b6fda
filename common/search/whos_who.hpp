#pragma once
// The who's who of an authority: the people the archive says hold a role there (the roles the
// extractor stored with each issue, schema::SLOT_ROLES), each once, with what they were called
// most recently.
#include <xapian.h>

#include <string>
#include <vector>

#include "common/facets/glossary.hpp"

namespace wm {

struct WhosWhoEntry {
    std::string person;    ///< as last written
    std::string role;      ///< as last written: "interim DCS", "Director of Children's Services"
    std::string month;     ///< "YYYY-MM" of the newest issue stating it; empty when unknown
    std::string issue_id;  ///< that issue
    std::size_t section = 0;  ///< its section stating it
    std::size_t issues = 0;   ///< issues stating a role of theirs there
};

struct WhosWho {
    std::string authority;  ///< canonical
    std::vector<WhosWhoEntry> people;  ///< newest first; unknown months last
};

/// Any alias of the authority (folded as entity_view folds it). Throws NotFoundError when no
/// issue mentions it; an authority nobody is given a role at has an empty list.
WhosWho whos_who(const Xapian::Database& db, const std::string& authority, const Glossary& glossary);

}  // namespace wm
