// The parser on the five real issues and on made-up layouts, furniture and bad input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "common/errors.hpp"
#include "common/parse/furniture_learner.hpp"
#include "common/parse/issue_parser.hpp"
#include "common/parse/title.hpp"
#include "common/text/month.hpp"
#include "common/text/text.hpp"

using namespace wm;

namespace {

Issue seed(const std::string& id) { return read_issue_file(std::string(WM_CORPUS_DIR) + "/" + id + ".txt"); }

std::vector<std::string> headings(const Issue& issue) {
    std::vector<std::string> out;
    for (const auto& s : issue.sections) out.push_back(s.heading);
    return out;
}

bool has_heading(const Issue& issue, const std::string& heading) {
    const auto all = headings(issue);
    return std::find(all.begin(), all.end(), heading) != all.end();
}

std::string all_text(const Issue& issue) {
    std::string text = issue.title;
    for (const auto& s : issue.sections) text += "\n" + s.group + "\n" + s.heading + "\n" + s.body;
    return text;
}

const Section* introduction(const Issue& issue) {
    for (const auto& s : issue.sections)
        if (s.is_introduction) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("seed issues: title, month and signatory", "[parser][seeds]") {
    struct Expected { const char* id; const char* title; const char* month; const char* signatory; };
    const Expected expected[] = {
        {"000_0ade5a7af2cbefc2", "Regional Update - April 2022", "2022-04", "Jenny Turnross"},
        {"001_bdbd675849e79961", "Regional Update \u2013 November 2023", "2023-11", "Tina Russell"},
        {"002_0fd2bfd31e05e50e", "Regional Update \u2013 December 2022", "2022-12", "Emma Bennett"},
        {"003_5a3c62a5cd5b4844", "Regional Update \u2013 March 2023", "2023-03", "Pete Campbell"},
        {"004_ad146b42a34eb8f9", "Regional Update \u2013 July 2022", "2022-07", "Michael W Jarrett MBE"},
    };
    for (const auto& e : expected) {
        INFO(e.id);
        const auto issue = seed(e.id);
        CHECK(issue.id == e.id);
        CHECK(issue.file == std::string(e.id) + ".txt");
        CHECK(issue.title == e.title);
        CHECK(issue.month == e.month);
        CHECK(issue.signatory == e.signatory);
        CHECK(issue.warnings.empty());
        const auto* intro = introduction(issue);
        REQUIRE(intro != nullptr);
        CHECK(intro->body.find(e.signatory) != std::string::npos);
    }
}

TEST_CASE("seed issues: section headings", "[parser][seeds]") {
    const auto april = seed("000_0ade5a7af2cbefc2");
    CHECK(introduction(april)->heading == "From the Co-Vice-Chair");
    for (const char* h : {"RIIA activity", "DCS Development", "Regional Care Leaver Offer", "PSW Master Classes",
                          "Culture, Diversity and Anti-Racist Leadership Programme", "Early Help and Targeted Support"})
        CHECK(has_heading(april, h));
    for (const auto& s : april.sections)
        if (s.heading == "PSW Master Classes") CHECK(s.group == "Key Updates");
    // "Key Updates:" only groups the sections under it; it has no body of its own.
    CHECK_FALSE(has_heading(april, "Key Updates"));
    // A lead-in line ending in ':' is text, not a heading.
    CHECK_FALSE(has_heading(april, "For further details please contact"));

    const auto november = seed("001_bdbd675849e79961");
    for (const char* h : {"From our RIIA Sponsor", "SEND Co-ordinator", "New Chairs and Sponsors",
                          "SEND Leadership Programme 2024", "The Teaching Partnership and LGA workforce project"})
        CHECK(has_heading(november, h));
    CHECK_FALSE(has_heading(november, "Jane can be contacted at"));

    const auto july = seed("004_ad146b42a34eb8f9");
    CHECK(introduction(july)->heading.empty());
    for (const char* h : {"What\u2019s in a name?", "New DCS for Staffordshire", "Regional Induction Handbook",
                          "Aspirant Leaders \u2013 Coaching Element places"})
        CHECK(has_heading(july, h));
    CHECK_FALSE(has_heading(july, "SEND peer challenges can include"));
}

TEST_CASE("seed issues: furniture never becomes text", "[parser][seeds]") {
    for (const char* id : {"000_0ade5a7af2cbefc2", "001_bdbd675849e79961", "002_0fd2bfd31e05e50e",
                           "003_5a3c62a5cd5b4844", "004_ad146b42a34eb8f9"}) {
        INFO(id);
        const auto text = to_lower(all_text(seed(id)));
        for (const char* furniture : {"top of page", "bottom of page", "recent posts", "see all", "views0 comments"})
            CHECK(text.find(furniture) == std::string::npos);
    }
}

TEST_CASE("bullets stay text and a sentence broken by the page dump is rejoined", "[parser]") {
    const auto issue = parse_issue(
        "Regional Update - May 2024\n\nNews Round-up:\n\n"
        "\u2022 First point about the pilot.\n\u2022 Second point.\n\n"
        "We will create a realistic regional offer to\n\nCare Leavers across the region.\n",
        "x.txt");
    REQUIRE(issue.sections.size() == 1);
    CHECK(issue.sections[0].heading == "News Round-up");
    CHECK(issue.sections[0].body.find("\u2022 First point about the pilot.\n\u2022 Second point.") != std::string::npos);
    CHECK(issue.sections[0].body.find("offer to Care Leavers") != std::string::npos);
}

TEST_CASE("the newer page layout's furniture is dropped", "[parser][furniture]") {
    const auto issue = parse_issue(
        "top of page\n\nregionalteam\n\nJul 22\n\n4 min read\n\nRegional Update \u2013 July 2024\n\n"
        "Updated: Jul 23\n\nA new programme starts this month for aspiring leaders.\n\n"
        "Best wishes\n\nSam Okafor\n\n12 views0 comments\n\n3 likes\n\nPost not marked as liked\n\nbottom of page\n",
        "newer.txt");
    CHECK(issue.title == "Regional Update \u2013 July 2024");
    CHECK(issue.month == "2024-07");
    CHECK(issue.signatory == "Sam Okafor");
    const auto text = all_text(issue);
    for (const char* furniture : {"regionalteam", "Jul 22", "min read", "Updated", "likes", "views", "liked"})
        CHECK(text.find(furniture) == std::string::npos);
}

TEST_CASE("month from the title, else the file name, else a dated line, else unknown", "[parser][month]") {
    CHECK(parse_issue("Regional Update - Sept 2021\n\nText here.\n", "a.txt").month == "2021-09");
    const auto from_name = parse_issue("Regional Update\n\nText here.\n", "regional-update-june-2022.txt");
    CHECK(from_name.month == "2022-06");
    CHECK(from_name.title == "Regional Update \u2013 June 2022");  // the file name names the month, the line does not
    CHECK(parse_issue("News\n\n3 December 2030\n\nText.\n", "b.txt").month == "2030-12");
    CHECK(parse_issue("News\n- Mar 3, 2025\nText.\nMore.\n", "c.txt").month == "2025-03");
    const auto byline = parse_issue("News\n\nPosted on 10 March 2031 by the Partnership Office\n\nText.\n", "e.txt");
    CHECK(byline.month == "2031-03");
    CHECK(all_text(byline).find("Posted") == std::string::npos);
    // A date without a year, in a banner, or a meeting named in the text never sets the month.
    for (const char* text : {"News\n- Oct 24\nText.\nMore.\n", "News\n\nFeatured event: 12 Jul 2031\n\nText.\n",
                             "News\n\nAt the August meeting in 2030 we met.\n"}) {
        INFO(text);
        CHECK(parse_issue(text, "d.txt").month.empty());
    }
    const auto unknown = parse_issue("Regional Update\n\nText here.\n", "000_0ade5a7af2cbefc2.txt");
    CHECK(unknown.month.empty());
    CHECK_FALSE(unknown.warnings.empty());
}

TEST_CASE("a page without a title line gets a title a person would write, with a warning", "[parser][title]") {
    const auto notes = parse_issue("Some unrelated notes about the meeting.\n\nMore notes follow here.\n", "notes-2023.txt");
    CHECK(notes.title == "Notes 2023");
    CHECK(notes.id == "notes-2023");
    REQUIRE_FALSE(notes.warnings.empty());
    CHECK(notes.warnings.front().find("no title") != std::string::npos);
    CHECK(all_text(notes).find("unrelated notes") != std::string::npos);

    // An opaque id says nothing: a headless issue is named for its month (and the newsletter the
    // archive's title lines name), a page for its first heading.
    const std::string headless = "the rest of the letter continues here.\n\nJanuary 2031\n\nBest wishes\n\nAlex Morgan\n\n"
                                 "Workforce:\n\nText.\n\nTraining:\n\nMore text.\n";
    const auto issue = parse_issue(headless, "020_9f8e7d6c5b4a3210.txt");
    CHECK(issue.kind == PageKind::issue);
    CHECK(issue.title == "January 2031");
    ArchiveLayout archive;
    for (const char* month : {"May", "June", "July"})
        archive.add_page(layout_keys_of("Eastvale Bulletin \u2013 " + std::string(month) + " 2031\n\nText.\n", "x.txt"));
    CHECK(parse_issue(headless, "020_9f8e7d6c5b4a3210.txt", archive).title == "Eastvale Bulletin \u2013 January 2031");
    const auto page = parse_issue("the rest of a page.\n\nOpening Hours:\n\nNine to five.\n", "021_00aa11bb22cc33dd.txt");
    CHECK(page.kind == PageKind::page);
    CHECK(page.title == "Opening Hours");
}

TEST_CASE("bad input is refused with a reason or read sensibly", "[parser][input]") {
    CHECK_THROWS_AS(parse_issue_bytes("", "empty.txt"), InputError);
    CHECK_THROWS_AS(parse_issue_bytes("  \n\n \t\n", "blank.txt"), InputError);
    CHECK_THROWS_WITH(parse_issue_bytes(std::string("PK\x03\x04\0\0\0binary", 14), "zip.txt"),
                      Catch::Contains("binary"));

    const auto crlf_bom = parse_issue_bytes("\xEF\xBB\xBFRegional Update - April 2022\r\n\r\nBody text.\r\n", "b.txt");
    CHECK(crlf_bom.title == "Regional Update - April 2022");
    CHECK(crlf_bom.sections.at(0).body == "Body text.");

    const auto latin = parse_issue_bytes("Regional Update - April 2022\n\nChildren\x92s services caf\xe9.\n", "c.txt");
    CHECK(latin.sections.at(0).body == "Children\u2019s services caf\u00e9.");
    CHECK(is_valid_utf8(latin.sections.at(0).body));
    CHECK_FALSE(latin.warnings.empty());
}

TEST_CASE("curly quotes and dashes fold for matching only", "[text]") {
    CHECK(match_key("Birmingham Children\u2019s Trust") == match_key("birmingham children's trust"));
    CHECK(match_key("Telford & Wrekin") == "telford and wrekin");
    CHECK(fold_punctuation("a \u2013 b") == "a - b");
}

// The four page layouts, each a made-up page in tests/fixtures/pages/.
namespace {

Issue fixture(const std::string& name) { return read_issue_file(std::string(WM_FIXTURES_DIR) + "/pages/" + name); }

// A fixture page judged against the layout of all the fixture pages, as an indexing run judges it.
Issue fixture_in_archive(const std::string& name) {
    ArchiveLayout archive;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(WM_FIXTURES_DIR) + "/pages")) {
        const auto bytes = read_file_bytes(entry.path().string(), kMaxIssueFileBytes);
        archive.add_page(layout_keys_of(decode_text(bytes).text, entry.path().string()));
    }
    return read_issue_file(std::string(WM_FIXTURES_DIR) + "/pages/" + name, archive);
}

bool has_section(const Issue& issue, const std::string& heading) {
    return std::any_of(issue.sections.begin(), issue.sections.end(), [&](const Section& s) { return s.heading == heading; });
}

void check_no_furniture(const Issue& issue) {
    const auto text = to_lower(all_text(issue));
    for (const char* furniture : {"top of page", "jane.doe", "regional.team", "min read", "views", "likes", "liked",
                                  "oct 24", "mar 3", "dec 2030"})
        CHECK(text.find(furniture) == std::string::npos);
}

}  // namespace

