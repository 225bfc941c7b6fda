// Pages of every layout (tests/fixtures/pages/) beside the real issues, indexed by the real
// indexer and searched through a real searchd: titles a person would write, snippets free of
// page furniture, page kinds as a filter with counts, programme variants as one value.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "common/text/text.hpp"
#include "test_support.hpp"

using namespace wm;
using namespace wm::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json search(const SearchdProcess& server, const std::string& query) {
    httplib::Client client("127.0.0.1", server.port());
    const auto res = client.Get(("/api/search?per_page=100&" + query).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return json::parse(res->body);
}

std::size_t count_of(const json& result, const std::string& facet, const std::string& value) {
    for (const auto& count : result["facets"][facet])
        if (count["value"] == value) return count["count"].get<std::size_t>();
    return 0;
}

}  // namespace

TEST_CASE("pages of every layout show human titles, clean snippets and their kind", "[pages]") {
    TempDir dir;
    const auto corpus = dir / "corpus";
    copy_real_issues(corpus);
    const fs::path fixtures = fs::path(WM_FIXTURES_DIR) / "pages";
    for (const auto& page : fs::directory_iterator(fixtures)) fs::copy_file(page.path(), fs::path(corpus) / page.path().filename());
    REQUIRE(index_into(dir / "db", {corpus}).exit_code == 0);
    SearchdProcess server(dir / "db");

    const auto everything = search(server, "q=");
    const auto pages = everything["hits"].size();
    REQUIRE(pages == 12);
    for (const auto& hit : everything["hits"]) {
        const auto title = hit["title"].get<std::string>();
        INFO(hit["file"] << ": " << title);
        CHECK(title != hit["issue_id"].get<std::string>());  // never a file name
        CHECK((title.find(" ") != std::string::npos || title.find("-") == std::string::npos));
        CHECK(title.find(".txt") == std::string::npos);
    }
    CHECK(count_of(everything, "kinds", "issue") == 9);
    CHECK(count_of(everything, "kinds", "article") == 2);
    CHECK(count_of(everything, "kinds", "page") == 1);

    const auto issues_only = search(server, "q=&kind=issue");
    CHECK(issues_only["total"] == 9);
    for (const auto& hit : issues_only["hits"]) CHECK(hit["kind"] == "issue");
    CHECK(count_of(issues_only, "kinds", "article") == 2);  // the kind is counted without its own filter

    // New-layout furniture never reaches a snippet or the searchable text.
    const auto colleagues = search(server, "q=colleagues");
    REQUIRE(colleagues["total"].get<std::size_t>() > 0);
    for (const auto& hit : colleagues["hits"]) {
        const auto snippet = " " + to_lower(hit["snippet"].get<std::string>()) + " ";
        INFO(snippet);
        for (const char* furniture : {"jane.doe", "min read", " views", "oct 24", " likes"})
            CHECK(snippet.find(furniture) == std::string::npos);
    }
    CHECK(search(server, "q=jane.doe")["total"] == 0);
    CHECK(search(server, "q=%22min+read%22")["total"] == 0);

    // The headless page is titled for its month; the article by its first line.
    const auto headless = search(server, "q=%22Family+Safeguarding%22");
    REQUIRE(headless["hits"].size() == 1);
    CHECK(headless["hits"][0]["title"] == "Regional Update \u2013 June 2030");
    const auto article = search(server, "q=%22Sir+Eric+Cup%22");
    REQUIRE(article["hits"].size() == 1);
    CHECK(article["hits"][0]["title"] == "Celebrating Success");
    CHECK(article["hits"][0]["kind"] == "article");

    // One programme, one value: the long organisational name of 2030 is the Team Excellence Awards,
    // and a search for the canonical name finds the page that writes only the variant.
    const auto awards = search(server, "programme=Team+Excellence+Awards");
    CHECK(awards["total"] == 2);
    CHECK(search(server, "q=%22Team+Excellence+Awards%22")["total"] == 2);
}
