// Snippets: the best passage of a section with the query's matches and their variants marked.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>

#include "api/marked_text.hpp"
#include "common/search/snippets.hpp"
#include "common/text/text.hpp"

using namespace wm;

namespace {

constexpr std::size_t kBytes = 300;

SnippetTerms phrase(std::vector<std::string> words) { return {{}, {}, {std::move(words)}}; }

// The snippet as the search page shows it: escaped HTML, matches in <mark>, "…" where cut.
std::string snippet_html(std::string_view text, const SnippetTerms& terms, std::size_t max_bytes) {
    return marked_html(make_snippet(text, terms, max_bytes));
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// The snippet's text: no marks, no "…".
std::string strip_marks(std::string snippet) {
    for (const std::string tag : {"<mark>", "</mark>", "\u2026"})
        for (auto at = snippet.find(tag); at != std::string::npos; at = snippet.find(tag)) snippet.erase(at, tag.size());
    return snippet;
}

std::set<std::string> whole_words(const std::string& text) {
    const auto words = split(text, ' ');
    return {words.begin(), words.end()};
}

// How often each key matches in each of texts (views into buffer).
std::vector<std::vector<unsigned>> counts_in(const SnippetMaker& snippets, std::string_view buffer,
                                             const std::vector<std::string_view>& texts) {
    std::vector<std::vector<unsigned>> counts;
    std::vector<std::vector<SnippetMaker::Match>> each;
    snippets.find_each(buffer, texts, each);
    for (const auto& found : each) {
        counts.emplace_back(snippets.keys().size());
        for (const auto& match : found) ++counts.back().at(match.key);
    }
    return counts;
}

// How often each key matches in text alone.
std::vector<unsigned> counts_in(const SnippetMaker& snippets, std::string_view text) {
    return counts_in(snippets, text, {text}).at(0);
}

// Filler that matches nothing, to push a match far into a section.
std::string filler(std::size_t words) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) text += "regional update news ";
    return text;
}

}  // namespace

TEST_CASE("snippets: a name with \"and\" marks it written with \"&\", and the other way round", "[snippets]") {
    const auto with_and = phrase({"telford", "and", "wrekin"});
    CHECK(snippet_html("Both Wolverhampton and Telford & Wrekin have been visited.", with_and, kBytes) ==
          "Both Wolverhampton and <mark>Telford &amp; Wrekin</mark> have been visited.");
    CHECK(snippet_html("Jo Britton (DCS Telford and Wrekin) leads.", with_and, kBytes) ==
          "Jo Britton (DCS <mark>Telford and Wrekin</mark>) leads.");
    // The query parser drops "&", so `"Telford & Wrekin"` is the phrase telford, wrekin.
    const auto without = phrase({"telford", "wrekin"});
    CHECK(snippet_html("DCS Telford and Wrekin leads.", without, kBytes) == "DCS <mark>Telford and Wrekin</mark> leads.");
    CHECK(snippet_html("DCS Telford & Wrekin leads.", without, kBytes) == "DCS <mark>Telford &amp; Wrekin</mark> leads.");
    CHECK(snippet_html("Telford, and then Wrekin.", with_and, kBytes).find("<mark>") == std::string::npos);
}

TEST_CASE("snippets: an acronym and its expansion are both marked, curly apostrophes too", "[snippets]") {
    SnippetTerms terms{{"ilacs"}, {}, {{"inspecting", "local", "authority", "children's", "services"}}};
    const auto snippet = snippet_html(
        "Under the Inspecting Local Authority Children\u2019s Services (ILACS) framework, ILACS visits continue.", terms,
        kBytes);
    CHECK(snippet.find("<mark>Inspecting Local Authority Children\u2019s Services</mark>") != std::string::npos);
    CHECK(count(snippet, "<mark>ILACS</mark>") == 2);
}

TEST_CASE("snippets: stems mark other forms of a word, lone stopwords are not marked", "[snippets]") {
    SnippetTerms terms{{"and", "telford"}, {"inspect"}, {}};
    const auto snippet = snippet_html("Inspections and an inspection of Telford's services.", terms, kBytes);
    CHECK(snippet == "<mark>Inspections</mark> and an <mark>inspection</mark> of <mark>Telford&#39;s</mark> services.");
    CHECK(snippet_html("For LGBTQ+ young people.", SnippetTerms{{"lgbtq+"}, {}, {}}, kBytes) ==
          "For <mark>LGBTQ+</mark> young people.");
}

