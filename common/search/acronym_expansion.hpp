#pragma once
// The sector's acronyms in queries: "ILACS" also finds the words it stands for, and the words
// also find the acronym. Xapian's synonym table maps a term to single terms only, so the query
// text is rewritten before parsing: ILACS -> (ILACS OR "Inspecting Local Authority ...").
#include <string>

#include "common/facets/glossary.hpp"

namespace wm {

/// The query with each bare acronym the glossary knows, and each expansion written out,
/// replaced by a group matching either. Words inside quotes or after a field prefix stay.
std::string expand_acronyms(const std::string& query, const Glossary& glossary);

}  // namespace wm
