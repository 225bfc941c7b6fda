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

void to_json(nlohmann::json& out, const PersonRole& role) {
    out = {{"person", role.person}, {"role", role.role}, {"authority", role.authority}, {"section", role.section}};
}

void from_json(const nlohmann::json& in, PersonRole& role) {
    role.person = in.value("person", "");
    role.role = in.value("role", "");
    role.authority = in.value("authority", "");
    role.section = in.value("section", std::size_t{0});
}

}  // namespace wm
