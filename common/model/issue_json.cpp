#include "common/model/issue_json.hpp"

namespace wm {

nlohmann::json month_json(std::string_view month) {
    return month.empty() ? nlohmann::json(nullptr) : nlohmann::json(month);
}

void to_json(nlohmann::json& out, const Section& section) {
    out = {{"group", section.group},
           {"heading", section.heading},
           {"introduction", section.is_introduction},
           {"body", section.body}};
}

void from_json(const nlohmann::json& in, Section& section) {
    section.group = in.value("group", "");
    section.heading = in.value("heading", "");
    section.is_introduction = in.value("introduction", false);
    section.body = in.value("body", "");
}

void to_json(nlohmann::json& out, const Issue& issue) {
    out = {{"id", issue.id},
           {"file", issue.file},
           {"title", issue.title},
           {"kind", page_kind_name(issue.kind)},
           {"date", month_json(issue.month)},
           {"signatory", issue.signatory},
           {"sections", issue.sections},
           {"warnings", issue.warnings}};
}

void from_json(const nlohmann::json& in, Issue& issue) {
    issue.id = in.at("id").get<std::string>();
    issue.file = in.value("file", "");
    issue.title = in.value("title", "");
    issue.kind = page_kind_named(in.value("kind", "issue")).value_or(PageKind::issue);
    issue.month = in.contains("date") && in["date"].is_string() ? in["date"].get<std::string>() : "";
    issue.signatory = in.value("signatory", "");
    issue.sections = in.value("sections", std::vector<Section>{});
    issue.warnings = in.value("warnings", std::vector<std::string>{});
}

}  // namespace wm
