#pragma once
// common/text/ - the bottom layer: bytes to clean UTF-8, folding for matching, months, page
// furniture, and the gazetteer files compiled into the binary. Includes only the standard
// library (and common/errors.hpp).
//
// UTF-8 text helpers shared by the parser, the extractor and the schema.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wm {

/// Raw file bytes made into clean UTF-8: BOM dropped, CRLF/CR turned into LF.
/// Invalid UTF-8 is read as Windows-1252 (what scraped pages usually are) and a warning is set.
/// Throws InputError for empty or binary input.
struct DecodedText {
    std::string text;
    std::string warning;  // empty when the bytes were valid UTF-8
};
DecodedText decode_text(std::string_view bytes);

bool is_valid_utf8(std::string_view s);

/// Curly quotes to straight, en/em dashes to '-', no-break spaces to ' ': for matching only;
/// what users see keeps the characters as written.
std::string fold_punctuation(std::string_view s);

/// The key two spellings of one name share: folded punctuation, '&' as "and", lower case,
/// single spaces ("Telford & Wrekin" and "telford and  wrekin" give the same key).
std::string match_key(std::string_view s);
/// A word too common to search or mark on its own ("and", "of", "the"), in lower case.
bool is_stopword(std::string_view lower_case_word);

std::string to_lower(std::string_view s);  // Unicode-aware
std::string trim(std::string_view s);
/// What trim() keeps of s, as a view into it.
std::string_view trimmed_view(std::string_view s);
std::string collapse_spaces(std::string_view s);
std::vector<std::string> split(std::string_view s, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
bool starts_with_upper(std::string_view word);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive

/// FNV-1a, 64 bits: a stable hash (the same on every machine and build) for file contents and
/// shard placement.
std::uint64_t fnv1a_64(std::string_view bytes);

}  // namespace wm
