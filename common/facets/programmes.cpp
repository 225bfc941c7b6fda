// Programme candidates: proper names ending in a programme word ("Aspirant Leaders Programme"),
// a period word ("Kinship Care Week") or a word that may also name a standing body ("Fostering
// Partnership"); names opened by one ("Memorandum of Understanding on ..."); proper names
// described by one ("the Breaking Through programme", "the Stepping Stones approach") or by an
// appositive ("Getting Ahead, the mentoring offer"); acronyms that are funded or defined as
// programmes ("the CRABBB grant", "RIIA"); "X is a research project"; names the archive knows.
// Each comes with what its sentence says of it; programme_evidence.cpp decides.
#include <algorithm>
#include <array>
#include <map>

#include "common/facets/gazetteer.hpp"
#include "common/facets/mentions.hpp"
#include "common/facets/programme_evidence.hpp"
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

// Capitalised, these end the name of a programme or of a standing body: the sentence decides.
bool is_organisation_like_head(const Token& token) {
    return token.capitalised && contains(vocabulary::kOrganisationLikeHeads, token.key);
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

// Words that lead into a name without being part of it: "the", "our"; "next" and "all" unless
// capitalised where no sentence starts ("the Next Generation Week").
bool is_lead_in(const Token& token) {
    if (contains(vocabulary::kLeadIns, token.key)) return true;
    return contains(vocabulary::kQuantifiers, token.key) && (!token.capitalised || token.sentence_start);
}

// Words that end the names of standing bodies: across "and" or a comma, the name of a body is
// a neighbour, not the start of the programme's name ("the Practice Leaders Forum and Bright
// Futures Programme").
bool ends_a_body(const Token& token) {
    return contains(vocabulary::kOrganisationLikeHeads, token.key) || contains(vocabulary::kStandingBodyHeads, token.key);
}

bool is_connector(const Token& token) {
    return contains(vocabulary::kNameConnectors, token.key);
}

bool name_word(const Token& token) { return token.capitalised || token.all_caps; }

bool joins(const Token& token) {
    return token.gap == Gap::space || token.gap == Gap::hyphen || token.gap == Gap::comma;
}

// The first token of the hyphenated word tokens[i] is part of: "Co" of "Co-ordination".
std::size_t word_start(const std::vector<Token>& tokens, std::size_t i) {
    while (i > 0 && tokens[i].gap == Gap::hyphen) --i;
    return i;
}

// The first token of the proper name that ends at tokens[last]: a hyphenated word is whole
// ("Pre-Birth Co-ordination Pilot") and counts as capitalised by its first part.
std::size_t name_start(const std::vector<Token>& tokens, std::size_t last, const std::vector<bool>& taken) {
    auto first = word_start(tokens, last);
    while (first > 0 && joins(tokens[first])) {
        const auto before_start = word_start(tokens, first - 1);
        const auto& before = tokens[before_start];
        if (taken[first - 1]) break;
        if (tokens[first].gap == Gap::comma && (!(name_word(before) && name_word(tokens[first])) || ends_a_body(tokens[first - 1])))
            break;
        if (is_name_head(tokens, first - 1)) break;  // "Workforce Workstream and The Big ..."
        if (name_word(before) || before.initial) {
            first = before_start;
            continue;
        }
        // Up to two connectors between capitalised words: "LeadHERship in Colour",
        // "Creativity of the Workforce".
        std::size_t connectors = 0;
        while (connectors < 2 && first > connectors + 1 && is_connector(tokens[first - 1 - connectors]) &&
               joins(tokens[first - connectors]))
            ++connectors;
        if (connectors == 0 || first < connectors + 1) break;
        const auto word = word_start(tokens, first - 1 - connectors);
        if (!joins(tokens[first - connectors]) || !name_word(tokens[word]) || taken[first - 1 - connectors] ||
            is_name_head(tokens, first - 1 - connectors) || ends_a_body(tokens[first - 1 - connectors]))
            break;
        // "of the" joins a name ("Creativity of the Workforce"); "for the" after an ordinary
        // sentence opener does not ("Applications for the Rising Leaders Programme").
        if (connectors == 2 && tokens[first - connectors].key != "of") break;
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

// A name of ordinary single words only ("Workforce", "Workforce and Leadership") names a topic;
// with its descriptor it names the programme ("the Workforce workstream").
bool is_topic(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    const auto& gazetteer = Gazetteer::instance();
    std::size_t run = 0;
    for (auto i = first; i <= last; ++i) {
        if (tokens[i].key == "and" || tokens[i].gap == Gap::comma) run = 0;
        if (tokens[i].key == "and") continue;
        if (!gazetteer.is_common_word(tokens[i].key) || ++run > 1) return false;
    }
    return true;
}

// A pilot or a pathfinder is the programme itself ("a Regional Care Co-operative pathfinder").
bool descriptor_names_instance(const Token& descriptor) {
    return descriptor.key == "pilot" || descriptor.key == "pathfinder";
}

class ProgrammeFinder {
public:
    ProgrammeFinder(std::string_view text, const std::vector<Token>& tokens, std::size_t body_from,
                    const std::vector<Mention>& taken, const std::vector<Mention>& organisations, const Glossary& glossary)
        : text_(text), tokens_(tokens), glossary_(glossary), taken_(covered_by(taken, tokens.size())),
          organisation_start_(tokens.size(), kNone) {
        for (const auto& organisation : organisations) organisation_start_.at(organisation.last) = organisation.first;
        while (body_token_ < tokens_.size() && tokens_[body_token_].begin < body_from) ++body_token_;
    }

    std::vector<ProgrammeCandidate> run() {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (is_name_head(tokens_, i)) named_by_head(i, false);
            else if (is_organisation_like_head(tokens_[i]) && !continues_name(i)) named_by_head(i, true);
            else if (is_descriptor(tokens_[i]) && i > 0 && (joins(tokens_[i]) || closes_quote(i))) described(i);
            if (tokens_[i].gap == Gap::comma && i > 0) appositive(i);
            if (tokens_[i].capitalised && contains(vocabulary::kHeadsFirst, tokens_[i].key)) opened_by_head(i);
            if (tokens_[i].all_caps) acronym(i);
            if (tokens_[i].key == "is") defined_as_project(i);
            if (starts_run(i)) known_stem(i);
        }
        return found_;
    }

    /// Learnable names written with a head word, with the stem they are known by:
    /// "Aspirant Leaders Programme" -> ("aspirant leaders", the name); a stem of ordinary words
    /// only ("Team Excellence") is too common to be known by, and is left empty.
    std::vector<std::pair<std::string, std::string>> stems() {
        std::vector<std::pair<std::string, std::string>> out;
        for (std::size_t head = 0; head < tokens_.size(); ++head) {
            if (!is_name_head(tokens_, head) || head == 0 || !joins(tokens_[head]) || taken_[head]) continue;
            auto first = name_start(tokens_, head, taken_);
            if (!trim_lead_in(first, head) || head - first < 2) continue;
            auto last = head;
            if (last + 1 < tokens_.size() && tokens_[last + 1].gap == Gap::space && is_year(tokens_[last + 1])) ++last;
            const auto stem = all_common_words(first, head - 1) ? std::string() : phrase_key(tokens_, first, head - first);
            out.emplace_back(stem, span_text(text_, tokens_, first, last));
        }
        return out;
    }

    /// Names a lower-case descriptor gives away ("the ‘Belonging Matters’ programme"), known by
    /// themselves afterwards ("Belonging Matters has trained its first cohort"): those with a
    /// word of their own, as a topic ("the Workforce workstream") is no name without its descriptor.
    std::vector<std::pair<std::string, std::string>> described_names() {
        for (std::size_t i = 1; i < tokens_.size(); ++i)
            if (is_descriptor(tokens_[i]) && (joins(tokens_[i]) || closes_quote(i))) described(i);
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [mention, evidence] : found_)
            if (evidence.distinctive_word && mention.last >= mention.first + 1 && !tokens_[mention.last].all_caps &&
                !is_descriptor(tokens_[mention.last]))
                out.emplace_back(phrase_key(tokens_, mention.first, mention.last - mention.first + 1), mention.value);
        return out;
    }

private:
    // A candidate with what its own words and sentence say of it; the issue and the archive add
    // theirs before the decision (decide_programmes).
    void add(std::size_t first, std::size_t last, std::string value, ProgrammeSource source) {
        ProgrammeEvidence evidence;
        evidence.source = source;
        evidence.distinctive_word = has_distinctive_word(first, last);
        evidence.modifiers_only = has_modifiers_only(first, last);
        evidence.in_running_text = first >= body_token_ && (!tokens_[first].sentence_start || capitalised_words(first, last) >= 2);
        add_clause_evidence(tokens_, first, last, evidence);
        evidence.defined_by_acronym = glossary_defines(value, "programme");
        evidence.called_a_body = evidence.called_a_body || glossary_defines(value, "organisation");
        evidence.known_to_archive = archive_knows_programme(value, glossary_);
        found_.push_back({{first, last, std::move(value)}, evidence});
    }

    // A word of the name, not its head, that is neither an ordinary word of the genre nor a
    // connector: an acronym, a place, a coined word ("Harbourside", "LeadHERship").
    bool has_distinctive_word(std::size_t first, std::size_t last) const {
        const auto& gazetteer = Gazetteer::instance();
        for (auto i = first; i <= last; ++i) {
            if (is_connector(tokens_[i]) || tokens_[i].possessive || is_year(tokens_[i])) continue;
            if (is_name_head(tokens_, i) || contains(vocabulary::kOrganisationLikeHeads, tokens_[i].key)) continue;
            if (tokens_[i].all_caps || !gazetteer.is_common_word(tokens_[i].key)) return true;
        }
        return false;
    }

    std::size_t capitalised_words(std::size_t first, std::size_t last) const {
        std::size_t words = 0;
        for (auto i = first; i <= last; ++i) words += name_word(tokens_[i]) && tokens_[i].gap != Gap::hyphen;
        return words;
    }

    // "the Regional Programme", "Spring Conference 2031": no word but qualifiers before the head.
    bool has_modifiers_only(std::size_t first, std::size_t last) const {
        bool qualified = false;
        for (auto i = first; i <= last; ++i) {
            if (is_name_head(tokens_, i) || is_connector(tokens_[i]) || is_year(tokens_[i])) continue;
            if (!is_modifier(tokens_[i]) && !contains(vocabulary::kOccasionModifiers, tokens_[i].key)) return false;
            qualified = true;
        }
        return qualified;
    }

    // "the ‘Belonging Matters’ programme": only a closing quote between the name and its descriptor.
    bool closes_quote(std::size_t descriptor) const {
        const auto gap = text_.substr(tokens_[descriptor - 1].end, tokens_[descriptor].begin - tokens_[descriptor - 1].end);
        const auto folded = fold_punctuation(gap);
        return folded.find_first_not_of(" '\"") == std::string::npos && folded.find_first_of("'\"") != std::string::npos;
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

    // "Aspirant Leaders Programme", "SEND Leadership Programme 2024", "RSN Conference"; with a
    // head that may name a standing body, only where the sentence says it is a programme or
    // the archive defines it by an acronym as one.
    void named_by_head(std::size_t head, bool organisation_like) {
        if (head == 0 || !joins(tokens_[head]) || taken_[head]) return;
        if (head + 1 < tokens_.size() && tokens_[head + 1].gap == Gap::hyphen) return;  // "Hub-based": inside a word
        auto first = name_start(tokens_, head, taken_);
        // An organisation's own programme keeps its name: "Staff College Ascent Programme".
        if (!organisation_like && first > 0 && joins(tokens_[first]) && organisation_start_[first - 1] != kNone)
            first = organisation_start_[first - 1];
        if (!trim_lead_in(first, head)) return;
        const bool period = contains(vocabulary::kPeriodHeads, tokens_[head].key);
        if (period && !names_an_event(first, head)) return;
        const auto source = organisation_like ? ProgrammeSource::body_head
                            : period          ? ProgrammeSource::event_head
                                              : ProgrammeSource::programme_head;
        const auto& gazetteer = Gazetteer::instance();
        // "Key Events", "Leadership Programmes": a category, not a name.
        if (head - first == 1 && is_plural_head(tokens_[head].key) &&
            gazetteer.is_common_word(tokens_[first].key))
            return;
        if (head - first == 1 && is_unknown_acronym(tokens_[first], glossary_)) {
            add(first, head, tokens_[first].text, ProgrammeSource::acronym_funded);  // "CRABBB Project" is CRABBB
            return;
        }
        auto last = head;
        if (last + 1 < tokens_.size() && tokens_[last + 1].gap == Gap::space && is_year(tokens_[last + 1]))
            ++last;
        add(first, last, span_text(text_, tokens_, first, last), source);
    }

    // "the LeadHERship in Colour programme", "Early Help & Targeted Support workstream"; a
    // topic keeps its descriptor ("the Workforce workstream"), and so does a pilot.
    void described(std::size_t descriptor) {
        const auto last = descriptor - 1;
        const bool hyphenated = tokens_[last].gap == Gap::hyphen && last > 0 && name_word(tokens_[last - 1]);  // "Co-operative"
        if ((!name_word(tokens_[last]) && !hyphenated) || taken_[last]) return;
        auto first = name_start(tokens_, last, taken_);
        if (!trim_lead_in(first, last + 1)) return;
        if (first == last && tokens_[first].all_caps) return;  // handled by acronym()
        if (first == last && tokens_[first].sentence_start) return;  // "Critical initiatives": capitalised by its place
        const bool plural = tokens_[descriptor].key.ends_with("s");
        if (is_topic(tokens_, first, last)) {
            if (!plural && !is_modifier(tokens_[last]) && joins(tokens_[descriptor]))
                add(first, descriptor, span_text(text_, tokens_, first, descriptor), ProgrammeSource::described);
            return;
        }
        if (plural) {
            add_coordinated(first, last);  // "both LeadHERship in Colour and Breaking Through programmes"
            return;
        }
        const auto end = descriptor_names_instance(tokens_[descriptor]) && joins(tokens_[descriptor]) ? descriptor : last;
        add(first, end, span_text(text_, tokens_, first, end), ProgrammeSource::described);
    }

    // "Getting Ahead, the mentoring offer for care leavers": the appositive says what the name is.
    void appositive(std::size_t comma) {
        const auto last = comma - 1;
        if (!name_word(tokens_[last]) || taken_[last] || is_name_head(tokens_, last) || ends_a_body(tokens_[last])) return;
        if (!contains(std::array<std::string_view, 4>{"the", "a", "an", "our"}, tokens_[comma].key)) return;
        constexpr std::size_t kDescriptionWords = 3;  // "the mentoring offer", "a new peer support scheme"
        for (auto i = comma + 1; i < tokens_.size() && i <= comma + 1 + kDescriptionWords && tokens_[i].gap == Gap::space; ++i) {
            if (name_word(tokens_[i])) return;
            if (!contains(vocabulary::kAppositiveHeads, tokens_[i].key)) continue;
            // "the programme lead" describes a person: the head word ends the appositive's noun.
            const bool ends_noun = i + 1 >= tokens_.size() || tokens_[i + 1].gap != Gap::space ||
                                   is_connector(tokens_[i + 1]) || tokens_[i + 1].key == "that" || tokens_[i + 1].key == "which";
            if (!ends_noun) return;
            auto first = name_start(tokens_, last, taken_);
            if (!trim_lead_in(first, last + 1) || (first == last && !has_distinctive_word(first, last))) return;
            add(first, last, span_text(text_, tokens_, first, last), ProgrammeSource::appositive);
            return;
        }
    }

    // "Memorandum of Understanding on Missing Children", "Festival of Social Work".
    void opened_by_head(std::size_t head) {
        const auto& link = tokens_[head + 1 < tokens_.size() ? head + 1 : head];
        if (taken_[head] || head + 2 >= tokens_.size() || !joins(link) ||
            (link.key != "of" && link.key != "on" && link.key != "for"))
            return;
        auto last = head + 1;
        while (last + 1 < tokens_.size() && joins(tokens_[last + 1]) && !taken_[last + 1] &&
               (name_word(tokens_[last + 1]) || is_connector(tokens_[last + 1])))
            ++last;
        while (last > head && is_connector(tokens_[last])) --last;
        if (last == head) return;
        add(head, last, span_text(text_, tokens_, head, last), ProgrammeSource::opened_by_head);
    }

    // "Safeguarding Partnership Programme": the word is inside a longer name.
    bool continues_name(std::size_t i) const {
        return i + 1 < tokens_.size() && tokens_[i + 1].gap == Gap::space && name_word(tokens_[i + 1]);
    }

    // "Youth Justice Network Day", "Kinship Care Week"; not "Christmas Day", "Next Week".
    bool names_an_event(std::size_t first, std::size_t period) const {
        std::size_t words = 0;
        for (auto i = first; i < period; ++i) words += name_word(tokens_[i]) && !tokens_[i].possessive;
        return words >= 2;
    }

    // "Regional", "National": a word that qualifies a topic without naming one.
    bool is_modifier(const Token& token) const { return contains(vocabulary::kTopicModifiers, token.key); }

    // The archive defines this name by an acronym as one of category: "... Board (QPPB)".
    bool glossary_defines(const std::string& name, std::string_view category) const {
        const auto key = match_key(name);
        for (const auto& [acronym, entry] : glossary_.learned())
            if (entry.category == category && match_key(entry.expansion) == key) return true;
        return false;
    }

    void add_coordinated(std::size_t first, std::size_t last) {
        auto start = first;
        for (auto i = first; i <= last + 1; ++i) {
            if (i <= last && tokens_[i].key != "and") continue;
            if (start < i) add(start, i - 1, span_text(text_, tokens_, start, i - 1), ProgrammeSource::described);
            start = i + 1;
        }
    }

    // "RIIA", "RCLO": defined as programmes in the archive or nationally; "the CRABBB grant".
    void acronym(std::size_t at) {
        if (taken_[at]) return;
        const auto& token = tokens_[at];
        if (const auto entry = glossary_.find(token.text)) {
            if (entry->category == "programme") add(at, at, entry->expansion, ProgrammeSource::acronym_defined);
            return;
        }
        if (at + 1 < tokens_.size() && tokens_[at + 1].gap == Gap::space && is_funding_word(tokens_[at + 1]) &&
            is_unknown_acronym(token, glossary_))
            add(at, at, token.text, ProgrammeSource::acronym_funded);
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
        add(first, subject_end, span_text(text_, tokens_, first, subject_end), ProgrammeSource::defined_as_project);
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
        if (it != stems.end() && !is_shared_phrase(it->first)) add(first, last, it->second, ProgrammeSource::known_name);
    }

    // A stem that ends other programmes' stems too ("care leaver" in "regional care leaver")
    // is a phrase of the field, not the name of one programme.
    bool is_shared_phrase(const std::string& stem) const {
        for (const auto& [other, name] : glossary_.programme_stems())
            if (other.size() > stem.size() && other.ends_with(" " + stem)) return true;
        return false;
    }

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::string_view text_;
    const std::vector<Token>& tokens_;
    const Glossary& glossary_;
    std::vector<bool> taken_;
    std::vector<std::size_t> organisation_start_;  ///< by an organisation's last token: its first
    std::size_t body_token_ = 0;                   ///< the first token after the section's heading
    std::vector<ProgrammeCandidate> found_;
};

}  // namespace

std::vector<ProgrammeCandidate> find_programmes(std::string_view text, const std::vector<Token>& tokens,
                                                std::size_t body_from, const std::vector<Mention>& taken,
                                                const std::vector<Mention>& organisations, const Glossary& glossary) {
    return ProgrammeFinder(text, tokens, body_from, taken, organisations, glossary).run();
}

void learn_programme_names(std::string_view text, const std::vector<Token>& tokens, Glossary& glossary) {
    ProgrammeFinder finder(text, tokens, 0, {}, {}, glossary);
    for (const auto& [stem, name] : finder.stems()) glossary.learn_programme(stem, name);
    for (const auto& [stem, name] : finder.described_names()) glossary.learn_programme(stem, name);
}

}  // namespace wm
