#include "api/params.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "common/index/schema.hpp"
#include "common/text/month.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

struct SearchParam {
    std::string_view name;
    ErrorCode code;  ///< what a bad value of it is refused with
};

// Each parameter's bad values are refused with invalid_search_<name>.
#define WM_SEARCH_PARAM(name) SearchParam{#name, ErrorCode::invalid_search_##name}
constexpr std::array kSearchParams = {
    WM_SEARCH_PARAM(q), WM_SEARCH_PARAM(person), WM_SEARCH_PARAM(authority), WM_SEARCH_PARAM(programme),
    WM_SEARCH_PARAM(organisation), WM_SEARCH_PARAM(from), WM_SEARCH_PARAM(to), WM_SEARCH_PARAM(sort),
    WM_SEARCH_PARAM(page), WM_SEARCH_PARAM(per_page), WM_SEARCH_PARAM(group), WM_SEARCH_PARAM(facet_limit), WM_SEARCH_PARAM(kind), WM_SEARCH_PARAM(matching),
    WM_SEARCH_PARAM(as_you_type), WM_SEARCH_PARAM(correct_spelling), WM_SEARCH_PARAM(sections_per_hit)};
#undef WM_SEARCH_PARAM
static_assert([] {
    for (const auto& facet : schema::kFacets)
        if (std::none_of(kSearchParams.begin(), kSearchParams.end(), [&](const auto& p) { return p.name == facet.field; }))
            return false;
    return true;
}(), "every facet is a search parameter");

const SearchParam& search_param(std::string_view name) {
    return *std::find_if(kSearchParams.begin(), kSearchParams.end(), [&](const auto& p) { return p.name == name; });
}

void require_search_params(const Params& params) {
    for (const auto& entry : params) {
        const auto& name = entry.first;  // clang 14 cannot capture a structured binding in a lambda
        const auto known = std::find_if(kSearchParams.begin(), kSearchParams.end(),
                                        [&](const auto& p) { return p.name == name; });
        if (known == kSearchParams.end())
            throw RequestError(ErrorCode::unknown_parameter, "unknown parameter `" + name + "`");
        require_clean_text(entry.second, name, known->code);
    }
}

// The one value of a parameter that may be given once; empty when absent.
std::string single(const Params& params, std::string_view name) {
    std::string value;
    auto [first, last] = params.equal_range(std::string(name));
    for (auto it = first; it != last; ++it)
        if (!it->second.empty()) {
            if (!value.empty())
                throw RequestError(search_param(name).code, "`" + std::string(name) + "` may be given only once");
            value = it->second;
        }
    return value;
}

bool search_flag(const Params& params, std::string_view name, bool fallback) {
    const auto text = single(params, name);
    if (text.empty()) return fallback;
    if (text == "1" || text == "true") return true;
    if (text == "0" || text == "false") return false;
    throw RequestError(search_param(name).code, "`" + std::string(name) + "` must be true or false, not `" + text + "`");
}

std::size_t search_number(const Params& params, std::string_view name, std::size_t fallback, std::size_t maximum) {
    const auto text = single(params, name);
    return text.empty() ? fallback : bounded_integer(text, name, 1, maximum, search_param(name).code);
}

}  // namespace

std::size_t bounded_integer(std::string_view text, std::string_view name, std::size_t minimum, std::size_t maximum,
                            ErrorCode code) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < minimum || value > maximum)
        throw RequestError(code, "`" + std::string(name) + "` must be a whole number from " + std::to_string(minimum) +
                                     " to " + std::to_string(maximum) + ", not `" + std::string(text) + "`");
    return value;
}

void require_in_range(long long value, std::string_view name, std::size_t minimum, std::size_t maximum,
                      ErrorCode code) {
    if (value < static_cast<long long>(minimum) || value > static_cast<long long>(maximum))
        throw RequestError(code, "`" + std::string(name) + "` must be a whole number from " + std::to_string(minimum) +
                                     " to " + std::to_string(maximum));
}

std::string month_bound(std::string_view text, std::string_view name, ErrorCode code) {
    if (!text.empty() && !is_month_value(text))
        throw RequestError(code, "`" + std::string(name) + "` must be a month as YYYY-MM, not `" + std::string(text) + "`");
    return std::string(text);
}

