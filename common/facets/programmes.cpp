// Programmes: proper names ending in a programme word ("Aspirant Leaders Programme"), proper
// names described by one ("the Breaking Through programme"), acronyms that are funded or
// defined as programmes ("the CRABBB grant", "RIIA"), and "X is a research project".
#include <algorithm>
#include <map>

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"
#include "common/facets/vocabulary.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

using vocabulary::contains;

// Capitalised, these words end a programme's name and belong to it.
bool is_name_head(const std::vector<Token>& tokens, std::size_t i) {
    const auto& token = tokens[i];
    if (!token.capitalised) return false;
    if (token.key == "classes" || token.key == "class")  // "Master Classes"
        return i > 0 && tokens[i - 1].key == "master";
    return contains(vocabulary::kProgrammeHeads, token.key);
}

// Lower case, these words describe the proper name before them and are not part of it.
bool is_descriptor(const Token& token) {
    return !token.capitalised && !token.all_caps && contains(vocabulary::kProgrammeDescriptors, token.key);
}

// After an acronym these say it names something funded: "the CRABBB grant", "CRABBB funded".
bool is_funding_word(const Token& token) {
    return !token.capitalised && contains(vocabulary::kFundingWords, token.key);
}

bool is_plural_head(std::string_view key) {
    return key.ends_with("s") && !contains(vocabulary::kSingularPlurals, key);
}

// Words that lead into a name without being part of it: "the", "our", "Let's".
bool is_lead_in(const Token& token) {
    return contains(vocabulary::kLeadIns, token.key);
}

bool is_connector(const Token& token) {
    return contains(vocabulary::kNameConnectors, token.key);
}

bool name_word(const Token& token) { return token.capitalised || token.all_caps; }

bool joins(const Token& token) {
    return token.gap == Gap::space || token.gap == Gap::hyphen || token.gap == Gap::comma;
}

// The first token of the proper name that ends at tokens[last].
std::size_t name_start(const std::vector<Token>& tokens, std::size_t last, const std::vector<bool>& taken) {
    auto first = last;
    while (first > 0 && joins(tokens[first])) {
        const auto& before = tokens[first - 1];
        if (taken[first - 1]) break;
        if (tokens[first].gap == Gap::comma && !(name_word(before) && name_word(tokens[first]))) break;
        if (is_name_head(tokens, first - 1)) break;  // "Workforce Workstream and The Big ..."
        if (name_word(before) || before.initial) {
            --first;
            continue;
        }
        // Up to two connectors between capitalised words: "LeadHERship in Colour",
        // "Creativity of the Workforce".
        std::size_t connectors = 0;
        while (connectors < 2 && first > connectors + 1 && is_connector(tokens[first - 1 - connectors]) &&
               joins(tokens[first - connectors]))
            ++connectors;
        const auto word = first - 1 - connectors;
        if (connectors == 0 || first < connectors + 1 || !joins(tokens[word + 1]) || !name_word(tokens[word]) ||
            taken[word] || is_name_head(tokens, word))
            break;
        // "of the" joins a name ("Creativity of the Workforce"); "for the" after an ordinary
        // sentence opener does not ("Applications for the Rising Leaders Programme").
        if (connectors == 2 && tokens[word + 1].key != "of") break;
        if (tokens[word].sentence_start && Gazetteer::instance().is_common_word(tokens[word].key)) break;
        first = word;
    }
    return first;
}

bool is_unknown_acronym(const Token& token, const Glossary& glossary) {
    if (!token.all_caps) return false;
    const auto& gazetteer = Gazetteer::instance();
    return !glossary.find(token.text) && !gazetteer.organisations.find(token.text) &&
           !gazetteer.authorities.find(token.text);
}

