#pragma once
// SearchResult -> the JSON the daemon answers (see searchd/openapi.json).
#include <nlohmann/json.hpp>

#include "common/search/search_request.hpp"

namespace wm {

void to_json(nlohmann::json& out, const FacetCount& count);
void to_json(nlohmann::json& out, const SearchHit& hit);
void to_json(nlohmann::json& out, const SearchResult& result);

}  // namespace wm
