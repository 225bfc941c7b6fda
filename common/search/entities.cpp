#include "common/search/entities.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "common/errors.hpp"
#include "common/facets/canonical.hpp"
#include "common/index/section_data.hpp"
#include "common/index/store.hpp"
#include "common/model/issue_record.hpp"
#include "common/search/companion_facets.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

constexpr std::size_t kTopCompanions = 10;

std::string regex_escape(const std::string& text) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(text, special, R"(\$&)");
}

// "Jo Britton (DCS Telford and Wrekin)", "Nigel Minns the DCS at Warwickshire",
// "ADCS President Steve Crocker", "the SEND Regional Coordinator, Pat Bullen". Built once per
// person, then run over every section that mentions them.
class RoleFinder {
public:
    explicit RoleFinder(const std::string& name) {
        static const std::string role_words =
            R"((?:Lead |Interim |Acting |Regional |Co-Vice-|Vice-|Deputy |Assistant |Project |ADCS |SEND |Regional SEND )*(?:DCS|Director[A-Za-z ]{0,30}|Chair|CEO|President|Sponsor|Manager|Co-?ordinator|Adviser|Advisor))";
        const auto who = regex_escape(name);
        patterns_ = {
            std::regex(who + R"(\s*\(((?:DCS|Chair|CEO|Director)[^)]{0,60})\))"),
            std::regex(who + R"(,?\s+(?:the|our|as)\s+(DCS(?:\s+(?:at|for|of)\s+[A-Z][\w&' -]{2,40}?)?)(?=[.,;]|\s+(?:and|who|will|has|is)\b))"),
            std::regex("(" + role_words + R"()\s*,?\s+)" + who),
        };
    }

    void count_in(const std::string& text, std::map<std::string, std::size_t>& roles) const {
        for (const auto& pattern : patterns_)
            for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
                ++roles[trim((*it)[1].str())];
    }

private:
    std::vector<std::regex> patterns_;
};

nlohmann::json top(const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (sorted.size() > kTopCompanions) sorted.resize(kTopCompanions);
    auto out = nlohmann::json::array();
    for (const auto& [value, count] : sorted) out.push_back({{"value", value}, {"count", count}});
    return out;
}

}  // namespace

nlohmann::json entity_view(const Xapian::Database& db, const schema::Facet& facet, const std::string& value,
                           const Glossary& glossary) {
    const auto canonical = canonical_facet_value(facet.id, value, glossary);
    const auto term = schema::facet_term(facet, canonical);
    if (!db.term_exists(term)) throw RequestError(ErrorCode::not_found, "no issue mentions " + std::string(facet.field) + " '" + value + "'");

    std::vector<SectionData> sections;
    std::map<std::string, std::string> issues;  // id -> month
    std::map<std::string, std::map<std::string, std::size_t>> companions;
    std::map<std::string, std::size_t> roles;
    std::string written = canonical;
    std::vector<std::string> section_texts;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto doc = db.get_document(*it);
        const auto record = record_of(doc);
        issues[record.issue.id] = record.issue.month;
        for (const auto& other : schema::kFacets) {
            if (!is_companion_facet(other.id)) continue;
            for (const auto& v : split(doc.get_value(other.slot), schema::kListSeparator))
                if (!v.empty() && !(other.id == facet.id && match_key(v) == match_key(canonical)))
                    ++companions[std::string(other.name)][v];
        }
        for (const auto& v : split(doc.get_value(facet.slot), schema::kListSeparator))
            if (match_key(v) == match_key(canonical)) written = v;
        for (std::size_t i = 0; i < record.facets.sections.size() && i < record.issue.sections.size(); ++i) {
            const auto& values = record.facets.sections[i][facet.id];
            if (std::none_of(values.begin(), values.end(), [&](const auto& v) { return match_key(v) == match_key(canonical); }))
                continue;
            auto section = SectionData::of(record, i);
            if (facet.id == FacetId::people) section_texts.push_back(section.text);
            sections.push_back(std::move(section));
        }
    }
    // Roles are looked for once the name is known as the issues write it.
    if (!section_texts.empty()) {
        const RoleFinder finder(written);
        for (const auto& text : section_texts) finder.count_in(text, roles);
    }
    std::sort(sections.begin(), sections.end(), [](const SectionData& a, const SectionData& b) {
        return a.month != b.month ? a.month > b.month : a.issue_id != b.issue_id ? a.issue_id > b.issue_id
                                                                                   : a.number < b.number;
    });
    auto mentions = nlohmann::json::array();
    for (const auto& m : sections)
        mentions.push_back({{"issue_id", m.issue_id}, {"title", m.title}, {"date", m.month.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.month)},
                            {"section", m.number}, {"heading", m.heading}});
    std::map<std::string, std::size_t> timeline;
    for (const auto& [id, month] : issues) ++timeline[month.empty() ? "unknown" : month];
    auto timeline_json = nlohmann::json::array();
    for (const auto& [month, count] : timeline) timeline_json.push_back({{"month", month}, {"issues", count}});
    std::vector<std::string> months;
    for (const auto& [id, month] : issues) if (!month.empty()) months.push_back(month);
    std::sort(months.begin(), months.end());
    nlohmann::json role_list = nlohmann::json::array();
    for (const auto& [role, count] : roles) role_list.push_back({{"role", role}, {"count", count}});
    nlohmann::json view = {
        {"facet", facet.name},
        {"value", written},
        {"issues", issues.size()},
        {"first_mention", months.empty() ? nlohmann::json(nullptr) : nlohmann::json(months.front())},
        {"last_mention", months.empty() ? nlohmann::json(nullptr) : nlohmann::json(months.back())},
        {"roles", role_list},
        {"timeline", timeline_json},
        {"mentions", mentions}};
    for (const auto& other : schema::kFacets)
        if (is_companion_facet(other.id)) view[std::string(other.name)] = top(companions[std::string(other.name)]);
    return view;
}

}  // namespace wm
