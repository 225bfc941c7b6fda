#pragma once
// common/facets/ - Issue -> facet values: the rules that find people, authorities, programmes
// and organisations, the gazetteers (data/) and word lists (vocabulary.hpp) they use, the
// archive's glossary and canonical names. No Xapian. May include text/, model/, parse/.
//
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
