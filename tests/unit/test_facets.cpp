// Each facet rule on small made-up sentences, including the traps newsletters set.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/facets/canonical.hpp"
#include "common/facets/facets.hpp"
#include "common/facets/glossary.hpp"
#include "common/facets/tokens.hpp"
#include "common/index/schema.hpp"

using namespace wm;

namespace {

Issue make_issue(const std::vector<std::pair<std::string, std::string>>& sections,
                 const std::string& signatory = "", const std::string& id = "test") {
    Issue issue;
    issue.id = id;
    issue.file = id + ".txt";
    issue.title = "Regional Update – May 2030";
    issue.signatory = signatory;
    for (const auto& [heading, body] : sections) issue.sections.push_back({"", heading, body, false});
    if (!issue.sections.empty() && !signatory.empty()) issue.sections.front().is_introduction = true;
    return issue;
}

FacetValues facets_of(const std::string& body, const Glossary& glossary = {}) {
    return extract_facets(make_issue({{"", body}}), glossary).issue;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("tokens: hyphens, possessives, gaps", "[facets][tokens]") {
    const auto tokens = tokenize("Solihull’s DCS, Stoke-on-Trent & Pat\nBullen: (RIIA)");
    REQUIRE(tokens.size() == 10);
    CHECK(tokens[0].key == "solihull");
    CHECK(tokens[1].possessive);
    CHECK(tokens[3].gap == Gap::comma);
    CHECK(tokens[4].gap == Gap::hyphen);
    CHECK(tokens[6].key == "and");
    CHECK(tokens[8].gap == Gap::line);
    CHECK(tokens[9].opens_parenthesis);
    CHECK(tokens[9].all_caps);
    CHECK(phrase_key("Stoke on Trent") == phrase_key("Stoke-on-Trent"));
    CHECK(phrase_key("Telford & Wrekin") == phrase_key("telford and wrekin"));
}

TEST_CASE("people: given name from the lexicon plus a family name", "[facets][people]") {
    const auto found = facets_of(
        "We welcome Priya Sharma to the Regional Team. Michael W Jarrett and Lee Pardy-Mclaughlin "
        "will chair. Please contact Tomasz\nNowak for details.");
    CHECK(has(found[FacetId::people], "Priya Sharma"));
    CHECK(has(found[FacetId::people], "Michael W Jarrett"));
    CHECK(has(found[FacetId::people], "Lee Pardy-Mclaughlin"));
    CHECK(has(found[FacetId::people], "Tomasz Nowak"));  // split by a line break
    CHECK(found[FacetId::people].size() == 4);
}

TEST_CASE("people: a given name outside the lexicon counts where only a person fits", "[facets][people]") {
    const auto found = facets_of(
        "For details please contact Zorbek Quillan. Yusra Okonkwo-Bell (Dudley) now chairs. Qarlo Vint said hello.");
    CHECK(has(found[FacetId::people], "Zorbek Quillan"));
    CHECK(has(found[FacetId::people], "Yusra Okonkwo-Bell"));
    CHECK_FALSE(has(found[FacetId::people], "Qarlo Vint"));             // no context, not in the lexicon
    CHECK(facets_of("Please contact Regional Team colleagues.")[FacetId::people].empty());
    CHECK(facets_of("Dan Gray (Worcestershire Children First) and Xilo Brandt (Sandwell) met.")[FacetId::people] ==
          std::vector<std::string>{"Dan Gray", "Xilo Brandt"});
}

TEST_CASE("people: the traps are not people", "[facets][people]") {
    const auto found = facets_of(
        "Best wishes\n\nKey Updates:\n\nThe Regional Team and Children's Services across the West Midlands "
        "met in March. May Events are listed. Summer Programme places remain. Kind regards\nTeam Leaders");
    CHECK(found[FacetId::people].empty());
}

TEST_CASE("people: a name that labels a thing is not a person", "[facets][people]") {
    const auto found = facets_of("The Helen Riley Centre opens in June.");
    CHECK(found[FacetId::people].empty());
}

TEST_CASE("people: the signatory counts and loses post-nominals", "[facets][people]") {
    const auto issue = make_issue({{"", "Thank you all.\n\nBest wishes"}}, "Marcus T Okafor OBE");
    CHECK(extract_facets(issue, {}).issue[FacetId::people] == std::vector<std::string>{"Marcus T Okafor"});
    const auto team = make_issue({{"", "Thank you."}}, "The Regional Team");
    CHECK(extract_facets(team, {}).issue[FacetId::people].empty());
}

TEST_CASE("people: a first name resolves only to the one full name it can mean", "[facets][people]") {
    const auto one = make_issue({{"Welcome", "Steve Crocker joins us."}, {"Next month", "Steve will visit."}});
    const auto facets = extract_facets(one, {});
    CHECK(facets.sections[1][FacetId::people] == std::vector<std::string>{"Steve Crocker"});
    const auto two = make_issue({{"Welcome", "Steve Crocker and Steve Alden join us."},
                                 {"Next month", "Steve will visit."}});
    CHECK(extract_facets(two, {}).sections[1][FacetId::people].empty());
    const auto none = make_issue({{"Next month", "Steve will visit."}});
    CHECK(extract_facets(none, {}).issue[FacetId::people].empty());
}

TEST_CASE("authorities: short names, legal names, aliases and trusts", "[facets][authorities]") {
    const auto found = facets_of(
        "Solihull Metropolitan Borough Council, Telford & Wrekin and Birmingham Children’s Trust "
        "met colleagues from Worcestershire Children First and Swindon.");
    CHECK(found[FacetId::authorities] == std::vector<std::string>{"Birmingham Children's Trust", "Solihull", "Swindon",
                                                        "Telford and Wrekin", "Worcestershire Children First"});
}

TEST_CASE("authorities: regions and national bodies are not authorities", "[facets][authorities]") {
    const auto found = facets_of("The West Midlands and East Midlands met Ofsted, the DfE and the LGA.");
    CHECK(found[FacetId::authorities].empty());
    CHECK(has(found[FacetId::organisations], "Ofsted"));
    CHECK(has(found[FacetId::organisations], "DfE"));
    CHECK(has(found[FacetId::organisations], "LGA"));
}

TEST_CASE("authorities: a short name that is also a word needs context", "[facets][authorities]") {
    CHECK(facets_of("Reading the report took time.")[FacetId::authorities].empty());
    CHECK(facets_of("News came out of Reading this week.")[FacetId::authorities] == std::vector<std::string>{"Reading"});
}

TEST_CASE("programmes: names ending in a programme word", "[facets][programmes]") {
    const auto found = facets_of(
        "Applications for the Rising Leaders Programme are open. The Northern Lights Festival and "
        "the Social Work Heroes Awards return, as does the Youth Voice Conference 2031.");
    CHECK(has(found[FacetId::programmes], "Rising Leaders Programme"));
    CHECK(has(found[FacetId::programmes], "Northern Lights Festival"));
    CHECK(has(found[FacetId::programmes], "Social Work Heroes Awards"));
    CHECK(has(found[FacetId::programmes], "Youth Voice Conference 2031"));
    CHECK(found[FacetId::programmes].size() == 4);
}

TEST_CASE("programmes: categories, documents and generic activities are not names", "[facets][programmes]") {
    const auto found = facets_of(
        "Key Events:\n\nThe SEND Green Paper and a training programme were discussed, as was the "
        "Regional workstream and our regional plan.");
    CHECK(found[FacetId::programmes].empty());
}

TEST_CASE("programmes: proper names described by a programme word", "[facets][programmes]") {
    const auto found = facets_of(
        "Places remain on the Safe Steps programme and on both Open Doors and Bright Futures in Care "
        "programmes. The Early Help & Targeted Support workstream meets monthly.");
    CHECK(has(found[FacetId::programmes], "Safe Steps"));
    CHECK(has(found[FacetId::programmes], "Open Doors"));
    CHECK(has(found[FacetId::programmes], "Bright Futures in Care"));
    CHECK(has(found[FacetId::programmes], "Early Help and Targeted Support"));
}

TEST_CASE("programmes: acronyms that are funded or defined as projects", "[facets][programmes]") {
    CHECK(facets_of("Funding from last year's ZEBRA grant ends.")[FacetId::programmes] == std::vector<std::string>{"ZEBRA"});
    CHECK(facets_of("KIPPA (Kids in Play) is a research project run by a university.")[FacetId::programmes] ==
          std::vector<std::string>{"KIPPA"});
}

TEST_CASE("glossary: definitions apply across the archive", "[facets][glossary]") {
    Glossary glossary;
    glossary.learn(make_issue({{"", "Our Northern Youth Alliance (NYA) met.\n\n• QWEI – Quick Win Exchange "
                                    "Initiative runs again."}},
                              "", "first"));
    const auto nya = glossary.find("NYA");
    REQUIRE(nya);
    CHECK(nya->expansion == "Northern Youth Alliance");
    CHECK(nya->source == "first");
    CHECK(nya->category == "programme");
    REQUIRE(glossary.find("QWEI"));
    CHECK(glossary.find("QWEI")->expansion == "Quick Win Exchange Initiative");
    REQUIRE(glossary.find("DfE"));
    CHECK(glossary.find("DfE")->source == "national");

    const auto later = facets_of("NYA activity:\n\nThe NYA met and QWEI grew.", glossary);
    CHECK(later[FacetId::programmes] == std::vector<std::string>{"Northern Youth Alliance", "Quick Win Exchange Initiative"});

    const Glossary copy = nlohmann::json(glossary).get<Glossary>();
    CHECK(copy == glossary);
}

TEST_CASE("glossary: a programme named in full is known by its stem elsewhere", "[facets][glossary]") {
    Glossary glossary;
    glossary.learn(make_issue({{"", "Applications for the Rising Leaders Programme are open."}}));
    const auto later = facets_of("Rising Leaders – coaching places\n\nThree places remain.", glossary);
    CHECK(later[FacetId::programmes] == std::vector<std::string>{"Rising Leaders Programme"});
}

TEST_CASE("programmes: spellings and abbreviations of one name merge", "[facets][programmes]") {
    const auto found = facets_of(
        "The Blue Sky Thinking Festival returns.\n\nBlueSky Thinking Festival:\n\nOur first RSN Conference "
        "follows the Regional Safeguarding Network Conference plan. Three Family Hubs opened; each Family Hub "
        "is busy.");
    CHECK(found[FacetId::programmes] == std::vector<std::string>{"Blue Sky Thinking Festival", "Family Hubs",
                                                       "Regional Safeguarding Network Conference"});
}

TEST_CASE("canonical values: what users type folds to what is stored", "[facets][canonical]") {
    Glossary glossary;
    glossary.learn(make_issue({{"", "Our Northern Youth Alliance (NYA) met."}}));
    CHECK(canonical_facet_value(FacetId::authorities, "Telford & Wrekin", glossary) == "Telford and Wrekin");
    CHECK(canonical_facet_value(FacetId::authorities, "Solihull Metropolitan Borough Council", glossary) ==
          "Solihull");
    CHECK(canonical_facet_value(FacetId::programmes, "NYA", glossary) == "Northern Youth Alliance");
    CHECK(canonical_facet_value(FacetId::people, "Marcus T Okafor OBE", glossary) == "Marcus T Okafor");
    CHECK(canonical_facet_value(FacetId::people, "Somebody", glossary) == "Somebody");
}

TEST_CASE("programmes: the classes the newsletters name, with or without 'the'", "[facets][programmes]") {
    const auto found = facets_of(
        "We launched the Kinship Carers Pathway pilot in May. The first cohort of the Staff College Ascent "
        "Programme met. Book for the Youth Justice Network Day now. The Memorandum of Understanding on Missing "
        "Children was signed. Teams won the Sir Eric Cup. Early Help Practitioner Course starts in July.");
    for (const char* name : {"Kinship Carers Pathway pilot", "Staff College Ascent Programme", "Youth Justice Network Day",
                             "Memorandum of Understanding on Missing Children", "Sir Eric Cup",
                             "Early Help Practitioner Course"}) {
        INFO(name);
        CHECK(has(found[FacetId::programmes], name));
    }
    CHECK(found[FacetId::people].empty());  // "Eric Cup" is not a person
    CHECK(facets_of("Families visit on Christmas Day.")[FacetId::programmes].empty());
}

TEST_CASE("programmes: one head word names a programme or a standing body, as the sentence says", "[facets][programmes]") {
    CHECK(facets_of("The Fostering Partnership, launched in May, recruits carers.")[FacetId::programmes] ==
          std::vector<std::string>{"Fostering Partnership"});
    CHECK(facets_of("The Strategic Migration Partnership, a government-run body, advises councils.")[FacetId::programmes]
              .empty());
    CHECK(facets_of("Twelve managers attended the Practice Leaders Group this spring.")[FacetId::programmes] ==
          std::vector<std::string>{"Practice Leaders Group"});
    CHECK(facets_of("The Finance Group is the department that sets budgets.")[FacetId::programmes].empty());
    CHECK(facets_of("The Kinship Centre was set up with council funding.")[FacetId::programmes] ==
          std::vector<std::string>{"Kinship Centre"});
    CHECK(facets_of("The Kinship Centre is where the team sits.")[FacetId::programmes].empty());
}

TEST_CASE("programmes: a name the archive defines by an acronym counts, and so does the acronym", "[facets][programmes]") {
    Glossary glossary;
    glossary.learn(make_issue({{"", "The Quality of Practice and Performance Board (QPPB) met on 3 May."}}));
    REQUIRE(glossary.find("QPPB"));
    CHECK(glossary.find("QPPB")->category == "programme");
    CHECK(facets_of("The Quality of Practice and Performance Board met again.", glossary)[FacetId::programmes] ==
          std::vector<std::string>{"Quality of Practice and Performance Board"});
    CHECK(facets_of("QPPB members reported.", glossary)[FacetId::programmes] ==
          std::vector<std::string>{"Quality of Practice and Performance Board"});
    Glossary government;
    government.learn(make_issue({{"", "The Strategic Migration Partnership (SMP) is run by the Home Office."}}));
    REQUIRE(government.find("SMP"));
    CHECK(government.find("SMP")->category == "organisation");
}

TEST_CASE("programmes: a topic keeps its descriptor, a proper name drops it", "[facets][programmes]") {
    CHECK(facets_of("News from the Workforce and Leadership workstream.")[FacetId::programmes] ==
          std::vector<std::string>{"Workforce and Leadership workstream"});
    CHECK(facets_of("News from the Early Help and Targeted Support workstream.")[FacetId::programmes] ==
          std::vector<std::string>{"Early Help and Targeted Support"});
    CHECK(facets_of("We bid to become a Regional Care Co-operative pathfinder.")[FacetId::programmes] ==
          std::vector<std::string>{"Regional Care Co-operative pathfinder"});
    CHECK(facets_of("News from the Regional workstream.")[FacetId::programmes].empty());
}

TEST_CASE("programmes: variants fold to one value learned from the archive", "[facets][programmes]") {
    Glossary glossary;
    glossary.learn(make_issue({{"", "Nominations for the Kinship Heroes Awards are open. The Regional Home Finder "
                                    "Offer (RHFO) starts. The Practice Leaders Programme 2030 begins."}},
                              "", "one"));
    const auto later = facets_of(
        "The West Midlands Home Finder Offer grew. The RHFO helped. The West Midlands Children's "
        "Services Kinship Heroes Awards 2031 winners met. The Kinship Heroes Awards 2031 shortlist is out. The Practice "
        "Leaders Programme 2030 ends.",
        glossary);
    CHECK(later[FacetId::programmes] == std::vector<std::string>{"Kinship Heroes Awards", "Practice Leaders Programme 2030",
                                                                 "Regional Home Finder Offer"});
    CHECK(canonical_facet_value(FacetId::programmes, "West Midlands Home Finder Offer", glossary) ==
          "Regional Home Finder Offer");
    CHECK(canonical_facet_value(FacetId::programmes, "Kinship Heroes Awards 2031", glossary) == "Kinship Heroes Awards");
}

TEST_CASE("a filter value with no words is its own canonical form, in every facet", "[facets]") {
    // Found by the OpenAPI fuzzer: `programme=%C2%9F` (a C1 control character) read past the
    // end of an empty token list and crashed searchd.
    const Glossary glossary;
    for (const auto& facet : schema::kFacets)
        for (const std::string value : {"\xC2\x9F", "", " ", "&", "--"})
            CHECK_NOTHROW(canonical_facet_value(facet.id, value, glossary));
}

TEST_CASE("roles: what the text says a person is at an authority", "[facets][roles]") {
    const auto roles_in = [](const std::string& body) {
        std::vector<std::string> found;
        for (const auto& role : extract_facets(make_issue({{"", body}}), {}).roles)
            found.push_back(role.person + " | " + role.role + " | " + role.authority);
        return found;
    };
    using Found = std::vector<std::string>;
    CHECK(roles_in("We welcomed Priya Sharma, DCS at Walsall, to the meeting.") == Found{"Priya Sharma | DCS | Walsall"});
    CHECK(roles_in("Priya Sharma, Director of Children's Services for Walsall, spoke first.") ==
          Found{"Priya Sharma | Director of Children's Services | Walsall"});
    CHECK(roles_in("Walsall's DCS, Priya Sharma, opened the day.") == Found{"Priya Sharma | DCS | Walsall"});
    CHECK(roles_in("Thanks to Priya Sharma (DCS, Walsall) for chairing.") == Found{"Priya Sharma | DCS | Walsall"});
    CHECK(roles_in("Thanks to Priya Sharma (DCS Walsall) for chairing.") == Found{"Priya Sharma | DCS | Walsall"});
    CHECK(roles_in("I share this role with Priya Sharma the DCS at Walsall.") == Found{"Priya Sharma | DCS | Walsall"});
    CHECK(roles_in("Walsall have appointed Priya Sharma as interim DCS.") == Found{"Priya Sharma | interim DCS | Walsall"});
    CHECK(roles_in("Priya Sharma, Walsall's Assistant Director of Education, joins.") ==
          Found{"Priya Sharma | Assistant Director of Education | Walsall"});
    // A person and an authority in one sentence say nothing of each other.
    CHECK(roles_in("Priya Sharma visited Walsall and Dudley in May.").empty());
    CHECK(roles_in("Priya Sharma (Walsall) spoke first.").empty());
}

TEST_CASE("roles: a letter's writer is its signatory", "[facets][roles]") {
    const auto issue = make_issue({{"From Walsall\u2019s DCS", "It has been a busy month. Best wishes"}}, "Priya Sharma");
    const auto roles = extract_facets(issue, {}).roles;
    REQUIRE(roles.size() == 1);
    CHECK(roles[0].person == "Priya Sharma");
    CHECK(roles[0].role == "DCS");
    CHECK(roles[0].authority == "Walsall");
    const auto first_person = make_issue({{"", "Back in July when I became interim DCS in Dudley, much was new."}}, "Tom Reyes");
    REQUIRE(extract_facets(first_person, {}).roles.size() == 1);
    CHECK(extract_facets(first_person, {}).roles[0].role == "interim DCS");
    CHECK(extract_facets(first_person, {}).roles[0].authority == "Dudley");
    // Nobody signs a section that is not the letter.
    Issue unsigned_issue = make_issue({{"From Walsall\u2019s DCS", "It has been a busy month."}});
    CHECK(extract_facets(unsigned_issue, {}).roles.empty());
}
