#include "api/filter.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "api/params.hpp"
#include "api/error_codes.hpp"
#include "common/search/query_builder.hpp"

namespace wm {
namespace {

constexpr std::string_view kDate = "date";

enum class Tok { word, quoted, open_paren, close_paren, open_bracket, close_bracket, comma, op, end };

struct Token {
    Tok type;
    std::string text;  ///< a word or a quoted string's value (unescaped), or the operator
    std::size_t at;    ///< 1-based position in the filter text
};

// One filter string with its place in the request, for messages: "filter[1][0]".
struct Source {
    std::string label, text;

    [[noreturn]] void fail(std::size_t at, const std::string& what) const {
        throw RequestError(ErrorCode::invalid_search_filter,
                           label + " `" + text + "`, position " + std::to_string(at) + ": " + what);
    }
};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// What ends a word: a word is anything else, so `Telford&Wrekin` and `2022-01` are words.
bool ends_word(char c) { return is_space(c) || std::string_view("()[],=!<>\"'").find(c) != std::string_view::npos; }

std::vector<Token> tokenize(const Source& source) {
    const auto& text = source.text;
    std::vector<Token> tokens;
    std::size_t i = 0;
    for (;;) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t at = i + 1;
        if (i == text.size()) {
            tokens.push_back({Tok::end, "", at});
            return tokens;
        }
        const char c = text[i];
        if (c == '"' || c == '\'') {
            std::string value;
            for (++i;; ++i) {
                if (i >= text.size()) source.fail(at, "the quoted string is not closed");
                if (text[i] == c) break;
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                value += text[i];
            }
            ++i;
            tokens.push_back({Tok::quoted, value, at});
            continue;
        }
        // In the order of Tok: open_paren, close_paren, open_bracket, close_bracket, comma.
        static constexpr std::string_view punctuation = "()[],";
        if (const auto p = punctuation.find(c); p != std::string_view::npos) {
            tokens.push_back({static_cast<Tok>(static_cast<int>(Tok::open_paren) + static_cast<int>(p)), std::string(1, c), at});
            ++i;
        } else if (c == '=' || c == '!' || c == '<' || c == '>') {
            std::string op(1, c);
            if (c != '=' && i + 1 < text.size() && text[i + 1] == '=') op += '=';
            i += op.size();
            tokens.push_back({Tok::op, op, at});
        } else {
            const auto start = i;
            while (i < text.size() && !ends_word(text[i])) ++i;
            tokens.push_back({Tok::word, text.substr(start, i - start), at});
        }
    }
}

bool is_keyword(const Token& token, std::string_view keyword) {
    return token.type == Tok::word && token.text.size() == keyword.size() &&
           std::equal(keyword.begin(), keyword.end(), token.text.begin(),
                      [](char k, char t) { return k == std::toupper(static_cast<unsigned char>(t)); });
}

std::string describe(const Token& token) {
    switch (token.type) {
        case Tok::end: return "the end";
        case Tok::quoted: return "the string \"" + token.text + "\"";
        default: return "`" + token.text + "`";
    }
}

// One condition on one attribute: a facet or kind equal to any of values, or a date range.
struct Condition {
    std::string attribute;  ///< a facet's field ("authority"), "kind" or "date"
    std::vector<std::string> values;
    std::string from, to;
    std::string where;  ///< "filter[1], position 5": for refusals once parsing is done
};

// Conjunctive form: every clause must hold; a clause holds when any of its conditions does.
using Clause = std::vector<Condition>;
using Conjunction = std::vector<Clause>;

class Parser {
public:
    explicit Parser(const Source& source) : source_(source), tokens_(tokenize(source)) {}

    Conjunction parse() {
        if (peek().type == Tok::end) return {};
        auto result = expression();
        if (peek().type != Tok::end) fail("expected AND, OR or the end, found " + describe(peek()));
        return result;
    }

private:
    const Token& peek() const { return tokens_[next_]; }
    const Token& take() { return tokens_[next_ == tokens_.size() - 1 ? next_ : next_++]; }
    [[noreturn]] void fail(const std::string& what) const { source_.fail(peek().at, what); }

    Conjunction expression() {
        auto left = conjunction();
        while (is_keyword(peek(), "OR")) {
            const auto at = take().at;
            auto right = conjunction();
            if (left.size() != 1 || right.size() != 1)
                source_.fail(at, "an OR of AND groups cannot be answered: OR conditions on one attribute, AND the groups");
            left[0].insert(left[0].end(), right[0].begin(), right[0].end());
        }
        return left;
    }

    Conjunction conjunction() {
        auto left = term();
        while (is_keyword(peek(), "AND")) {
            take();
            auto right = term();
            left.insert(left.end(), right.begin(), right.end());
        }
        return left;
    }

    Conjunction term() {
        if (peek().type == Tok::open_paren) {
            take();
            auto inner = expression();
            if (peek().type != Tok::close_paren) fail("expected `)`, found " + describe(peek()));
            take();
            return inner;
        }
        if (is_keyword(peek(), "NOT")) fail("NOT is not supported");
        if (peek().type != Tok::word && peek().type != Tok::quoted)
            fail("expected an attribute (people, authorities, programmes, organisations, kind or date), found " +
                 describe(peek()));
        const auto& name = take();
        return {{condition(name)}};
    }

    std::string attribute(const Token& name) const {
        if (name.text == kDate) return std::string(kDate);
        if (name.text == kKindField || name.text == "kinds") return std::string(kKindField);
        if (const auto* facet = find_facet(name.text)) return std::string(facet->field);
        source_.fail(name.at, "unknown attribute `" + name.text +
                                  "`: filter on people, authorities, programmes, organisations, kind or date");
    }

