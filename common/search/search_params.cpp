#include "common/search/search_params.hpp"

#include <algorithm>
#include <charconv>
#include <regex>

#include "common/errors.hpp"
#include "common/schema.hpp"
#include "common/search/query_builder.hpp"
#include "common/text.hpp"

namespace wm {
namespace {

std::string single(const Params& params, const std::string& name) {
    std::string value;
    auto [first, last] = params.equal_range(name);
    for (auto it = first; it != last; ++it)
        if (!it->second.empty()) {
            if (!value.empty()) throw InvalidRequest("invalid_search_" + name, "`" + name + "` may be given only once");
            value = it->second;
        }
    return value;
}

std::size_t positive_number(const std::string& text, const std::string& name, std::size_t maximum) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > maximum)
        throw InvalidRequest("invalid_search_" + name, "`" + name + "` must be a whole number from 1 to " +
                                                           std::to_string(maximum) + ", not `" + text + "`");
    return value;
}

std::string month(const std::string& text, const std::string& name) {
    static const std::regex pattern(R"((19|20)\d\d-(0[1-9]|1[0-2]))");
    if (!text.empty() && !std::regex_match(text, pattern))
        throw InvalidRequest("invalid_search_date", "`" + name + "` must be a month as YYYY-MM, not `" + text + "`");
    return text;
}

}  // namespace

void require_clean_text(const std::string& text, const std::string& name, const std::string& code,
                        std::size_t max_bytes) {
    if (text.size() > max_bytes)
        throw InvalidRequest(code, "`" + name + "` is " + std::to_string(text.size()) + " bytes; at most " +
                                       std::to_string(max_bytes) + " are allowed");
    if (text.find('\0') != std::string::npos || !is_valid_utf8(text))
        throw InvalidRequest(code, "`" + name + "` must be UTF-8 text without NUL bytes");
}

void require_known_params(const Params& params, std::initializer_list<std::string_view> allowed) {
    for (const auto& [name, value] : params)
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw InvalidRequest("unknown_parameter", "unknown parameter `" + name + "`");
}

SearchRequest parse_search_params(const Params& params) {
    require_known_params(params, {"q", "person", "authority", "programme", "organisation", "from", "to", "sort",
                                  "page", "per_page", "group", "facet_limit"});
    for (const auto& [name, value] : params)
        require_clean_text(value, name, name == "q" ? "invalid_search_q" : "invalid_search_" + name);

    SearchRequest request;
    request.query = single(params, "q");
    for (const auto& facet : schema::kFacets) {
        auto [first, last] = params.equal_range(std::string(facet.field));
        for (auto it = first; it != last; ++it)
            if (!trim(it->second).empty()) request.filters[std::string(facet.field)].push_back(trim(it->second));
    }
    request.from = month(single(params, "from"), "from");
    request.to = month(single(params, "to"), "to");
    if (!request.from.empty() && !request.to.empty() && request.from > request.to)
        throw InvalidRequest("invalid_search_date", "`from` (" + request.from + ") is after `to` (" + request.to + ")");

    if (const auto sort = single(params, "sort"); !sort.empty()) {
        if (sort == "relevance") request.sort = SortOrder::relevance;
        else if (sort == "newest") request.sort = SortOrder::newest;
        else if (sort == "oldest") request.sort = SortOrder::oldest;
        else throw InvalidRequest("invalid_search_sort", "`sort` must be relevance, newest or oldest, not `" + sort + "`");
    }
    if (const auto group = single(params, "group"); !group.empty()) {
        if (group == "issue") request.group = Grouping::issue;
        else if (group == "section") request.group = Grouping::section;
        else throw InvalidRequest("invalid_search_group", "`group` must be issue or section, not `" + group + "`");
    }
    if (const auto page = single(params, "page"); !page.empty()) request.page = positive_number(page, "page", kMaxPage);
    if (const auto per_page = single(params, "per_page"); !per_page.empty())
        request.per_page = positive_number(per_page, "per_page", kMaxPerPage);
    if (const auto limit = single(params, "facet_limit"); !limit.empty())
        request.facet_limit = positive_number(limit, "facet_limit", 1000);
    return request;
}

}  // namespace wm
