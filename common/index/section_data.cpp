#include "common/index/section_data.hpp"

namespace wm {

SectionData SectionData::of(const IssueRecord& record, std::size_t number) {
    const Issue& issue = record.issue;
    const Section& section = issue.sections.at(number);
    return {issue.id, issue.file, issue.title, issue.month, number, section.group, section.heading,
            section.is_introduction, section.body};
}

void to_json(nlohmann::json& out, const SectionData& section) {
    out = {{"issue_id", section.issue_id},
           {"file", section.file},
           {"title", section.title},
           {"date", section.month.empty() ? nlohmann::json(nullptr) : nlohmann::json(section.month)},
           {"section", section.number},
           {"group", section.group},
           {"heading", section.heading},
           {"introduction", section.introduction},
           {"text", section.text}};
}

void from_json(const nlohmann::json& in, SectionData& section) {
    section.issue_id = in.value("issue_id", "");
    section.file = in.value("file", "");
    section.title = in.value("title", "");
    section.month = in.contains("date") && in["date"].is_string() ? in["date"].get<std::string>() : "";
    section.number = in.value("section", std::size_t{0});
    section.group = in.value("group", "");
    section.heading = in.value("heading", "");
    section.introduction = in.value("introduction", false);
    section.text = in.value("text", "");
}

}  // namespace wm
