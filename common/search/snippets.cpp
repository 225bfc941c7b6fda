#include "common/search/snippets.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "common/index/schema.hpp"
#include "common/index/stemmer_cache.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

const std::string kMarkStart(kSnippetMarkStart), kMarkEnd(kSnippetMarkEnd), kOmitted(kSnippetOmitted);
// Words too common to be worth marking on their own; inside a phrase they are marked with it.
constexpr std::array<std::string_view, 14> kStopwords = {"a", "an", "and", "at", "by", "for", "in",
                                                        "is", "of", "on", "or", "the", "to", "with"};

bool is_stopword(std::string_view word) {
    return std::find(kStopwords.begin(), kStopwords.end(), word) != kStopwords.end();
}

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

// ---- The text's words. ----

struct Token {
    std::size_t begin, end;  ///< bytes of the text
    std::string folded;      ///< lower case, straight apostrophe; "&" is "and"
};

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019; }

std::vector<Token> tokens_of(std::string_view text) {
    std::vector<Token> tokens;
    const auto offset = [&](const Xapian::Utf8Iterator& it) {
        return it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
    };
    Xapian::Utf8Iterator it(text.data(), text.size());
    const Xapian::Utf8Iterator end;
    while (it != end) {
        if (*it == '&') {
            const auto begin = offset(it);
            ++it;
            tokens.push_back({begin, offset(it), "and"});
            continue;
        }
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        Token token{offset(it), 0, {}};
        while (it != end) {
            if (Xapian::Unicode::is_wordchar(*it)) {
                Xapian::Unicode::append_utf8(token.folded, *it);
                ++it;
                continue;
            }
            if (!is_apostrophe(*it)) break;
            auto next = it;
            ++next;
            if (next == end || !Xapian::Unicode::is_wordchar(*next)) break;  // a closing quote
            token.folded += '\'';
            it = next;
        }
        // As Xapian's TermGenerator does: up to three '+' or '#' end a word ("LGBTQ+", "C#").
        auto suffix_end = it;
        std::string suffix;
        while (suffix_end != end && (*suffix_end == '+' || *suffix_end == '#') && suffix.size() < 3) {
            suffix += static_cast<char>(*suffix_end);
            ++suffix_end;
        }
        if (!suffix.empty() && (suffix_end == end || !Xapian::Unicode::is_wordchar(*suffix_end))) {
            token.folded += suffix;
            it = suffix_end;
        }
        token.end = offset(it);
        token.folded = to_lower(token.folded);
        tokens.push_back(std::move(token));
    }
    return tokens;
}

// ---- Matching. ----

struct Match {
    std::size_t first, last;  ///< tokens
    std::string key;          ///< what matched: the same key counts once in a passage
    double weight;
};

class Matcher {
public:
    explicit Matcher(const SnippetTerms& terms) : phrases_(terms.phrases) {
        words_.insert(terms.words.begin(), terms.words.end());
        stems_.insert(terms.stems.begin(), terms.stems.end());
        for (const auto& word : terms.words) stems_.insert(stemmer_(word));
        for (const auto& stem : stems_) stem_heads_[head(stem)] = true;
    }

    std::vector<Match> matches(const std::vector<Token>& tokens) const {
        std::vector<Match> found;
        for (std::size_t i = 0; i < tokens.size();) {
            if (auto phrase = longest_phrase_at(tokens, i)) {
                found.push_back(*phrase);
                i = phrase->last + 1;
                continue;
            }
            const auto& word = tokens[i].folded;
            if (!is_stopword(word)) {
                if (words_.count(word)) {
                    found.push_back({i, i, word, 1});
                } else if (!stem_heads_[head(word)]) {
                    // Porter2 changes only a word's ending: one whose first two bytes begin no
                    // stem cannot stem to one, so most of a section's words are never stemmed.
                } else if (const auto stem = stemmer_(word); stems_.count(stem)) {
                    found.push_back({i, i, stem, 1});
                }
            }
            ++i;
        }
        return found;
    }

private:
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

