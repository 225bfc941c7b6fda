#pragma once
// What an issue document teaches the database's dictionaries: its words for spelling
// correction, and word forms the English stemmer keeps apart but readers do not: "inspection"
// (stem "inspect") should find "inspectors" (stem "inspector"), stored as Xapian synonyms, which
// the query parser applies to stemmed query terms (FLAG_AUTO_SYNONYMS).
#include <xapian.h>

namespace wm {

/// Spelling words and word-form synonyms of an issue document, as its writer adds it.
void add_dictionary_data(Xapian::WritableDatabase& db, const Xapian::Document& issue_document);

/// Adds each plain (unprefixed, unstemmed) word of the document to the spelling table once per
/// occurrence: what TermGenerator::FLAG_SPELLING does, done by the writer because documents are
/// built on threads that have no database.
void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

/// For each stemmed agent noun in the document ("inspector", "assessor"), makes its base
/// ("inspect", "assess") a synonym source for it. One way only: "director" must not find "direct".
/// A word indexed with a trailing '+' or '#' ("lgbtq+") is found by the bare word too.
void add_word_form_synonyms(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace wm
