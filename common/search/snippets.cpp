#include "common/search/snippets.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "common/index/schema.hpp"
#include "common/index/stemmer_cache.hpp"
#include "common/text/text.hpp"
#include "common/text/utf8.hpp"

namespace wm {
namespace {

// ---- The query's terms. ----

void add_term(const std::string& term, SnippetTerms& out) {
    const auto prefix_end = std::find_if(term.begin(), term.end(), [](char c) { return c < 'A' || c > 'Z'; });
    const std::string prefix(term.begin(), prefix_end);
    std::string word(prefix_end, term.end());
    if (word.starts_with(':')) word.erase(0, 1);  // Xapian's separator before a capitalised term
    if (word.empty()) return;
    for (const auto& facet : schema::kFacets) {
        if (prefix != facet.prefix) continue;
        // A name is also written in part ("CSE in Telford", "Pat has drafted"): its words
        // count on their own too.
        auto words = split(word, ' ');
        std::erase(words, "");
        out.words.insert(out.words.end(), words.begin(), words.end());
        if (words.size() > 1) out.phrases.push_back(std::move(words));
        return;
    }
    const auto field = prefix.starts_with(schema::PREFIX_STEM) ? prefix.substr(schema::PREFIX_STEM.size()) : prefix;
    const bool free_text = field.empty() || field == schema::PREFIX_TITLE || field == schema::PREFIX_HEADING ||
                           field == schema::PREFIX_SIGNATORY;
    if (!free_text) return;  // ids, document types, years, months
    (prefix.starts_with(schema::PREFIX_STEM) ? out.stems : out.words).push_back(word);
}

// The completions of one letter typed last ("pat b" -> be, been, between...): a synonym of
// many words sharing less than two letters. The search finds them, but marking them all would
// bury the match.
bool completes_one_letter(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::OP_SYNONYM || query.get_num_subqueries() <= 2) return false;
    std::string common;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const auto part = query.get_subquery(i);
        if (part.get_type() != Xapian::Query::LEAF_TERM) return false;
        const std::string term = *part.get_terms_begin();
        if (i == 0) common = term;
        common.resize(static_cast<std::size_t>(std::mismatch(common.begin(), common.end(), term.begin(), term.end()).first - common.begin()));
    }
    return common.size() < 2;
}

void collect(const Xapian::Query& query, SnippetTerms& out) {
    const auto type = query.get_type();
    if (completes_one_letter(query)) return;
    if (type == Xapian::Query::LEAF_TERM) {
        add_term(*query.get_terms_begin(), out);
        return;
    }
    if (type == Xapian::Query::OP_PHRASE) {
        SnippetTerms parts;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect(query.get_subquery(i), parts);
        if (parts.words.size() > 1) out.phrases.push_back(std::move(parts.words));
        else out.words.insert(out.words.end(), parts.words.begin(), parts.words.end());
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect(query.get_subquery(i), out);
}

template <typename T>
void sort_unique(std::vector<T>& items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
}

constexpr bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// ---- The text's words. ----

struct Token {
    std::size_t begin, end;   ///< bytes of the text
    std::string_view folded;  ///< lower case, straight apostrophe; "&" is "and" (in the caller's buffer)
};

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019; }

// Xapian::Unicode::is_wordchar of the ASCII bytes (false for every other byte): most text.
constexpr auto kAsciiWordChar = [] {
    std::array<bool, 256> table{};
    for (unsigned c = 0; c < 0x80; ++c)
        table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return table;
}();

bool is_word_char(unsigned ch) { return ch < 0x80 ? kAsciiWordChar[ch] : Xapian::Unicode::is_wordchar(ch); }

// The code point at byte i and its length in bytes. Stored text is UTF-8 (decode_text made it
// so); a sequence that is not stands for U+FFFD, which is not part of a word.
std::pair<unsigned, std::size_t> code_point_at(std::string_view text, std::size_t i) {
    const auto sequence = utf8_sequence_at(text, i);
    return {sequence.well_formed ? static_cast<unsigned>(sequence.code_point) : 0xFFFDu, sequence.length};
}