TEST_CASE("snippets: the passage with the most different matches is shown, cut at whole words", "[snippets]") {
    SnippetTerms terms{{"bullen", "pat"}, {}, {{"pat", "bullen"}}};
    const std::string text = "Pat sent apologies. " + filler(40) + "Contact Pat Bullen, the SEND Regional Coordinator. " +
                             filler(40);
    const auto snippet = snippet_html(text, terms, kBytes);
    CHECK(snippet.starts_with("\u2026"));
    CHECK(snippet.ends_with("\u2026"));
    CHECK(snippet.find("<mark>Pat Bullen</mark>") != std::string::npos);
    CHECK(snippet.find("apologies") == std::string::npos);
    CHECK(snippet.size() < kBytes + 40);
    // No word is cut in half at either end.
    for (const auto& word : split(strip_marks(snippet), ' ')) CHECK(whole_words(text).count(word) == 1);
}

TEST_CASE("snippets: a text that fits is shown whole, however late its match", "[snippets]") {
    const std::string heading = "Regional Care Leaver Blueprint Launch";
    CHECK(snippet_html(heading, SnippetTerms{{"care"}, {}, {}}, heading.size() + 1) ==
          "Regional <mark>Care</mark> Leaver Blueprint Launch");
    const std::string late = filler(20) + "care leavers";
    CHECK(snippet_html(late, SnippetTerms{{"care"}, {}, {}}, late.size()).starts_with(late.substr(0, 20)));
}

TEST_CASE("snippets: nothing matched, or nothing asked, shows the opening, text is escaped", "[snippets]") {
    const std::string text = "<b>LGBTQ+</b> & allies: " + filler(30);
    const auto opening = snippet_html(text, SnippetTerms{{"zebra"}, {}, {}}, kBytes);
    CHECK(opening.starts_with("&lt;b&gt;LGBTQ+&lt;/b&gt; &amp; allies: regional"));
    CHECK(opening.ends_with("\u2026"));
    CHECK(snippet_html(text, SnippetTerms{}, kBytes) == opening);
    CHECK(snippet_html("Short\n\ntext.", SnippetTerms{}, kBytes) == "Short text.");
}

// Every run of spaces and line breaks is one space, the rest escaped as it is: checked against
// a plain rewrite on random texts of words, single and mixed spaces and characters to escape.
TEST_CASE("snippets: each run of spaces and line breaks is one space, the rest escaped", "[snippets]") {
    const std::vector<std::string> pieces = {"care", "leaver", "a", "\u00e9t\u00e9", "&", "<b>", "\"q\"", "it's", "x"};
    const std::vector<std::string> gaps = {" ", " ", " ", "  ", "\n", " \n ", "\t", "\r\n", ""};
    std::mt19937 random(7);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        for (int i = 0, n = 1 + static_cast<int>(random() % 40); i < n; ++i)
            text += pieces[random() % pieces.size()] + gaps[random() % gaps.size()];
        std::string expected;
        bool space = false;
        for (const char c : text) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = !expected.empty();
                continue;
            }
            if (space) expected += ' ';
            space = false;
            expected += html_escape(std::string(1, c));
        }
        INFO(text);
        CHECK(snippet_html(text, SnippetTerms{}, text.size() + 1) == expected);
    }
}

TEST_CASE("snippets: multi-byte characters are never cut", "[snippets]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "caf\u00e9 ";
    const auto snippet = snippet_html(text, SnippetTerms{{"zebra"}, {}, {}}, 101);
    CHECK(snippet.ends_with("caf\u00e9\u2026"));
}

TEST_CASE("snippets: the terms of a query: words, stems, phrases and facet values, ids and months left out",
          "[snippets]") {
    const std::vector<Xapian::Query> care_leaver{Xapian::Query("care"), Xapian::Query("leaver")};
    const std::vector<Xapian::Query> parts{
        Xapian::Query("telford"), Xapian::Query("Zinspect"), Xapian::Query("XAUTHtelford and wrekin"),
        Xapian::Query(Xapian::Query::OP_PHRASE, care_leaver.begin(), care_leaver.end()),
        Xapian::Query("Sleadership"), Xapian::Query("ZXHEADupdat"), Xapian::Query("XTYPEsection"),
        Xapian::Query("M202204"), Xapian::Query("Q004_ad146b42a34eb8f9"), Xapian::Query("XPERSONpat")};
    const Xapian::Query query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    const auto terms = snippet_terms(query);
    CHECK(terms.words == std::vector<std::string>{"and", "leadership", "pat", "telford", "wrekin"});
    CHECK(terms.stems == std::vector<std::string>{"inspect", "updat"});
    CHECK(terms.phrases ==
          std::vector<std::vector<std::string>>{{"care", "leaver"}, {"telford", "and", "wrekin"}});
    CHECK(snippet_terms(Xapian::Query(std::string())).empty());
    // A name matched through its facet is marked where the text writes only part of it.
    CHECK(snippet_html("The Inquiry into CSE in Telford.", snippet_terms(Xapian::Query("XAUTHtelford and wrekin")),
                       kBytes) == "The Inquiry into CSE in <mark>Telford</mark>.");
}

