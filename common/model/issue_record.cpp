#include "common/model/issue_record.hpp"

#include "common/model/issue_json.hpp"

namespace wm {

void to_json(nlohmann::json& out, const IssueRecord& record) {
    out = record.issue;
    out.update(nlohmann::json(record.facets.issue));
    for (std::size_t i = 0; i < out["sections"].size() && i < record.facets.sections.size(); ++i)
        out["sections"][i].update(nlohmann::json(record.facets.sections[i]));
    for (std::size_t i = 0; i < out["sections"].size() && i < record.section_positions.size(); ++i)
        out["sections"][i]["positions"] = {record.section_positions[i].first, record.section_positions[i].second};
    out["path"] = record.source_path;
    out["fingerprint"] = record.fingerprint;
}

void from_json(const nlohmann::json& in, IssueRecord& record) {
    record.issue = in.get<Issue>();
    record.facets.issue = in.get<FacetValues>();
    record.facets.sections.clear();
    record.section_positions.clear();
    for (const auto& section : in.value("sections", nlohmann::json::array())) {
        record.facets.sections.push_back(section.get<FacetValues>());
        if (section.contains("positions") && section["positions"].size() == 2)
            record.section_positions.emplace_back(section["positions"][0].get<std::uint32_t>(),
                                                  section["positions"][1].get<std::uint32_t>());
    }
    record.source_path = in.value("path", "");
    record.fingerprint = in.value("fingerprint", "");
}

}  // namespace wm
