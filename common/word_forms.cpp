#include "common/word_forms.hpp"

#include <string>

#include "common/schema.hpp"

namespace wm {

void add_word_form_synonyms(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
    const std::string stem_prefix(schema::PREFIX_STEM);
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        // Unprefixed stems only: "Zinspector", not "ZSinspector" (a title term).
        if (!term.starts_with(stem_prefix) || term.size() < stem_prefix.size() + 6) continue;
        const char first = term[stem_prefix.size()];
        if (first < 'a' || first > 'z' || !term.ends_with("or")) continue;
        const auto base = term.substr(0, term.size() - 2);
        bool known = false;
        for (auto syn = db.synonyms_begin(base); syn != db.synonyms_end(base); ++syn)
            if (*syn == term) known = true;
        if (!known) db.add_synonym(base, term);
    }
}

}  // namespace wm
