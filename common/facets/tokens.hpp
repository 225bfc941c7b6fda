#pragma once
// Words of a text with what lies between them: the unit every facet rule works on.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wm {

/// How a word is separated from the one before it.
enum class Gap {
    space,      ///< spaces only: the words may belong to one name
    hyphen,     ///< "Pardy-Mclaughlin", "Stoke-on-Trent"
    line,       ///< a single line break: a heading or paragraph ends, or a name wraps
    comma,      ///< a comma inside a phrase ("Culture, Diversity and ...")
    hard,       ///< any other punctuation, a blank line, or the start of the text
};

struct Token {
    std::string text;   ///< as written
    std::string key;    ///< lower case, curly quotes folded, "&" as "and"
    std::size_t begin = 0, end = 0;  ///< byte offsets in the text
    Gap gap = Gap::hard;
    bool sentence_start = false;  ///< first word of the text, a line, or a sentence
    bool capitalised = false;     ///< upper-case first letter followed by a lower-case one
    bool all_caps = false;        ///< two or more letters, none lower case ("RIIA", "LGBTQ")
    bool initial = false;         ///< a single capital letter ("Michael W Jarrett")
    bool possessive = false;      ///< the "'s" split off "Solihull's"
    bool opens_parenthesis = false;  ///< the gap before it holds "("
};

/// Splits text into words. Hyphenated words become several tokens joined by Gap::hyphen,
/// and a possessive "'s" becomes its own token, so "Stoke-on-Trent" and "Stoke on Trent"
/// or "Solihull's" and "Solihull" share keys.
std::vector<Token> tokenize(std::string_view text);

/// The keys of a phrase's tokens joined by spaces: what a PhraseTable matches on.
std::string phrase_key(std::string_view phrase);
std::string phrase_key(const std::vector<Token>& tokens, std::size_t first, std::size_t count);

/// The text that tokens [first, last] cover, with runs of white space made single spaces.
std::string span_text(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t last);

/// Phrases (names with all their aliases) to values, matched longest first on token keys.
class PhraseTable {
public:
    void add(std::string_view phrase, std::string value);
    struct Match {
        std::size_t length;  ///< in tokens
        const std::string* value;
    };
    /// The longest phrase starting at tokens[at] that does not cross a hard gap; none past the end.
    std::optional<Match> longest_match(const std::vector<Token>& tokens, std::size_t at) const;
    const std::string* find(std::string_view phrase) const;

private:
    std::unordered_map<std::string, std::string> values_;
    std::unordered_set<std::string> first_keys_;  ///< the key of every phrase's first token
    std::size_t max_tokens_ = 0;
};

}  // namespace wm
