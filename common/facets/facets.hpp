#pragma once
// Facet extraction: issue model -> the people, authorities, programmes and organisations it names.
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/model/facet_values.hpp"
#include "common/model/issue.hpp"

namespace wm {

/// Extracts facets from one issue. The glossary carries acronym definitions learned from the
/// whole archive (see Glossary::learn), so "RIIA" resolves even in an issue that never spells
/// it out.
IssueFacets extract_facets(const Issue& issue, const Glossary& glossary);

}  // namespace wm
