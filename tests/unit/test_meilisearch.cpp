// The Meilisearch-compatible request and response shapes, without a database.
#include <catch2/catch.hpp>

#include "api/meilisearch.hpp"
#include "common/errors.hpp"

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
    result.hits.push_back({"001", "001.txt", "Regional Update – June <2023>", "2023-06", 2, "Care & Leavers", "", 1.5,
                           "the care <mark>leaver</mark> offer &amp; &lt;more&gt;"});
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
