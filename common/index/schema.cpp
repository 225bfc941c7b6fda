#include "common/index/schema.hpp"

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

std::string shard_name(std::size_t shard) { return "shard-" + std::to_string(shard); }

std::size_t shard_of(std::string_view issue_id, std::size_t shards) {
    return shards ? static_cast<std::size_t>(fnv1a_64(issue_id) % shards) : 0;
}

}  // namespace wm::schema