TEST_CASE("layout 1, the seeds' layout: blank lines between paragraphs", "[parser][layouts]") {
    const auto issue = fixture("017_5e0c9a1b2d3f4e6a.txt");
    CHECK(issue.title == "Regional Update \u2013 May 2031");
    CHECK(issue.month == "2031-05");
    CHECK(issue.kind == PageKind::issue);
    CHECK(issue.signatory == "Harriet Oduya");
    REQUIRE(introduction(issue) != nullptr);
    CHECK(introduction(issue)->heading == "From the Regional Chair");
    CHECK(has_section(issue, "Quality of Practice"));
    CHECK(has_section(issue, "Key Events"));
    check_no_furniture(issue);
}

TEST_CASE("layout 2, the newer layout: one paragraph per line, a post header of '- ' items", "[parser][layouts]") {
    const auto issue = fixture("regional-update-october-2030.txt");
    CHECK(issue.title == "Regional Update \u2013 October 2030");
    CHECK(issue.month == "2030-10");
    CHECK(issue.kind == PageKind::issue);
    CHECK(issue.signatory == "Rowan Achebe");
    CHECK(has_section(issue, "From our Sponsor"));
    CHECK(has_section(issue, "Awards"));
    REQUIRE_FALSE(issue.sections.empty());
    CHECK(issue.sections.front().body.starts_with("Dear colleagues,"));  // what a snippet starts with
    check_no_furniture(issue);
    CHECK(issue.warnings.empty());
}

