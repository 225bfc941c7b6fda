#pragma once
// The issue model as JSON: what `indexer show` prints and what the index stores per issue.
#include <nlohmann/json.hpp>

#include "common/model/issue.hpp"

namespace wm {

void to_json(nlohmann::json& out, const Section& section);
void from_json(const nlohmann::json& in, Section& section);
void to_json(nlohmann::json& out, const Issue& issue);
void from_json(const nlohmann::json& in, Issue& issue);

}  // namespace wm
