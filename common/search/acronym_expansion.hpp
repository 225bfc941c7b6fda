#pragma once
// The sector's acronyms in queries: "ILACS" also finds the words it stands for, and the words
// also find the acronym. Xapian's synonym table maps a term to single terms only, so the query
// text is rewritten before parsing: ILACS -> (ILACS OR "Inspecting Local Authority ...").
#include <functional>
#include <string>

#include "common/facets/glossary.hpp"

namespace wm {

/// Whether a word typed in lower case ("riia", "psw") is the acronym: the archive writes it
/// only in capitals. "send" and "care" are ordinary words of the archive and stay words.
using WrittenOnlyInCapitals = std::function<bool(const std::string& lower_case_word)>;

/// The query with each bare acronym the glossary knows, and each expansion written out,
/// replaced by a group matching either. An acronym typed in capitals is always one; typed in
/// lower case, only when only_in_capitals says so. Words inside quotes or after a field prefix stay.
std::string expand_acronyms(const std::string& query, const Glossary& glossary,
                            const WrittenOnlyInCapitals& only_in_capitals = {});

}  // namespace wm
