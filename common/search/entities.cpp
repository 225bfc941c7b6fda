#include "common/search/entities.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "common/errors.hpp"
#include "common/facets/canonical.hpp"
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

std::vector<FacetCount> top(const std::map<std::string, std::size_t>& counts) {
    std::vector<FacetCount> sorted;
    for (const auto& [value, count] : counts) sorted.push_back({value, count});
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    if (sorted.size() > kTopCompanions) sorted.resize(kTopCompanions);
    return sorted;
}

}  // namespace

EntityView entity_view(const Xapian::Database& db, const schema::Facet& facet, const std::string& value,
                       const Glossary& glossary) {
    const auto canonical = canonical_facet_value(facet.id, value, glossary);
    const auto term = schema::facet_term(facet, canonical);
    if (!db.term_exists(term)) throw NotFoundError("no issue mentions " + std::string(facet.field) + " '" + value + "'");

    EntityView view;
    view.facet = &facet;
    view.value = canonical;
    std::map<std::string, std::string> issues;  // id -> month
    std::map<std::string, std::map<std::string, std::size_t>> companions;
    std::vector<std::string> section_texts;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto doc = db.get_document(*it);
        const auto record = record_of(doc);
        const auto& issue = record.issue;
        issues[issue.id] = issue.month;
        for (const auto& other : schema::kFacets) {
            if (!is_companion_facet(other.id)) continue;
            for (const auto& v : split(doc.get_value(other.slot), schema::kListSeparator))
                if (!v.empty() && !(other.id == facet.id && match_key(v) == match_key(canonical)))
                    ++companions[std::string(other.name)][v];
        }
        for (const auto& v : split(doc.get_value(facet.slot), schema::kListSeparator))
            if (match_key(v) == match_key(canonical)) view.value = v;
        for (std::size_t i = 0; i < record.facets.sections.size() && i < issue.sections.size(); ++i) {
            const auto& values = record.facets.sections[i][facet.id];
            if (std::none_of(values.begin(), values.end(), [&](const auto& v) { return match_key(v) == match_key(canonical); }))
                continue;
            if (facet.id == FacetId::people) section_texts.push_back(issue.sections[i].body);
            view.mentions.push_back({issue.id, issue.title, issue.month, i, issue.sections[i].heading});
        }
    }
    // Roles are looked for once the name is known as the issues write it.
    std::map<std::string, std::size_t> roles;
    if (!section_texts.empty()) {
        const RoleFinder finder(view.value);
        for (const auto& text : section_texts) finder.count_in(text, roles);
    }
    for (auto& [role, count] : roles) view.roles.push_back({role, count});
    std::sort(view.mentions.begin(), view.mentions.end(), [](const auto& a, const auto& b) {
        return a.month != b.month ? a.month > b.month : a.issue_id != b.issue_id ? a.issue_id > b.issue_id
                                                                                   : a.section < b.section;
    });
    view.issues = issues.size();
    std::map<std::string, std::size_t> timeline;
    std::vector<std::string> months;
    for (const auto& [id, month] : issues) {
        ++timeline[month];
        if (!month.empty()) months.push_back(month);
    }
    for (const auto& [month, count] : timeline)
        if (!month.empty()) view.timeline.push_back({month, count});
    if (const auto unknown = timeline.find(""); unknown != timeline.end()) view.timeline.push_back({"", unknown->second});
    if (!months.empty()) {
        view.first_mention = *std::min_element(months.begin(), months.end());
        view.last_mention = *std::max_element(months.begin(), months.end());
    }
    for (const auto& other : schema::kFacets)
        if (is_companion_facet(other.id)) view.companions[std::string(other.name)] = top(companions[std::string(other.name)]);
    return view;
}

}  // namespace wm
