#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>

#include "api/json_writer.hpp"
#include "api/marked_text.hpp"
#include "api/search_json.hpp"

using wm::search_result_json;

namespace {

wm::SearchResult a_result() {
    wm::SearchResult result;
    result.query = "care \"leaver\" \\ offer";
    result.total = 12;
    result.total_all_words = 9;
    result.dropped_words = {"offer"};
    result.total_is_exact = false;
    result.took_ms = 1.23456;
    result.page = 2;
    result.per_page = 5;
    wm::SearchHit hit;
    hit.issue_id = "2023-05";
    hit.file = "corpus/2023-05.txt";
    hit.title = "Regional Update – May 2023";
    hit.date = "2023-05";
    wm::HitSection section;
    section.number = 3;
    section.heading = "Care leavers";
    section.group = "News";
    section.snippet = {"the care leaver\toffer\x01", {{4, 8}}};
    section.marked_heading = {"Care leavers", {{0, 4}}};
    hit.sections = {section};
    hit.marked_title = {"Regional Update – May 2023 <care>", {{29, 35}}};
    hit.score = 2.34567;
    hit.kind = wm::PageKind::article;
    result.hits = {hit, wm::SearchHit{}};
    result.facets["people"] = {{"Pat Bullen", 4}, {"Jo Britton", 1}};
    result.facets["years"] = {{"2023", 7}};
    result.facet_value_totals = {{"people", 2}, {"years", 1}};
    result.facets_exhaustive = false;
    result.did_you_mean = "care leaver offer";
    result.warnings = {{"showing_corrected", "no results"}};
    return result;
}

}  // namespace

TEST_CASE("a search answer is the JSON a nlohmann::json object of it would write", "[api][search-json]") {
    const auto text = search_result_json(a_result());
    const auto parsed = nlohmann::json::parse(text);
    // Members in name order and numbers as nlohmann writes them: the same bytes.
    CHECK(parsed.dump() == text);
    CHECK(parsed["query"] == "care \"leaver\" \\ offer");
    CHECK(parsed["total"] == 12);
    CHECK(parsed["total_all_words"] == 9);
    CHECK(parsed["dropped_words"] == nlohmann::json::array({"offer"}));
    CHECK(parsed["total_is_exact"] == false);
    CHECK(parsed["took_ms"] == 1.23);
    CHECK(parsed["page"] == 2);
    CHECK(parsed["per_page"] == 5);
    CHECK(parsed["facets_exhaustive"] == false);
    CHECK(parsed["did_you_mean"] == "care leaver offer");
    CHECK(parsed["warnings"] == nlohmann::json::parse(R"([{"code":"showing_corrected","message":"no results"}])"));
    CHECK(parsed["facets"]["people"] == nlohmann::json::parse(R"([{"value":"Pat Bullen","count":4},{"value":"Jo Britton","count":1}])"));
    CHECK(parsed["facet_value_totals"] == nlohmann::json::parse(R"({"people":2,"years":1})"));
    const auto& hit = parsed["hits"][0];
    CHECK(hit["issue_id"] == "2023-05");
    CHECK(hit["title"] == "Regional Update – May 2023");
    CHECK(hit["kind"] == "article");
    CHECK(hit["score"] == 2.346);
    CHECK(hit["section"] ==
          nlohmann::json::parse(R"({"number":3,"heading":"Care leavers","group":"News","heading_html":"<mark>Care</mark> leavers"})"));
    CHECK(hit["title_html"] == "Regional Update – May 2023 <mark>&lt;care&gt;</mark>");
    CHECK(hit["snippet"] == "the <mark>care</mark> leaver\toffer\x01");
    // An empty date and no section are null.
    CHECK(parsed["hits"][1]["date"].is_null());
    CHECK(parsed["hits"][1]["section"].is_null());
    CHECK(parsed["hits"][0]["sub_results"] == nlohmann::json::array());
    CHECK(parsed["hits"][1]["sub_results"] == nlohmann::json::array());
    wm::SearchResult empty;
    CHECK(nlohmann::json::parse(search_result_json(empty))["did_you_mean"].is_null());
    CHECK(nlohmann::json::parse(search_result_json(empty))["entity"].is_null());
    CHECK(nlohmann::json::parse(search_result_json(empty))["entity_match"].is_null());
}