bool is_year(const Token& token) {
    return token.text.size() == 4 && (token.text.starts_with("19") || token.text.starts_with("20")) &&
           std::all_of(token.text.begin(), token.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Candidate {
    std::size_t first, last;  // the name's tokens
    std::size_t head;         // its programme word, or last + 1 for a descriptor
    bool head_in_name;
};

class ProgrammeFinder {
public:
    ProgrammeFinder(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<Mention>& taken, const Glossary& glossary)
        : text_(text), tokens_(tokens), glossary_(glossary), taken_(covered_by(taken, tokens.size())) {}

    std::vector<Mention> run() {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (is_name_head(tokens_, i)) named_by_head(i);
            else if (is_descriptor(tokens_[i]) && i > 0 && joins(tokens_[i])) described(i);
            if (tokens_[i].all_caps) acronym(i);
            if (tokens_[i].key == "is") defined_as_project(i);
            if (starts_run(i)) known_stem(i);
        }
        return found_;
    }

    /// Learnable: "Aspirant Leaders Programme" -> ("aspirant leaders", the name).
    std::vector<std::pair<std::string, std::string>> stems() {
        std::vector<std::pair<std::string, std::string>> out;
        for (std::size_t head = 0; head < tokens_.size(); ++head) {
            if (!is_name_head(tokens_, head) || head == 0 || !joins(tokens_[head]) || taken_[head]) continue;
            auto first = name_start(tokens_, head, taken_);
            if (!trim_lead_in(first, head) || head - first < 2) continue;
            if (all_common_words(first, head - 1)) continue;
            out.emplace_back(phrase_key(tokens_, first, head - first), span_text(text_, tokens_, first, head));
        }
        return out;
    }

private:
    void add(std::size_t first, std::size_t last, std::string value) {
        found_.push_back({first, last, std::move(value)});
    }

    // Nothing but ordinary words ("Workforce and Leadership"): a description, not a name.
    bool all_common_words(std::size_t first, std::size_t last) const {
        const auto& gazetteer = Gazetteer::instance();
        for (auto i = first; i <= last; ++i)
            if (!is_connector(tokens_[i]) && !gazetteer.is_common_word(tokens_[i].key)) return false;
        return true;
    }

    // Drops lead-in words; false when nothing that names anything is left.
    bool trim_lead_in(std::size_t& first, std::size_t end) const {
        while (first < end && (is_lead_in(tokens_[first]) || tokens_[first].possessive)) ++first;
        return first < end;
    }

    // "Aspirant Leaders Programme", "SEND Leadership Programme 2024", "RSN Conference".
    void named_by_head(std::size_t head) {
        if (head == 0 || !joins(tokens_[head]) || taken_[head]) return;
        auto first = name_start(tokens_, head, taken_);
        if (!trim_lead_in(first, head)) return;
        const auto& gazetteer = Gazetteer::instance();
        // "Key Events", "Leadership Programmes": a category, not a name.
        if (head - first == 1 && is_plural_head(tokens_[head].key) &&
            gazetteer.is_common_word(tokens_[first].key))
            return;
        if (head - first == 1 && is_unknown_acronym(tokens_[first], glossary_)) {
            add(first, head, tokens_[first].text);  // "CRABBB Project" is CRABBB
            return;
        }
        auto last = head;
        if (last + 1 < tokens_.size() && tokens_[last + 1].gap == Gap::space && is_year(tokens_[last + 1]))
            ++last;
        add(first, last, span_text(text_, tokens_, first, last));
    }

    // "the LeadHERship in Colour programme", "Early Help & Targeted Support workstream".
    void described(std::size_t descriptor) {
        const auto last = descriptor - 1;
        if (!name_word(tokens_[last]) || taken_[last]) return;
        auto first = name_start(tokens_, last, taken_);
        if (!trim_lead_in(first, last + 1)) return;
        if (all_common_words(first, last)) return;  // "the Workforce workstream"
        if (first == last && tokens_[first].all_caps) return;  // handled by acronym()
        if (tokens_[descriptor].key.ends_with("s")) {
            add_coordinated(first, last);  // "both LeadHERship in Colour and Breaking Through programmes"
            return;
        }
        add(first, last, span_text(text_, tokens_, first, last));
    }

    void add_coordinated(std::size_t first, std::size_t last) {
        auto start = first;
        for (auto i = first; i <= last + 1; ++i) {
            if (i <= last && tokens_[i].key != "and") continue;
            if (start < i) add(start, i - 1, span_text(text_, tokens_, start, i - 1));
            start = i + 1;
        }
    }

    // "RIIA", "RCLO": defined as programmes in the archive or nationally; "the CRABBB grant".
    void acronym(std::size_t at) {
        if (taken_[at]) return;
        const auto& token = tokens_[at];
        if (const auto entry = glossary_.find(token.text)) {
            if (entry->category == "programme") add(at, at, entry->expansion);
            return;
        }
        if (at + 1 < tokens_.size() && tokens_[at + 1].gap == Gap::space && is_funding_word(tokens_[at + 1]) &&
            is_unknown_acronym(token, glossary_))
            add(at, at, token.text);
    }

    // "LYPSA (Lgbtq+ Young People in Social care) is a research project".
    void defined_as_project(std::size_t is) {
        if (is == 0 || is + 1 >= tokens_.size()) return;
        if (tokens_[is + 1].key != "a" && tokens_[is + 1].key != "an") return;
        std::size_t descriptor = is + 2;
        while (descriptor < tokens_.size() && descriptor <= is + 4 && !is_descriptor(tokens_[descriptor]) &&
               !tokens_[descriptor].capitalised && tokens_[descriptor].gap == Gap::space)
            ++descriptor;
        if (descriptor >= tokens_.size() || !is_descriptor(tokens_[descriptor])) return;
        auto subject_end = is - 1;
        // Step back over a parenthesis between the name and "is".
        if (text_.substr(tokens_[subject_end].end, tokens_[is].begin - tokens_[subject_end].end).find(')') !=
            std::string_view::npos) {
            while (subject_end > 0 && !tokens_[subject_end].opens_parenthesis) --subject_end;
            if (subject_end == 0) return;
            --subject_end;
        } else if (tokens_[is].gap != Gap::space) {
            return;
        }
        if (!name_word(tokens_[subject_end]) || taken_[subject_end]) return;
        auto first = name_start(tokens_, subject_end, taken_);
        if (!trim_lead_in(first, subject_end + 1)) return;
        add(first, subject_end, span_text(text_, tokens_, first, subject_end));
    }

    bool starts_run(std::size_t i) const {
        return name_word(tokens_[i]) && !taken_[i] && (i == 0 || !joins(tokens_[i]) || !name_word(tokens_[i - 1]));
    }

    // A whole capitalised run that is a learned stem: "Aspirant Leaders – Coaching places".
    void known_stem(std::size_t first) {
        const auto& stems = glossary_.programme_stems();
        if (stems.empty()) return;
        auto last = first;
        while (last + 1 < tokens_.size() && joins(tokens_[last + 1]) &&
               (name_word(tokens_[last + 1]) || is_connector(tokens_[last + 1])) && !taken_[last + 1])
            ++last;
        while (last > first && is_connector(tokens_[last])) --last;
        if (last + 1 < tokens_.size() && joins(tokens_[last + 1]) && is_name_head(tokens_, last + 1)) return;
        const auto it = stems.find(phrase_key(tokens_, first, last - first + 1));
        if (it != stems.end()) add(first, last, it->second);
    }

    std::string_view text_;
    const std::vector<Token>& tokens_;
    const Glossary& glossary_;
    std::vector<bool> taken_;
    std::vector<Mention> found_;
};

// The key two spellings of one programme share: "BlueSky"/"Blue Sky", "Family Hub"/"Hubs".
std::string spelling_key(std::string_view name) {
    std::string key;
    for (char c : match_key(name))
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) key += c;
    if (key.ends_with("s")) key.pop_back();
    return key;
}

