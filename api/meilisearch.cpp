#include "api/meilisearch.hpp"

#include "api/filter.hpp"
#include "api/marked_text.hpp"
#include "api/params.hpp"
#include "api/error_codes.hpp"
#include "common/index/schema.hpp"
#include "common/search/query_builder.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Meilisearch's default page size and crop length.
constexpr std::size_t kDefaultLimit = 20;
constexpr std::size_t kDefaultCropLength = 10;
constexpr std::size_t kMaxCropLength = 1000;

// A hit's attributes, and those with text to mark or crop.
const std::set<std::string> kAttributes(kHitAttributes.begin(), kHitAttributes.end());
const std::set<std::string> kTextAttributes = {"title", "heading", "snippet"};

// Meilisearch fields this archive cannot honour: refused by name rather than as unknown.
const std::set<std::string> kUnsupported = {"distinct", "attributesToSearchOn", "hybrid", "vector", "retrieveVectors",
                                            "showRankingScoreDetails", "rankingScoreThreshold", "locales"};

const std::set<std::string> kSearchFields = {
    "q", "filter", "facets", "page", "hitsPerPage", "offset", "limit", "sort", "highlightPreTag", "highlightPostTag",
    "attributesToRetrieve", "attributesToHighlight", "attributesToCrop", "cropLength", "cropMarker",
    "showMatchesPosition", "showRankingScore", "matchingStrategy"};

void require_known_fields(const nlohmann::json& body, const std::set<std::string>& known) {
    for (const auto& item : body.items()) {
        if (known.contains(item.key())) continue;
        if (kUnsupported.contains(item.key()))
            throw RequestError(ErrorCode::bad_request, "`" + item.key() + "` is not supported by this archive");
        throw RequestError(ErrorCode::bad_request, "Unknown field `" + item.key() + "`");
    }
}

bool given(const nlohmann::json& body, const char* name) { return body.contains(name) && !body[name].is_null(); }

const schema::Facet& facet_named(const std::string& name, ErrorCode code) {
    const auto* facet = find_facet(name);
    if (!facet)
        throw RequestError(code, "unknown attribute `" + name +
                                       "`: use people, authorities, programmes, organisations or kind");
    return *facet;
}

// The facet's name in requests and in SearchResult::facets ("kind" is counted as "kinds").
std::string facet_key(const std::string& name, ErrorCode code) {
    if (name == kKindField) return "kinds";
    return std::string(facet_named(name, code).name);
}

std::size_t whole_number(const nlohmann::json& body, const std::string& name, ErrorCode code, std::size_t fallback,
                         std::size_t minimum, std::size_t maximum) {
    if (!body.contains(name) || body[name].is_null()) return fallback;
    const auto& value = body[name];
    require_in_range(value.is_number_integer() ? value.get<long long>() : -1, name, minimum, maximum, code);
    return value.get<std::size_t>();
}

bool flag(const nlohmann::json& body, const char* name, ErrorCode code) {
    if (!given(body, name)) return false;
    if (!body[name].is_boolean()) throw RequestError(code, std::string("`") + name + "` must be true or false");
    return body[name].get<bool>();
}

std::string text_field(const nlohmann::json& body, const char* name, ErrorCode code, std::string fallback) {
    if (!given(body, name)) return fallback;
    if (!body[name].is_string()) throw RequestError(code, std::string("`") + name + "` must be a string");
    auto text = body[name].get<std::string>();
    require_clean_text(text, name, code);
    return text;
}

// An array of attribute names ("*" for all): each from `allowed`.
std::vector<std::string> attribute_list(const nlohmann::json& body, const char* name, ErrorCode code) {
    std::vector<std::string> names;
    if (!given(body, name)) return names;
    if (!body[name].is_array()) throw RequestError(code, std::string("`") + name + "` must be an array of attribute names");
    for (const auto& item : body[name]) {
        if (!item.is_string()) throw RequestError(code, std::string("`") + name + "` holds attribute names");
        names.push_back(item.get<std::string>());
    }
    return names;
}

void require_attribute(const std::string& attribute, const char* field, ErrorCode code) {
    if (attribute != "*" && !kAttributes.contains(attribute))
        throw RequestError(code, std::string("`") + field + "`: unknown attribute `" + attribute +
                                     "`: a hit has id, issue_id, file, title, date, kind, section, heading and snippet");
}

