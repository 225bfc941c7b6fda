#include "api/meilisearch.hpp"

#include <algorithm>
#include <regex>

#include "api/params.hpp"
#include "common/errors.hpp"
#include "common/index/schema.hpp"
#include "common/search/query_builder.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Meilisearch's default page size.
constexpr std::size_t kDefaultLimit = 20;

const schema::Facet& facet_named(const std::string& name, ErrorCode code) {
    const auto* facet = find_facet(name);
    if (!facet)
        throw RequestError(code, "unknown attribute `" + name +
                                       "`: use people, authorities, programmes or organisations");
    return *facet;
}

std::string unquote(std::string text) {
    text = trim(text);
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
        text = text.substr(1, text.size() - 2);
    return text;
}

// One condition: `authorities = "Solihull"`, `"people"='Pat Bullen'`, `programmes IN [a, "b"]`,
// `date >= 2022-04` / `date <= 2023-06`.
void add_condition(const std::string& text, std::vector<std::pair<std::string, std::string>>& any,
                   SearchRequest& request) {
    static const std::regex equals(R"(^\s*("?)(\w+)\1\s*=\s*(.+?)\s*$)");
    static const std::regex in_list(R"(^\s*("?)(\w+)\1\s+IN\s*\[(.*)\]\s*$)", std::regex::icase);
    static const std::regex date_bound(R"(^\s*("?)date\1\s*(>=|<=)\s*(.+?)\s*$)");
    std::smatch m;
    if (std::regex_match(text, m, date_bound)) {
        const auto month = unquote(m[3]);
        (m[2] == ">=" ? request.from : request.to) = month_bound(month, "date", ErrorCode::invalid_search_filter);
    } else if (std::regex_match(text, m, in_list)) {
        const auto& facet = facet_named(m[2], ErrorCode::invalid_search_filter);
        for (const auto& value : split(m[3].str(), ','))
            if (!trim(value).empty()) any.emplace_back(facet.field, unquote(value));
    } else if (std::regex_match(text, m, equals)) {
        any.emplace_back(facet_named(m[2], ErrorCode::invalid_search_filter).field, unquote(m[3]));
    } else {
        throw RequestError(ErrorCode::invalid_search_filter,
                             "cannot read the filter `" + text +
                                 "`: use `facet = \"value\"`, `facet IN [...]`, `date >= YYYY-MM`, joined by AND");
    }
}

// OR inside one facet, AND across facets: what our filters mean. A group that ORs two
// different facets cannot be expressed and is refused rather than answered wrongly.
void add_group(const std::vector<std::string>& conditions, SearchRequest& request) {
    std::vector<std::pair<std::string, std::string>> any;
    for (const auto& condition : conditions) add_condition(condition, any, request);
    if (any.empty()) return;
    for (const auto& [field, value] : any) {
        if (field != any.front().first)
            throw RequestError(ErrorCode::invalid_search_filter, "OR across different facets is not supported");
        request.filters[field].push_back(value);
    }
}

std::vector<std::string> split_on(const std::string& text, const std::regex& separator) {
    std::vector<std::string> parts;
    std::sregex_token_iterator it(text.begin(), text.end(), separator, -1), end;
    for (; it != end; ++it)
        if (!trim(it->str()).empty()) parts.push_back(it->str());
    return parts;
}

void parse_filter(const nlohmann::json& filter, SearchRequest& request) {
    static const std::regex and_word(R"(\s+AND\s+)", std::regex::icase);
    static const std::regex or_word(R"(\s+OR\s+)", std::regex::icase);
    if (filter.is_null()) return;
    if (filter.is_string()) {
        for (auto group : split_on(filter.get<std::string>(), and_word)) {
            group = trim(group);
            if (group.size() >= 2 && group.front() == '(' && group.back() == ')') group = group.substr(1, group.size() - 2);
            add_group(split_on(group, or_word), request);
        }
        return;
    }
    if (!filter.is_array()) throw RequestError(ErrorCode::invalid_search_filter, "`filter` must be a string or an array");
    for (const auto& item : filter) {
        if (item.is_string()) {
            parse_filter(item, request);
        } else if (item.is_array()) {
            std::vector<std::string> conditions;
            for (const auto& condition : item) {
                if (!condition.is_string())
                    throw RequestError(ErrorCode::invalid_search_filter, "nested filter arrays hold strings");
                conditions.push_back(condition.get<std::string>());
            }
            add_group(conditions, request);
        } else {
            throw RequestError(ErrorCode::invalid_search_filter, "`filter` arrays hold strings or arrays of strings");
        }
    }
}

std::size_t whole_number(const nlohmann::json& body, const std::string& name, ErrorCode code, std::size_t fallback,
                         std::size_t minimum, std::size_t maximum) {
    if (!body.contains(name) || body[name].is_null()) return fallback;
    const auto& value = body[name];
    require_in_range(value.is_number_integer() ? value.get<long long>() : -1, name, minimum, maximum, code);
    return value.get<std::size_t>();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
}

