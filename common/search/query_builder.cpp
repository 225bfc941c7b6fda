#include "common/search/query_builder.hpp"

#include <algorithm>
#include <array>
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

constexpr std::array<std::string_view, 5> kOperators = {"AND", "OR", "NOT", "NEAR", "ADJ"};  // XOR has OR
constexpr std::size_t kMaxCompletions = 50;  // a one-letter prefix must stay a small query
constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// Keeps letters, digits and in-word apostrophes and hyphens: what is left of a query once its
// syntax has been given up on.
std::string plain_words(const std::string& q) {
    std::string out;
    for (unsigned char c : q) out += (c >= 0x80 || std::isalnum(c) || c == '\'' || c == '-') ? static_cast<char>(c) : ' ';
    return out;
}

// Whether q may hold query syntax: one of chars, or an operator in capitals. Most queries have
// neither, and the regular expressions that tell for sure cost a tenth of a millisecond a query.
bool may_have_syntax(std::string_view q, std::string_view chars) {
    if (q.find_first_of(chars) != std::string_view::npos) return true;
    return std::any_of(kOperators.begin(), kOperators.end(), [&](auto op) { return q.find(op) != std::string_view::npos; });
}

// "introduction by Jenny Turnross" asks for the introduction letter's signatory.
std::string introduction_by(const std::string& q) {
    if (to_lower(q).find("introduction") == std::string::npos) return q;
    static const std::regex asking(R"(^\s*(?:the\s+)?introduction\s+(?:by|from)\s+([^":()]+?)\s*$)", std::regex::icase);
    std::smatch m;
    return std::regex_match(q, m, asking) ? "signatory:\"" + m[1].str() + "\"" : q;
}

// Where the words spelling may correct are in q: an ASCII letter, then two or more letters or
// apostrophes.
std::vector<std::pair<std::size_t, std::size_t>> correctable_words(std::string_view q) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::vector<std::pair<std::size_t, std::size_t>> words;
    for (std::size_t at = 0; at < q.size();) {
        if (!letter(q[at])) {
            ++at;
            continue;
        }
        auto end = at + 1;
        while (end < q.size() && (letter(q[end]) || q[end] == '\'')) ++end;
        if (end - at >= 3) words.emplace_back(at, end - at);
        at = end;
    }
    return words;
}

// Words typed together rank documents that have them together higher: the whole query as a
// phrase, and each pair of neighbouring words ("regional priority plan peer challenge" boosts
// "peer challenge" too), when it is two or more plain words (no syntax of its own). A pair
// inside one of the names typed is left out: the name is matched whole already, and each
// phrase costs the rerank a read of its words' positions in every top match.
Xapian::Query words_together(const std::string& q, const std::vector<std::string>& names, Xapian::QueryParser& parser) {
    static const std::regex syntax(R"(\b(AND|OR|NOT|XOR|NEAR|ADJ)\b|[:"()+*])");
    if (may_have_syntax(q, ":\"()+*") && std::regex_search(q, syntax)) return {};
    std::vector<std::string> words;
    for (const auto& word : split(trim(q), ' '))
        if (!word.empty()) words.push_back(word);
    if (words.size() < 2) return {};
    std::vector<std::string> phrases{join(words, " ")};
    const auto in_a_name = [&](const std::string& pair) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
            return (" " + to_lower(name) + " ").find(" " + to_lower(pair) + " ") != std::string::npos;
        });
    };
    if (words.size() > 2)
        for (std::size_t i = 0; i + 1 < words.size(); ++i)
            if (const auto pair = words[i] + " " + words[i + 1]; !in_a_name(pair)) phrases.push_back(pair);
    std::vector<Xapian::Query> boosts;
    for (const auto& phrase : phrases) {
        try {
            boosts.push_back(parser.parse_query("\"" + phrase + "\"", Xapian::QueryParser::FLAG_PHRASE));
        } catch (const Xapian::QueryParserError&) {
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end());
}

// Documents with the name's facet term, or the phrase. The phrase is checked only in documents
// without the term: under FILTER, Xapian 1.4 applies a phrase's position check after the
// AND_NOT, where as an alternative of its own it reads the positions of every document with
// the words (measured: "care leaver offer" 0.47 -> 0.20 ms at 1,000 issues, the same matches).
// Those with both no longer add the phrase's weight here; the words-together rerank adds it
// to the best of them.
// A facet term weighs nothing: the name's words in the text (words) rank the documents that have it.
Xapian::Query name_or_phrase(const Xapian::Query& name, const Xapian::Query& phrase, const Xapian::Query& words) {
    const Xapian::Query phrase_alone(Xapian::Query::OP_AND_NOT, phrase, name);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND_MAYBE, name, words),
                         Xapian::Query(Xapian::Query::OP_FILTER, phrase_alone, match_all()));
}

