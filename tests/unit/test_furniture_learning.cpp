// Page furniture learned by recurrence, on two made-up sites (tests/fixtures/sites/): what recurs
// at the head and tail of their pages is never a title, a month, a facet value or text, and what
// has a role on the page keeps it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "common/facets/facets.hpp"
#include "common/parse/furniture_learner.hpp"
#include "common/parse/issue_parser.hpp"
#include "common/parse/title.hpp"
#include "common/text/text.hpp"

using namespace wm;

namespace {

std::string site_folder(const std::string& site) { return std::string(WM_FIXTURES_DIR) + "/sites/" + site; }

std::string page_text(const std::string& path) {
    return decode_text(read_file_bytes(path, kMaxIssueFileBytes)).text;
}

// Every page of the site parsed as an indexing run parses them: each judged against all.
std::map<std::string, Issue> parsed_site(const std::string& site) {
    ArchiveLayout archive;
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(site_folder(site))) paths.push_back(entry.path().string());
    for (const auto& path : paths) archive.add_page(layout_keys_of(page_text(path), path));
    std::map<std::string, Issue> issues;
    for (const auto& path : paths) {
        auto issue = parse_issue(page_text(path), path, archive);
        issues.emplace(issue.id, std::move(issue));
    }
    return issues;
}

Issue alone(const std::string& site, const std::string& id) {
    const auto path = site_folder(site) + "/" + id + ".txt";
    return parse_issue(page_text(path), path);
}

std::string all_text(const Issue& issue) {
    std::string text;
    for (const auto& section : issue.sections) text += section.heading + "\n" + section.body + "\n";
    return text;
}

// Whether a line of the issue's text starts with these words.
bool has_line(const Issue& issue, const std::string& start) {
    for (const auto& line : split(all_text(issue), '\n'))
        if (line.starts_with(start)) return true;
    return false;
}

bool has_heading(const Issue& issue, const std::string& heading) {
    return std::any_of(issue.sections.begin(), issue.sections.end(), [&](const Section& s) { return s.heading == heading; });
}

// What the fixtures' sites put on every page: a site name and menu, a "What's on" box with
// another event's date, a consent banner, a "Read next" teaser; a "Diary date" box, an image's
// file name and its alt text as a caption, a footer.
const std::vector<std::string> kEastvaleFurniture = {
    "Eastvale Children\u2019s Services Network", "Menu", "What\u2019s on", "14 May 2031", "Spring Practice Conference",
    "This website uses cookies", "Accept all cookies", "Manage preferences", "Read next", "\u00a9 2031"};
const std::vector<std::string> kNorthmoorFurniture = {
    "Newsletters", "Cookie settings", "We value your privacy", "Diary date", "5 June 2031",
    "Northmoor regional conference", "northmoor-chair.jpg", "Photo: our chair"};

void check_no_furniture(const std::map<std::string, Issue>& site, const std::vector<std::string>& furniture_lines) {
    for (const auto& [id, issue] : site) {
        INFO(id);
        for (const auto& furniture : furniture_lines) {
            INFO(furniture);
            CHECK_FALSE(issue.title.starts_with(furniture));
            CHECK_FALSE(has_line(issue, furniture));
        }
    }
}

}  // namespace

TEST_CASE("a site's recurring head lines are never a title, a month or text", "[parser][furniture-learning]") {
    const auto site = parsed_site("eastvale");
    // Alone, a page has nothing to compare with: the site's name reads as its title and the
    // sidebar's event date as its month. That is what the archive is for.
    const auto summit_alone = alone("eastvale", "eastvale-cs-news-coastal-kinship-summit");
    CHECK(summit_alone.title == "Eastvale Children\u2019s Services Network");
    CHECK(summit_alone.month == "2031-05");

    const auto& summit = site.at("eastvale-cs-news-coastal-kinship-summit");
    CHECK(summit.title == "Coastal Kinship Summit");
    CHECK(summit.month == "2031-03");  // its own date line, under its own title
    const auto& project = site.at("eastvale-cs-news-harbour-lane-family-project");
    CHECK(project.title == "Harbour Lane Family Project");
    CHECK(project.month.empty());  // the only date on the page is the "What's on" box's
    check_no_furniture(site, kEastvaleFurniture);
}