MatchingStrategy matching_strategy(const nlohmann::json& body) {
    const auto name = text_field(body, "matchingStrategy", ErrorCode::invalid_search_matching_strategy, "last");
    if (name == "last") return MatchingStrategy::last;
    if (name == "all") return MatchingStrategy::all;
    if (name == "frequency") return MatchingStrategy::frequency;
    throw RequestError(ErrorCode::invalid_search_matching_strategy,
                       "`matchingStrategy` is last, all or frequency, not `" + name + "`");
}

// One sort rule: Meilisearch takes an array; a lone string is read as an array of one.
std::optional<SortOrder> sort_order(const nlohmann::json& body) {
    if (!given(body, "sort")) return std::nullopt;
    auto rules = body["sort"].is_string() ? nlohmann::json::array({body["sort"]}) : body["sort"];
    if (!rules.is_array() || rules.size() > 1 || (rules.size() == 1 && !rules[0].is_string()))
        throw RequestError(ErrorCode::invalid_search_sort, "`sort` is one rule: [\"date:desc\"] or [\"date:asc\"]");
    if (rules.empty()) return std::nullopt;
    const auto rule = rules[0].get<std::string>();
    if (rule == "date:desc") return SortOrder::newest;
    if (rule == "date:asc") return SortOrder::oldest;
    throw RequestError(ErrorCode::invalid_search_sort, "sort by `date:desc` or `date:asc`, not `" + rule + "`");
}

void read_formatting(const nlohmann::json& body, MeilisearchQuery& query) {
    query.highlight_pre = text_field(body, "highlightPreTag", ErrorCode::invalid_search_highlight_pre_tag, "<em>");
    query.highlight_post = text_field(body, "highlightPostTag", ErrorCode::invalid_search_highlight_post_tag, "</em>");
    query.crop_marker = text_field(body, "cropMarker", ErrorCode::invalid_search_crop_marker, "…");
    query.show_matches_position = flag(body, "showMatchesPosition", ErrorCode::invalid_search_show_matches_position);
    query.show_ranking_score = flag(body, "showRankingScore", ErrorCode::invalid_search_show_ranking_score);
    for (const auto& name : attribute_list(body, "attributesToRetrieve", ErrorCode::invalid_search_attributes_to_retrieve)) {
        require_attribute(name, "attributesToRetrieve", ErrorCode::invalid_search_attributes_to_retrieve);
        query.retrieve.insert(name);
    }
    if (query.retrieve.contains("*")) query.retrieve.clear();
    for (const auto& name : attribute_list(body, "attributesToHighlight", ErrorCode::invalid_search_attributes_to_highlight)) {
        require_attribute(name, "attributesToHighlight", ErrorCode::invalid_search_attributes_to_highlight);
        if (name == "*") query.highlight = kTextAttributes;
        else if (kTextAttributes.contains(name)) query.highlight.insert(name);
    }
    const auto crop_length =
        whole_number(body, "cropLength", ErrorCode::invalid_search_crop_length, kDefaultCropLength, 0, kMaxCropLength);
    for (const auto& item : attribute_list(body, "attributesToCrop", ErrorCode::invalid_search_attributes_to_crop)) {
        // "snippet:20": this attribute's own length.
        const auto colon = item.find(':');
        const auto name = item.substr(0, colon);
        require_attribute(name, "attributesToCrop", ErrorCode::invalid_search_attributes_to_crop);
        const auto words = colon == std::string::npos
                               ? crop_length
                               : bounded_integer(std::string_view(item).substr(colon + 1), "attributesToCrop", 0,
                                                 kMaxCropLength, ErrorCode::invalid_search_attributes_to_crop);
        for (const auto& attribute : name == "*" ? kTextAttributes : std::set<std::string>{name})
            if (kTextAttributes.contains(attribute)) query.crop[attribute] = words;
    }
}

// One attribute of a hit as Meilisearch's _formatted shows it: the caller's tags when it is
// highlighted, cropped when asked. Snippets are made to show matches, so theirs are always marked.
struct Formatted {
    MarkedText text;  ///< with its cuts written
    bool marked;
};

