#include "common/search/query_builder.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "common/facets/canonical.hpp"
#include "common/search/acronym_expansion.hpp"
#include "common/text/text.hpp"

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

constexpr std::size_t kMaxCompletions = 50;  // a one-letter prefix must stay a small query
constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// Keeps letters, digits and in-word apostrophes and hyphens: what is left of a query once its
// syntax has been given up on.
std::string plain_words(const std::string& q) {
    std::string out;
    for (unsigned char c : q) out += (c >= 0x80 || std::isalnum(c) || c == '\'' || c == '-') ? static_cast<char>(c) : ' ';
    return out;
}

// "introduction by Jenny Turnross" asks for the introduction letter's signatory.
std::string introduction_by(const std::string& q) {
    static const std::regex asking(R"(^\s*(?:the\s+)?introduction\s+(?:by|from)\s+([^":()]+?)\s*$)", std::regex::icase);
    std::smatch m;
    return std::regex_match(q, m, asking) ? "signatory:\"" + m[1].str() + "\"" : q;
}

// The query as one phrase, when it is two or more plain words (no syntax of its own).
Xapian::Query phrase_of(const std::string& q, Xapian::QueryParser& parser) {
    static const std::regex syntax(R"(\b(AND|OR|NOT|XOR|NEAR|ADJ)\b|[:"()+*])");
    if (std::regex_search(q, syntax)) return {};
    const auto words = split(trim(q), ' ');
    if (std::count_if(words.begin(), words.end(), [](const auto& w) { return !w.empty(); }) < 2) return {};
    try {
        return parser.parse_query("\"" + q + "\"", Xapian::QueryParser::FLAG_PHRASE);
    } catch (const Xapian::QueryParserError&) {
        return {};
    }
}

}  // namespace

std::optional<std::string> QueryBuilder::spelling_correction(const std::string& q) const {
    // Xapian 1.4's QueryParser also "corrects" words that are indexed ("care" -> "are"), so
    // only words the index has never seen are corrected, each in place.
    static const std::regex word(R"([A-Za-z][A-Za-z']{2,})");
    std::string corrected;
    bool changed = false;
    std::size_t copied = 0;
    for (std::sregex_iterator it(q.begin(), q.end(), word), end; it != end; ++it) {
        const std::string lower = to_lower(it->str());
        const auto colon = static_cast<std::size_t>(it->position()) + it->length();
        if (colon < q.size() && q[colon] == ':') continue;  // a field name such as "title:"
        if (db_.term_exists(lower)) continue;
        const auto suggestion = db_.get_spelling_suggestion(lower);
        if (suggestion.empty()) continue;
        std::string replacement = suggestion;
        if (starts_with_upper(it->str())) replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
        corrected += q.substr(copied, it->position() - copied) + replacement;
        copied = it->position() + it->length();
        changed = true;
    }
    if (!changed) return std::nullopt;
    return corrected + q.substr(copied);
}

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
    parser.add_prefix("title", std::string(schema::PREFIX_TITLE));
    parser.add_prefix("heading", std::string(schema::PREFIX_HEADING));
    parser.add_prefix("signatory", std::string(schema::PREFIX_SIGNATORY));
    for (const auto& facet : schema::kFacets)
        parser.add_boolean_prefix(std::string(facet.field), (new FacetFieldProcessor(*this, facet))->release());
    return parser;
}