// Upper-case initials of a name's words, skipping connectors: "Regional Safeguarding Network
// Conference" -> "RSNC"; an acronym contributes its letters: "RSN Conference" -> "RSNC".
std::string initials(std::string_view name) {
    std::string out;
    for (const auto& token : tokenize(name)) {
        if (token.gap == Gap::hyphen || is_connector(token) || token.possessive) continue;
        if (token.all_caps) out += token.text;
        else out += static_cast<char>(std::toupper(static_cast<unsigned char>(token.key[0])));
    }
    return out;
}

// "RSNC" abbreviates "RSNC"; "RSN" (a bare acronym named by its head word) abbreviates it too.
bool abbreviates(std::string_view short_form, std::string_view long_form) {
    return short_form == long_form ||
           (short_form.size() >= 2 && long_form.size() == short_form.size() + 1 &&
            long_form.starts_with(short_form));
}

bool has_acronym(std::string_view name) {
    const auto tokens = tokenize(name);
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.all_caps; });
}

}  // namespace

std::vector<Mention> find_programmes(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Mention>& taken, const Glossary& glossary) {
    return ProgrammeFinder(text, tokens, taken, glossary).run();
}

void learn_programme_names(std::string_view text, const std::vector<Token>& tokens, Glossary& glossary) {
    for (const auto& [stem, name] : ProgrammeFinder(text, tokens, {}, glossary).stems())
        glossary.learn_programme(stem, name);
}

std::map<std::string, std::string> programme_canonical_names(const std::vector<std::string>& names,
                                                             const Glossary& glossary) {
    // Spellings of one name: the most frequent wins, then the first written.
    std::map<std::string, std::size_t> written;
    for (const auto& name : names) ++written[name];
    std::map<std::string, std::string> by_key;
    for (const auto& name : names) {
        auto& best = by_key[spelling_key(name)];
        if (best.empty() || written[name] > written[best]) best = name;
    }
    // A name that is an acronym's expansion, in the plural or not, takes the expansion's form.
    for (const auto& [acronym, entry] : glossary.learned())
        if (entry.category == "programme" && by_key.count(spelling_key(entry.expansion)))
            by_key[spelling_key(entry.expansion)] = entry.expansion;
    std::map<std::string, std::string> canonical;
    for (const auto& name : names) canonical[name] = by_key[spelling_key(name)];
    // "RSN Conference" -> "Regional Safeguarding Network Conference" when both are in the issue.
    for (auto& [name, value] : canonical) {
        if (!has_acronym(value)) continue;
        for (const auto& [other_key, other] : by_key)
            if (other != value && !has_acronym(other) && abbreviates(initials(value), initials(other)))
                value = other;
    }
    return canonical;
}

}  // namespace wm
