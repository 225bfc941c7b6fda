#include "common/facets/tokens.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstdint>

#include "common/text/text.hpp"

namespace wm {
namespace {

// Compact, because a text's code points are all held at once (a file is far below 4 GiB).
struct CodePoint {
    std::uint32_t value, begin, end;
};

// ASCII bytes, most of any text, are decoded and classified without Xapian's Unicode tables
// (measured: tokenizing was a fifth of indexing, most of it there).
std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80) {
            out.push_back({byte, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)});
            ++at;
            continue;
        }
        Xapian::Utf8Iterator it(text.data() + at, text.size() - at);
        const unsigned value = *it;
        ++it;
        const auto end = it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
        out.push_back({value, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
        at = end;
    }
    return out;
}

bool is_ascii_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(unsigned c) { return c >= 'a' && c <= 'z'; }
bool is_apostrophe(unsigned c) { return c == '\'' || c == 0x2019; }
bool is_word_char(unsigned c) {
    if (c < 0x80) return is_ascii_upper(c) || is_ascii_lower(c) || (c >= '0' && c <= '9');
    return Xapian::Unicode::is_wordchar(c);
}
bool is_upper(unsigned c) {
    if (c < 0x80) return is_ascii_upper(c);
    const auto category = Xapian::Unicode::get_category(c);
    return category == Xapian::Unicode::UPPERCASE_LETTER ||
           category == Xapian::Unicode::TITLECASE_LETTER;
}
bool is_lower(unsigned c) {
    if (c < 0x80) return is_ascii_lower(c);
    return Xapian::Unicode::get_category(c) == Xapian::Unicode::LOWERCASE_LETTER;
}

void classify_gap(Token& token, std::string_view gap, bool first) {
    if (!first && gap == " ") {  // most gaps, and what the rules below make of one
        token.gap = Gap::space;
        return;
    }
    if (first) {
        token.gap = Gap::hard;
        token.sentence_start = true;
    }
    std::size_t newlines = 0;
    bool other = false, comma = false, sentence_end = false;
    for (char c : gap) {
        if (c == '\n') ++newlines;
        else if (c == ' ' || c == '\t') continue;
        else if (c == ',') comma = true;
        else {
            other = true;
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') sentence_end = true;
        }
    }
    // No-break spaces (C2 A0) count as spaces; other multi-byte punctuation (dashes, bullets,
    // curly quotes) is "other".
    const auto nbsp_free = [&] {
        for (std::size_t i = 0; i < gap.size(); ++i) {
            if (gap.substr(i, 2) == "\xC2\xA0") { ++i; continue; }
            if (static_cast<unsigned char>(gap[i]) >= 0x80) return false;
        }
        return true;
    }();
    if (!nbsp_free) other = true;
    if (gap.find('(') != std::string_view::npos) token.opens_parenthesis = true;
    if (first) return;
    if (gap == "-") token.gap = Gap::hyphen;
    else if (newlines >= 2 || ((other || comma) && newlines)) token.gap = Gap::hard;
    else if (newlines == 1) token.gap = Gap::line;
    else if (other) token.gap = Gap::hard;
    else if (comma) token.gap = Gap::comma;
    else token.gap = Gap::space;
    if (newlines || sentence_end) token.sentence_start = true;
    // A bullet starts a new item.
    if (gap.find("\xE2\x80\xA2") != std::string_view::npos) token.sentence_start = true;
}

