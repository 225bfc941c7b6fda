#pragma once
// SearchResult -> the JSON the daemon answers (see searchd/openapi.json), written straight
// into a string: members in name order, as a nlohmann::json object would write them.
#include <string>

#include "common/search/search_request.hpp"

namespace wm {

std::string search_result_json(const SearchResult& result);

}  // namespace wm