// Said rather than left for a client to guess from a query that looks like words.
void warn_if_nothing_searchable(const std::string& q, QueryPlan& plan) {
    if (!q.empty() && plan.empty())
        plan.warnings.push_back({"query_not_searchable", "nothing in the query can be searched for (it has no letters "
                                                         "or digits), so every issue is shown"});
}

}  // namespace

std::optional<std::string> QueryBuilder::spelling_correction(const std::string& q) const {
    // Xapian 1.4's QueryParser also "corrects" words that are indexed ("care" -> "are"), so
    // only words the index has never seen are corrected, each in place.
    std::string corrected;
    bool changed = false;
    std::size_t copied = 0;
    for (const auto& [at, length] : correctable_words(q)) {
        const auto written = q.substr(at, length);
        const std::string lower = to_lower(written);
        if (at + length < q.size() && q[at + length] == ':') continue;  // a field name such as "title:"
        if (db_.term_exists(lower)) continue;
        const auto suggestion = db_.get_spelling_suggestion(lower);
        if (suggestion.empty()) continue;
        std::string replacement = suggestion;
        if (starts_with_upper(written)) replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
        corrected += q.substr(copied, at - copied) + replacement;
        copied = at + length;
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

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Glossary& glossary, const WordTable* words)
    : db_(db), glossary_(glossary), words_(words) {}

Xapian::QueryParser QueryBuilder::make_parser() const {
    Xapian::QueryParser parser;
    parser.set_database(db_);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.add_prefix("title", std::string(schema::PREFIX_TITLE));
    parser.add_prefix("heading", std::string(schema::PREFIX_HEADING));
    parser.add_prefix("signatory", std::string(schema::PREFIX_SIGNATORY));
    for (const auto& facet : schema::kFacets)
        parser.add_boolean_prefix(std::string(facet.field), (new FacetFieldProcessor(*this, facet))->release());
    return parser;
}

// The completions of the last word come from the shared table of the combined database's most
// frequent words, rather than QueryParser's FLAG_PARTIAL: Xapian 1.4 walks every term with the
// prefix, and over shards expands it in each shard on its own, weighing it differently.
std::optional<Xapian::Query> QueryBuilder::completions(std::string_view word) const {
    const bool plain_word = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!plain_word || !words_) return std::nullopt;
    const auto found = words_->completions(to_lower(word), kMaxCompletions);
    if (found.empty()) return std::nullopt;
    std::vector<Xapian::Query> terms(found.begin(), found.end());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

Xapian::Query match_all() { return Xapian::Query(std::string()); }

Xapian::Query QueryPlan::query(const std::vector<std::size_t>& dropped) const {
    std::vector<Xapian::Query> kept;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (std::find(dropped.begin(), dropped.end(), i) == dropped.end()) kept.push_back(units[i].query);
    if (kept.empty()) return match_all();
    return Xapian::Query(Xapian::Query::OP_AND, kept.begin(), kept.end());
}

void QueryBuilder::relaxed_forms(const std::vector<std::string>& name_words, Xapian::QueryParser& parser,
                                 QueryUnit& name) const {
    std::vector<Xapian::Query> together;
    for (const auto& word : name_words) {
        const auto lower = to_lower(word);
        if (is_stopword(lower) || lower == "&") continue;
        auto query = parser.parse_query(lower, kParserFlags);
        if (query.empty()) continue;
        together.push_back(query);
        name.words.push_back({word, std::move(query), true});
    }
    for (auto& word : name.words) word.weight_share = 1.0 / static_cast<double>(name.words.size());
    name.loose = Xapian::Query(Xapian::Query::OP_AND, together.begin(), together.end());
    // A name the glossary abbreviates ("Regional Improvement and Innovation Alliance") is also its acronym.
    const auto acronym = expand_acronyms(name.text, glossary_);
    if (acronym.starts_with('(') && acronym.ends_with(')') && acronym.find(") (") == std::string::npos)
        name.loose = Xapian::Query(Xapian::Query::OP_OR, name.loose, parser.parse_query(acronym, kParserFlags));
}

bool QueryPlan::has_names() const {
    return std::any_of(units.begin(), units.end(), [](const QueryUnit& unit) { return !unit.words.empty(); });
}

Xapian::Query QueryPlan::names_loose() const {
    std::vector<Xapian::Query> all;
    for (const auto& unit : units) all.push_back(unit.words.empty() ? unit.query : unit.loose);
    if (all.empty()) return match_all();
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

QueryPlan QueryPlan::names_apart() const {
    QueryPlan apart;
    for (const auto& unit : units) {
        if (unit.words.empty()) apart.units.push_back(unit);
        else apart.units.insert(apart.units.end(), unit.words.begin(), unit.words.end());
    }
    apart.together = together;
    return apart;
}

bool QueryBuilder::written_only_in_capitals(const std::string& lower_case_word) const {
    const auto anywhere = db_.get_collection_freq(lower_case_word);
    return anywhere > 0 && db_.get_collection_freq(schema::capitals_term(lower_case_word)) >= anywhere;
}

void QueryBuilder::add_word_units(const std::string& words_typed, bool last_typed, bool relaxed,
                                  Xapian::QueryParser& parser, QueryPlan& plan) const {
    constexpr std::size_t kLongestName = 6;
    std::vector<std::string> words;
    for (const auto& word : split(words_typed, ' '))
        if (!trim(word).empty()) words.push_back(trim(word));
    const auto only_in_capitals = [this](const std::string& word) { return written_only_in_capitals(word); };
    // Words between names: acronyms and written-out expansions make one unit each.
    const auto add_plain = [&](std::size_t first, std::size_t end) {
        if (first >= end) return;
        const std::vector<std::string> run(words.begin() + static_cast<std::ptrdiff_t>(first),
                                           words.begin() + static_cast<std::ptrdiff_t>(end));
        const auto expanded = relaxed ? join(run, " ") : expand_acronyms(join(run, " "), glossary_, only_in_capitals);
        for (std::size_t at = 0; at < expanded.size();) {
            if (expanded[at] == ' ') { ++at; continue; }
            const auto close = expanded[at] == '(' ? expanded.find(')', at) : expanded.find(' ', at);
            const auto piece = expanded.substr(at, close == std::string::npos ? std::string::npos : close - at + (expanded[at] == '('));
            at = close == std::string::npos ? expanded.size() : close + 1;
            // In lower case, so that a capitalised word also matches its other forms ("Sandwell"
            // finds "Sandwell's"): QueryParser stems no word typed with a capital.
            QueryUnit unit{piece, parser.parse_query(piece.front() == '(' ? piece : to_lower(piece),
                                                     relaxed ? 0 : kParserFlags), true};
            if (piece.front() == '(') {  // "(PSW OR "Principal Social Worker")": shown as typed
                const auto quote = piece.find('"');
                const auto expansion = piece.substr(quote + 1, piece.rfind('"') - quote - 1);
                unit.text = to_lower(join(run, " ")).find(to_lower(expansion)) != std::string::npos
                                ? expansion : piece.substr(1, piece.find(' ') - 1);
            }
            if (unit.query.empty()) continue;  // a stopword
            plan.units.push_back(std::move(unit));
        }
    };
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < words.size();) {
        std::size_t name_end = 0;
        std::vector<NamedEntity> name;
        for (auto end = std::min(words.size(), i + kLongestName); end >= i + 2 && name.empty(); --end) {
            std::vector<std::string> run(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(end));
            name = known_name(join(run, " "));
            name_end = end;
        }
        if (name.empty()) { ++i; continue; }
        add_plain(plain_from, i);
        std::vector<std::string> run(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(name_end));
        const auto text = join(run, " ");
        // A known name matches as the name (the facet, which also covers "Telford & Wrekin" and
        // first names resolved to the person, or the phrase), never as its words apart.
        std::vector<Xapian::Query> terms;
        for (const auto& entity : name) terms.emplace_back(schema::facet_term(schema::facet(entity.facet), entity.value));
        QueryUnit unit{text, {}, false, name.front()};
        relaxed_forms(run, parser, unit);
        unit.query = name_or_phrase(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                    parser.parse_query("\"" + text + "\"", Xapian::QueryParser::FLAG_PHRASE), unit.loose);
        plan.units.push_back(std::move(unit));
        i = plain_from = name_end;
    }
    const auto before = plan.units.size();
    add_plain(plain_from, words.size());
    // A search box sends words still being typed: the last one may also be a prefix, ranked
    // below the whole word.
    if (last_typed && plan.units.size() > before && plan.units.back().text == words.back())
        if (const auto more = completions(words.back()))
            plan.units.back().query = Xapian::Query(Xapian::Query::OP_OR, plan.units.back().query, *more);
}

QueryPlan QueryBuilder::plan(const std::string& q, bool as_you_type) const {
    QueryPlan plan;
    if (trim(q).empty()) {
        warn_if_nothing_searchable(q, plan);
        return plan;
    }
    auto parser = make_parser();
    const auto asked = introduction_by(q);
    static const std::regex syntax(R"(\b(AND|OR|NOT|XOR|NEAR|ADJ)\b|[()+*]|(^|\s)-)");
    try {
        if (may_have_syntax(asked, "()+*-") && std::regex_search(asked, syntax)) {
            // Syntax around nothing searchable ("?! --") is nothing to search for, not a query matching nothing.
            auto whole = parser.parse_query(expand_acronyms(asked, glossary_), kParserFlags);
            if (!whole.empty()) plan.units.push_back({q, std::move(whole), false});
        } else {
            // Quoted phrases and field queries ("title:...") are strict units; words between them are not.
            static const std::regex strict(R"("[^"]*"?|\S+:("[^"]*"?|\S+))");
            std::size_t copied = 0;
            std::string words;
            const bool has_strict = asked.find_first_of("\":") != std::string::npos;
            // The expression's search cost 4% of a plain search that has none: run only when a quote or colon is there.
            if (has_strict) for (std::sregex_iterator it(asked.begin(), asked.end(), strict), end; it != end; ++it) {
                words += asked.substr(copied, it->position() - copied) + " ";
                copied = it->position() + it->length();
                const auto unit = parser.parse_query(it->str(), kParserFlags);
                if (!unit.empty()) plan.units.push_back({it->str(), unit, false});
            }
            words += asked.substr(copied);
            add_word_units(words, as_you_type && !q.ends_with(' ') && copied < asked.size(), false, parser, plan);
        }
        std::vector<std::string> names;
        for (const auto& unit : plan.units)
            if (unit.entity) names.push_back(unit.text);
        plan.together = words_together(q, names, parser);
    } catch (const Xapian::QueryParserError& e) {
        plan.units.clear();
        plan.warnings.push_back({"query_syntax_relaxed", "the query's syntax could not be read (" + e.get_msg() +
                                                             "), so its words were searched as plain terms"});
        add_word_units(plain_words(q), false, true, parser, plan);
    }
    warn_if_nothing_searchable(q, plan);
    plan.corrected = spelling_correction(q);
    return plan;
}

std::vector<NamedEntity> QueryBuilder::known_name(const std::string& words) const {
    std::vector<NamedEntity> names;
    for (const auto& facet : schema::kFacets) {
        if (facet.id == FacetId::organisations) continue;
        auto value = canonical_facet_value(facet.id, trim(words), glossary_);
        const auto term = schema::facet_term(facet, value);
        if (!db_.term_exists(term)) continue;
        // Typed in lower case or in capitals, the name is shown as the archive writes it (read
        // from an issue that has it: a name typed with its capitals, as suggestions give it, is
        // spared the read).
        if (value == to_lower(value) || !std::any_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            const auto first = db_.postlist_begin(term);
            for (const auto& stored : split(db_.get_document(*first, Xapian::DOC_ASSUME_VALID).get_value(facet.slot),
                                            schema::kListSeparator))
                if (match_key(stored) == match_key(value)) value = stored;
        }
        names.push_back({facet.id, std::move(value)});
    }
    return names;
}

Xapian::Query QueryBuilder::facet_value(const schema::Facet& facet, std::string_view value) const {
    return Xapian::Query(schema::facet_term(facet, canonical_facet_value(facet.id, value, glossary_)));
}

Xapian::Query QueryBuilder::filter(const SearchRequest& request, std::string_view without_facet) const {
    std::vector<Xapian::Query> parts;
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
    // The years are counted without the month range, as a facet is without its own filter.
    if (without_facet != kMonthRangeField) {
        if (!request.from.empty() && !request.to.empty())
            parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_MONTH, request.from, request.to);
        else if (!request.from.empty())
            parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::SLOT_MONTH, request.from);
        else if (!request.to.empty())
            parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::SLOT_MONTH, request.to);
    }
    if (parts.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace wm
