#include "api/views_json.hpp"

#include "common/model/issue_json.hpp"
#include "common/search/companion_facets.hpp"

namespace wm {
namespace {

nlohmann::json values_json(const std::vector<FacetCount>& values) {
    auto out = nlohmann::json::array();
    for (const auto& value : values) out.push_back({{"value", value.value}, {"count", value.count}});
    return out;
}

}  // namespace

nlohmann::json issue_list_json(const std::vector<IssueRecord>& issues) {
    auto list = nlohmann::json::array();
    for (const auto& record : issues) {
        nlohmann::json summary = {{"id", record.issue.id},
                                  {"file", record.issue.file},
                                  {"title", record.issue.title},
                                  {"date", month_json(record.issue.month)},
                                  {"signatory", record.issue.signatory}};
        summary.update(nlohmann::json(record.facets.issue));
        list.push_back(std::move(summary));
    }
    return {{"total", list.size()}, {"issues", list}};
}

nlohmann::json issue_json(const IssueRecord& record) {
    auto out = nlohmann::json(record);
    out.erase("path");
    out.erase("fingerprint");
    return out;
}

nlohmann::json related_json(const std::string& issue_id, const std::vector<RelatedIssue>& related) {
    auto list = nlohmann::json::array();
    for (const auto& issue : related) {
        auto shared = nlohmann::json::object();
        for (const auto& facet : schema::kFacets)
            if (is_companion_facet(facet.id)) shared[std::string(facet.name)] = issue.shared[facet.id];
        list.push_back({{"issue_id", issue.issue_id}, {"file", issue.file}, {"title", issue.title},
                        {"date", month_json(issue.date)}, {"score", issue.score}, {"shared", shared}});
    }
    return {{"issue_id", issue_id}, {"related", list}};
}

nlohmann::json entity_json(const EntityView& view) {
    auto mentions = nlohmann::json::array();
    for (const auto& m : view.mentions)
        mentions.push_back({{"issue_id", m.issue_id}, {"title", m.title}, {"date", month_json(m.month)},
                            {"section", m.section}, {"heading", m.heading}});
    auto timeline = nlohmann::json::array();
    for (const auto& month : view.timeline)
        timeline.push_back({{"month", month.month.empty() ? "unknown" : month.month}, {"issues", month.issues}});
    auto roles = nlohmann::json::array();
    for (const auto& role : view.roles) roles.push_back({{"role", role.role}, {"count", role.count}});
    nlohmann::json out = {{"facet", view.facet->name},
                          {"value", view.value},
                          {"issues", view.issues},
                          {"first_mention", month_json(view.first_mention)},
                          {"last_mention", month_json(view.last_mention)},
                          {"roles", roles},
                          {"timeline", timeline},
                          {"mentions", mentions}};
    for (const auto& [name, values] : view.companions) out[name] = values_json(values);
    return out;
}

nlohmann::json whos_who_json(const WhosWho& whos_who) {
    auto people = nlohmann::json::array();
    for (const auto& entry : whos_who.people)
        people.push_back({{"person", entry.person}, {"role", entry.role}, {"date", month_json(entry.month)},
                          {"issue_id", entry.issue_id}, {"section", entry.section}, {"issues", entry.issues}});
    return {{"authority", whos_who.authority}, {"people", people}};
}

nlohmann::json glossary_json(const std::vector<GlossaryEntry>& entries) {
    auto list = nlohmann::json::array();
    for (const auto& entry : entries)
        list.push_back({{"acronym", entry.acronym}, {"expansion", entry.expansion},
                        {"category", entry.category}, {"source", entry.source}});
    return {{"total", list.size()}, {"entries", list}};
}

nlohmann::json facet_values_json(const schema::Facet& facet, std::string_view prefix,
                                 const std::vector<FacetCount>& values) {
    return {{"facet", facet.name}, {"prefix", prefix}, {"values", values_json(values)}};
}

nlohmann::json suggestions_json(std::string_view typed, const std::vector<Suggestion>& suggestions) {
    auto list = nlohmann::json::array();
    for (const auto& s : suggestions) list.push_back({{"text", s.text}, {"kind", s.kind}, {"count", s.count}});
    return {{"query", typed}, {"suggestions", list}};
}

nlohmann::json health_json(std::string_view database, std::size_t documents, std::string_view revision) {
    return {{"status", "ok"}, {"database", database}, {"documents", documents}, {"issues", documents}, {"revision", revision}};
}

}  // namespace wm