void append_folded(std::string& out, unsigned ch) {
    if (ch < 0x80) out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    else Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
}

std::size_t head_of(unsigned char first, unsigned char second) { return std::size_t{first} << 8 | second; }

unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c; }

// Whether the word starting at byte i may fold to something with a head in heads (by its
// first two bytes); a word it cannot tell cheaply (not ASCII) is folded.
bool may_match(std::string_view text, std::size_t i, const std::vector<bool>* heads) {
    if (!heads) return false;
    const auto first = static_cast<unsigned char>(text[i]);
    const auto second = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (first >= 0x80 || second >= 0x80) return true;
    if (is_word_char(second)) return (*heads)[head_of(ascii_lower(first), ascii_lower(second))];
    if (second == '\'' || second == '+' || second == '#') return true;
    return (*heads)[head_of(ascii_lower(first), 0)];
}

// The text's words (its first max_tokens), the folded forms of those that may match (by heads;
// none without) written one after another into buffer: one string for all, not one per word,
// and most words of a long section are never folded.
void tokens_of(std::string_view text, std::string& buffer, const std::vector<bool>* heads, std::vector<Token>& tokens,
               std::size_t max_tokens = std::numeric_limits<std::size_t>::max()) {
    tokens.clear();
    tokens.reserve(std::min(max_tokens, text.size() / 6 + 1));
    thread_local std::vector<std::size_t> folded_begin;
    folded_begin.clear();
    folded_begin.reserve(tokens.capacity());
    buffer.clear();
    buffer.reserve(std::min(text.size(), 32 * max_tokens) + 16);
    std::size_t i = 0;
    while (i < text.size() && tokens.size() < max_tokens) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80 && byte != '&' && !kAsciiWordChar[byte]) {  // spaces and punctuation, mostly
            ++i;
            continue;
        }
        const auto [first, first_length] = code_point_at(text, i);
        if (first == '&') {
            folded_begin.push_back(buffer.size());
            buffer += "and";
            tokens.push_back({i, i + 1, {}});
            ++i;
            continue;
        }
        if (!is_word_char(first)) {
            i += first_length;
            continue;
        }
        folded_begin.push_back(buffer.size());
        const auto begin = i;
        const bool fold = may_match(text, i, heads);
        while (i < text.size()) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (kAsciiWordChar[byte]) {
                if (fold) buffer += static_cast<char>(ascii_lower(byte));
                ++i;
                continue;
            }
            const auto [ch, length] = code_point_at(text, i);
            if (is_word_char(ch)) {
                if (fold) append_folded(buffer, ch);
                i += length;
                continue;
            }
            if (!is_apostrophe(ch) || i + length >= text.size() || !is_word_char(code_point_at(text, i + length).first))
                break;  // not in a word: a closing quote, or punctuation
            if (fold) buffer += '\'';
            i += length;
        }
        // As Xapian's TermGenerator does: up to three '+' or '#' end a word ("LGBTQ+", "C#").
        std::size_t suffix = 0;
        while (i + suffix < text.size() && suffix < 3 && (text[i + suffix] == '+' || text[i + suffix] == '#')) ++suffix;
        if (suffix > 0 && (i + suffix == text.size() || !is_word_char(code_point_at(text, i + suffix).first))) {
            if (fold) buffer += text.substr(i, suffix);
            i += suffix;
        }
        tokens.push_back({begin, i, {}});
    }
    // The buffer is complete: only now do its addresses stay put.
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const auto end = t + 1 < tokens.size() ? folded_begin[t + 1] : buffer.size();
        tokens[t].folded = std::string_view(buffer).substr(folded_begin[t], end - folded_begin[t]);
    }
}

std::vector<Token> tokens_of(std::string_view text, std::string& buffer, const std::vector<bool>* heads) {
    std::vector<Token> tokens;
    tokens_of(text, buffer, heads, tokens);
    return tokens;
}