void finish(Token& token, std::string_view text) {
    token.text = std::string(text.substr(token.begin, token.end - token.begin));
    if (token.text == "&") {
        token.key = "and";
        return;
    }
    const bool ascii = std::all_of(token.text.begin(), token.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {  // nothing to fold: the key is the word in lower case
        token.key = token.text;
        for (auto& c : token.key)
            if (is_ascii_upper(static_cast<unsigned char>(c))) c = static_cast<char>(c + ('a' - 'A'));
    } else {
        token.key = to_lower(fold_punctuation(token.text));
    }
    if (token.possessive) return;
    std::size_t letters = 0, upper = 0, lower = 0;
    bool first = true, first_upper = false;
    const auto count = [&](unsigned c) {
        const bool u = is_upper(c), l = is_lower(c);
        if (u || l) ++letters;
        if (u) ++upper;
        if (l) ++lower;
        if (first) first_upper = u;
        first = false;
    };
    if (ascii) {
        for (const char c : token.text) count(static_cast<unsigned char>(c));
    } else {
        for (Xapian::Utf8Iterator it(token.text); it != Xapian::Utf8Iterator(); ++it) count(*it);
    }
    token.capitalised = first_upper && lower > 0;
    token.all_caps = letters >= 2 && lower == 0;
    token.initial = letters == 1 && upper == 1 && token.text.size() == 1;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    const auto cps = decode(text);
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5 + 1);  // English averages six bytes a word with its space
    std::size_t previous_end = 0;
    std::size_t i = 0;
    const auto emit = [&](std::size_t begin, std::size_t end, bool possessive, bool hyphen_joined) {
        Token token;
        token.begin = begin;
        token.end = end;
        token.possessive = possessive;
        classify_gap(token, text.substr(previous_end, begin - previous_end), tokens.empty());
        if (hyphen_joined) token.gap = Gap::hyphen;
        if (possessive) token.gap = Gap::space;
        finish(token, text);
        previous_end = end;
        tokens.push_back(std::move(token));
    };
    bool hyphen_joined = false;
    while (i < cps.size()) {
        if (cps[i].value == '&') {
            emit(cps[i].begin, cps[i].end, false, false);
            ++i;
            continue;
        }
        if (!is_word_char(cps[i].value)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < cps.size()) {
            if (is_word_char(cps[i].value)) {
                ++i;
                continue;
            }
            // An apostrophe inside a word stays ("O'Brien", "doesn't") unless it starts a
            // possessive "'s", which becomes its own token.
            if (is_apostrophe(cps[i].value) && i + 1 < cps.size() && is_word_char(cps[i + 1].value)) {
                const bool possessive = (cps[i + 1].value == 's' || cps[i + 1].value == 'S') &&
                                        (i + 2 >= cps.size() || !is_word_char(cps[i + 2].value));
                if (!possessive) {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        emit(cps[start].begin, cps[i - 1].end, false, hyphen_joined);
        hyphen_joined = false;
        if (i + 1 < cps.size() && is_apostrophe(cps[i].value) &&
            (cps[i + 1].value == 's' || cps[i + 1].value == 'S') &&
            (i + 2 >= cps.size() || !is_word_char(cps[i + 2].value))) {
            emit(cps[i].begin, cps[i + 1].end, true, false);
            i += 2;
        } else if (i + 1 < cps.size() && cps[i].value == '-' && is_word_char(cps[i + 1].value)) {
            hyphen_joined = true;
            previous_end = cps[i].end;
            ++i;
        }
    }
    return tokens;
}

std::string phrase_key(const std::vector<Token>& tokens, std::size_t first, std::size_t count) {
    std::string key;
    for (std::size_t i = first; i < first + count && i < tokens.size(); ++i) {
        if (!key.empty()) key += ' ';
        key += tokens[i].key;
    }
    return key;
}

std::string phrase_key(std::string_view phrase) {
    const auto tokens = tokenize(phrase);
    return phrase_key(tokens, 0, tokens.size());
}

std::string span_text(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t last) {
    const auto begin = tokens[first].begin;
    return collapse_spaces(trim(text.substr(begin, tokens[last].end - begin)));
}

void PhraseTable::add(std::string_view phrase, std::string value) {
    const auto tokens = tokenize(phrase);
    if (tokens.empty()) return;
    max_tokens_ = std::max(max_tokens_, tokens.size());
    first_keys_.insert(tokens.front().key);
    values_.emplace(phrase_key(tokens, 0, tokens.size()), std::move(value));
}

std::optional<PhraseTable::Match> PhraseTable::longest_match(const std::vector<Token>& tokens,
                                                             std::size_t at) const {
    // A name of no words (a filter value of punctuation or control characters) starts nothing.
    if (at >= tokens.size() || !first_keys_.count(tokens[at].key)) return std::nullopt;  // most words start no phrase
    std::size_t limit = 1;
    while (limit < max_tokens_ && at + limit < tokens.size() &&
           tokens[at + limit].gap != Gap::hard && tokens[at + limit].gap != Gap::line)
        ++limit;
    for (std::size_t length = limit; length >= 1; --length) {
        const auto it = values_.find(phrase_key(tokens, at, length));
        if (it != values_.end()) return Match{length, &it->second};
    }
    return std::nullopt;
}

const std::string* PhraseTable::find(std::string_view phrase) const {
    const auto it = values_.find(phrase_key(phrase));
    return it == values_.end() ? nullptr : &it->second;
}

}  // namespace wm
