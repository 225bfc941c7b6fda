#pragma once
// The real-world facts the extractor relies on, loaded once from the files in common/facets/data/.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/facets/tokens.hpp"

namespace wm {

struct Authority {
    std::string canonical;  ///< the usual short name: "Solihull", "Birmingham Children's Trust"
    bool is_trust = false;
    bool common_word = false;  ///< a short form that is also an ordinary word or a town ("Reading", "Telford")
};

struct NationalAcronym {
    std::string expansion;
    std::string category;  ///< organisation | programme | role | term
};

class Gazetteer {
public:
    static const Gazetteer& instance();

    PhraseTable authorities;    ///< every name and alias -> canonical short name
    PhraseTable organisations;  ///< national and regional bodies -> canonical name
    PhraseTable regions;        ///< "West Midlands", "South West" -> itself
    PhraseTable national_expansions;  ///< "Department for Education" -> "DfE" (acronym)
    std::unordered_map<std::string, Authority> authority_by_canonical;
    std::unordered_map<std::string, NationalAcronym> acronyms;  ///< keyed by the acronym as written

    bool is_given_name(std::string_view key) const { return given_names_.count(std::string(key)) > 0; }
    /// "wm", "nw", "yh": the initials of a region's name, as sites and programmes abbreviate it.
    bool is_region_initials(std::string_view key) const { return region_initials_.count(std::string(key)) > 0; }
    /// Capitalised words that are not names in this genre ("Best", "Regional", "Team", "March").
    bool is_common_word(std::string_view key) const { return common_words_.count(std::string(key)) > 0; }

private:
    Gazetteer();
    std::unordered_set<std::string> given_names_;
    std::unordered_set<std::string> common_words_;
    std::unordered_set<std::string> region_initials_;
};

}  // namespace wm
