// Query rewriting for acronyms, both ways, with the archive's and the national glossary.
#include <catch2/catch.hpp>

#include "common/search/acronym_expansion.hpp"

using namespace wm;

namespace {

Glossary archive_glossary() {
    Issue issue;
    issue.id = "a";
    issue.sections.push_back({"", "", "Our Quick Win Exchange Initiative (QWEI) met.", false});
    Glossary glossary;
    glossary.learn(issue);
    return glossary;
}

}  // namespace

TEST_CASE("acronyms: an acronym also finds its expansion, and the reverse", "[acronyms]") {
    const auto glossary = archive_glossary();
    CHECK(expand_acronyms("QWEI Solihull", glossary) == "(QWEI OR \"Quick Win Exchange Initiative\") Solihull");
    CHECK(expand_acronyms("quick win exchange initiative", glossary) ==
          "(QWEI OR \"Quick Win Exchange Initiative\")");
    CHECK(expand_acronyms("ILACS", glossary) == "(ILACS OR \"Inspecting Local Authority Children's Services\")");
    CHECK(expand_acronyms("principal social worker network", glossary) ==
          "(PSW OR \"Principal Social Worker\") network");
}

TEST_CASE("acronyms: ordinary words, operators and the user's own phrases are left alone", "[acronyms]") {
    const auto glossary = archive_glossary();
    CHECK(expand_acronyms("care AND leaver", glossary) == "care AND leaver");
    CHECK(expand_acronyms("\"QWEI met\"", glossary) == "\"QWEI met\"");
    CHECK(expand_acronyms("ZZQX", glossary) == "ZZQX");
    CHECK(expand_acronyms("initiatives", glossary) == "initiatives");
}
