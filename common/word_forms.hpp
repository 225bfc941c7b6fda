#pragma once
// Word forms the English stemmer keeps apart but readers do not: "inspection" (stem "inspect")
// should find "inspectors" (stem "inspector"). Stored as Xapian synonyms, which the query
// parser applies to stemmed query terms (FLAG_AUTO_SYNONYMS).
#include <xapian.h>

namespace wm {

/// For each stemmed agent noun in the document ("inspector", "assessor"), makes its base
/// ("inspect", "assess") a synonym source for it. One way only: "director" must not find "direct".
/// A word indexed with a trailing '+' or '#' ("lgbtq+") is found by the bare word too.
void add_word_form_synonyms(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace wm
