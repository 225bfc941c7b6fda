#include "api/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <utility>

#include "api/marked_text.hpp"
#include "common/text/utf8.hpp"

namespace wm {
namespace {

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

constexpr char kHex[] = "0123456789abcdef";

// A control character as JSON writes it.
void append_control(std::string& out, unsigned char c) {
    switch (c) {
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
    }
}

// An answer is never invalid UTF-8: bytes that are not (a request's echoed back in a message)
// are each maximal subpart one U+FFFD, as nlohmann's error_handler_t::replace writes. Returns
// the bytes read.
std::size_t append_utf8_sequence(std::string& out, std::string_view text, std::size_t i) {
    const auto sequence = utf8_sequence_at(text, i);
    if (sequence.well_formed) out.append(text, i, sequence.length);
    else out += "\xEF\xBF\xBD";
    return sequence.length;
}

// Appends text escaped for HTML, then for inside a JSON string, in one pass.
void append_html_json(std::string& out, std::string_view text) {
    static constexpr auto kPlain = [] {  // written as it is in both
        std::array<bool, 256> plain{};
        for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = std::string_view("\"\\&<>'").find(static_cast<char>(c)) == std::string_view::npos;
        return plain;
    }();
    for (std::size_t i = 0; i < text.size();) {
        auto run = i;
        while (run < text.size() && kPlain[static_cast<unsigned char>(text[run])]) ++run;
        out.append(text.data() + i, run - i);
        if (run == text.size()) break;
        i = run;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            i += append_utf8_sequence(out, text, i);
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\\': out += "\\\\"; break;
            default: append_control(out, c);
        }
        ++i;
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
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
            i += append_utf8_sequence(out, text, i);
            continue;
        }
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c < 0x20) append_control(out, c);
        else out += static_cast<char>(c);
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

JsonWriter& JsonWriter::marked_html(const MarkedText& marked) {
    separate();
    out_ += '"';
    append_marked(out_, marked, "<mark>", "</mark>", append_html_json);
    out_ += '"';
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
