// The best section of a hit: the one whose text has the most, and the rarest, of what the
// snippets mark.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/search/best_section.hpp"

using namespace wm;

namespace {

// An index where "children" is in every document and "kinship" in one of ten.
Xapian::Database word_counts() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 10; ++i) {
        Xapian::Document doc;
        for (const std::string word : {"children", "Zchildren", "Zcare"}) doc.add_term(word);
        if (i == 0)
            for (const std::string word : {"kinship", "Zkinship", "Zinspect"}) doc.add_term(word);
        db.add_document(doc);
    }
    return db;
}

// The scores of a record's sections, with what was found in them left out.
std::vector<double> scores_of(const SectionFinder& finder, const HitRecord& record) {
    std::vector<std::vector<SnippetMaker::Match>> found;
    return finder.scores(record, found);
}

HitRecord issue_of(std::vector<HitRecord::Section> sections) {
    HitRecord record;
    record.sections = std::move(sections);
    return record;
}

}  // namespace

TEST_CASE("best section: a rare word outweighs a common one repeated", "[sections]") {
    const auto db = word_counts();
    const SnippetMaker snippets(SnippetTerms{{"children", "kinship"}, {}, {}});
    const SectionFinder finder(db, snippets);
    const auto record = issue_of({{"", "News", "Children, children and more children."},
                                  {"", "Carers", "Kinship carers met in May."},
                                  {"", "Other", "Nothing here."}});
    const auto scores = scores_of(finder, record);
    REQUIRE(scores.size() == 3);
    CHECK(scores[0] > 0);  // a word in every issue still says the section has it
    CHECK(scores[1] > scores[0]);
    CHECK(scores[2] == 0);
    CHECK(SectionFinder::best(scores) == 1);
}

TEST_CASE("best section: stems, headings and phrases count, and no match points at the first section", "[sections]") {
    const auto db = word_counts();
    const SnippetMaker stems(SnippetTerms{{}, {"inspect"}, {}});
    const SectionFinder by_stem(db, stems);
    CHECK(SectionFinder::best(scores_of(by_stem, issue_of({{"", "A", "Nothing."}, {"", "Inspections", "Dates follow."}}))) == 1);
    CHECK(SectionFinder::best(scores_of(by_stem, issue_of({{"", "A", "Nothing."}, {"", "B", "We inspected them."}}))) == 1);

    const SnippetMaker phrase(SnippetTerms{{}, {}, {{"kinship", "care"}}});
    const SectionFinder by_phrase(db, phrase);
    const auto scores = scores_of(by_phrase, issue_of({{"", "A", "Care for kinship families."}, {"", "B", "Kinship care pilot."}}));
    CHECK(scores[0] == 0);  // the words, not the phrase
    CHECK(SectionFinder::best(scores) == 1);

    CHECK(SectionFinder::best(scores_of(by_phrase, issue_of({{"", "A", "x"}, {"", "B", "y"}}))) == 0);
    CHECK(scores_of(by_phrase, issue_of({})).empty());
}
