// The Meilisearch-compatible request and response shapes, without a database.
#include <catch2/catch.hpp>

#include "api/meilisearch.hpp"
#include "api/error_codes.hpp"

using namespace wm;
using nlohmann::json;

TEST_CASE("meilisearch: filters become facet filters, OR within and AND across", "[meilisearch]") {
    const auto query = parse_meilisearch_query(json::parse(R"({
        "q": "care", "facets": ["authorities", "people"], "hitsPerPage": 5, "page": 2,
        "filter": [["authorities=\"Solihull\"", "authorities = 'Telford & Wrekin'"], "\"people\"=\"Pat Bullen\"",
                   "date >= 2022-01 AND date <= 2022-12"]})"));
    CHECK(query.request.query == "care");
    CHECK(query.request.filters.at("authority") == std::vector<std::string>{"Solihull", "Telford & Wrekin"});
    CHECK(query.request.filters.at("person") == std::vector<std::string>{"Pat Bullen"});
    CHECK(query.request.from == "2022-01");
    CHECK(query.request.to == "2022-12");
    CHECK(query.facets == std::vector<std::string>{"authorities", "people"});
    CHECK(query.page_mode);
    CHECK(query.request.page == 2);
    CHECK(query.request.per_page == 5);

    const auto in_list = parse_meilisearch_query(json::parse(R"({"filter": "programmes IN [CRABBB, \"Family Hubs\"]"})"));
    CHECK(in_list.request.filters.at("programme") == std::vector<std::string>{"CRABBB", "Family Hubs"});
    CHECK_FALSE(in_list.page_mode);
    CHECK(in_list.request.offset == 0u);
    CHECK(in_list.request.per_page == 20);
}

TEST_CASE("meilisearch: what cannot be honoured is refused with Meilisearch's codes", "[meilisearch]") {
    const auto code_of = [](const char* body) {
        try {
            parse_meilisearch_query(json::parse(body));
        } catch (const RequestError& e) {
            return std::string(error_info(e.code).code);
        }
        return std::string("accepted");
    };
    CHECK(code_of(R"({"filter": "colour = red"})") == "invalid_search_filter");
    CHECK(code_of(R"({"filter": "authorities = Solihull OR people = 'Pat Bullen'"})") == "invalid_search_filter");
    CHECK(code_of(R"({"filter": "nonsense"})") == "invalid_search_filter");
    CHECK(code_of(R"({"facets": ["colour"]})") == "invalid_search_facets");
    CHECK(code_of(R"({"limit": 1000})") == "invalid_search_limit");
    CHECK(code_of(R"({"hitsPerPage": -1})") == "invalid_search_hits_per_page");
    CHECK(code_of(R"({"q": 7})") == "invalid_search_q");
    CHECK(code_of(R"([1, 2])") == "bad_request");
    CHECK(code_of(R"({"q": "x", "attributesToHighlight": ["*"], "attributesToCrop": ["snippet"]})") == "accepted");
}

TEST_CASE("meilisearch: response carries hits, _formatted with the caller's tags, facetDistribution", "[meilisearch]") {
    auto query = parse_meilisearch_query(json::parse(
        R"({"q": "leaver", "facets": ["authorities"], "highlightPreTag": "<b>", "highlightPostTag": "</b>"})"));
    SearchResult result;
    result.total = 3;
    result.took_ms = 2.4;
    SearchHit hit{"001", "001.txt", "2023-06", "Regional Update – June <2023>", {}, PageKind::issue, 1.5, 0, {}};
    hit.sections.push_back({2, "", "Care & Leavers", {}, {"the care leaver offer & <more>", {{9, 15}}}});
    result.hits.push_back(hit);
    result.facets["authorities"] = {{"Solihull", 2}, {"Dudley", 1}};
    const auto response = meilisearch_response(query, result, "issues");
    CHECK(response["estimatedTotalHits"] == 3);
    CHECK(response["offset"] == 0);
    CHECK(response["limit"] == 20);
    CHECK(response["processingTimeMs"] == 2);
    // Plain text with the caller's tags, as Meilisearch answers; the caller escapes it.
    CHECK(response["hits"][0]["_formatted"]["snippet"] == "the care <b>leaver</b> offer & <more>");
    CHECK(response["hits"][0]["_formatted"]["title"] == "Regional Update – June <2023>");
    CHECK(response["hits"][0]["title"] == "Regional Update – June <2023>");
    CHECK(response["facetDistribution"]["authorities"]["Solihull"] == 2);
    CHECK(response["indexUid"] == "issues");
}

namespace {

SearchRequest filtered(const json& filter) {
    return parse_meilisearch_query({{"filter", filter}}).request;
}

// The message of the refusal, or "accepted".
std::string refusal(const json& filter) {
    try {
        filtered(filter);
    } catch (const RequestError& e) {
        CHECK(e.code == ErrorCode::invalid_search_filter);
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("meilisearch filter: quoted values keep AND, OR and escapes inside them", "[meilisearch][filter]") {
    CHECK(filtered(R"(authorities = "Telford and Wrekin")").filters.at("authority") ==
          std::vector<std::string>{"Telford and Wrekin"});
    CHECK(filtered(R"(authorities = 'Bath OR Wells' AND people = "Pat \"P\" O\\Bullen")").filters ==
          std::map<std::string, std::vector<std::string>>{{"authority", {"Bath OR Wells"}},
                                                          {"person", {"Pat \"P\" O\\Bullen"}}});
    // What instant-meilisearch sends: quoted attribute names, no spaces.
    CHECK(filtered(json::array({json::array({R"("authorities"="Telford and Wrekin")", R"("authorities"="Dudley")"})}))
              .filters.at("authority") == std::vector<std::string>{"Telford and Wrekin", "Dudley"});
    // Keywords in any case; bare words end at spaces and operators.
    CHECK(filtered("authorities=Solihull or authorities=Dudley").filters.at("authority") ==
          std::vector<std::string>{"Solihull", "Dudley"});
}

TEST_CASE("meilisearch filter: IN lists, parentheses, array forms and nested groups", "[meilisearch][filter]") {
    const auto request = filtered(R"((programmes IN [CRABBB, "Family Hubs",]) AND (people = A OR people = 'B C'))");
    CHECK(request.filters.at("programme") == std::vector<std::string>{"CRABBB", "Family Hubs"});
    CHECK(request.filters.at("person") == std::vector<std::string>{"A", "B C"});
    const auto arrays = filtered(json::parse(R"(["authorities = Solihull", ["people = A", "people = B"], []])"));
    CHECK(arrays.filters.at("authority") == std::vector<std::string>{"Solihull"});
    CHECK(arrays.filters.at("person") == std::vector<std::string>{"A", "B"});
    CHECK(filtered("").filters.empty());
    CHECK(filtered(json::array()).filters.empty());
    CHECK(filtered(nullptr).filters.empty());
}

TEST_CASE("meilisearch filter: dates as bounds, ranges with TO and one month with =", "[meilisearch][filter]") {
    const auto bounds = filtered("date >= 2022-01 AND date <= 2022-12 AND date >= 2022-03");
    CHECK(bounds.from == "2022-03");  // the narrower of two lower bounds
    CHECK(bounds.to == "2022-12");
    const auto range = filtered(R"("date" 2022-01 TO 2023-12)");
    CHECK(range.from == "2022-01");
    CHECK(range.to == "2023-12");
    const auto month = filtered("date = '2023-06'");
    CHECK(month.from == "2023-06");
    CHECK(month.to == "2023-06");
    CHECK_THAT(refusal("date >= 2022"), Catch::Contains("position 9") && Catch::Contains("YYYY-MM"));
    CHECK_THAT(refusal("date > 2022-01"), Catch::Contains("position 6") && Catch::Contains("`>` is not supported"));
    CHECK_THAT(refusal("date = 2022-01 OR date = 2023-01"), Catch::Contains("position 19"));
    CHECK_THAT(refusal("date 2022-01 2023-01"), Catch::Contains("position 14") && Catch::Contains("expected TO"));
}

TEST_CASE("meilisearch filter: the page kind is a facet", "[meilisearch][filter]") {
    CHECK(filtered("kind = article OR kind = page").kinds == std::vector<PageKind>{PageKind::article, PageKind::page});
    CHECK(filtered(R"("kind" IN [issue])").kinds == std::vector<PageKind>{PageKind::issue});
    CHECK_THAT(refusal("kind = leaflet"), Catch::Contains("position 1") && Catch::Contains("issue, article or page"));
}

TEST_CASE("meilisearch filter: malformed filters are refused with the position of the fault", "[meilisearch][filter]") {
    CHECK_THAT(refusal(R"(authorities = "Solihull" AND)"), Catch::Contains("position 29") && Catch::Contains("the end"));
    CHECK_THAT(refusal("authorities === "), Catch::Contains("position 14") && Catch::Contains("expected a value"));
    CHECK_THAT(refusal(R"(authorities = "Solihull)"), Catch::Contains("position 15") && Catch::Contains("not closed"));
    CHECK_THAT(refusal("authorities IN []"), Catch::Contains("position 17") && Catch::Contains("empty"));
    CHECK_THAT(refusal("authorities IN [a, b"), Catch::Contains("position 21"));
    CHECK_THAT(refusal("authorities IN a"), Catch::Contains("position 16") && Catch::Contains("`[`"));
    CHECK_THAT(refusal("(authorities = a"), Catch::Contains("position 17") && Catch::Contains("`)`"));
    CHECK_THAT(refusal("authorities = Telford and Wrekin"), Catch::Contains("position 27"));
    CHECK_THAT(refusal("authorities = a b"), Catch::Contains("position 17") && Catch::Contains("expected AND, OR"));
    CHECK_THAT(refusal("colour = red"), Catch::Contains("position 1") && Catch::Contains("unknown attribute"));
    CHECK_THAT(refusal("NOT authorities = a"), Catch::Contains("position 1") && Catch::Contains("NOT"));
    CHECK_THAT(refusal("authorities != a"), Catch::Contains("position 13") && Catch::Contains("`!=`"));
    CHECK_THAT(refusal("authorities EXISTS"), Catch::Contains("position 13"));
    CHECK_THAT(refusal(json::array({"authorities = a", json::array({"people = 'b"})})),
               Catch::Contains("filter[1][0]") && Catch::Contains("position 10"));
    CHECK_THAT(refusal(json::array({7})), Catch::Contains("filter[0]"));
    CHECK_THAT(refusal(json::object()), Catch::Contains("string or an array"));
}

TEST_CASE("meilisearch filter: what the engine cannot answer is refused, not answered wrongly", "[meilisearch][filter]") {
    // An OR across facets, an AND within one (the engine ORs a facet's values), an OR of ANDs.
    CHECK_THAT(refusal("authorities = a OR people = b"), Catch::Contains("position 20") && Catch::Contains("across"));
    CHECK_THAT(refusal("authorities = a AND authorities = b"), Catch::Contains("position 21") && Catch::Contains("one facet"));
    CHECK_THAT(refusal(json::array({"authorities = a", "authorities = b"})),
               Catch::Contains("filter[1], position 1") && Catch::Contains("one facet"));
    CHECK_THAT(refusal("authorities = a OR (people = b AND people = c)"), Catch::Contains("position 17"));
    CHECK_THAT(refusal(json::array({json::array({"people = b AND authorities = c"})})), Catch::Contains("filter[0][0]"));
}

namespace {

// The Meilisearch code a call is refused with, or "accepted".
template <typename Call>
std::string refused_with(Call&& call) {
    try {
        call();
    } catch (const RequestError& e) {
        return std::string(error_info(e.code).code);
    }
    return "accepted";
}

std::string code_of(const json& body) {
    return refused_with([&] { parse_meilisearch_query(body); });
}

SearchResult one_hit() {
    SearchResult result;
    result.total = 1;
    SearchHit hit{"001", "001.txt", "2023-06", "Telford news", {"Telford news", {{0, 7}}}, PageKind::issue, 3.5, 0.87, {}};
    hit.sections.push_back({2, "", "Care in Telford", {"Care in Telford", {{8, 15}}},
                            {"one two three four five Telford & six seven eight nine ten eleven twelve", {{24, 31}}}});
    result.hits.push_back(hit);
    return result;
}

json answer(const json& body) {
    return meilisearch_response(parse_meilisearch_query(body), one_hit(), "issues")["hits"][0];
}

}  // namespace

TEST_CASE("meilisearch options: every field is honoured or refused, none ignored", "[meilisearch][options]") {
    CHECK(code_of({{"distinct", "title"}}) == "bad_request");
    CHECK(code_of({{"attributesToSearchOn", {"title"}}}) == "bad_request");
    CHECK(code_of({{"colour", 1}}) == "bad_request");
    CHECK(code_of({{"highlightPostTag", json::object()}}) == "invalid_search_highlight_post_tag");
    CHECK(code_of({{"highlightPreTag", 7}}) == "invalid_search_highlight_pre_tag");
    CHECK(code_of({{"cropMarker", false}}) == "invalid_search_crop_marker");
    CHECK(code_of({{"cropLength", -1}}) == "invalid_search_crop_length");
    CHECK(code_of({{"attributesToCrop", {"snippet:x"}}}) == "invalid_search_attributes_to_crop");
    CHECK(code_of({{"attributesToRetrieve", {"colour"}}}) == "invalid_search_attributes_to_retrieve");
    CHECK(code_of({{"attributesToHighlight", "title"}}) == "invalid_search_attributes_to_highlight");
    CHECK(code_of({{"showMatchesPosition", "yes"}}) == "invalid_search_show_matches_position");
    CHECK(code_of({{"showRankingScore", 1}}) == "invalid_search_show_ranking_score");
    CHECK(code_of({{"matchingStrategy", "most"}}) == "invalid_search_matching_strategy");
    CHECK(code_of({{"sort", {"date:desc", "title:asc"}}}) == "invalid_search_sort");
    CHECK(code_of({{"sort", "title:asc"}}) == "invalid_search_sort");
    CHECK(code_of({{"q", std::string("a\0b", 3)}}) == "invalid_search_q");
    CHECK(code_of({{"hitsPerPage", 5}, {"offset", "seven"}}) == "invalid_search_offset");  // found by the fuzzer
    CHECK(code_of({{"limit", 5}, {"page", 0}}) == "invalid_search_page");
    CHECK(code_of({{"facets", {"kind", "people"}}, {"sort", nullptr}, {"filter", nullptr}}) == "accepted");
}

TEST_CASE("meilisearch options: sort as a string and matchingStrategy reach the engine", "[meilisearch][options]") {
    CHECK(parse_meilisearch_query({{"sort", "date:asc"}}).request.sort == SortOrder::oldest);
    CHECK(parse_meilisearch_query({{"sort", {"date:desc"}}}).request.sort == SortOrder::newest);
    CHECK_FALSE(parse_meilisearch_query({{"sort", json::array()}}).request.sort);
    CHECK(parse_meilisearch_query(json::object()).request.matching == MatchingStrategy::last);
    CHECK(parse_meilisearch_query({{"matchingStrategy", "all"}}).request.matching == MatchingStrategy::all);
    CHECK(parse_meilisearch_query({{"matchingStrategy", "frequency"}}).request.matching == MatchingStrategy::frequency);
}

TEST_CASE("meilisearch options: highlight title and heading, crop, positions, score, retrieve", "[meilisearch][options]") {
    // Without attributesToHighlight only the snippet (made to show matches) is marked.
    const auto plain = answer(json::object());
    CHECK(plain["_formatted"]["title"] == "Telford news");
    CHECK(plain["_formatted"]["snippet"] ==
          "one two three four five <em>Telford</em> & six seven eight nine ten eleven twelve");
    CHECK_FALSE(plain.contains("_matchesPosition"));
    CHECK_FALSE(plain.contains("_rankingScore"));
    CHECK(plain["kind"] == "issue");

    // What instant-meilisearch sends: every attribute highlighted.
    const auto all = answer({{"attributesToHighlight", {"*"}}, {"highlightPreTag", "<b>"}, {"highlightPostTag", "</b>"}});
    CHECK(all["_formatted"]["title"] == "<b>Telford</b> news");
    CHECK(all["_formatted"]["heading"] == "Care in <b>Telford</b>");
    CHECK(answer({{"attributesToHighlight", {"heading"}}})["_formatted"]["title"] == "Telford news");

    const auto cropped = answer({{"attributesToCrop", {"snippet"}}, {"cropLength", 4}, {"cropMarker", "[…]"}});
    CHECK(cropped["_formatted"]["snippet"] == "[…]four five <em>Telford</em> &[…]");
    CHECK(answer({{"attributesToCrop", {"snippet:2", "title"}}, {"cropLength", 1}})["_formatted"]["snippet"] ==
          "…five <em>Telford</em>…");

    const auto positions = answer({{"showMatchesPosition", true}, {"showRankingScore", true}});
    CHECK(positions["_matchesPosition"]["title"] == json::parse(R"([{"start": 0, "length": 7}])"));
    CHECK(positions["_matchesPosition"]["heading"] == json::parse(R"([{"start": 8, "length": 7}])"));
    CHECK(positions["_matchesPosition"]["snippet"] == json::parse(R"([{"start": 24, "length": 7}])"));
    CHECK(positions["_rankingScore"] == 0.87);

    const auto some = answer({{"attributesToRetrieve", {"title", "date"}}});
    CHECK(some.size() == 3);  // title, date, _formatted
    CHECK(some["_formatted"] == json({{"title", "Telford news"}, {"date", "2023-06"}}));
}

TEST_CASE("meilisearch multi-search: at most 16 queries, each naming its index, no federation", "[meilisearch]") {
    const auto code = [](const json& body) { return refused_with([&] { parse_multi_search(body); }); };
    json queries = json::array();
    for (int i = 0; i < 16; ++i) queries.push_back({{"indexUid", "issues"}, {"q", "care"}});
    CHECK(code({{"queries", queries}}) == "accepted");
    CHECK(parse_multi_search({{"queries", queries}}).front().second == json({{"q", "care"}}));
    queries.push_back({{"indexUid", "issues"}});
    CHECK(code({{"queries", queries}}) == "invalid_multi_search_queries");
    CHECK(code({{"queries", {{{"q", "care"}}}}}) == "missing_index_uid");
    CHECK(code({{"queries", json::array()}, {"federation", json::object()}}) == "bad_request");
    CHECK(code({{"queries", {{{"indexUid", "issues"}, {"federationOptions", {{"weight", 1}}}}}}}) == "bad_request");
    CHECK(code(json::array()) == "bad_request");
}

TEST_CASE("meilisearch facet search: facet name, query, q and filter become a counted search", "[meilisearch]") {
    const auto query = parse_facet_search(
        {{"facetName", "authorities"}, {"facetQuery", "wre"}, {"q", "care"}, {"filter", "people = 'Pat'"}});
    CHECK(query.facet == "authorities");
    CHECK(query.request.query == "care");
    CHECK(query.request.filters.at("person") == std::vector<std::string>{"Pat"});
    CHECK(query.request.per_page == 0);
    SearchResult result;
    result.facets["authorities"] = {{"Telford & Wrekin", 4}, {"Wrexham", 2}, {"Dudley", 1}, {"Awre", 1}};
    const auto response = facet_search_response(query, result);
    CHECK(response["facetHits"] == json::parse(R"([{"value": "Telford & Wrekin", "count": 4}, {"value": "Wrexham", "count": 2}])"));
    CHECK(response["facetQuery"] == "wre");
    CHECK(parse_facet_search({{"facetName", "kind"}}).facet == "kinds");
    const auto code = [](const json& body) { return refused_with([&] { parse_facet_search(body); }); };
    CHECK(code({{"facetQuery", "x"}}) == "invalid_facet_search_facet_name");
    CHECK(code({{"facetName", "colour"}}) == "invalid_facet_search_facet_name");
    CHECK(code({{"facetName", "people"}, {"facetQuery", 3}}) == "invalid_facet_search_facet_query");
    CHECK(code({{"facetName", "people"}, {"colour", 3}}) == "bad_request");
    CHECK(code({{"facetName", "people"}, {"filter", "colour = red"}}) == "invalid_search_filter");
    // What instant-meilisearch sends along: a whole search, checked as one.
    CHECK(code({{"facetName", "people"}, {"attributesToHighlight", {"*"}}, {"hitsPerPage", 20}}) == "accepted");
    CHECK(code({{"facetName", "people"}, {"hitsPerPage", -1}}) == "invalid_search_hits_per_page");
}
