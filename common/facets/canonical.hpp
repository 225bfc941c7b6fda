#pragma once
// Folding what a user types for a facet to the canonical value it is stored under.
#include <string>
#include <string_view>

#include "common/facets/glossary.hpp"
#include "common/model/facet_values.hpp"

namespace wm {

/// "Telford & Wrekin", "Solihull Metropolitan Borough Council", "RIIA" -> the canonical value
/// the extractor stores; values it does not recognise come back unchanged.
std::string canonical_facet_value(FacetId facet, std::string_view value, const Glossary& glossary);

}  // namespace wm
