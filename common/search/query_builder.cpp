#include "common/search/query_builder.hpp"

#include "common/facets/canonical.hpp"
#include "common/text.hpp"

namespace wm {
namespace {

// "person:..." in a query: the rest is one facet value, folded like a filter parameter.
class FacetFieldProcessor : public Xapian::FieldProcessor {
public:
    FacetFieldProcessor(const QueryBuilder& builder, const schema::Facet& facet)
        : builder_(builder), facet_(facet) {}
    Xapian::Query operator()(const std::string& value) override { return builder_.facet_value(facet_, value); }

private:
    const QueryBuilder& builder_;
    const schema::Facet& facet_;
};

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT |
                                  Xapian::QueryParser::FLAG_SPELLING_CORRECTION |
                                  Xapian::QueryParser::FLAG_PARTIAL;

// Keeps letters, digits and in-word apostrophes and hyphens: what is left of a query once its
// syntax has been given up on.
std::string plain_words(const std::string& q) {
    std::string out;
    for (unsigned char c : q) out += (c >= 0x80 || std::isalnum(c) || c == '\'' || c == '-') ? static_cast<char>(c) : ' ';
    return out;
}

}  // namespace

const schema::Facet* find_facet(std::string_view field_or_name) {
    for (const auto& facet : schema::kFacets)
        if (facet.field == field_or_name || facet.name == field_or_name) return &facet;
    return nullptr;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Glossary& glossary) : db_(db), glossary_(glossary) {}

Xapian::QueryParser QueryBuilder::make_parser(bool any_word) const {
    Xapian::QueryParser parser;
    parser.set_database(db_);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    parser.set_max_expansion(50, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::QueryParser::FLAG_PARTIAL);
    parser.add_prefix("title", std::string(schema::PREFIX_TITLE));
    parser.add_prefix("heading", std::string(schema::PREFIX_HEADING));
    parser.add_prefix("signatory", std::string(schema::PREFIX_SIGNATORY));
    for (const auto& facet : schema::kFacets)
        parser.add_boolean_prefix(std::string(facet.field), (new FacetFieldProcessor(*this, facet))->release());
    return parser;
}

TextQuery QueryBuilder::parse(const std::string& q, bool any_word) const {
    TextQuery result;
    if (trim(q).empty()) {
        result.query = Xapian::Query::MatchAll;
        return result;
    }
    result.empty = false;
    auto parser = make_parser(any_word);
    try {
        result.query = parser.parse_query(q, kParserFlags);
    } catch (const Xapian::QueryParserError& e) {
        result.warnings.push_back({"query_syntax_relaxed",
                                   "the query's syntax could not be read (" + e.get_msg() +
                                       "), so its words were searched as plain terms"});
        result.query = parser.parse_query(plain_words(q), Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    }
    if (const auto corrected = parser.get_corrected_query_string(); !corrected.empty()) result.corrected = corrected;
    if (result.query.empty()) result.query = Xapian::Query::MatchAll;  // only stopwords or syntax
    return result;
}

Xapian::Query QueryBuilder::facet_value(const schema::Facet& facet, std::string_view value) const {
    return Xapian::Query(schema::facet_term(facet, canonical_facet_value(facet, value, glossary_)));
}

Xapian::Query QueryBuilder::filter(const SearchRequest& request, std::string_view doc_type,
                                   std::string_view without_facet) const {
    std::vector<Xapian::Query> parts{Xapian::Query(schema::doc_type_term(doc_type))};
    for (const auto& [field, values] : request.filters) {
        const auto* facet = find_facet(field);
        if (!facet || values.empty() || facet->field == without_facet) continue;
        std::vector<Xapian::Query> any;
        for (const auto& value : values) any.push_back(facet_value(*facet, value));
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (!request.from.empty() && !request.to.empty())
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_MONTH, request.from, request.to);
    else if (!request.from.empty())
        parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::SLOT_MONTH, request.from);
    else if (!request.to.empty())
        parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::SLOT_MONTH, request.to);
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace wm
