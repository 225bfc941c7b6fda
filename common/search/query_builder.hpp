#pragma once
// Request -> Xapian queries: the text query (QueryParser configured from the schema) and the
// boolean filters (facets, months, document type).
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/index/schema.hpp"
#include "common/search/search_request.hpp"
#include "common/search/word_table.hpp"

namespace wm {

/// A query matching every document. Xapian::Query::MatchAll is one static object whose
/// reference count (not atomic in Xapian 1.4) every copy touches: copied by searchd's worker
/// threads at once, it was freed under load (a segfault at 64 connections). This builds a new one.
Xapian::Query match_all();

/// The page kind's filter parameter ("kind=issue"); not an entity facet.
inline constexpr std::string_view kKindField = "kind";
/// What filter() leaves out for the years' counts: the month range (from, to).
inline constexpr std::string_view kMonthRangeField = "months";

/// One thing a query asks for: a word (with its stems, synonyms and acronym), a phrase, a known
/// name, a field query. Plain words may be dropped when too few documents have them all.
struct QueryUnit {
    std::string text;     ///< as typed
    Xapian::Query query;  ///< what matches it
    bool droppable = false;
    /// The known person, authority or programme it is (the first facet that has it), if any.
    std::optional<NamedEntity> entity = std::nullopt;
    /// A known name's words apart, each in any form (stopwords left out), as a name that is
    /// relaxed is searched when too few issues have it whole; none for anything else.
    std::vector<QueryUnit> words = {};
    /// A known name relaxed: its words together in any form, or its acronym.
    Xapian::Query loose = {};
    /// The part of its words' weight a unit carries: a known name weighs as one word, so
    /// each of its words apart carries 1/n of it.
    double weight_share = 1.0;
};

/// A query read into its units. Documents match it when they match every unit; with units
/// dropped, when they match the rest (see Searcher's matching tiers).
struct QueryPlan {
    std::vector<QueryUnit> units;           ///< in the order typed; none for an empty query
    Xapian::Query together;                 ///< the words as a phrase and in pairs: a boost; empty if none
    std::optional<std::string> corrected;   ///< spelling suggestion for the whole query
    std::vector<SearchWarning> warnings;

    bool empty() const { return units.empty(); }
    /// Whether a unit is a known name that may be relaxed (not one the user quoted).
    bool has_names() const;
    /// Documents with every unit, each known name in any form of its words or its acronym.
    Xapian::Query names_loose() const;
    /// The plan with each known name split into its words, each one a unit that may be
    /// dropped: what is relaxed after the names' own forms.
    QueryPlan names_apart() const;
    /// Documents with every unit but the dropped ones (indexes into units); match_all() for an
    /// empty query. The words-together boost is applied to the best of them (see Searcher).
    Xapian::Query query(const std::vector<std::size_t>& dropped = {}) const;
};

class QueryBuilder {
public:
    /// words: where the completions of a word being typed come from; none, no completions.
    QueryBuilder(const Xapian::Database& db, const Glossary& glossary, const WordTable* words = nullptr);

    /// Reads q into units. Query syntax (AND, OR, NOT, +/-, parentheses, wildcards) makes the
    /// whole query one unit that is never dropped; so are quoted phrases, field queries
    /// ("title:...") and runs of words that are a known person, authority or programme.
    /// Half-typed syntax ("foster AND", "(((x") never fails: it is searched as plain words
    /// with a query_syntax_relaxed warning. A query with nothing to search for (spaces, emoji,
    /// punctuation) matches everything, as an empty one does, with a query_not_searchable warning.
    /// as_you_type: the last word is still being typed, and also matches as a prefix.
    QueryPlan plan(const std::string& q, bool as_you_type = false) const;

    /// What a request's filters (month range, page kinds, facet values) allow, except the facet
    /// named in without_facet (a facet's field, kKindField or kMonthRangeField), for disjunctive counts; an
    /// empty query when nothing is filtered.
    Xapian::Query filter(const SearchRequest& request, std::string_view without_facet = {}) const;

    /// The boolean query for one facet value, aliases folded ("Telford & Wrekin").
    Xapian::Query facet_value(const schema::Facet& facet, std::string_view value) const;

private:
    Xapian::QueryParser make_parser() const;
    /// The completions of a word still being typed, or none.
    std::optional<Xapian::Query> completions(std::string_view word) const;
    /// Words as a known person, authority or programme: each facet's value that they are, as
    /// the index stores it (in kFacets order), or none.
    std::vector<NamedEntity> known_name(const std::string& words) const;
    /// The units of plain words (no syntax of the user's own); relaxed: what is left of a query
    /// whose syntax could not be read, each word only itself.
    void add_word_units(const std::string& words, bool last_typed, bool relaxed, Xapian::QueryParser& parser,
                        QueryPlan& plan) const;
    /// Fills a known name's words and loose form (see QueryUnit).
    void relaxed_forms(const std::vector<std::string>& name_words, Xapian::QueryParser& parser, QueryUnit& name) const;
    /// Whether the archive writes a word only in capitals (an acronym typed in lower case).
    bool written_only_in_capitals(const std::string& lower_case_word) const;
    std::optional<std::string> spelling_correction(const std::string& q) const;
    const Xapian::Database& db_;
    const Glossary& glossary_;
    const WordTable* words_;
};

/// The schema facet whose field ("person") or name ("people") this is, or nullptr.
const schema::Facet* find_facet(std::string_view field_or_name);

}  // namespace wm
