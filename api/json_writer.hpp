#pragma once
// JSON written straight into a string, for the answers every search sends (an answer with four
// facets of 100 values built as a nlohmann::json tree first cost a sixth of searchd's CPU).
// Invalid UTF-8 in a string becomes U+FFFD, as nlohmann's error_handler_t::replace does.
#include <cstddef>
#include <string>
#include <string_view>

#include "common/search/marked_text.hpp"

namespace wm {

class JsonWriter {
public:
    explicit JsonWriter(std::size_t expected_bytes = 0) { out_.reserve(expected_bytes); }
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::size_t number);
    JsonWriter& value(double number);  ///< as nlohmann::json writes it
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// {"count":count,"value":value}: every facet count of an answer (hundreds of them) written
    /// at once rather than as six calls (which were most of writing an answer).
    JsonWriter& count_and_value(std::size_t count, std::string_view value);
    /// A marked text as a string of HTML: escaped, matches in <mark>, "…" where it was cut;
    /// written straight into the answer (ten snippets an answer), as marked_html() spells it.
    JsonWriter& marked_html(const MarkedText& marked);
    /// text, or null when it is empty: a month ("YYYY-MM") that is not known.
    JsonWriter& value_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

    std::string take() { return std::move(out_); }

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void separate();  ///< the comma before a member or element after the first
    void append_number(std::size_t number);
    std::string out_;
    /// Something was written inside the open container: the next member or element takes a
    /// comma (no stack is needed: opening a container or writing a key clears it).
    bool comma_due_ = false;
};

/// Writes text as a JSON string, quotes included.
void append_json_string(std::string& out, std::string_view text);

}  // namespace wm
