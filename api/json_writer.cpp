#include "api/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <utility>

namespace wm {
namespace {

// The UTF-8 sequence at text[i] by Unicode's table 3-7: its length and whether it is well
// formed; an ill-formed one is its maximal subpart (the lead and the bytes that could still have
// continued it), which becomes one U+FFFD.
std::pair<std::size_t, bool> sequence_at(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) return {1, true};
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    else return {1, false};
    for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= text.size()) return {k, false};
        const auto byte = static_cast<unsigned char>(text[i + k]);
        if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) return {k, false};
    }
    return {length, true};
}

// Whether any byte of the eight in word must be escaped or checked as UTF-8: a control
// character, a quote, a backslash, or a byte of a multi-byte sequence. It may say so of a byte
// that need not be (a borrow in the subtraction): the caller then looks byte by byte.
bool may_need_escaping(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    const auto has_zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    return ((word & kHighs) | ((word - kOnes * 0x20) & ~word & kHighs) | has_zero_byte(word ^ (kOnes * '"')) |
            has_zero_byte(word ^ (kOnes * '\\'))) != 0;
}

// Where the run of bytes from i that need no escaping ends: most of a text is one run, found
// eight bytes at a time (writing the answer's JSON was a quarter of a search's instructions).
std::size_t plain_run_end(std::string_view text, std::size_t i) {
    static constexpr auto kPlain = [] {  // ASCII written as it is
        std::array<bool, 256> plain{};
        for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
        return plain;
    }();
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
        std::memcpy(&word, text.data() + i, 8);
        if (may_need_escaping(word)) break;
    }
    while (i < text.size() && kPlain[static_cast<unsigned char>(text[i])]) ++i;
    return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    // A short text with nothing to escape (most facet values and keys) is written with its
    // quotes in one append.
    constexpr std::size_t kShort = 62;
    std::size_t i = plain_run_end(text, 0);
    if (i == text.size() && text.size() <= kShort) {
        char quoted[kShort + 2];
        quoted[0] = '"';
        std::memcpy(quoted + 1, text.data(), text.size());
        quoted[text.size() + 1] = '"';
        out.append(quoted, text.size() + 2);
        return;
    }
    out += '"';
    out.append(text.data(), i);
    while (i < text.size()) {
        if (const auto plain_end = plain_run_end(text, i); plain_end > i) {
            out.append(text.data() + i, plain_end - i);
            i = plain_end;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const auto [length, well_formed] = sequence_at(text, i);
            if (well_formed) out.append(text, i, length);
            else out += "\xEF\xBF\xBD";
            i += length;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xF];
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
    out += '"';
}

void JsonWriter::separate() {
    if (comma_due_) out_ += ',';
    comma_due_ = true;  // for what follows what is written now; opening and keys clear it
}

void JsonWriter::append_number(std::size_t number) {
    char digits[24];
    out_.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, number).ptr - digits));
}

JsonWriter& JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    comma_due_ = false;  // the first member or element takes none
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    comma_due_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    append_json_string(out_, name);
    out_ += ':';
    comma_due_ = false;  // the value follows the key without one
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::count_and_value(std::size_t count, std::string_view value) {
    separate();
    out_.append(R"({"count":)");
    append_number(count);
    out_.append(R"(,"value":)");
    append_json_string(out_, value);
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::value(std::size_t number) {
    separate();
    append_number(number);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    separate();
    out_ += nlohmann::json(number).dump();
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    separate();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

}  // namespace wm