TEST_CASE("furniture is never a facet value", "[parser][furniture-learning]") {
    const auto site = parsed_site("eastvale");
    const Glossary glossary;
    for (const auto& [id, issue] : site) {
        INFO(id);
        const auto facets = extract_facets(issue, glossary);
        for (const auto& values : facets.issue.lists)
            for (const auto& value : values) CHECK(value != "Spring Practice Conference");  // the sidebar's event
    }
    const auto alone_facets = extract_facets(alone("eastvale", "eastvale-cs-news-foster-carer-fortnight"), glossary);
    CHECK(alone_facets.issue[FacetId::programmes] == std::vector<std::string>{"Spring Practice Conference"});
}

TEST_CASE("a stamp on every page is not the page's date, a page's own date line is", "[parser][furniture-learning]") {
    const auto site = parsed_site("northmoor");
    CHECK(alone("northmoor", "kinship-carers-share-their-stories").month == "2031-04");  // the stamp, read alone
    const auto& stories = site.at("kinship-carers-share-their-stories");
    CHECK(stories.title == "Kinship carers share their stories");
    CHECK(stories.month.empty());  // "Updated: 3 April 2031" is on many pages; "Thursday 5 June 2031" is the box's
    const auto& academy = site.at("a-new-home-for-the-practice-academy");
    CHECK(academy.title == "A new home for the practice academy");
    CHECK(academy.month == "2031-05");  // "Posted 14 May 2031": its own
    check_no_furniture(site, kNorthmoorFurniture);
}

TEST_CASE("recurring salutations, sign-offs, signatures and section headings keep their roles",
          "[parser][furniture-learning]") {
    for (const auto& [id, issue] : parsed_site("northmoor")) {
        if (!id.starts_with("northmoor-round-up")) continue;
        INFO(id);
        CHECK(issue.kind == PageKind::issue);
        CHECK(issue.signatory == "Ada Penhallow");
        CHECK(has_heading(issue, "Dates for your diary"));
        CHECK(all_text(issue).find("Hello everyone,") != std::string::npos);
        CHECK(all_text(issue).find("Kind regards") != std::string::npos);
        // A long line is the page's text, however many pages repeat it.
        CHECK(all_text(issue).find("is the regional network of directors") != std::string::npos);
    }
    for (const auto& [id, issue] : parsed_site("eastvale")) {
        if (!id.starts_with("eastvale-cs-news-eastvale-bulletin")) continue;
        INFO(id);
        CHECK(issue.signatory == "Corin Ashdown");
        CHECK(has_heading(issue, "Workforce Update"));
        CHECK(all_text(issue).find("Dear colleagues,") != std::string::npos);
    }
}

TEST_CASE("a site that files pages under their date: bylines, a 'Related' teaser naming another page",
          "[parser][furniture-learning]") {
    const auto site = parsed_site("westpeaks");
    const std::map<std::string, std::pair<std::string, std::string>> expected = {
        {"2031-03-peaks-bulletin-march", {"Peaks Bulletin \u2013 March 2031", "2031-03"}},
        {"2031-04-peaks-bulletin-april", {"Peaks Bulletin \u2013 April 2031", "2031-04"}},
        {"2031-05-peaks-bulletin-may", {"Peaks Bulletin \u2013 May 2031", "2031-05"}},
        {"2031-05-practice-week-2031", {"Practice Week 2031", "2031-05"}},
        {"2031-06-new-chair-for-the-partnership", {"New chair for the partnership", "2031-06"}}};
    for (const auto& [id, title_and_month] : expected) {
        INFO(id);
        CHECK(site.at(id).title == title_and_month.first);
        CHECK(site.at(id).month == title_and_month.second);  // the byline's, never the "Upcoming events" box's
    }
    check_no_furniture(site, {"Western Peaks Children's Partnership", "About the Partnership", "Search for:", "Posted on",
                              "Categories:", "Share this:", "Upcoming events", "9 June 2031", "Leave a comment"});
}

TEST_CASE("a sentence repeated at the end of issues is their text", "[parser][furniture-learning]") {
    // Newsletters repeat announcements month after month; only a page's head has banners that are sentences.
    const auto page = [](int month) {
        return "Bulletin " + std::to_string(month) + "\n\nThe forum met in month " + std::to_string(month) +
               " and agreed its plan for the year, with every council taking part in the work.\n\n"
               "Please book your place on the spring course.\n";
    };
    ArchiveLayout archive;
    for (int month = 1; month <= 5; ++month) archive.add_page(layout_keys_of(page(month), "p.txt"));
    CHECK(has_line(parse_issue(page(6), "p.txt", archive), "Please book your place on the spring course."));
}