// ---- Matching. ----

struct TokenMatch {
    std::size_t first, last;  ///< tokens
    std::size_t key;          ///< what matched (an index into the matcher's keys): counts once in a passage
    double weight;
};

using Found = SnippetMaker::Match;

}  // namespace

class SnippetMaker::Matcher {
public:
    Matcher(const SnippetTerms& terms, bool read_every_word) : read_every_word_(read_every_word), phrases_(terms.phrases) {
        for (const auto& word : terms.words) words_.emplace(word, key_of(word, Key::Kind::word));
        std::set<std::string> stems(terms.stems.begin(), terms.stems.end());
        for (const auto& word : terms.words) stems.insert(stemmer_(word));
        for (const auto& stem : stems) {
            stems_.emplace(stem, key_of(stem, Key::Kind::stem));
            stem_heads_[head(stem)] = true;
        }
        for (const auto& phrase : phrases_) phrase_keys_.push_back(key_of(join(phrase, " "), Key::Kind::phrase));
        folded_heads_ = stem_heads_;
        for (const auto& word : terms.words) folded_heads_[head(word)] = true;
        for (const auto& phrase : phrases_)
            for (const auto& word : phrase) folded_heads_[head(word)] = true;
        folded_heads_[head("and")] = true;  // passed over inside a phrase
        choose_anchors();
    }

    const std::vector<Key>& keys() const { return key_list_; }
    bool reads_every_word() const { return read_every_word_; }
    /// The heads (first two bytes) of every text word that can match: no other word is folded.
    const std::vector<bool>& folded_heads() const { return folded_heads_; }

    std::vector<TokenMatch> matches(const std::vector<Token>& tokens) const {
        std::vector<TokenMatch> found;
        for (std::size_t i = 0; i < tokens.size();) {
            if (auto match = match_at(tokens, i)) {
                found.push_back(*match);
                i = match->last + 1;
            } else {
                ++i;
            }
        }
        return found;
    }

    /// False when no word of text can match (a cheap look for the anchors); true when unsure.
    bool may_match(std::string_view text) const {
        if (anchors_.empty()) return true;
        const auto starts = anchor_starts(text);
        return std::any_of(starts.begin(), starts.end(), [&](std::size_t at) { return begins_word(text, at); });
    }

    /// The matches in text, in order, as matches() finds them (left to right, a phrase taking its
    /// words), without tokenizing all of it: only the words that begin with an anchor are read,
    /// most words of a text being none of the query's. read_every_word_ reads them all.
    std::vector<Found> find(std::string_view text) const {
        std::vector<Found> found;
        if (anchors_.empty() || read_every_word_) {
            std::string folded;
            const auto tokens = tokens_of(text, folded, &folded_heads_);
            for (const auto& match : matches(tokens))
                found.push_back({tokens[match.first].begin, tokens[match.last].end, match.key, match.weight});
            return found;
        }
        std::size_t taken = 0;
        for (const auto at : anchor_starts(text)) read_at(text, at, taken, found);
        return found;
    }

