// Atom feeds from search results, without a server (tests/feeds/ reads them with feedparser).
#include <catch2/catch.hpp>

#include "api/atom.hpp"

using namespace wm;

namespace {

SearchHit hit(std::string id, std::string date, std::string title) {
    SearchHit h;
    h.issue_id = std::move(id);
    h.date = std::move(date);
    h.title = std::move(title);
    HitSection section;
    section.number = 2;
    section.heading = "Key <Updates>";
    section.snippet = {"the care offer & more", {{4, 8}}};
    h.sections = {section};
    return h;
}

const FeedSite kSite{"http://search.example", 1700000000};  // 2023-11-14T22:13:20Z

}  // namespace

TEST_CASE("atom: entries are dated by their month, else by the index, the feed by its newest", "[atom]") {
    SearchResult result;
    result.query = "care";
    result.hits = {hit("b", "2023-11", "Regional Update \u2013 November 2023"), hit("a", "", "Undated \x01 issue")};
    Params params{{"q", "care"}};
    const auto request = parse_search_feed_params(params);
    const auto xml = atom_feed(search_feed_description(request), result, kSite);
    CHECK(xml.find("<updated>2023-11-01T00:00:00Z</updated>") != std::string::npos);
    CHECK(xml.find("<updated>2023-11-14T22:13:20Z</updated>") != std::string::npos);
    // The feed's updated is its newest entry's: the undated issue's index time here.
    CHECK(xml.find("<updated>2023-11-14T22:13:20Z</updated>\n  <author>") != std::string::npos);
    CHECK(xml.find("<id>tag:wmsearch,2022:issue/b</id>") != std::string::npos);
    CHECK(xml.find("href=\"http://search.example/?issue=b&amp;section=2&amp;q=care\"") != std::string::npos);
    // The snippet's HTML is text in XML; control characters are left out.
    CHECK(xml.find("&lt;b&gt;care&lt;/b&gt; offer &amp;amp; more") != std::string::npos);
    CHECK(xml.find("Key &amp;lt;Updates&amp;gt;") != std::string::npos);
    CHECK(xml.find("Undated  issue") != std::string::npos);
    CHECK(request.sort == SortOrder::newest);
}

TEST_CASE("atom: the same search always has the same id, however its filters are listed", "[atom]") {
    const auto one = search_feed_description(parse_search_feed_params(
        {{"q", "care"}, {"authority", "Solihull"}, {"authority", "Dudley"}, {"from", "2022-04"}}));
    const auto two = search_feed_description(parse_search_feed_params(
        {{"from", "2022-04"}, {"authority", "Dudley"}, {"q", "care"}, {"authority", "Solihull"}}));
    CHECK(one.id == two.id);
    CHECK(one.id == "tag:wmsearch,2022:search?q=care&authority=Dudley&authority=Solihull&from=2022-04");
    CHECK(one.title == "Regional Update archive: \u201ccare\u201d \u00b7 Authority: Solihull \u00b7 Authority: Dudley"
                       " \u00b7 from April 2022");
    CHECK(one.self_path == "/api/search.atom?q=care&authority=Solihull&authority=Dudley&from=2022-04");
    CHECK(one.page_path == "/?q=care&authority=Solihull&authority=Dudley&from=2022-04");
    CHECK(search_feed_description(parse_search_feed_params({})).title == "Regional Update archive: all issues");
    CHECK_THROWS_AS(parse_search_feed_params({{"page", "2"}}), RequestError);
}

TEST_CASE("atom: an entity's feed is titled as the issues write the name", "[atom]") {
    SearchResult result;
    result.facets["authorities"] = {{"Solihull", 3}, {"Telford and Wrekin", 2}};
    const auto feed = entity_feed_description(schema::AUTHORITIES, "telford and wrekin", result);
    CHECK(feed.title == "Regional Update archive: Telford and Wrekin");
    CHECK(feed.id == "tag:wmsearch,2022:entity/authorities/telford%20and%20wrekin");
    CHECK(feed.self_path == "/api/entities/authorities/Telford%20and%20Wrekin.atom");
    CHECK(feed.page_path == "/?entity=authorities&name=Telford%20and%20Wrekin");
    const auto request = entity_feed_request(schema::AUTHORITIES, "Telford and Wrekin");
    CHECK(request.filters.at("authority") == std::vector<std::string>{"Telford and Wrekin"});
    CHECK(request.sort == SortOrder::newest);
}