void require_clean_text(std::string_view text, std::string_view name, ErrorCode code, std::size_t max_bytes) {
    if (text.size() > max_bytes)
        throw RequestError(code, "`" + std::string(name) + "` is " + std::to_string(text.size()) +
                                     " bytes; at most " + std::to_string(max_bytes) + " are allowed");
    // A request's bytes that are not UTF-8 are refused (400), never guessed at: the engine is
    // given only clean text.
    if (text.find('\0') != std::string_view::npos || !is_valid_utf8(text))
        throw RequestError(code, "`" + std::string(name) + "` must be UTF-8 text without NUL bytes");
}

void require_known_params(const Params& params, std::initializer_list<std::string_view> allowed) {
    for (const auto& [name, value] : params)
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw RequestError(ErrorCode::unknown_parameter, "unknown parameter `" + name + "`");
}

SearchRequest parse_search_params(const Params& params) {
    require_search_params(params);
    SearchRequest request;
    request.query = single(params, "q");
    for (const auto& facet : schema::kFacets) {
        auto [first, last] = params.equal_range(std::string(facet.field));
        for (auto it = first; it != last; ++it)
            if (!trim(it->second).empty()) request.filters[std::string(facet.field)].push_back(trim(it->second));
    }
    for (auto [first, last] = params.equal_range("kind"); first != last; ++first) {
        if (trim(first->second).empty()) continue;
        const auto kind = page_kind_named(trim(first->second));
        if (!kind)
            throw RequestError(ErrorCode::invalid_search_kind,
                               "`kind` must be issue, article or page, not `" + first->second + "`");
        request.kinds.push_back(*kind);
    }
    request.from = month_bound(single(params, "from"), "from", ErrorCode::invalid_search_date);
    request.to = month_bound(single(params, "to"), "to", ErrorCode::invalid_search_date);
    if (!request.from.empty() && !request.to.empty() && request.from > request.to)
        throw RequestError(ErrorCode::invalid_search_date,
                           "`from` (" + request.from + ") is after `to` (" + request.to + ")");

    if (const auto sort = single(params, "sort"); !sort.empty()) {
        if (sort == "relevance") request.sort = SortOrder::relevance;
        else if (sort == "newest") request.sort = SortOrder::newest;
        else if (sort == "oldest") request.sort = SortOrder::oldest;
        else throw RequestError(ErrorCode::invalid_search_sort, "`sort` must be relevance, newest or oldest, not `" + sort + "`");
    }
    if (const auto group = single(params, "group"); !group.empty()) {
        if (group == "issue") request.group = Grouping::issue;
        else if (group == "section") request.group = Grouping::section;
        else throw RequestError(ErrorCode::invalid_search_group, "`group` must be issue or section, not `" + group + "`");
    }
    if (const auto matching = single(params, "matching"); !matching.empty()) {
        if (matching == "all") request.matching = MatchingStrategy::all;
        else if (matching == "last") request.matching = MatchingStrategy::last;
        else if (matching == "frequency") request.matching = MatchingStrategy::frequency;
        else if (matching == "coverage") request.matching = MatchingStrategy::coverage;
        else throw RequestError(ErrorCode::invalid_search_matching,
                                "`matching` must be coverage, last, frequency or all, not `" + matching + "`");
    }
    request.as_you_type = search_flag(params, "as_you_type", request.as_you_type);
    request.correct_spelling = search_flag(params, "correct_spelling", request.correct_spelling);
    request.page = search_number(params, "page", request.page, kMaxPage);
    request.per_page = search_number(params, "per_page", request.per_page, kMaxPerPage);
    request.facet_limit = search_number(params, "facet_limit", request.facet_limit, kMaxFacetLimit);
    request.sections_per_hit = search_number(params, "sections_per_hit", request.sections_per_hit, kMaxSectionsPerHit);
    return request;
}

SuggestParams parse_suggest_params(const Params& params) {
    require_known_params(params, {"q", "limit"});
    SuggestParams suggest;
    // What is typed may be empty (no suggestions), but is required: a missing `q` is a client bug.
    const auto q = params.find("q");
    if (q == params.end()) throw RequestError(ErrorCode::invalid_suggest_q, "`q` is required");
    suggest.typed = q->second;
    require_clean_text(suggest.typed, "q", ErrorCode::invalid_suggest_q);
    if (const auto limit = params.find("limit"); limit != params.end())
        suggest.limit = bounded_integer(limit->second, "limit", 1, kMaxSuggestions, ErrorCode::invalid_suggest_limit);
    return suggest;
}

std::size_t parse_related_params(const Params& params) {
    require_known_params(params, {"limit"});
    const auto it = params.find("limit");
    if (it == params.end()) return kDefaultRelated;
    return bounded_integer(it->second, "limit", 1, kMaxRelated, ErrorCode::invalid_related_limit);
}

}  // namespace wm