    std::optional<Match> longest_phrase_at(const std::vector<Token>& tokens, std::size_t i) const {
        std::optional<Match> best;
        for (const auto& phrase : phrases_) {
            const auto last = phrase_end(tokens, i, phrase);
            if (last && (!best || *last > best->last))
                best = Match{i, *last, join(phrase, " "), 1.0 + static_cast<double>(phrase.size())};
        }
        return best;
    }

    std::vector<std::vector<std::string>> phrases_;
    // The words of every section a page shows are stemmed: a cache saves most of that.
    static Xapian::Stem& stemmer() {
        thread_local Xapian::Stem stemmer = caching_english_stemmer();
        return stemmer;
    }

    static std::size_t head(const std::string& word) {
        const auto byte = [&](std::size_t i) { return i < word.size() ? static_cast<unsigned char>(word[i]) : 0u; };
        return byte(0) << 8 | byte(1);
    }

    std::set<std::string> words_, stems_;
    std::vector<bool> stem_heads_ = std::vector<bool>(1 << 16);  ///< by head(): a stem starts so
    Xapian::Stem& stemmer_ = stemmer();
};

// ---- The passage. ----

struct Passage {
    std::size_t begin = 0, end = 0;  ///< bytes of the text
};

double score(const std::vector<Match>& matches, const std::vector<Token>& tokens, const Passage& passage) {
    std::set<std::string> seen;
    double total = 0;
    for (const auto& m : matches) {
        if (tokens[m.first].begin < passage.begin || tokens[m.last].end > passage.end) continue;
        total += seen.insert(m.key).second ? m.weight : 0.1;  // repeats count a little
    }
    return total;
}

// The window around the best matches, moved to whole words; a window starts a little before
// its first match, so the match is read in context.
Passage best_passage(std::string_view text, const std::vector<Token>& tokens, const std::vector<Match>& matches,
                     std::size_t max_bytes) {
    constexpr std::size_t kMaxCandidates = 200;
    const std::size_t lead = max_bytes / 5;
    Passage best{0, std::min(text.size(), max_bytes)};
    double best_score = matches.empty() ? 0 : -1;
    for (std::size_t n = 0; n < matches.size() && n < kMaxCandidates; ++n) {
        const auto at = tokens[matches[n].first].begin;
        Passage candidate{at > lead ? at - lead : 0, 0};
        candidate.end = std::min(text.size(), candidate.begin + max_bytes);
        if (const double s = score(matches, tokens, candidate); s > best_score) {
            best_score = s;
            best = candidate;
        }
    }
    // Whole words: start at the first word that begins in the window, end after the last one
    // that ends in it.
    if (best.begin > 0) {
        const auto first = std::find_if(tokens.begin(), tokens.end(), [&](const Token& t) { return t.begin >= best.begin; });
        best.begin = first == tokens.end() ? best.end : first->begin;
    }
    if (best.end < text.size()) {
        std::size_t end = best.begin;
        for (const auto& token : tokens)
            if (token.begin >= best.begin && token.end <= best.end) end = token.end;
        best.end = end;
    }
    return best;
}

std::string spaced_escape(std::string_view text) {
    std::string collapsed;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space) collapsed += ' ';
        space = false;
        collapsed += c;
    }
    if (space) collapsed += ' ';
    return html_escape(collapsed);
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

std::string make_snippet(std::string_view text, const SnippetTerms& terms, std::size_t max_bytes) {
    const auto tokens = tokens_of(text);
    const auto matches = terms.empty() ? std::vector<Match>{} : Matcher(terms).matches(tokens);
    const auto passage = best_passage(text, tokens, matches, max_bytes);
    std::string out = passage.begin > 0 ? kOmitted : "";
    std::size_t copied = passage.begin;
    for (const auto& m : matches) {
        const auto begin = tokens[m.first].begin, end = tokens[m.last].end;
        if (begin < passage.begin || end > passage.end) continue;
        out += spaced_escape(text.substr(copied, begin - copied));
        out += kMarkStart + spaced_escape(text.substr(begin, end - begin)) + kMarkEnd;
        copied = end;
    }
    out += spaced_escape(text.substr(copied, passage.end - copied));
    const auto trimmed = trim(out);
    return passage.end < text.size() ? trimmed + kOmitted : trimmed;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace wm
