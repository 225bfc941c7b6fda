#pragma once
// Snippets: the passage of a text that best shows what a query matched, as plain text with the
// matches' byte ranges (api/ writes them as HTML marks or a client's tags). Made from the
// query's words and their variants (stems, "&" for "and", phrases such as an acronym's expansion
// or a person's name), not from index positions, so it marks what the searcher matched however
// the query was built.
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/search/marked_text.hpp"

namespace wm {

/// What a snippet marks; every word folded (lower case, straight apostrophes, "&" as "and").
struct SnippetTerms {
    std::vector<std::string> words;                 ///< a text word matches when it folds to one
    std::vector<std::string> stems;                 ///< ... or when its English stem is one
    std::vector<std::vector<std::string>> phrases;  ///< word sequences, marked whole

    bool empty() const { return words.empty() && stems.empty() && phrases.empty(); }
};

/// The words, stems and phrases a Xapian query looks for: plain and field terms ("Stitle")
/// are words, "Z" terms stems, phrase subqueries phrases, and facet values ("XAUTHtelford and
/// wrekin") phrases whose words also count alone. Ids, document types and months are not text
/// and are left out.
SnippetTerms snippet_terms(const Xapian::Query& query);

/// At most about max_bytes of text, in whole words, cut where needed around the passage
/// with the most different matches (a phrase counts more than a word); the text's opening when
/// nothing matches. A phrase also matches with "&" for "and" and across an "and" or "&" it
/// does not have ("Telford Wrekin" marks "Telford & Wrekin"). Lone stopwords are not marked.
MarkedText make_snippet(std::string_view text, const SnippetTerms& terms, std::size_t max_bytes);

/// make_snippet for many texts with the same terms (a page of hits): the terms are stemmed and
/// indexed once, not once per text.
class SnippetMaker {
public:
    /// read_every_word: tokenize every text whole, and a snippet's window whole, rather than only
    /// around the words that may match and at the window's edges (the same matches and
    /// snippets, slower: what the faster reading is checked against).
    explicit SnippetMaker(const SnippetTerms& terms, bool read_every_word = false);
    ~SnippetMaker();
    MarkedText operator()(std::string_view text, std::size_t max_bytes) const;

    /// What a snippet marks, each counted on its own: a word, a stem, or a phrase (its words
    /// joined by spaces). A text word that is a word and has a stem counts as the word.
    struct Key {
        enum class Kind { word, stem, phrase } kind;
        std::string text;
    };
    const std::vector<Key>& keys() const;
    /// A match in a text: its bytes, and which of keys() it is.
    struct Match {
        std::size_t begin, end;
        std::size_t key;
        double weight;
    };
    /// The matches of each of texts, in order, into found (one list a text): what the snippet of
    /// each marks. When the texts are views in order into buffer (a stored record's headings and
    /// sections), the words that may match are looked for in all of buffer at once, not in each
    /// text, which is much faster. found's lists keep their room, so a page of hits given the
    /// same found allocates little.
    void find_each(std::string_view buffer, const std::vector<std::string_view>& texts,
                   std::vector<std::vector<Match>>& found) const;
    /// The snippet of a text whose matches find_each has found: the same as operator()(text,
    /// max_bytes), without looking for them again.
    MarkedText operator()(std::string_view text, const std::vector<Match>& matches, std::size_t max_bytes) const;

private:
    class Matcher;
    std::unique_ptr<const Matcher> matcher_;  ///< none when there is nothing to mark
};

}  // namespace wm
