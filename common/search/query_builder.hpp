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

namespace wm {

/// A query matching every document. Xapian::Query::MatchAll is one static object whose
/// reference count (not atomic in Xapian 1.4) every copy touches: copied by searchd's worker
/// threads at once, it was freed under load (a segfault at 64 connections). This builds a new one.
Xapian::Query match_all();

/// The page kind's filter parameter ("kind=issue"); not an entity facet.
inline constexpr std::string_view kKindField = "kind";

struct TextQuery {
    Xapian::Query query;                    ///< match_all() for an empty query
    std::optional<std::string> corrected;   ///< spelling suggestion for the whole query
    std::vector<SearchWarning> warnings;
    bool empty = true;
};

class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, const Glossary& glossary);

    /// Parses q. Words are ANDed unless any_word; half-typed syntax ("foster AND", "(((x") never
    /// fails: it is searched as plain words with a query_syntax_relaxed warning.
    TextQuery parse(const std::string& q, bool any_word = false) const;

    /// The filter for a request: document type, month range, page kinds and every facet filter
    /// except the one named in without_facet (a facet's field, or kKindField), for disjunctive counts.
    Xapian::Query filter(const SearchRequest& request, std::string_view doc_type,
                         std::string_view without_facet = {}) const;

    /// The boolean query for one facet value, aliases folded ("Telford & Wrekin").
    Xapian::Query facet_value(const schema::Facet& facet, std::string_view value) const;

private:
    Xapian::QueryParser make_parser(bool any_word) const;
    std::optional<Xapian::Query> prefix_reading(const std::string& q, Xapian::QueryParser& parser, bool any_word) const;
    /// The query as a known person, authority or programme: its facet terms, or none.
    std::vector<Xapian::Query> known_name(const std::string& q) const;
    std::optional<std::string> spelling_correction(const std::string& q) const;
    const Xapian::Database& db_;
    const Glossary& glossary_;
};

/// The schema facet whose field ("person") or name ("people") this is, or nullptr.
const schema::Facet* find_facet(std::string_view field_or_name);

}  // namespace wm
