#include "common/model/facet_values.hpp"

namespace wm {

void to_json(nlohmann::json& out, const FacetValues& values) {
    out = nlohmann::json::object();
    for (const auto& kind : kFacetKinds) out[std::string(kind.name)] = values[kind.id];
}

void from_json(const nlohmann::json& in, FacetValues& values) {
    for (const auto& kind : kFacetKinds)
        values[kind.id] = in.value(std::string(kind.name), std::vector<std::string>{});
}

}  // namespace wm