TEST_CASE("layout 3, headless: the page starts mid-text, the title comes from the file name", "[parser][layouts]") {
    const auto issue = fixture("regional-update-june-2030.txt");
    CHECK(issue.title == "Regional Update \u2013 June 2030");
    CHECK(issue.month == "2030-06");
    CHECK(issue.kind == PageKind::issue);
    CHECK(has_section(issue, "Workforce Update"));
    CHECK(all_text(issue).find("the partnership has continued") != std::string::npos);

    const auto opaque = fixture_in_archive("018_a4b3c2d1e0f9a8b7.txt");
    CHECK(opaque.kind == PageKind::issue);  // an introduction letter among headed sections
    CHECK(opaque.month == "2030-06");       // from the dated line
    CHECK(opaque.title == "Regional Update \u2013 June 2030");  // the name the archive's title lines give
    CHECK(opaque.signatory == "Tamsin Greaves");
    check_no_furniture(opaque);
}

TEST_CASE("layout 4, pages that are not issues: home page, article, chair's message", "[parser][layouts]") {
    const auto home = fixture("home.txt");
    CHECK(home.title == "ABOUT US");
    CHECK(home.kind == PageKind::page);
    CHECK(home.month.empty());  // "Featured event: 12 Jul 2031" is a banner, not the page's date

    const auto article = fixture("celebrating-success.txt");
    CHECK(article.title == "Celebrating Success");
    CHECK(article.kind == PageKind::article);
    CHECK(article.month == "2031-03");  // "- Mar 3, 2031"; "At the August meeting" is not a date
    check_no_furniture(article);

    const auto message = fixture("our-chairs-end-of-year-message.txt");
    CHECK(message.title == "Our Chair\u2019s end of year message");
    CHECK(message.kind == PageKind::article);
    CHECK(message.month == "2030-12");
    CHECK(message.signatory == "Priya Lakhani");
    check_no_furniture(message);
}