Formatted formatted(const MeilisearchQuery& query, const std::string& attribute, const MarkedText& marked,
                    const std::string& plain) {
    // A text the engine did not mark (no section shown) is shown as it is.
    const bool unmarked = marked.text.empty() && !marked.cut_before && !marked.cut_after;
    const auto& text = unmarked ? MarkedText{plain, {}} : marked;
    const auto crop = query.crop.find(attribute);
    return {crop != query.crop.end() ? crop_words(text, crop->second, query.crop_marker) : with_cuts_written(text),
            attribute == "snippet" || query.highlight.contains(attribute)};
}

nlohmann::json match_positions(const MarkedText& text) {
    auto positions = nlohmann::json::array();
    for (const auto& m : text.matches) positions.push_back({{"start", m.begin}, {"length", m.end - m.begin}});
    return positions;
}

nlohmann::json retrieved(const MeilisearchQuery& query, nlohmann::json object) {
    if (query.retrieve.empty()) return object;
    nlohmann::json kept = nlohmann::json::object();
    for (const auto& name : query.retrieve)
        if (object.contains(name)) kept[name] = object[name];
    return kept;
}

nlohmann::json hit_json(const MeilisearchQuery& query, const SearchHit& hit) {
    const auto& section = shown_section(hit);
    nlohmann::json out = {{"id", hit.issue_id},
                          {"issue_id", hit.issue_id},
                          {"file", hit.file},
                          {"title", hit.title},
                          {"date", hit.date},
                          {"kind", page_kind_name(hit.kind)},
                          {"section", hit.sections.empty() ? nlohmann::json(nullptr) : nlohmann::json(section.number)},
                          {"heading", section.heading},
                          {"snippet", marked_html(section.snippet)}};
    auto shown = out;
    auto positions = nlohmann::json::object();
    const std::pair<const char*, Formatted> texts[] = {
        {"title", formatted(query, "title", hit.marked_title, hit.title)},
        {"heading", formatted(query, "heading", section.marked_heading, section.heading)},
        {"snippet", formatted(query, "snippet", section.snippet, "")}};
    for (const auto& [name, text] : texts) {
        shown[name] = text.marked ? with_tags(text.text, query.highlight_pre, query.highlight_post) : text.text.text;
        if (!text.text.matches.empty()) positions[name] = match_positions(text.text);
    }
    out = retrieved(query, std::move(out));
    out["_formatted"] = retrieved(query, std::move(shown));
    if (query.show_matches_position) out["_matchesPosition"] = positions;
    if (query.show_ranking_score) out["_rankingScore"] = hit.relevance;
    return out;
}

}  // namespace

void require_meilisearch_index(const std::string& uid) {
    if (uid != kMeilisearchIndexUid)
        throw RequestError(ErrorCode::index_not_found, "Index `" + uid + "` not found: this archive has one index, `issues`");
}

MeilisearchQuery parse_meilisearch_query(const nlohmann::json& body) {
    if (!body.is_object()) throw RequestError(ErrorCode::bad_request, "the search body must be a JSON object");
    require_known_fields(body, kSearchFields);
    MeilisearchQuery query;
    auto& request = query.request;
    request.as_you_type = true;  // Meilisearch matches the last word as a prefix: InstantSearch searches as you type
    request.query = text_field(body, "q", ErrorCode::invalid_search_q, "");
    request.matching = matching_strategy(body);
    if (body.contains("filter")) apply_meilisearch_filter(body["filter"], request);
    for (const auto& name : attribute_list(body, "facets", ErrorCode::invalid_search_facets)) {
        if (name == "*") {
            for (const auto& facet : schema::kFacets) query.facets.emplace_back(facet.name);
            query.facets.emplace_back(kKindField);
        } else if (name == kKindField) {
            query.facets.push_back(name);
        } else {
            query.facets.emplace_back(facet_named(name, ErrorCode::invalid_search_facets).name);  // "person" -> "people"
        }
    }
    // Both pairs are checked; page/hitsPerPage win when given, as in Meilisearch.
    const auto page = whole_number(body, "page", ErrorCode::invalid_search_page, 1, 1, kMaxPage);
    const auto hits_per_page =
        whole_number(body, "hitsPerPage", ErrorCode::invalid_search_hits_per_page, kDefaultLimit, 0, kMaxPerPage);
    const auto offset = whole_number(body, "offset", ErrorCode::invalid_search_offset, 0, 0, kMaxOffset);
    const auto limit = whole_number(body, "limit", ErrorCode::invalid_search_limit, kDefaultLimit, 0, kMaxPerPage);
    query.page_mode = given(body, "page") || given(body, "hitsPerPage");
    if (query.page_mode) {
        request.page = page;
        request.per_page = hits_per_page;
    } else {
        request.offset = offset;
        request.per_page = limit;
    }
    request.sort = sort_order(body);
    read_formatting(body, query);
    return query;
}