TEST_CASE("snippets: the completions of a last letter typed are not marked, those of two letters are", "[snippets]") {
    const auto synonym = [](std::vector<std::string> words) {
        std::vector<Xapian::Query> terms;
        for (const auto& w : words) terms.emplace_back(w);
        return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    };
    const std::vector<Xapian::Query> typed{Xapian::Query("pat"), synonym({"be", "been", "between", "bullen"})};
    const auto one_letter = snippet_terms(Xapian::Query(Xapian::Query::OP_AND, typed.begin(), typed.end()));
    CHECK(one_letter.words == std::vector<std::string>{"pat"});
    const auto two_letters = snippet_terms(synonym({"bullen", "budget", "build"}));
    CHECK(two_letters.words == std::vector<std::string>{"budget", "build", "bullen"});
    // An agent noun's synonym is two stems, not completions.
    CHECK(snippet_terms(synonym({"Zinspect", "Zinspector"})).stems.size() == 2);
}

TEST_CASE("snippets: matches counted in a text are the matches its whole-text snippet marks", "[snippets][sections]") {
    // Texts of words a query looks for, their other forms, lookalikes and the characters that
    // make word boundaries hard (apostrophes, "&", "+", accents), in random order.
    const std::vector<std::string> pieces = {
        "care", "Care", "caring", "cared", "careers", "scare", "leaver", "leavers", "Leaver's", "offer", "offers",
        "coffers", "Telford", "&", "and", "Wrekin", "Telford & Wrekin", "kinship", "Kinship", "O'Brien", "Brien",
        "LGBTQ+", "lgbtq", "d\u00e9j\u00e0", "\u00c9cole", "children\u2019s", "children's", "dying", "die", "the",
        ",", ".", "\n\n", "-", "(", ")", "x", "2023", "care-leaver", "offer\u2019s"};
    const std::vector<SnippetTerms> queries = {
        {{"care", "leaver"}, {"offer"}, {}},
        {{}, {"care", "leaver", "offer", "die"}, {{"care", "leaver", "offer"}}},
        {{"telford", "wrekin", "and"}, {}, {{"telford", "and", "wrekin"}}},
        {{"lgbtq+", "brien", "children's"}, {"kinship"}, {{"kinship", "care"}}},
        {{"d\u00e9j\u00e0"}, {}, {}},
    };
    std::uint32_t seed = 12345;
    const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (const auto& terms : queries) {
        const SnippetMaker snippets(terms);
        const SnippetMaker reading_every_word(terms, true);
        for (int round = 0; round < 300; ++round) {
            std::string text;
            for (auto n = next() % 60; n > 0; --n) text += pieces[next() % pieces.size()] + (next() % 3 ? " " : "");
            const auto counts = counts_in(snippets, text), every_word_counts = counts_in(reading_every_word, text);
            unsigned counted = 0;
            for (const auto c : counts) counted += c;
            INFO(text);
            CHECK(counts == every_word_counts);
            CHECK(counted == reading_every_word(text, text.size() + 1).matches.size());
            // Reading only around the anchors changes no snippet, whole or cut anywhere.
            for (const std::size_t bytes : {std::size_t{7}, std::size_t{20}, std::size_t{33}, std::size_t{60}, std::size_t{150}, text.size() + 1})
                CHECK(snippets(text, bytes) == reading_every_word(text, bytes));
        }
        // Texts in one buffer, with words that would match between them (as a stored record has
        // facet values between its sections): each text counts what it has alone, nothing more.
        std::string buffer;
        std::vector<std::pair<std::size_t, std::size_t>> places;
        for (int n = 0; n < 40; ++n) {
            buffer += n % 2 ? "care" : "\x05Telford & Wrekin:kinship care";
            std::string text;
            for (auto words = next() % 12; words > 0; --words) text += pieces[next() % pieces.size()] + " ";
            if (n % 5 == 0) text.clear();
            places.emplace_back(buffer.size(), text.size());
            buffer += text;
        }
        std::vector<std::string_view> texts;
        for (const auto& [at, size] : places) texts.push_back(std::string_view(buffer).substr(at, size));
        const auto together = counts_in(snippets, buffer, texts);
        std::vector<std::vector<SnippetMaker::Match>> found{{{0, 0, 0, 0}}};  // what was there before goes
        snippets.find_each(buffer, texts, found);
        REQUIRE(together.size() == texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            INFO(texts[i]);
            CHECK(together[i] == counts_in(reading_every_word, texts[i]));
            // A snippet of what was found in the buffer is the snippet of the text alone.
            for (const std::size_t bytes : {std::size_t{20}, texts[i].size() + 1})
                CHECK(snippets(texts[i], found[i], bytes) == reading_every_word(texts[i], bytes));
        }
    }
}
