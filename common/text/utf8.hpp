#pragma once
// The one UTF-8 decoder. What to do with bytes that are not UTF-8 is each edge's to choose, and
// each says so where it reads: a file is read as Windows-1252 with a warning (decode_text), a
// request is refused as a bad request (api/params), an answer writes U+FFFD (api/json_writer).
#include <cstddef>
#include <string_view>

namespace wm {

struct Utf8Sequence {
    char32_t code_point;  ///< for an ill-formed sequence, its first byte
    std::size_t length;   ///< bytes: an ill-formed sequence's maximal subpart, at least 1
    bool well_formed;
};

/// The sequence starting at text[i] (i < text.size()) by Unicode's table 3-7: no overlong
/// forms, surrogates or code points past U+10FFFF. An ill-formed one is its maximal subpart
/// (the lead and the bytes that could still have continued it), which a decoder that
/// substitutes makes one U+FFFD, as Unicode recommends.
constexpr Utf8Sequence utf8_sequence_at(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF;  // the second byte's range; later ones are always 80-BF
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    else return {lead, 1, false};
    char32_t value = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= text.size()) return {lead, k, false};
        const auto byte = static_cast<unsigned char>(text[i + k]);
        if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) return {lead, k, false};
        value = value << 6 | (byte & 0x3F);
    }
    return {value, length, true};
}

}  // namespace wm