    std::string value() {
        const auto& token = peek();
        if (token.type == Tok::quoted || (token.type == Tok::word && !is_keyword(token, "AND") &&
                                          !is_keyword(token, "OR") && !is_keyword(token, "TO")))
            return take().text;
        fail("expected a value, found " + describe(token));
    }

    std::string month() {
        const auto at = peek().at;
        const auto text = value();
        try {
            return month_bound(text, kDate, ErrorCode::invalid_search_filter);
        } catch (const RequestError&) {
            source_.fail(at, "a date is a month, YYYY-MM, not `" + text + "`");
        }
    }

    Condition condition(const Token& name) {
        Condition condition{attribute(name), {}, "", "", source_.label + ", position " + std::to_string(name.at)};
        const bool date = condition.attribute == kDate;
        const auto& op = peek();
        if (op.type == Tok::op && op.text == "=") {
            take();
            if (date) condition.from = condition.to = month();
            else condition.values.push_back(value());
        } else if (is_keyword(op, "IN") && !date) {
            take();
            if (peek().type != Tok::open_bracket) fail("expected `[` after IN, found " + describe(peek()));
            take();
            while (peek().type != Tok::close_bracket) {
                condition.values.push_back(value());
                if (peek().type == Tok::comma) take();
                else if (peek().type != Tok::close_bracket) fail("expected `,` or `]`, found " + describe(peek()));
            }
            if (condition.values.empty()) fail("IN [] is empty: name at least one value");
            take();
        } else if (date && op.type == Tok::op && (op.text == ">=" || op.text == "<=")) {
            take();
            (op.text == ">=" ? condition.from : condition.to) = month();
        } else if (date && (op.type == Tok::word || op.type == Tok::quoted) && !is_keyword(op, "AND") &&
                   !is_keyword(op, "OR")) {
            condition.from = month();
            if (!is_keyword(peek(), "TO")) fail("expected TO, found " + describe(peek()));
            take();
            condition.to = month();
        } else if (op.type == Tok::op) {
            fail("`" + op.text + "` is not supported on " + name.text + ": use " +
                 (date ? "=, >=, <= or FROM TO" : "= or IN [...]"));
        } else {
            fail("expected " + std::string(date ? "=, >=, <= or a range (2022-01 TO 2023-12)" : "= or IN") +
                 " after " + name.text + ", found " + describe(op));
        }
        return condition;
    }

    const Source& source_;
    std::vector<Token> tokens_;
    std::size_t next_ = 0;
};

// Items of an array filter are strings; each string's label names its place for messages.
Conjunction parse_item(const nlohmann::json& item, const std::string& label) {
    if (!item.is_string())
        throw RequestError(ErrorCode::invalid_search_filter, label + " must be a string or an array of strings");
    const Source source{label, item.get<std::string>()};
    return Parser(source).parse();
}

Conjunction parse_json(const nlohmann::json& filter) {
    if (filter.is_null()) return {};
    if (filter.is_string()) return parse_item(filter, "filter");
    if (!filter.is_array()) throw RequestError(ErrorCode::invalid_search_filter, "`filter` must be a string or an array");
    Conjunction all;
    for (std::size_t i = 0; i < filter.size(); ++i) {
        const auto label = "filter[" + std::to_string(i) + "]";
        if (!filter[i].is_array()) {
            auto clauses = parse_item(filter[i], label);
            all.insert(all.end(), clauses.begin(), clauses.end());
            continue;
        }
        Clause any;
        for (std::size_t j = 0; j < filter[i].size(); ++j) {
            const auto inner_label = label + "[" + std::to_string(j) + "]";
            const auto clauses = parse_item(filter[i][j], inner_label);
            if (clauses.size() > 1)
                throw RequestError(ErrorCode::invalid_search_filter,
                                   inner_label + " is an AND inside an OR group, which cannot be answered");
            if (!clauses.empty()) any.insert(any.end(), clauses[0].begin(), clauses[0].end());
        }
        if (!any.empty()) all.push_back(std::move(any));
    }
    return all;
}

[[noreturn]] void refuse(const Condition& condition, const std::string& what) {
    throw RequestError(ErrorCode::invalid_search_filter,
                       condition.where + " (" + condition.attribute + "): " + what);
}

}  // namespace

void apply_meilisearch_filter(const nlohmann::json& filter, SearchRequest& request) {
    std::set<std::string> filtered;
    for (const auto& clause : parse_json(filter)) {
        const auto& first = clause.front();
        for (const auto& condition : clause)
            if (condition.attribute != first.attribute)
                refuse(condition, "an OR across attributes (" + first.attribute + ", " + condition.attribute +
                                      ") cannot be answered");
        if (first.attribute == kDate) {
            if (clause.size() > 1) refuse(clause[1], "an OR of dates cannot be answered: use one range");
            if (!first.from.empty()) request.from = std::max(request.from, first.from);
            if (!first.to.empty()) request.to = request.to.empty() ? first.to : std::min(request.to, first.to);
            continue;
        }
        if (!filtered.insert(first.attribute).second)
            refuse(first, "an AND of two conditions on one facet cannot be answered: use IN [...] for either");
        for (const auto& condition : clause)
            for (const auto& value : condition.values) {
                if (first.attribute != kKindField) {
                    request.filters[first.attribute].push_back(value);
                } else if (const auto kind = page_kind_named(value)) {
                    request.kinds.push_back(*kind);
                } else {
                    refuse(condition, "a kind is issue, article or page, not `" + value + "`");
                }
            }
    }
}

}  // namespace wm