TEST_CASE("a search answer says which name the query is or names, and each hit's matching sections", "[api][search-json]") {
    auto result = a_result();
    result.entity = wm::NamedEntity{wm::FacetId::authorities, "Telford and Wrekin", wm::EntityMatch::part};
    wm::HitSection other;
    other.number = 5;
    other.heading = "Leaving care";
    other.marked_heading = {"Leaving care", {{8, 12}}};
    other.snippet = {"a care offer", {{2, 6}}, true, false};
    result.hits[0].sections.push_back(other);
    const auto text = search_result_json(result);
    const auto parsed = nlohmann::json::parse(text);
    CHECK(parsed.dump() == text);  // still in name order
    CHECK(parsed["entity"] == nlohmann::json::parse(R"({"facet":"authorities","value":"Telford and Wrekin"})"));
    CHECK(parsed["entity_match"] == "part");
    const auto& others = parsed["hits"][0]["sub_results"];
    REQUIRE(others.size() == 1);
    CHECK(parsed["hits"][0]["section"]["number"] == 3);
    CHECK(others[0] == nlohmann::json::parse(
                             R"({"number":5,"heading":"Leaving care","heading_html":"Leaving <mark>care</mark>","snippet":"…a <mark>care</mark> offer"})"));
    // Nothing marked in a title or heading: null, the plain text says it all.
    result.hits[0].marked_title = {};
    result.hits[0].sections[0].marked_heading = {"Care leavers", {}};
    const auto unmarked = nlohmann::json::parse(search_result_json(result))["hits"][0];
    CHECK(unmarked["title_html"].is_null());
    CHECK(unmarked["section"]["heading_html"].is_null());
    result.entity->match = wm::EntityMatch::whole;
    CHECK(nlohmann::json::parse(search_result_json(result))["entity_match"] == "whole");
}

TEST_CASE("JSON strings escape what they must and replace invalid UTF-8, as nlohmann does", "[api][search-json]") {
    const std::string samples[] = {
        "plain", "quote \" backslash \\ slash /", "controls \b\f\n\r\t\x01\x1f\x7f", "Wolverhampton – “quoted” é 😀",
        "cut \xE2\x80", "lone \x80 continuation", "overlong \xC0\xAF and \xE0\x80\xAF", "surrogate \xED\xA0\x80",
        "past U+10FFFF \xF4\x90\x80\x80", "bad lead \xFF\xFE", std::string("nul \0 inside", 12)};
    for (const auto& sample : samples) {
        INFO(sample);
        std::string written;
        wm::append_json_string(written, sample);
        const auto expected = nlohmann::json(sample).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        // Both are JSON that a strict parser reads, to the same string.
        CHECK(nlohmann::json::parse(written) == nlohmann::json::parse(expected));
    }
}

// Long strings with what must be escaped at every offset of the eight-byte words the writer
// scans: each reads back, strictly parsed, as nlohmann's writing of it does.
TEST_CASE("JSON strings of any length escape at any offset", "[api][search-json]") {
    const std::vector<std::string> pieces = {"a", "plain text ", "\"", "\\", "\n", "\x01", "\x7f", "\xC3\xA9",
                                             "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\x80", "\xE2\x80", "/", " "};
    std::mt19937 random(11);
    for (int round = 0; round < 2000; ++round) {
        std::string sample;
        for (int i = 0, n = static_cast<int>(random() % 24); i < n; ++i) sample += pieces[random() % pieces.size()];
        INFO(sample);
        std::string written;
        wm::append_json_string(written, sample);
        const auto expected = nlohmann::json(sample).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        CHECK(nlohmann::json::parse(written) == nlohmann::json::parse(expected));
    }
}

TEST_CASE("a JSON writer separates members and elements at every depth", "[api][search-json]") {
    wm::JsonWriter out;
    out.begin_object().key("a").begin_array().value(std::size_t{1}).begin_object().end_object().begin_array().end_array().null().end_array();
    out.key("b").value(true).key("c").value(0.5).end_object();
    CHECK(out.take() == R"({"a":[1,{},[],null],"b":true,"c":0.5})");
}

// A snippet is written as JSON straight from the marked text: the same string as marked_html()
// spells, whatever the text holds (HTML's and JSON's characters, controls, invalid UTF-8).
TEST_CASE("a marked text is written as the JSON string of its HTML", "[api][search-json]") {
    const std::vector<std::string> pieces = {"care", " ", "&", "<b>", "\"", "'", "\\", "\x01", "\x7f", "\xC3\xA9",
                                             "\xE2\x80\x9C", "\x80", "\xE2\x80", "leaver"};
    std::mt19937 random(5);
    for (int round = 0; round < 2000; ++round) {
        wm::MarkedText marked;
        for (int i = 0, n = static_cast<int>(random() % 16); i < n; ++i) {
            const auto& piece = pieces[random() % pieces.size()];
            const bool match = random() % 4 == 0;
            if (match) marked.matches.push_back({marked.text.size(), marked.text.size() + piece.size()});
            marked.text += piece;
        }
        marked.cut_before = random() % 2;
        marked.cut_after = random() % 3 == 0;
        INFO(marked.text);
        wm::JsonWriter out;
        out.marked_html(marked);
        const auto expected = nlohmann::json(wm::marked_html(marked)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        CHECK(nlohmann::json::parse(out.take()) == nlohmann::json::parse(expected));
    }
}
