#include "api/search_json.hpp"

#include <cmath>

namespace wm {
namespace {

nlohmann::json or_null(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

}  // namespace

void to_json(nlohmann::json& out, const FacetCount& count) { out = {{"value", count.value}, {"count", count.count}}; }

void to_json(nlohmann::json& out, const SearchHit& hit) {
    out = {{"issue_id", hit.issue_id},
           {"file", hit.file},
           {"title", hit.title},
           {"kind", page_kind_name(hit.kind)},
           {"date", or_null(hit.date)},
           {"section", hit.section ? nlohmann::json{{"number", *hit.section},
                                                    {"heading", hit.section_heading},
                                                    {"group", hit.section_group}}
                                   : nlohmann::json(nullptr)},
           {"score", std::round(hit.score * 1000) / 1000},
           {"snippet", hit.snippet}};
}

void to_json(nlohmann::json& out, const SearchResult& result) {
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [name, counts] : result.facets) facets[name] = counts;
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& warning : result.warnings) warnings.push_back({{"code", warning.code}, {"message", warning.message}});
    out = {{"query", result.query},
           {"total", result.total},
           {"total_all_words", result.total_all_words},
           {"dropped_words", result.dropped_words},
           {"total_is_exact", result.total_is_exact},
           {"took_ms", std::round(result.took_ms * 100) / 100},
           {"page", result.page},
           {"per_page", result.per_page},
           {"hits", result.hits},
           {"facets", facets},
           {"facet_value_totals", result.facet_value_totals},
           {"facets_exhaustive", result.facets_exhaustive},
           {"did_you_mean", result.did_you_mean ? nlohmann::json(*result.did_you_mean) : nlohmann::json(nullptr)},
           {"warnings", warnings}};
}

}  // namespace wm
