#pragma once
// Acronyms and their expansions: the national ones from common/facets/data/acronyms.tsv, and the
// archive's own, learned from definitions in the text ("BALI – Black and Asian Leadership
// Initiative", "Regional Improvement and Innovation Alliance (RIIA)").
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/facets/tokens.hpp"
#include "common/model/issue.hpp"

namespace wm {

struct GlossaryEntry {
    std::string acronym;    ///< as written, e.g. "RIIA"
    std::string expansion;  ///< as first defined, e.g. "Regional Improvement and Innovation Alliance"
    std::string source;     ///< "national", or the id of the issue that defined it
    std::string category;   ///< programme | organisation | role | term
};

class ProgrammeForms;

class Glossary {
public:
    /// The learned (archive) definitions only; national ones are always available.
    Glossary() = default;

    /// Adds the definitions found in an issue ("Expansion (ACR)", "ACR – Expansion"). An earlier
    /// definition of an acronym is kept.
    void learn(const Issue& issue);
    /// The same, from a page's whole text before it is parsed (the indexer's cheap first scan);
    /// source is the id of the issue it is.
    void learn_text(std::string_view text, std::string_view source);
    /// The same, from the text's tokens (tokenize(text)), which callers may work out on other threads.
    void learn_tokens(std::string_view text, const std::vector<Token>& tokens, std::string_view source);

    /// The archive's definition of an acronym, else the national one.
    std::optional<GlossaryEntry> find(std::string_view acronym) const;

    /// Every acronym it can expand: the archive's own, then the national ones it does not redefine.
    std::vector<GlossaryEntry> entries() const;

    /// Learned entries, keyed by acronym (stable order: the map's).
    const std::map<std::string, GlossaryEntry>& learned() const { return learned_; }

    /// Programmes the archive names in full with a head word ("Aspirant Leaders Programme"),
    /// keyed by the phrase key of the name without it ("aspirant leaders"), so a later
    /// "Aspirant Leaders – Coaching places" still yields the programme.
    const std::map<std::string, std::string>& programme_stems() const { return programme_stems_; }
    /// Every programme name the archive writes with a head word, what variants fold to (see
    /// programme_canonical_names); a name with a distinctive stem is also learned by its stem.
    const std::set<std::string>& programme_names() const { return programme_names_; }
    void learn_programme(std::string_view stem_key, std::string_view name);

    /// The archive's programme names by the form their variants share (programme_names.cpp):
    /// worked out on first use and kept until the glossary learns something, as every issue's
    /// extraction asks for it. Safe to call from several threads.
    const ProgrammeForms& programme_forms() const;

    /// entries() with each expansion in lower case, longest expansion first: what a query's
    /// written-out expansions are looked for by (every search asks). Kept as programme_forms() is.
    struct LoweredExpansion {
        std::string lowered;
        GlossaryEntry entry;
    };
    const std::vector<LoweredExpansion>& expansions_longest_first() const;

    bool operator==(const Glossary& other) const {
        return learned_ == other.learned_ && programme_stems_ == other.programme_stems_ &&
               programme_names_ == other.programme_names_;
    }

private:
    struct FormsCache {
        std::once_flag once, expansions_once;
        std::shared_ptr<const ProgrammeForms> forms;
        std::vector<LoweredExpansion> expansions;
    };
    void forget_forms() { forms_ = std::make_shared<FormsCache>(); }

    std::map<std::string, GlossaryEntry> learned_;
    std::map<std::string, std::string> programme_stems_;
    std::set<std::string> programme_names_;
    std::shared_ptr<FormsCache> forms_ = std::make_shared<FormsCache>();
    friend void from_json(const nlohmann::json& in, Glossary& glossary);
};

bool operator==(const GlossaryEntry& a, const GlossaryEntry& b);
void to_json(nlohmann::json& out, const Glossary& glossary);
void from_json(const nlohmann::json& in, Glossary& glossary);

}  // namespace wm
