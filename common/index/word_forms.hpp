#pragma once
// What an issue document teaches the database's dictionaries: its words for spelling
// correction, and word forms the English stemmer keeps apart but readers do not: "inspection"
// (stem "inspect") should find "inspectors" (stem "inspector"), stored as Xapian synonyms, which
// the query parser applies to stemmed query terms (FLAG_AUTO_SYNONYMS).
#include <xapian.h>

#include <string>
#include <unordered_map>

namespace wm {

/// Spelling words and word-form synonyms of an issue document, as its writer adds it.
void add_dictionary_data(Xapian::WritableDatabase& db, const Xapian::Document& issue_document);

/// Words for the spelling table and how often they occur.
using SpellingWords = std::unordered_map<std::string, Xapian::termcount>;

/// Counts each plain (unprefixed, unstemmed) word of the document once per occurrence: what
/// TermGenerator::FLAG_SPELLING adds, counted apart because documents are built on threads that
/// have no database, and because a full build adds the whole run's words once (each spelling
/// entry Xapian writes is compressed on its own: added per part, then merged, they were a
/// sixth of a full build).
void count_spelling_words(const Xapian::Document& doc, SpellingWords& words);

/// Adds the counted words to the database's spelling table.
void add_spelling_words(Xapian::WritableDatabase& db, const SpellingWords& words);

/// For each stemmed agent noun in the document ("inspector", "assessor"), makes its base
/// ("inspect", "assess") a synonym source for it. One way only: "director" must not find "direct".
/// A word indexed with a trailing '+' or '#' ("lgbtq+") is found by the bare word too.
void add_word_form_synonyms(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace wm