TEST_CASE("a teaser of another post is furniture, except on the post it names", "[parser][furniture-learning]") {
    const auto site = parsed_site("eastvale");
    // Every page ends with "Read next" and the February bulletin's title; that bulletin keeps it as its title.
    CHECK(site.at("eastvale-cs-news-eastvale-bulletin-february-2031").title == "Eastvale Bulletin \u2013 February 2031");
    CHECK(site.at("eastvale-cs-news-eastvale-bulletin-february-2031").month == "2031-02");
    CHECK_FALSE(has_line(site.at("eastvale-cs-news-eastvale-bulletin-march-2031"), "Eastvale Bulletin"));
}

TEST_CASE("a page without a title line is titled from its file name without the site's prefix",
          "[parser][furniture-learning]") {
    // Titled pages named "eastvale-cs-news-<their title>" teach the prefix.
    const auto site = parsed_site("eastvale");
    CHECK(site.at("eastvale-cs-news-foster-carer-fortnight").title == "Foster Carer Fortnight");
    CHECK(title_from_slug("eastvale-cs-news-foster-carer-fortnight.txt") == "Eastvale Cs News Foster Carer Fortnight");
    ArchiveLayout archive;
    archive.add_page(layout_keys_of("Foster Carer Fortnight\n\nText.\n", "eastvale-cs-news-foster-carer-fortnight.txt"));
    CHECK(title_from_slug("eastvale-cs-news-harbour-day.txt", archive) == "Eastvale Cs News Harbour Day");  // one page is no rule
    archive.add_page(layout_keys_of("Harbour Day\n\nText.\n", "eastvale-cs-news-harbour-day.txt"));
    CHECK(title_from_slug("eastvale-cs-news-winter-fair.txt", archive) == "Winter Fair");
    CHECK(title_from_slug("2031-06-12-spring-fair.txt") == "Spring Fair");  // the date the site filed it under
    CHECK(title_from_slug("conference-2031.txt") == "Conference 2031");
    // A name that is the newsletter and its month keeps its words.
    CHECK(title_from_slug("eastvale-bulletin-june-2030.txt", archive) == "Eastvale Bulletin \u2013 June 2030");
}

TEST_CASE("a line is the site's when three pages and one in 200 have it", "[parser][furniture-learning]") {
    const std::string paragraph =
        "The spring fair brought families from every part of the county together for a day of stalls, games and advice.";
    int pages = 0;
    const auto page = [&](std::string_view label) {
        const auto title = "Page " + std::to_string(++pages);
        return layout_keys_of(std::string(label) + "\n\n" + title + "\n\n" + paragraph + "\n", title + ".txt");
    };
    const std::string text = "Latest news\n\nSpring Fair\n\n" + paragraph + "\n";
    ArchiveLayout archive;
    for (int i = 0; i < 2; ++i) archive.add_page(page("Latest news"));
    CHECK(parse_issue(text, "p.txt", archive).title == "Latest news");
    archive.add_page(page("Latest news"));
    CHECK(parse_issue(text, "p.txt", archive).title == "Spring Fair");
    for (int i = 0; i < 997; ++i) archive.add_page(page("Other label " + std::to_string(i)));
    CHECK(archive.pages() == 1000);
    CHECK(parse_issue(text, "p.txt", archive).title == "Latest news");  // 3 in 1,000 is chance
}

TEST_CASE("layout keys: folded lines, no bare dates", "[parser][furniture-learning]") {
    CHECK(layout_key("- What\u2019s  On") == "what's on");
    CHECK(layout_key("Thursday 5th June 2031").empty());
    CHECK(layout_key("12/03/2031").empty());
    CHECK(layout_key("Jul 22").empty());
    CHECK(layout_key("Updated: 3 April 2031") == "updated: 3 april 2031");
}

TEST_CASE("another region's newsletter is named by the same rules", "[parser][title]") {
    CHECK(names_newsletter("Yorkshire and Humber Digest \u2013 May 2031"));
    CHECK(names_newsletter("Northmoor Round-up, June 2031"));
    CHECK(names_newsletter("Monthly Bulletin"));
    CHECK_FALSE(names_newsletter("Update on the kinship offer"));
    CHECK(newsletter_month_in_file_name("north-east-e-bulletin-june-2030.txt") == "2030-06");
    CHECK(newsletter_month_in_file_name("em-adcs-newsletter-2030-06.txt") == "2030-06");
    CHECK(newsletter_name_in("Northmoor Round-up \u2013 April 2031") == "Northmoor Round-up");
    CHECK(newsletter_name_in("Coastal Kinship Summit").empty());
}
