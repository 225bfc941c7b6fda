#include "common/index/word_forms.hpp"

#include <string>

#include "common/index/schema.hpp"

namespace wm {

namespace {

void add_synonym_once(Xapian::WritableDatabase& db, const std::string& term, const std::string& synonym) {
    for (auto it = db.synonyms_begin(term); it != db.synonyms_end(term); ++it)
        if (*it == synonym) return;
    db.add_synonym(term, synonym);
}

}  // namespace

void add_dictionary_data(Xapian::WritableDatabase& db, const Xapian::Document& issue_document) {
    SpellingWords words;
    count_spelling_words(issue_document, words);
    add_spelling_words(db, words);
    add_word_form_synonyms(db, issue_document);
}

void count_spelling_words(const Xapian::Document& doc, SpellingWords& words) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        // Prefixed terms start with a capital; stems with Xapian's "Z"; neither is a word.
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
        const auto occurrences = it.positionlist_count();
        if (occurrences > 0) words[term] += occurrences;
    }
}

void add_spelling_words(Xapian::WritableDatabase& db, const SpellingWords& words) {
    for (const auto& [word, occurrences] : words) db.add_spelling(word, occurrences);
}

void add_word_form_synonyms(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
    const std::string stem_prefix(schema::PREFIX_STEM);
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        // Unprefixed stems only: "Zinspector", not "ZSinspector" (a title term).
        if (!term.starts_with(stem_prefix) || term.size() < stem_prefix.size() + 6) continue;
        const char first = term[stem_prefix.size()];
        if (first < 'a' || first > 'z' || !term.ends_with("or")) continue;
        add_synonym_once(db, term.substr(0, term.size() - 2), term);
    }
    // "LGBTQ+" is indexed whole (Xapian keeps a trailing '+' or '#', as in "C++"), so the bare
    // word, stemmed or not, is made a synonym of it.
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (term.size() < 3 || !(term.ends_with("+") || term.ends_with("#"))) continue;
        const char first = term[0];
        if (first < 'a' || first > 'z') continue;
        const auto bare = term.substr(0, term.find_first_of("+#"));
        if (bare.size() < 2) continue;
        add_synonym_once(db, bare, term);
        add_synonym_once(db, stem_prefix + bare, term);
    }
}

}  // namespace wm
