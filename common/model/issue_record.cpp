#include "common/model/issue_record.hpp"

#include "common/model/issue_json.hpp"

namespace wm {

void to_json(nlohmann::json& out, const IssueRecord& record) {
    out = record.issue;
    out.update(nlohmann::json(record.facets.issue));
    for (std::size_t i = 0; i < out["sections"].size() && i < record.facets.sections.size(); ++i)
        out["sections"][i].update(nlohmann::json(record.facets.sections[i]));
    out["roles"] = record.facets.roles;
    out["path"] = record.source_path;
    out["fingerprint"] = record.fingerprint;
}

void from_json(const nlohmann::json& in, IssueRecord& record) {
    record.issue = in.get<Issue>();
    record.facets.issue = in.get<FacetValues>();
    record.facets.sections.clear();
    for (const auto& section : in.value("sections", nlohmann::json::array()))
        record.facets.sections.push_back(section.get<FacetValues>());
    record.facets.roles = in.value("roles", std::vector<PersonRole>{});
    record.source_path = in.value("path", "");
    record.fingerprint = in.value("fingerprint", "");
}

}  // namespace wm
