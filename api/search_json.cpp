#include "api/search_json.hpp"

#include <cmath>

#include "api/json_writer.hpp"
#include "common/index/schema.hpp"

namespace wm {
namespace {

// A title or heading as HTML with its matches marked; null when nothing in it matches (the plain
// text says it all), which keeps an answer of ten hits small.
void marked_or_null(JsonWriter& out, const MarkedText& marked) {
    if (marked.matches.empty()) out.null();
    else out.marked_html(marked);
}

// Members in name order, as everywhere in the answer.
void write_section(JsonWriter& out, const HitSection& section) {
    out.begin_object();
    out.key("group").value(section.group);
    out.key("heading").value(section.heading);
    out.key("heading_html");
    marked_or_null(out, section.marked_heading);
    out.key("number").value(section.number);
    out.end_object();
}

// A sub-result as Pagefind's are: where it is, its heading and its snippet.
void write_sub_result(JsonWriter& out, const HitSection& section) {
    out.begin_object();
    out.key("heading").value(section.heading);
    out.key("heading_html");
    marked_or_null(out, section.marked_heading);
    out.key("number").value(section.number);
    out.key("snippet").marked_html(section.snippet);
    out.end_object();
}

void write_hit(JsonWriter& out, const SearchHit& hit) {
    const auto& section = shown_section(hit);
    out.begin_object();
    out.key("date").value_or_null(hit.date);
    out.key("file").value(hit.file);
    out.key("issue_id").value(hit.issue_id);
    out.key("kind").value(page_kind_name(hit.kind));
    out.key("score").value(std::round(hit.score * 1000) / 1000);
    out.key("section");
    if (hit.sections.empty()) out.null();
    else write_section(out, section);
    out.key("snippet").marked_html(section.snippet);
    // The other matching sections shown, best first, after `section`.
    out.key("sub_results").begin_array();
    for (std::size_t i = 1; i < hit.sections.size(); ++i) write_sub_result(out, hit.sections[i]);
    out.end_array();
    out.key("title").value(hit.title);
    out.key("title_html");
    marked_or_null(out, hit.marked_title);
    out.end_object();
}

}  // namespace

// A page of ten hits with four facets of 100 values: reserved at once, not grown by doubling.
constexpr std::size_t kTypicalAnswerBytes = 24 * 1024;

std::string search_result_json(const SearchResult& result) {
    JsonWriter out(kTypicalAnswerBytes);
    out.begin_object();
    out.key("did_you_mean");
    if (result.did_you_mean) out.value(*result.did_you_mean);
    else out.null();
    out.key("dropped_words").begin_array();
    for (const auto& word : result.dropped_words) out.value(word);
    out.end_array();
    out.key("entity");
    if (result.entity)
        out.begin_object().key("facet").value(schema::facet(result.entity->facet).name).key("value").value(result.entity->value).end_object();
    else out.null();
    out.key("entity_match");
    if (result.entity) out.value(result.entity->match == EntityMatch::whole ? "whole" : "part");
    else out.null();
    out.key("facet_value_totals").begin_object();
    for (const auto& [name, total] : result.facet_value_totals) out.key(name).value(total);
    out.end_object();
    out.key("facets").begin_object();
    for (const auto& [name, counts] : result.facets) {
        out.key(name).begin_array();
        for (const auto& count : counts) out.count_and_value(count.count, count.value);
        out.end_array();
    }
    out.end_object();
    out.key("facets_exhaustive").value(result.facets_exhaustive);
    out.key("hits").begin_array();
    for (const auto& hit : result.hits) write_hit(out, hit);
    out.end_array();
    out.key("page").value(result.page);
    out.key("per_page").value(result.per_page);
    out.key("query").value(result.query);
    out.key("relaxed_names").begin_array();
    for (const auto& name : result.relaxed_names) out.value(name);
    out.end_array();
    out.key("took_ms").value(std::round(result.took_ms * 100) / 100);
    out.key("total").value(result.total);
    out.key("total_all_words").value(result.total_all_words);
    out.key("total_is_exact").value(result.total_is_exact);
    out.key("warnings").begin_array();
    for (const auto& warning : result.warnings)
        out.begin_object().key("code").value(warning.code).key("message").value(warning.message).end_object();
    out.end_array();
    out.end_object();
    return out.take();
}

}  // namespace wm
