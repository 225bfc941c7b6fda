// Programmes decided by evidence: a test per class of mistake (made-up sentences), the scoring
// function on its own, and no value cut inside a word of the text it came from.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "common/facets/facets.hpp"
#include "common/facets/glossary.hpp"
#include "common/facets/programme_evidence.hpp"
#include "common/parse/issue_parser.hpp"
#include "common/text/text.hpp"

using namespace wm;

namespace {

Issue issue_of(const std::vector<std::string>& bodies, const std::string& id = "test") {
    Issue issue;
    issue.id = id;
    issue.file = id + ".txt";
    for (const auto& body : bodies) issue.sections.push_back({"", "", body, false});
    return issue;
}

std::vector<std::string> programmes_in_sections(const std::vector<std::string>& bodies, const Glossary& glossary = {}) {
    return extract_facets(issue_of(bodies), glossary).issue[FacetId::programmes];
}

std::vector<std::string> programmes_in(const std::string& body, const Glossary& glossary = {}) {
    return programmes_in_sections({body}, glossary);
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("programme boundaries: hyphenated words whole, nothing cut inside a word", "[facets][programmes][evidence]") {
    CHECK(programmes_in("The Pre-Birth Co-ordination Pilot started in June.") == Names{"Pre-Birth Co-ordination Pilot"});
    CHECK(programmes_in("She manages a Family Hub-based service for young carers.").empty());
}

TEST_CASE("programme boundaries: no name across 'and' or a comma from a body's name", "[facets][programmes][evidence]") {
    CHECK(programmes_in("The Practice Leaders Forum and Bright Futures Programme met in Tidewater.") ==
          Names{"Bright Futures Programme"});
    CHECK(programmes_in("The Regional Team, Bright Futures Programme staff and carers met.") == Names{"Bright Futures Programme"});
    // One name with "and" and a comma inside it stays one.
    CHECK(programmes_in("Applications for the Arts, Play and Wellbeing Programme close soon.") ==
          Names{"Arts, Play and Wellbeing Programme"});
}

TEST_CASE("programme boundaries: a capitalised leading word of the name stays", "[facets][programmes][evidence]") {
    CHECK(programmes_in("Over a hundred practitioners attended the Next Generation Week in Marlow Vale.") ==
          Names{"Next Generation Week"});
    CHECK(programmes_in("Next year the Harbour Homes Project grows.") == Names{"Harbour Homes Project"});
}

TEST_CASE("bodies and generic phrases are not programmes", "[facets][programmes][evidence]") {
    CHECK(programmes_in("The Fostering Leads Group has asked every council to host an event.").empty());
    CHECK(programmes_in("The Eastern ADCS Network welcomed two new directors in March.").empty());
    CHECK(programmes_in("The Principal Social Worker Network will run a practice week.").empty());
    CHECK(programmes_in("The Quality Assurance Board thanked staff for the annual report.").empty());
    // An owner and a generic head, or qualifiers and a head, name no particular thing.
    CHECK(programmes_in("The county's programme continues and a DfE programme on recruitment was extended.").empty());
    CHECK(programmes_in("Places on the Regional Programme and the Spring Conference are open, and the annual event moves.").empty());
    // What the clause does to a body-like name still makes it a programme.
    CHECK(programmes_in("Carers joined the Kinship Partnership, launched last year.") == Names{"Kinship Partnership"});
}

TEST_CASE("names the head-word rules missed: period words, deals, toolkits, names without a head word",
          "[facets][programmes][evidence]") {
    CHECK(programmes_in("Carers met at Kinship Care Week. Foster Care Fortnight returns in May. "
                        "Social Work Month starts on 1 March.") ==
          Names{"Foster Care Fortnight", "Kinship Care Week", "Social Work Month"});
    CHECK(programmes_in("Families visit on Christmas Day and rest the Next Week.").empty());
    CHECK(programmes_in("The coastal councils signed the Brightwater Deal. Workers use the Harbour Risk Toolkit.") ==
          Names{"Brightwater Deal", "Harbour Risk Toolkit"});
    CHECK(programmes_in("The Stepping Stones approach to reunification is spreading.") == Names{"Stepping Stones"});
    CHECK(programmes_in("Getting Ahead, the mentoring offer for care leavers, has matched its hundredth person.") ==
          Names{"Getting Ahead"});
    CHECK(programmes_in("We joined the national \u2018Belonging Matters\u2019 programme this year.") == Names{"Belonging Matters"});
    CHECK(programmes_in("Critical initiatives such as the Safe Centre have continued.") == Names{"Safe Centre"});
    CHECK(programmes_in("Jo Banks, the programme lead, spoke first.").empty());
}

TEST_CASE("a name the archive knows is known where it stands alone", "[facets][programmes][evidence]") {
    const std::string alone = "Belonging Matters has trained its first cohort of residential staff.";
    CHECK(programmes_in(alone).empty());
    Glossary glossary;
    glossary.learn(issue_of({"We joined the national \u2018Belonging Matters\u2019 programme."}, "earlier"));
    CHECK(programmes_in(alone, glossary) == Names{"Belonging Matters"});
}

TEST_CASE("one programme, one value: trailing programme word, '&', quotes and casing", "[facets][programmes][evidence]") {
    CHECK(programmes_in_sections({"The Harbourside Family Programme supports families.",
                         "Harbourside Family has recruited mentors, and the Harbourside Family Project team moved."}) ==
          Names{"Harbourside Family Programme"});
    CHECK(programmes_in_sections({"The Kin & Community Programme has a coordinator.", "Join the Kin and Community Programme."}) ==
          Names{"Kin and Community Programme"});
    CHECK(programmes_in("Nominations for the Eastern Children\u2019s Services Awards close soon.") ==
          Names{"Eastern Children's Services Awards"});
    CHECK(programmes_in_sections({"Young advisers will design the Moorside Mentoring programme\u2019s next phase.",
                         "The Moorside Mentoring Scheme now has ninety mentors."}) ==
          Names{"Moorside Mentoring Scheme"});
}

TEST_CASE("programme score: each piece of evidence moves it the way it should", "[facets][programmes][evidence]") {
    ProgrammeEvidence plain;
    plain.source = ProgrammeSource::programme_head;
    CHECK(programme_score(plain) >= kProgrammeScore);
    auto qualified = plain;
    qualified.modifiers_only = true;
    CHECK(programme_score(qualified) < kProgrammeScore);

    ProgrammeEvidence body;
    body.source = ProgrammeSource::body_head;
    body.distinctive_word = true;
    body.in_running_text = true;
    CHECK(programme_score(body) < kProgrammeScore);  // a body has a name of its own too
    auto launched = body;
    launched.done_to = true;
    CHECK(programme_score(launched) >= kProgrammeScore);
    auto acting = launched;
    acting.acts = true;
    CHECK(programme_score(acting) < programme_score(launched));
    auto called = launched;
    called.called_a_body = true;
    CHECK(programme_score(called) < kProgrammeScore);
    auto defined = body;
    defined.defined_by_acronym = true;
    CHECK(programme_score(defined) >= kProgrammeScore);
}

TEST_CASE("no programme value ends or starts inside a word of the text it came from", "[facets][programmes][evidence]") {
    std::vector<std::string> folders = {std::string(WM_CORPUS_DIR), std::string(WM_FIXTURES_DIR) + "/programmes"};
    if (std::filesystem::exists(std::string(WM_SOURCE_DIR) + "/../shared/dev/corpus"))
        folders.push_back(std::string(WM_SOURCE_DIR) + "/../shared/dev/corpus");
    Glossary glossary;
    std::vector<Issue> issues;
    for (const auto& folder : folders)
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.path().extension() != ".txt") continue;
            issues.push_back(read_issue_file(entry.path().string()));
            glossary.learn(issues.back());
        }
    REQUIRE(issues.size() >= 10);
    const auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    // A value written in the text stands there as whole words (a plural "s" after it is the same name).
    const auto whole_words_at = [&](const std::string& text, std::size_t at, std::size_t size) {
        const auto end = at + size;
        const bool after_hyphen = at >= 2 && text[at - 1] == '-' && letter(text[at - 2]);  // "ordination" of "Co-ordination"
        const bool starts = at == 0 || ((!letter(text[at - 1]) || !letter(text[at])) && !after_hyphen);
        auto after = end;
        if (after < text.size() && text[after] == 's') ++after;
        const bool ends = after >= text.size() || !letter(text[end - 1]) ||
                          !(letter(text[after]) || (text[after] == '-' && after + 1 < text.size() && letter(text[after + 1])));
        return starts && ends;
    };
    for (const auto& issue : issues) {
        std::string text = issue.title;
        for (const auto& section : issue.sections) text += "\n" + section.heading + "\n" + section.body;
        const auto facets = extract_facets(issue, glossary);
        for (const auto& value : facets.issue[FacetId::programmes]) {
            INFO(issue.id << ": " << value);
            bool written = false, whole = false;
            for (auto at = text.find(value); at != std::string::npos; at = text.find(value, at + 1)) {
                written = true;
                whole = whole || whole_words_at(text, at, value.size());
            }
            CHECK((whole || !written));
        }
    }
}
