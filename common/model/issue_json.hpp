#pragma once
// The issue model as JSON: what `indexer show` prints and what the index stores per issue.
#include <nlohmann/json.hpp>

#include <string_view>

#include "common/model/issue.hpp"

namespace wm {

/// A month as every JSON answer writes it: "YYYY-MM", or null when it is not known (empty).
nlohmann::json month_json(std::string_view month);

void to_json(nlohmann::json& out, const Section& section);
void from_json(const nlohmann::json& in, Section& section);
void to_json(nlohmann::json& out, const Issue& issue);
void from_json(const nlohmann::json& in, Issue& issue);

}  // namespace wm
