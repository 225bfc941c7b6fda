#include "common/index/schema.hpp"

#include <cstdlib>

#include "common/text/text.hpp"

namespace wm::schema {

std::string unique_id_term(std::string_view issue_id) {
    return std::string(PREFIX_UNIQUE_ID) + std::string(issue_id);
}

std::string facet_term(const Facet& facet, std::string_view value) {
    return std::string(facet.prefix) + match_key(value);
}

std::string year_term(std::string_view month) {
    return std::string(PREFIX_YEAR) + std::string(month.substr(0, 4));
}

std::string month_term(std::string_view month) {
    return std::string(PREFIX_MONTH) + std::string(month.substr(0, 4)) + std::string(month.substr(5, 2));
}

std::string kind_term(PageKind kind) { return std::string(PREFIX_KIND) + std::string(page_kind_name(kind)); }

std::string capitals_term(std::string_view lower_case_word) {
    return std::string(PREFIX_CAPITALS) + std::string(lower_case_word);
}

namespace {

// Xapian refuses terms over 245 bytes; a layout key is a short line, but a line of many
// multi-byte characters may pass that. Cut at a character boundary.
constexpr std::size_t kLongestTerm = 240;

std::string term_within_limit(std::string_view prefix, std::string_view key) {
    std::string term = std::string(prefix) + std::string(key);
    if (term.size() <= kLongestTerm) return term;
    auto end = kLongestTerm;
    while (end > prefix.size() && (static_cast<unsigned char>(term[end]) & 0xC0) == 0x80) --end;
    term.resize(end);
    return term;
}

}  // namespace

std::string layout_line_term(std::string_view key) { return term_within_limit(PREFIX_LAYOUT_LINE, key); }
std::string site_prefix_term(std::string_view prefix) { return term_within_limit(PREFIX_SITE_PREFIX, prefix); }
std::string newsletter_name_term(std::string_view name) { return term_within_limit(PREFIX_NEWSLETTER_NAME, name); }

namespace {

// "\0" for an unknown month, which sorts before every known one; "\1" and the month otherwise.
std::string month_key(std::string_view month) { return month.empty() ? std::string(1, '\0') : "\1" + std::string(month); }

}  // namespace

std::string newest_first_key(std::string_view month, std::string_view issue_id) {
    // Sorted descending, the id must come out ascending: its bytes are inverted, after a
    // terminator so that "gen-1" still precedes "gen-10".
    std::string key = month_key(month);
    for (char c : std::string(issue_id) + '\0') key += static_cast<char>(~static_cast<unsigned char>(c));
    return key;
}

std::string oldest_first_key(std::string_view month, std::string_view issue_id) {
    return month_key(month) + std::string(issue_id) + '\0';
}

std::string roles_value(const std::vector<PersonRole>& roles) {
    std::string value;
    for (const auto& role : roles) {
        if (!value.empty()) value += '\n';
        value += role.person + '\x1f' + role.role + '\x1f' + role.authority + '\x1f' + std::to_string(role.section);
    }
    return value;
}

std::vector<PersonRole> roles_from_value(std::string_view value) {
    std::vector<PersonRole> roles;
    for (const auto& line : split(value, '\n')) {
        const auto fields = split(line, '\x1f');
        if (fields.size() != 4) continue;
        roles.push_back({fields[0], fields[1], fields[2], static_cast<std::size_t>(std::strtoul(fields[3].c_str(), nullptr, 10))});
    }
    return roles;
}

std::string shard_name(std::size_t shard) { return "shard-" + std::to_string(shard); }

std::size_t shard_of(std::string_view issue_id, std::size_t shards) {
    return shards ? static_cast<std::size_t>(fnv1a_64(issue_id) % shards) : 0;
}

}  // namespace wm::schema