// Meilisearch's _formatted is plain text with the caller's tags around matches (the caller
// escapes it, as InstantSearch does); our snippets are HTML with <mark>.
std::string retag(const std::string& snippet, const MeilisearchQuery& query) {
    std::string out = snippet;
    replace_all(out, "<mark>", query.highlight_pre);
    replace_all(out, "</mark>", query.highlight_post);
    for (const auto& [entity, character] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"},
                                            {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        replace_all(out, entity, character);
    return out;
}

}  // namespace

MeilisearchQuery parse_meilisearch_query(const nlohmann::json& body) {
    if (!body.is_object()) throw RequestError(ErrorCode::bad_request, "the search body must be a JSON object");
    MeilisearchQuery query;
    auto& request = query.request;
    request.as_you_type = true;  // Meilisearch matches the last word as a prefix: InstantSearch searches as you type
    if (body.contains("q") && !body["q"].is_null()) {
        if (!body["q"].is_string()) throw RequestError(ErrorCode::invalid_search_q, "`q` must be a string");
        request.query = body["q"].get<std::string>();
        if (request.query.size() > kMaxQueryBytes)
            throw RequestError(ErrorCode::invalid_search_q, "`q` is over " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    if (body.contains("filter")) parse_filter(body["filter"], request);
    if (body.contains("facets") && !body["facets"].is_null()) {
        if (!body["facets"].is_array()) throw RequestError(ErrorCode::invalid_search_facets, "`facets` must be an array");
        for (const auto& name : body["facets"]) {
            if (!name.is_string()) throw RequestError(ErrorCode::invalid_search_facets, "`facets` holds attribute names");
            if (name == "*") {
                for (const auto& facet : schema::kFacets) query.facets.emplace_back(facet.name);
                continue;
            }
            query.facets.emplace_back(facet_named(name.get<std::string>(), ErrorCode::invalid_search_facets).name);
        }
    }
    query.page_mode = body.contains("page") || body.contains("hitsPerPage");
    if (query.page_mode) {
        request.page = whole_number(body, "page", ErrorCode::invalid_search_page, 1, 1, kMaxPage);
        request.per_page = whole_number(body, "hitsPerPage", ErrorCode::invalid_search_hits_per_page, kDefaultLimit, 0, kMaxPerPage);
    } else {
        request.offset = whole_number(body, "offset", ErrorCode::invalid_search_offset, 0, 0, kMaxOffset);
        request.per_page = whole_number(body, "limit", ErrorCode::invalid_search_limit, kDefaultLimit, 0, kMaxPerPage);
    }
    if (body.contains("sort") && body["sort"].is_array() && !body["sort"].empty()) {
        const auto first = body["sort"][0].is_string() ? body["sort"][0].get<std::string>() : "";
        if (first == "date:desc") request.sort = SortOrder::newest;
        else if (first == "date:asc") request.sort = SortOrder::oldest;
        else throw RequestError(ErrorCode::invalid_search_sort, "sort by `date:desc` or `date:asc`");
    }
    if (body.contains("highlightPreTag") && body["highlightPreTag"].is_string())
        query.highlight_pre = body["highlightPreTag"].get<std::string>();
    if (body.contains("highlightPostTag") && body["highlightPostTag"].is_string())
        query.highlight_post = body["highlightPostTag"].get<std::string>();
    return query;
}

nlohmann::json meilisearch_response(const MeilisearchQuery& query, const SearchResult& result,
                                    std::string_view index_uid) {
    auto hits = nlohmann::json::array();
    for (const auto& hit : result.hits) {
        nlohmann::json out = {{"id", hit.issue_id},
                              {"issue_id", hit.issue_id},
                              {"file", hit.file},
                              {"title", hit.title},
                              {"date", hit.date},
                              {"section", hit.section ? nlohmann::json(*hit.section) : nlohmann::json(nullptr)},
                              {"heading", hit.section_heading},
                              {"snippet", hit.snippet}};
        out["_formatted"] = {{"id", hit.issue_id},
                             {"title", hit.title},
                             {"date", hit.date},
                             {"heading", hit.section_heading},
                             {"snippet", retag(hit.snippet, query)}};
        hits.push_back(std::move(out));
    }
    nlohmann::json distribution = nlohmann::json::object();
    for (const auto& name : query.facets) {
        auto values = nlohmann::json::object();
        const auto it = result.facets.find(name);
        if (it != result.facets.end())
            for (const auto& count : it->second) values[count.value] = count.count;
        distribution[name] = values;
    }
    nlohmann::json response = {{"indexUid", index_uid},
                               {"hits", hits},
                               {"query", query.request.query},
                               {"processingTimeMs", static_cast<long long>(result.took_ms)},
                               {"facetDistribution", distribution},
                               {"facetStats", nlohmann::json::object()}};
    const auto per_page = query.request.per_page;
    if (query.page_mode) {
        response["page"] = query.request.page;
        response["hitsPerPage"] = per_page;
        response["totalHits"] = result.total;
        response["totalPages"] = per_page ? (result.total + per_page - 1) / per_page : 0;
    } else {
        response["offset"] = query.request.offset.value_or(0);
        response["limit"] = per_page;
        response["estimatedTotalHits"] = result.total;
    }
    return response;
}

}  // namespace wm