TEST_CASE("titles: a first line that reads as text or as a heading is not a title", "[parser][title]") {
    for (const char* line : {"Dear colleagues,", "From our Sponsor:", "What is in regional working?",
                             "We have had a very busy month across the region and want to share it.",
                             "the text starts mid-sentence", "- a list item"}) {
        INFO(line);
        CHECK_FALSE(reads_as_title(line));
    }
    for (const char* line : {"ABOUT US", "Celebrating Success", "Our Chair\u2019s end of year message", "Thank you."}) {
        INFO(line);
        CHECK(reads_as_title(line));
    }
    CHECK(title_from_slug("celebrating-success.txt") == "Celebrating Success");
    CHECK(title_from_slug("our-chairs-end-of-year-message.txt") == "Our Chairs End of Year Message");
    CHECK(title_from_slug("000_0ade5a7af2cbefc2.txt").empty());
    CHECK(newsletter_month_in_file_name("regional-update-june-2030.txt") == "2030-06");
    CHECK(newsletter_month_in_file_name("2030-06.txt") == "2030-06");
    CHECK_FALSE(newsletter_month_in_file_name("celebrating-success-june-2030.txt"));
}

TEST_CASE("seed issues renamed to slugs and stripped of their title keep title, month and sections", "[parser][seeds]") {
    for (const char* id : {"000_0ade5a7af2cbefc2", "001_bdbd675849e79961", "002_0fd2bfd31e05e50e",
                           "003_5a3c62a5cd5b4844", "004_ad146b42a34eb8f9"}) {
        INFO(id);
        const auto original = seed(id);
        std::string text = read_file_bytes(std::string(WM_CORPUS_DIR) + "/" + id + ".txt", kMaxIssueFileBytes);
        const auto title_at = text.find(original.title);
        REQUIRE(title_at != std::string::npos);
        text.erase(title_at, original.title.size());
        auto month_name = to_lower(month_name_and_year(original.month));  // "april 2022"
        const auto slug = "regional-update-" + month_name.replace(month_name.find(' '), 1, "-") + ".txt";
        const auto renamed = parse_issue(decode_text(text).text, slug);
        CHECK(match_key(renamed.title) == match_key(original.title));  // en dash or hyphen alike
        CHECK(renamed.month == original.month);
        CHECK(headings(renamed) == headings(original));
        CHECK(renamed.kind == PageKind::issue);
    }
}
