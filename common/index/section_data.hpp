#pragma once
// What the index stores for one section of an issue: enough to show a hit (title, heading,
// the text its snippet comes from) without reading the whole issue.
#include <nlohmann/json.hpp>

#include <string>

#include "common/model/issue_record.hpp"

namespace wm {

struct SectionData {
    std::string issue_id, file, title;
    std::string month;        ///< "YYYY-MM", or empty when unknown
    std::size_t number = 0;   ///< position in the issue, from 0
    std::string group, heading;
    bool introduction = false;
    std::string text;

    /// Section number of an indexed issue.
    static SectionData of(const IssueRecord& record, std::size_t number);
};

void to_json(nlohmann::json& out, const SectionData& section);
void from_json(const nlohmann::json& in, SectionData& section);

}  // namespace wm