    /// find() of each of texts, which are views in order into buffer: the anchors are looked
    /// for in all of buffer at once, not text by text (a stored record's dozens of headings and
    /// sections). Each text on its own when they are not so.
    void find_each(std::string_view buffer, const std::vector<std::string_view>& texts,
                   std::vector<std::vector<Found>>& found) const {
        const auto offset = [&](std::string_view text) { return static_cast<std::size_t>(text.data() - buffer.data()); };
        bool in_buffer = !anchors_.empty() && !read_every_word_;
        for (std::size_t i = 0; in_buffer && i < texts.size(); ++i)
            in_buffer = std::less_equal<>()(buffer.data(), texts[i].data()) &&
                        std::less_equal<>()(texts[i].data() + texts[i].size(), buffer.data() + buffer.size()) &&
                        (i == 0 || offset(texts[i - 1]) + texts[i - 1].size() <= offset(texts[i]));
        if (!in_buffer) {
            for (std::size_t i = 0; i < texts.size(); ++i) found[i] = find(texts[i]);
            return;
        }
        std::size_t text = 0, taken = 0;
        for (const auto at : anchor_starts(buffer)) {
            while (text < texts.size() && offset(texts[text]) + texts[text].size() <= at) ++text, taken = 0;
            if (text == texts.size()) break;
            if (at < offset(texts[text])) continue;  // between two texts
            read_at(texts[text], at - offset(texts[text]), taken, found[text]);
        }
    }

private:
    // Where in text an anchor is (lower case or capitals), in order; not yet checked to begin a word.
    std::vector<std::size_t> anchor_starts(std::string_view text) const {
        std::vector<std::size_t> starts;
        starts.reserve(64);  // a record's common word: dozens, found without regrowing
        for (const auto& anchor : anchors_) find_anchor(text, anchor, starts);
        std::sort(starts.begin(), starts.end());
        return starts;
    }

    // The match, if any, of the word of text beginning at byte at, after the last match's end
    // (taken): words inside a phrase match count with it.
    void read_at(std::string_view text, std::size_t at, std::size_t& taken, std::vector<Found>& found) const {
        if (at < taken || !begins_word(text, at)) return;
        thread_local std::string folded;  // read_at runs for every anchor found: no allocation each time
        thread_local std::vector<Token> tokens;
        // Further words are read only where a phrase may go on: most words begin none.
        tokens_of(text.substr(at), folded, &folded_heads_, tokens, std::min<std::size_t>(2, longest_match_));
        if (tokens.size() == 2 && may_go_on(tokens[0].folded, tokens[1].folded))
            tokens_of(text.substr(at), folded, &folded_heads_, tokens, longest_match_);
        if (const auto match = tokens.empty() ? std::nullopt : match_at(tokens, 0)) {
            taken = at + tokens[match->last].end;
            found.push_back({at, taken, match->key, match->weight});
        }
    }

    // Whether a phrase begins with first, then second (or an "and" passed over).
    bool may_go_on(std::string_view first, std::string_view second) const {
        return std::any_of(phrases_.begin(), phrases_.end(), [&](const auto& phrase) {
            return phrase.size() >= 2 && phrase[0] == first && (phrase[1] == second || second == "and");
        });
    }

    std::optional<TokenMatch> match_at(const std::vector<Token>& tokens, std::size_t i) const {
        const auto word = tokens[i].folded;
        if (word.empty()) return std::nullopt;  // a word that cannot match, left unfolded
        if (auto phrase = longest_phrase_at(tokens, i)) return phrase;
        if (is_stopword(word)) return std::nullopt;  // marked only inside a phrase
        if (const auto as_word = words_.find(word); as_word != words_.end()) return TokenMatch{i, i, as_word->second, 1};
        // Porter2 changes only a word's ending: one whose first two bytes begin no stem cannot
        // stem to one, so most of a section's words are never stemmed.
        if (!stem_heads_[head(word)]) return std::nullopt;
        if (const auto as_stem = stems_.find(stemmer_(std::string(word))); as_stem != stems_.end())
            return TokenMatch{i, i, as_stem->second, 1};
        return std::nullopt;
    }