// The completions of the last word are looked up here, in the combined database, rather than
// left to QueryParser's FLAG_PARTIAL: Xapian 1.4 expands that wildcard in each shard on its own,
// so shards would complete and weigh it differently from one database.
std::optional<Xapian::Query> QueryBuilder::prefix_reading(const std::string& q, Xapian::QueryParser& parser,
                                                          bool any_word) const {
    const auto space = q.find_last_of(" \t\n");
    const auto start = space == std::string::npos ? 0 : space + 1;
    const std::string_view last = std::string_view(q).substr(start);
    const bool plain_word = !last.empty() && std::all_of(last.begin(), last.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!plain_word) return std::nullopt;
    const auto prefix = to_lower(last);
    std::vector<std::pair<Xapian::doccount, std::string>> completions;
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it)
        completions.emplace_back(it.get_termfreq(), *it);
    if (completions.empty()) return std::nullopt;
    // The most frequent, as WILDCARD_LIMIT_MOST_FREQUENT would choose (ties: alphabetical).
    const auto keep = std::min(completions.size(), kMaxCompletions);
    std::partial_sort(completions.begin(), completions.begin() + static_cast<std::ptrdiff_t>(keep), completions.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    completions.resize(keep);
    std::vector<Xapian::Query> terms;
    for (const auto& [frequency, term] : completions) terms.emplace_back(term);
    Xapian::Query word(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    const auto rest = trim(q.substr(0, start));
    if (rest.empty()) return word;
    Xapian::Query rest_query;
    try {
        rest_query = parser.parse_query(std::string(rest), kParserFlags);
    } catch (const Xapian::QueryParserError&) {
        return std::nullopt;  // "Helen AND": the last word is an operand, not a word being typed
    }
    if (rest_query.empty()) return word;
    return Xapian::Query(any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, rest_query, word);
}

Xapian::Query match_all() { return Xapian::Query(std::string()); }

TextQuery QueryBuilder::parse(const std::string& q, bool any_word) const {
    TextQuery result;
    if (trim(q).empty()) {
        result.query = match_all();
        return result;
    }
    result.empty = false;
    auto parser = make_parser(any_word);
    try {
        const auto expanded = expand_acronyms(introduction_by(q), glossary_);
        result.query = parser.parse_query(expanded, kParserFlags);
        // A search box sends words still being typed: the last one may also be a prefix. The
        // whole-word reading is kept beside it, and documents matching both rank first.
        if (!q.ends_with(' '))
            if (const auto as_prefix = prefix_reading(expanded, parser, any_word))
                result.query = Xapian::Query(Xapian::Query::OP_OR, result.query, *as_prefix);
        // Words typed together ("Jo Britton", "Children First") rank issues that have them
        // together above issues that have them apart. A query that is a known name matches only
        // the name: the phrase, or the facet (which also covers "Telford & Wrekin", "Jo" resolved
        // to Jo Britton), never "Jo" and "Britton" apart.
        const auto together = phrase_of(q, parser);
        auto names = known_name(q);
        if (!names.empty() && !together.empty()) {
            names.push_back(together);
            result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                         Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end()), together);
        } else if (!together.empty()) {
            result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, result.query, together);
        }
    } catch (const Xapian::QueryParserError& e) {
        result.warnings.push_back({"query_syntax_relaxed",
                                   "the query's syntax could not be read (" + e.get_msg() +
                                       "), so its words were searched as plain terms"});
        result.query = parser.parse_query(plain_words(q), 0);
    }
    result.corrected = spelling_correction(q);
    if (result.query.empty()) result.query = match_all();  // only stopwords or syntax
    return result;
}

std::vector<Xapian::Query> QueryBuilder::known_name(const std::string& q) const {
    std::vector<Xapian::Query> terms;
    for (const auto& facet : {schema::PEOPLE, schema::AUTHORITIES, schema::PROGRAMMES}) {
        const auto term = schema::facet_term(facet, canonical_facet_value(facet.id, trim(q), glossary_));
        if (db_.term_exists(term)) terms.emplace_back(term);
    }
    return terms;
}

Xapian::Query QueryBuilder::facet_value(const schema::Facet& facet, std::string_view value) const {
    return Xapian::Query(schema::facet_term(facet, canonical_facet_value(facet.id, value, glossary_)));
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
    if (!request.kinds.empty() && without_facet != kKindField) {
        std::vector<Xapian::Query> any;
        for (const auto kind : request.kinds) any.emplace_back(schema::kind_term(kind));
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