nlohmann::json meilisearch_response(const MeilisearchQuery& query, const SearchResult& result,
                                    std::string_view index_uid) {
    auto hits = nlohmann::json::array();
    for (const auto& hit : result.hits) hits.push_back(hit_json(query, hit));
    nlohmann::json distribution = nlohmann::json::object();
    for (const auto& name : query.facets) {
        auto values = nlohmann::json::object();
        const auto it = result.facets.find(facet_key(name, ErrorCode::invalid_search_facets));
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

std::vector<std::pair<std::string, nlohmann::json>> parse_multi_search(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("queries") || !body["queries"].is_array())
        throw RequestError(ErrorCode::bad_request, "the body must be {\"queries\": [...]}");
    if (body.contains("federation"))
        throw RequestError(ErrorCode::bad_request,
                           "federated search is not supported: send `queries` alone, and each gets its own result");
    require_known_fields(body, {"queries"});
    const auto& queries = body["queries"];
    if (queries.size() > kMaxMultiSearchQueries)
        throw RequestError(ErrorCode::invalid_multi_search_queries,
                           "at most " + std::to_string(kMaxMultiSearchQueries) + " queries per request, not " +
                               std::to_string(queries.size()));
    std::vector<std::pair<std::string, nlohmann::json>> searches;
    for (const auto& query : queries) {
        if (!query.is_object() || !query.contains("indexUid") || !query["indexUid"].is_string())
            throw RequestError(ErrorCode::missing_index_uid, "every query names its `indexUid`");
        if (query.contains("federationOptions"))
            throw RequestError(ErrorCode::bad_request, "`federationOptions` is not supported: federated search is not");
        auto search = query;
        search.erase("indexUid");
        searches.emplace_back(query["indexUid"].get<std::string>(), std::move(search));
    }
    return searches;
}

FacetSearchQuery parse_facet_search(const nlohmann::json& body) {
    if (!body.is_object()) throw RequestError(ErrorCode::bad_request, "the facet search body must be a JSON object");
    if (!given(body, "facetName") || !body["facetName"].is_string())
        throw RequestError(ErrorCode::invalid_facet_search_facet_name,
                           "`facetName` names a facet: people, authorities, programmes, organisations or kind");
    FacetSearchQuery query;
    query.facet = facet_key(body["facetName"].get<std::string>(), ErrorCode::invalid_facet_search_facet_name);
    if (given(body, "facetQuery"))
        query.facet_query = text_field(body, "facetQuery", ErrorCode::invalid_facet_search_facet_query, "");
    flag(body, "exhaustiveFacetCount", ErrorCode::bad_request);  // either way: our counts are always exhaustive
    // instant-meilisearch sends its whole search (highlighting, paging...) with the facet
    // fields: it is checked as a search is; what shapes hits changes nothing, as there are none.
    auto search = body;
    for (const auto* field : {"facetName", "facetQuery", "exhaustiveFacetCount"}) search.erase(field);
    query.request = parse_meilisearch_query(search).request;
    query.request.per_page = 0;
    query.request.facet_limit = kMaxFacetLimit;
    return query;
}

nlohmann::json facet_search_response(const FacetSearchQuery& query, const SearchResult& result) {
    const auto wanted = match_key(query.facet_query.value_or(""));
    auto hits = nlohmann::json::array();
    if (const auto it = result.facets.find(query.facet); it != result.facets.end())
        for (const auto& count : it->second) {
            const auto key = match_key(count.value);
            if (!key.starts_with(wanted) && key.find(" " + wanted) == std::string::npos) continue;
            hits.push_back({{"value", count.value}, {"count", count.count}});
            if (hits.size() == kMaxFacetHits) break;
        }
    return {{"facetHits", hits},
            {"facetQuery", query.facet_query ? nlohmann::json(*query.facet_query) : nlohmann::json(nullptr)},
            {"processingTimeMs", static_cast<long long>(result.took_ms)}};
}

}  // namespace wm