    // What a word that can match begins with, lower case: a word itself, a stem but its last
    // letter (Porter2 changes only endings: "polici" / "policy", "care" / "caring"), a phrase's
    // first word; up to any character that is not an ASCII letter or digit. Porter2's
    // exceptions ("dying" / "die") have stems of three letters: those anchor on one. No
    // anchors (find() reads every word) when one would be empty or a phrase starts with "and",
    // which the text may write as "&".
    void choose_anchors() {
        std::vector<std::string> anchors;
        const auto add = [&](std::string_view word, std::size_t length) {
            const auto plain = std::find_if(word.begin(), word.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80 || !kAsciiWordChar[static_cast<unsigned char>(c)];
            });
            anchors.emplace_back(word.substr(0, std::min<std::size_t>(length, static_cast<std::size_t>(plain - word.begin()))));
        };
        for (const auto& [word, key] : words_) add(word, word.size());
        for (const auto& [stem, key] : stems_) add(stem, stem.size() <= 3 ? 1 : stem.size() - 1);
        for (const auto& phrase : phrases_) {
            if (phrase.empty() || phrase[0] == "and") return;
            add(phrase[0], phrase[0].size());
            longest_match_ = std::max(longest_match_, 2 * phrase.size());  // with an "and" passed over between each two
        }
        if (std::any_of(anchors.begin(), anchors.end(), [](const std::string& a) { return a.empty(); })) return;
        // An anchor another begins with adds nothing.
        std::sort(anchors.begin(), anchors.end());
        for (const auto& anchor : anchors)
            if (anchors_.empty() || !anchor.starts_with(anchors_.back())) anchors_.push_back(anchor);
    }

    // Adds to starts where a word of text begins with anchor (lower case ASCII), in any case:
    // memchr finds the anchor's least common letter in English, written either way, and the
    // rest is compared around it.
    static void find_anchor(std::string_view text, std::string_view anchor, std::vector<std::size_t>& starts) {
        static constexpr std::string_view kCommonestLast = "zqxjkvbpygfwmucldrhsnioate";
        std::size_t key = 0;  // the anchor's byte memchr looks for
        for (std::size_t i = 1; i < anchor.size(); ++i)
            if (kCommonestLast.find(anchor[i]) < kCommonestLast.find(anchor[key])) key = i;
        const auto matches_at = [&](std::size_t at) {
            for (std::size_t i = 0; i < anchor.size(); ++i)
                if (ascii_lower(static_cast<unsigned char>(text[at + i])) != static_cast<unsigned char>(anchor[i])) return false;
            return true;
        };
        const auto lower = static_cast<unsigned char>(anchor[key]);
        const auto upper = static_cast<unsigned char>(lower >= 'a' && lower <= 'z' ? lower - ('a' - 'A') : 0);
        if (text.size() < anchor.size()) return;
        const auto last = text.size() - anchor.size() + key;  // where the key byte can be, at most
        for (const auto written : {lower, upper}) {
            if (!written) continue;
            for (std::size_t at = key; at <= last; ++at) {
                const auto* found = static_cast<const char*>(std::memchr(text.data() + at, written, last + 1 - at));
                if (!found) break;
                at = static_cast<std::size_t>(found - text.data());
                if (matches_at(at - key)) starts.push_back(at - key);
            }
        }
    }

    // Whether a word starts at byte at: the character before it is not part of a word, nor an
    // apostrophe inside one ("O'Brien").
    static bool begins_word(std::string_view text, std::size_t at) {
        const auto before = [&](std::size_t end) -> std::pair<unsigned, std::size_t> {
            auto begin = end - 1;
            while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
            const auto [ch, length] = code_point_at(text, begin);
            return begin + length == end ? std::pair{ch, begin} : std::pair{static_cast<unsigned char>(text[end - 1]) + 0u, end - 1};
        };
        if (at == 0) return true;
        const auto [ch, begin] = before(at);
        if (is_word_char(ch)) return false;
        return !(is_apostrophe(ch) && begin > 0 && is_word_char(before(begin).first));
    }

    std::vector<std::string> anchors_;
    std::size_t longest_match_ = 1;  ///< in text words
    bool read_every_word_;           ///< see SnippetMaker's constructor

    // The last token of phrase matched from token i, if it matches there. A text "and" (or
    // "&") between two of the phrase's words is passed over when the phrase has none there.
    std::optional<std::size_t> phrase_end(const std::vector<Token>& tokens, std::size_t i,
                                          const std::vector<std::string>& phrase) const {
        std::size_t at = i;
        for (std::size_t n = 0; n < phrase.size(); ++n, ++at) {
            if (at >= tokens.size()) return std::nullopt;
            if (n > 0 && tokens[at].folded == "and" && phrase[n] != "and") ++at;
            if (at >= tokens.size() || tokens[at].folded != phrase[n]) return std::nullopt;
        }
        return at - 1;
    }

    std::optional<TokenMatch> longest_phrase_at(const std::vector<Token>& tokens, std::size_t i) const {
        std::optional<TokenMatch> best;
        for (std::size_t p = 0; p < phrases_.size(); ++p) {
            const auto last = phrase_end(tokens, i, phrases_[p]);
            if (last && (!best || *last > best->last))
                best = TokenMatch{i, *last, phrase_keys_[p], 1.0 + static_cast<double>(phrases_[p].size())};
        }
        return best;
    }

    std::size_t key_of(const std::string& key, Key::Kind kind) {
        const auto [at, added] = keys_.emplace(key, keys_.size());
        if (added) key_list_.push_back({kind, key});
        return at->second;
    }

    std::vector<std::vector<std::string>> phrases_;
    // The words of every section a page shows are stemmed: a cache saves most of that.
    static Xapian::Stem& stemmer() {
        thread_local Xapian::Stem stemmer = caching_english_stemmer();
        return stemmer;
    }

    static std::size_t head(std::string_view word) {
        const auto byte = [&](std::size_t i) { return i < word.size() ? static_cast<unsigned char>(word[i]) : 0u; };
        return byte(0) << 8 | byte(1);
    }

    Xapian::Stem& stemmer_ = stemmer();
    std::map<std::string, std::size_t, std::less<>> keys_;  ///< every distinct key, numbered
    std::vector<Key> key_list_;                              ///< by number
    std::map<std::string, std::size_t, std::less<>> words_, stems_;  ///< to their keys
    std::vector<std::size_t> phrase_keys_;  ///< parallel to phrases_
    std::vector<bool> stem_heads_ = std::vector<bool>(1 << 16);  ///< by head(): a stem starts so
    std::vector<bool> folded_heads_;
};

