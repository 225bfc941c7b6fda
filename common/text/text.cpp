#include "common/text/text.hpp"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "common/errors.hpp"
#include "common/text/utf8.hpp"

namespace wm {
namespace {

// Windows-1252's 0x80-0x9F block; the rest of the range coincides with Latin-1.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string cp1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0xA0) Xapian::Unicode::append_utf8(out, kCp1252High[c - 0x80]);
        else Xapian::Unicode::append_utf8(out, c);
    }
    return out;
}

bool looks_binary(std::string_view bytes) {
    const auto sample = bytes.substr(0, 64 * 1024);
    std::size_t control = 0;
    for (unsigned char c : sample) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return control * 20 > sample.size();  // more than 5% control characters
}

std::string normalise_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto sequence = utf8_sequence_at(s, i);
        if (!sequence.well_formed) return false;
        i += sequence.length;
    }
    return true;
}

DecodedText decode_text(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (std::all_of(bytes.begin(), bytes.end(),
                    [](unsigned char c) { return std::isspace(c) != 0; }))
        throw InputError("empty file");
    if (looks_binary(bytes)) throw InputError("binary file, not text");
    DecodedText out;
    // A file's bytes that are not UTF-8 are most likely a page saved as Windows-1252: read
    // as that, with a warning, rather than refused (README, "The indexer").
    if (is_valid_utf8(bytes)) {
        out.text = normalise_newlines(bytes);
    } else {
        out.text = normalise_newlines(cp1252_to_utf8(bytes));
        out.warning = "invalid UTF-8, read as Windows-1252";
    }
    return out;
}

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string fold_punctuation(std::string_view s) {
    if (is_ascii(s)) return std::string(s);  // nothing to fold, and most text is
    std::string out;
    out.reserve(s.size());
    for (Xapian::Utf8Iterator it(s.data(), s.size()); it != Xapian::Utf8Iterator(); ++it) {
        switch (*it) {
            case 0x2018: case 0x2019: case 0x201B: case 0x2032: out += '\''; break;
            case 0x201C: case 0x201D: case 0x201F: case 0x2033: out += '"'; break;
            case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
                out += '-'; break;
            case 0x00A0: case 0x2007: case 0x202F: case 0x2009: out += ' '; break;
            default: Xapian::Unicode::append_utf8(out, *it);
        }
    }
    return out;
}

std::string match_key(std::string_view s) {
    std::string folded = fold_punctuation(s);
    std::string spaced;
    spaced.reserve(folded.size() + 8);
    for (char c : folded) {
        if (c == '&') spaced += " and ";
        else spaced += c;
    }
    return to_lower(collapse_spaces(spaced));
}

bool is_stopword(std::string_view lower_case_word) {
    static constexpr std::array<std::string_view, 14> kStopwords = {"a", "an", "and", "at", "by", "for", "in",
                                                                    "is", "of", "on", "or", "the", "to", "with"};
    return std::find(kStopwords.begin(), kStopwords.end(), lower_case_word) != kStopwords.end();
}

std::string to_lower(std::string_view s) {
    if (!is_ascii(s)) return Xapian::Unicode::tolower(std::string(s));
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));  // as tolower in the C locale, without a call a byte
    return out;
}

std::string_view trimmed_view(std::string_view s) {
    const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    // No-break spaces survive isspace(); scraped pages are full of them.
    while (s.starts_with("\xC2\xA0")) s.remove_prefix(2);
    while (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
    return s;
}

std::string trim(std::string_view s) { return std::string(trimmed_view(s)); }

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = s.find(separator, start);
        parts.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

bool starts_with_upper(std::string_view word) {
    if (word.empty()) return false;
    Xapian::Utf8Iterator it(word.data(), word.size());
    return Xapian::Unicode::get_category(*it) == Xapian::Unicode::UPPERCASE_LETTER ||
           Xapian::Unicode::get_category(*it) == Xapian::Unicode::TITLECASE_LETTER;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

std::uint64_t fnv1a_64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace wm
