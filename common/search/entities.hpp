#pragma once
// The page of one person, authority or programme: where it is mentioned, when, with whom, and
// (for people) the roles the issues give them.
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <string>

#include "common/facets/glossary.hpp"
#include "common/index/schema.hpp"

namespace wm {

/// Throws RequestError(not_found) when no issue mentions the value (after folding aliases).
nlohmann::json entity_view(const Xapian::Database& db, const schema::Facet& facet, const std::string& value,
                           const Glossary& glossary);

}  // namespace wm