namespace {

// ---- The passage. ----

struct Passage {
    std::size_t begin = 0, end = 0;  ///< bytes of the text
};

// Matches are in text order, so a passage's are a run of them; a key counts in full once.
double score(const std::vector<Found>& matches, const Passage& passage, std::vector<char>& seen) {
    std::fill(seen.begin(), seen.end(), 0);
    double total = 0;
    auto m = std::lower_bound(matches.begin(), matches.end(), passage.begin,
                              [](const Found& match, std::size_t at) { return match.begin < at; });
    for (; m != matches.end() && m->begin < passage.end; ++m) {
        if (m->end > passage.end) continue;
        total += seen[m->key] ? 0.1 : m->weight;  // repeats count a little
        seen[m->key] = 1;
    }
    return total;
}

// The window moved to whole words: it starts at the first word that begins in it and ends after
// the last one that ends in it. Only the words around it are read: no word crosses a space.
Passage whole_words_reading_all(std::string_view text, Passage window) {
    auto from = std::min(window.begin, text.size());
    while (from > 0 && !is_space(text[from - 1])) --from;
    auto to = window.end;
    while (to < text.size() && !is_space(text[to])) ++to;
    std::string folded;
    const auto tokens = tokens_of(text.substr(from, to - from), folded, nullptr);
    if (window.begin > 0) {
        const auto first = std::find_if(tokens.begin(), tokens.end(), [&](const Token& t) { return from + t.begin >= window.begin; });
        window.begin = first == tokens.end() ? window.end : from + first->begin;
    }
    if (window.end < text.size()) {
        std::size_t end = window.begin;
        for (const auto& token : tokens)
            if (from + token.begin >= window.begin && from + token.end <= window.end) end = from + token.end;
        window.end = end;
    }
    return window;
}

// whole_words_reading_all reading only the words at the window's two edges: the text between
// two spaces is read on its own (no word crosses a space), from the start forward until a word
// begins in the window, and from the end back until one ends in it.
Passage whole_words(std::string_view text, Passage window) {
    const auto chunk_start = [&](std::size_t at) {
        while (at > 0 && !is_space(text[at - 1])) --at;
        return at;
    };
    const auto chunk_end = [&](std::size_t at) {
        while (at < text.size() && !is_space(text[at])) ++at;
        return at;
    };
    const auto from = chunk_start(std::min(window.begin, text.size()));
    const auto to = chunk_end(window.end);
    thread_local std::string folded;
    thread_local std::vector<Token> tokens;
    if (window.begin > 0) {
        std::optional<std::size_t> first;
        for (auto at = from; !first && at < to;) {
            const auto end = chunk_end(at);
            tokens_of(text.substr(at, end - at), folded, nullptr, tokens);
            for (const auto& token : tokens)
                if (at + token.begin >= window.begin) {
                    first = at + token.begin;
                    break;
                }
            for (at = end; at < to && is_space(text[at]);) ++at;
        }
        window.begin = first ? *first : window.end;
    }
    if (window.end < text.size()) {
        std::size_t end = window.begin;
        for (auto chunk_to = to;;) {
            while (chunk_to > from && is_space(text[chunk_to - 1])) --chunk_to;
            if (chunk_to <= from) break;
            const auto chunk_from = std::max(from, chunk_start(chunk_to));
            tokens_of(text.substr(chunk_from, chunk_to - chunk_from), folded, nullptr, tokens);
            const auto last = std::find_if(tokens.rbegin(), tokens.rend(), [&](const Token& t) {
                return chunk_from + t.begin >= window.begin && chunk_from + t.end <= window.end;
            });
            if (last != tokens.rend()) {
                end = chunk_from + last->end;
                break;
            }
            if (chunk_from <= window.begin) break;
            chunk_to = chunk_from;
        }
        window.end = end;
    }
    return window;
}

// The window around the best matches, moved to whole words; a window starts a little before
// its first match, so the match is read in context.
Passage best_passage(std::string_view text, const std::vector<Found>& matches, std::size_t keys, std::size_t max_bytes,
                     bool read_every_word) {
    std::vector<char> seen(keys);
    constexpr std::size_t kMaxCandidates = 200;
    const std::size_t lead = max_bytes / 5;
    Passage best{0, std::min(text.size(), max_bytes)};
    double best_score = matches.empty() ? 0 : -1;
    // A text that fits is shown whole, wherever its matches are: a heading or a title is never cut.
    const auto candidates = text.size() <= max_bytes ? 0 : std::min(matches.size(), kMaxCandidates);
    for (std::size_t n = 0; n < candidates; ++n) {
        const auto at = matches[n].begin;
        Passage candidate{at > lead ? at - lead : 0, 0};
        candidate.end = std::min(text.size(), candidate.begin + max_bytes);
        if (const double s = score(matches, candidate, seen); s > best_score) {
            best_score = s;
            best = candidate;
        }
    }
    return read_every_word ? whole_words_reading_all(text, best) : whole_words(text, best);
}

// Appends text with each run of spaces and line breaks as one space.
void append_spaced(std::string& out, std::string_view text) {
    // Runs of bytes that are not spaces are appended whole: most of a snippet is one.
    static constexpr auto kPlain = [] {
        std::array<bool, 256> plain{};
        for (unsigned c = 0; c < 256; ++c) plain[c] = !is_space(static_cast<char>(c));
        return plain;
    }();
    bool space = false;
    const auto plain = [&](std::size_t at) { return at < text.size() && kPlain[static_cast<unsigned char>(text[at])]; };
    for (std::size_t i = 0; i < text.size();) {
        // One space between two plain bytes is written as it is: the run goes on over it (a
        // run a word was most of a snippet's cost).
        auto run = i;
        while (plain(run) || (run > i && run < text.size() && text[run] == ' ' && plain(run + 1))) ++run;
        if (run > i) {
            if (space) out += ' ';
            space = false;
            out.append(text.data() + i, run - i);
            i = run;
            continue;
        }
        space = true;  // not plain: a space or a line break
        ++i;
    }
    if (space) out += ' ';
}

// trim() of a marked text in place, its matches moved with it; a passage cut before keeps its
// start (it begins at a word).
void trim_in_place(MarkedText& marked) {
    auto& text = marked.text;
    const auto kept = trimmed_view(text);
    const auto front = kept.empty() || marked.cut_before ? std::size_t{0} : static_cast<std::size_t>(kept.data() - text.data());
    const auto back = kept.empty() ? front : static_cast<std::size_t>(kept.data() - text.data()) + kept.size();
    text.resize(back);
    text.erase(0, front);
    for (auto& match : marked.matches) match.begin -= front, match.end -= front;
}

}  // namespace

SnippetTerms snippet_terms(const Xapian::Query& query) {
    SnippetTerms terms;
    collect(query, terms);
    sort_unique(terms.words);
    sort_unique(terms.stems);
    sort_unique(terms.phrases);
    return terms;
}

SnippetMaker::SnippetMaker(const SnippetTerms& terms, bool read_every_word)
    : matcher_(terms.empty() ? nullptr : std::make_unique<const Matcher>(terms, read_every_word)) {}

SnippetMaker::~SnippetMaker() = default;

MarkedText SnippetMaker::operator()(std::string_view text, std::size_t max_bytes) const {
    // Nothing to mark and nothing to cut (a title, a heading): the text as it is.
    if (text.size() < max_bytes && !(matcher_ && matcher_->may_match(text))) {
        MarkedText whole;
        whole.text.reserve(text.size());
        append_spaced(whole.text, text);
        trim_in_place(whole);
        return whole;
    }
    return (*this)(text, matcher_ ? matcher_->find(text) : std::vector<Found>{}, max_bytes);
}

MarkedText SnippetMaker::operator()(std::string_view text, const std::vector<Match>& matches, std::size_t max_bytes) const {
    const auto passage = best_passage(text, matches, matcher_ ? matcher_->keys().size() : 0, max_bytes,
                                      matcher_ && matcher_->reads_every_word());
    const auto shown = [&](const Match& m) { return m.begin >= passage.begin && m.end <= passage.end; };
    MarkedText out;
    out.cut_before = passage.begin > 0;
    out.cut_after = passage.end < text.size();
    out.text.reserve(passage.end - passage.begin);  // one allocation each
    out.matches.reserve(static_cast<std::size_t>(std::count_if(matches.begin(), matches.end(), shown)));
    std::size_t copied = passage.begin;
    for (const auto& m : matches) {
        if (!shown(m)) continue;
        append_spaced(out.text, text.substr(copied, m.begin - copied));
        const auto begin = out.text.size();
        append_spaced(out.text, text.substr(m.begin, m.end - m.begin));
        out.matches.push_back({begin, out.text.size()});
        copied = m.end;
    }
    append_spaced(out.text, text.substr(copied, passage.end - copied));
    trim_in_place(out);
    return out;
}

const std::vector<SnippetMaker::Key>& SnippetMaker::keys() const {
    static const std::vector<Key> none;
    return matcher_ ? matcher_->keys() : none;
}

void SnippetMaker::find_each(std::string_view buffer, const std::vector<std::string_view>& texts,
                             std::vector<std::vector<Match>>& found) const {
    found.resize(texts.size());
    for (auto& matches : found) matches.clear();  // their room is kept for the next texts
    if (matcher_) matcher_->find_each(buffer, texts, found);
}

MarkedText make_snippet(std::string_view text, const SnippetTerms& terms, std::size_t max_bytes) {
    return SnippetMaker(terms)(text, max_bytes);
}

}  // namespace wm
