// Roles: what the text says a person is at an authority. "Jo Banks, DCS at Walsall", "Walsall's
// Director of Children's Services, Jo Banks", "Jo Banks (DCS, Walsall)", "Walsall DCS Jo Banks",
// "the DCS for Walsall, Jo Banks", "Jo Banks, Walsall's DCS". The person and the authority are
// the mentions the other rules found; this rule only reads the words between them.
#include <algorithm>
#include <array>
#include <optional>

#include "common/facets/mentions.hpp"
#include "common/facets/sentence.hpp"
#include "common/facets/vocabulary.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// The word a role is named by ("Director" of "Assistant Director of Education").
constexpr std::array<std::string_view, 20> kRoleHeads = {
    "dcs", "director", "chair", "chairman", "chairperson", "ceo", "executive", "head", "manager", "member",
    "worker", "psw", "sponsor", "adviser", "advisor", "coordinator", "president", "officer", "commissioner", "lead"};

// Words between a role and the authority it is at.
constexpr std::array<std::string_view, 4> kAtAuthority = {"of", "at", "for", "in"};

// Words between a person and the role that follows: "Jo Banks the DCS", "Jo Banks as interim DCS".
constexpr std::array<std::string_view, 4> kLinks = {"the", "our", "as", "their"};

// Words inside a role's name between capitalised words: "Director of Children's Services".
constexpr std::array<std::string_view, 4> kInsideRole = {"of", "for", "and", "'s"};

constexpr std::size_t kLongestRole = 10;  // "Assistant Director of Education and Skills for Young People"

// "interim" and "acting" qualify a role in lower case as often as not.
bool role_word(const Token& token) {
    return token.capitalised || token.all_caps || token.possessive || token.key == "interim" || token.key == "acting";
}

bool is_role_head(const Token& token) { return vocabulary::contains(kRoleHeads, token.key) && role_word(token); }

class RoleReader {
public:
    RoleReader(std::string_view text, const std::vector<Token>& tokens, const std::vector<Mention>& people,
               const std::vector<Mention>& authorities)
        : text_(text), tokens_(tokens), people_(people), authority_at_(tokens.size(), kNone) {
        for (std::size_t a = 0; a < authorities.size(); ++a)
            for (auto i = authorities[a].first; i <= authorities[a].last; ++i) authority_at_[i] = a;
        authorities_ = &authorities;
    }

    std::vector<PersonRole> run() {
        for (const auto& person : people_) {
            if (!after_person(person)) before_person(person);
        }
        return found_;
    }

    // What the writer of a letter says they are: a heading "From Solihull's DCS", "I became
    // interim DCS in Worcestershire", "my years as the DCS in Warwickshire". The person is left
    // empty, for the signatory.
    std::vector<PersonRole> writer() {
        constexpr std::size_t kPronounReach = 8;
        for (std::size_t i = 0; i + 2 < tokens_.size(); ++i) {
            // "Solihull's DCS" where nothing but the heading's first words come before it.
            if (const auto authority = authority_starting(i); authority && i < 2 && tokens_[i].sentence_start == (i == 0)) {
                const auto& place = (*authorities_)[*authority];
                if (place.last + 2 < tokens_.size() && tokens_[place.last + 1].possessive)
                    if (const auto role_last = role_from(place.last + 2)) add_writer(place.last + 2, *role_last, place);
            }
            if (tokens_[i].key != "as" && !matches_stem(tokens_[i].key, "becam")) continue;
            bool first_person = false;
            for (auto j = i; j-- > 0 && i - j <= kPronounReach && !tokens_[j + 1].sentence_start;)
                first_person = first_person || tokens_[j].key == "i" || tokens_[j].key == "my";
            if (!first_person) continue;
            auto at = i + 1;
            while (at < tokens_.size() && vocabulary::contains(kLinks, tokens_[at].key)) ++at;
            if (const auto role_last = role_from(at))
                if (const auto authority = authority_after_role(*role_last)) add_writer(at, *role_last, (*authorities_)[*authority]);
        }
        return found_;
    }

private:
    // A role that starts at tokens[first] and stops before an authority or anything that is no
    // part of a role's name; it must hold a role's word.
    std::optional<std::size_t> role_from(std::size_t first) const {
        if (first >= tokens_.size() || !role_word(tokens_[first]) || in_authority(first)) return std::nullopt;
        std::optional<std::size_t> last;
        for (auto i = first; i < tokens_.size() && i < first + kLongestRole; ++i) {
            if (i > first && !(tokens_[i].gap == Gap::space || tokens_[i].gap == Gap::hyphen)) break;
            if (in_authority(i)) break;
            const bool inside = vocabulary::contains(kInsideRole, tokens_[i].key);
            if (!role_word(tokens_[i]) && !inside) break;
            // "DCS of Walsall": a connector before the authority is not the role's.
            if (inside && i + 1 < tokens_.size() && in_authority(i + 1)) break;
            if (!inside) last = i;
        }
        if (!last) return std::nullopt;
        for (auto i = first; i <= *last; ++i)
            if (is_role_head(tokens_[i])) return last;
        return std::nullopt;
    }

    // The role that ends at tokens[last], read backwards the same way.
    std::optional<std::size_t> role_to(std::size_t last) const {
        if (!role_word(tokens_[last]) || in_authority(last)) return std::nullopt;
        std::size_t first = last;
        while (first > 0 && last - first + 1 < kLongestRole && (tokens_[first].gap == Gap::space || tokens_[first].gap == Gap::hyphen) &&
               !in_authority(first - 1) && !in_person(first - 1) &&
               (role_word(tokens_[first - 1]) || vocabulary::contains(kInsideRole, tokens_[first - 1].key)))
            --first;
        while (first < last && vocabulary::contains(kInsideRole, tokens_[first].key)) ++first;
        for (auto i = first; i <= last; ++i)
            if (is_role_head(tokens_[i])) return first;
        return std::nullopt;
    }

    // "Jo Banks, DCS at Walsall", "Jo Banks the DCS of Walsall", "Jo Banks (DCS, Walsall)",
    // "Jo Banks, DCS, Walsall", "Jo Banks, Walsall's DCS", "Jo Banks as interim DCS in Walsall";
    // "Walsall have appointed Jo Banks as interim DCS".
    bool after_person(const Mention& person) {
        auto at = person.last + 1;
        if (at >= tokens_.size()) return false;
        const bool apposed = tokens_[at].gap == Gap::comma || tokens_[at].opens_parenthesis;
        const bool linked = tokens_[at].gap == Gap::space && vocabulary::contains(kLinks, tokens_[at].key);
        if (!apposed && !linked) return false;
        while (at < tokens_.size() && vocabulary::contains(kLinks, tokens_[at].key)) ++at;
        if (at >= tokens_.size()) return false;
        if (const auto authority = authority_starting(at)) {  // "Jo Banks, Walsall's DCS"
            const auto& place = (*authorities_)[*authority];
            const auto role_first = place.last + 2;
            if (place.last + 1 < tokens_.size() && tokens_[place.last + 1].possessive)
                if (const auto role_last = role_from(role_first)) return add(person, role_first, *role_last, place);
            return false;
        }
        const auto role_last = role_from(at);
        if (!role_last) return false;
        if (const auto authority = authority_after_role(*role_last)) return add(person, at, *role_last, (*authorities_)[*authority]);
        if (const auto appointer = appointed_by(person)) return add(person, at, *role_last, (*authorities_)[*appointer]);
        return false;
    }

    // "DCS at Walsall", "DCS, Walsall", "DCS Walsall": the authority right after a role.
    std::optional<std::size_t> authority_after_role(std::size_t role_last) const {
        auto next = role_last + 1;
        if (next >= tokens_.size()) return std::nullopt;
        if (vocabulary::contains(kAtAuthority, tokens_[next].key) && tokens_[next].gap == Gap::space) ++next;
        else if (tokens_[next].gap != Gap::comma && tokens_[next].gap != Gap::space) return std::nullopt;
        return authority_starting(next);
    }

    // "Walsall have appointed Jo Banks": the authority that appointed the person.
    std::optional<std::size_t> appointed_by(const Mention& person) const {
        if (person.first < 3 || !matches_stem(tokens_[person.first - 1].key, "appoint")) return std::nullopt;
        auto before = person.first - 2;
        if (tokens_[before].key == "has" || tokens_[before].key == "have") --before;
        return authority_ending(before);
    }

    // "Walsall's DCS, Jo Banks", "Walsall DCS Jo Banks", "the DCS for Walsall, Jo Banks".
    void before_person(const Mention& person) {
        if (person.first < 2) return;
        auto end = person.first - 1;
        if (tokens_[person.first].gap != Gap::comma && tokens_[person.first].gap != Gap::space) return;
        if (const auto authority = authority_ending(end)) {  // "the DCS for Walsall, Jo Banks"
            if (tokens_[person.first].gap != Gap::comma) return;
            const auto& place = (*authorities_)[*authority];
            if (place.first < 2 || !vocabulary::contains(kAtAuthority, tokens_[place.first - 1].key)) return;
            if (const auto role_first = role_to(place.first - 2)) add(person, *role_first, place.first - 2, place);
            return;
        }
        const auto role_first = role_to(end);
        if (!role_first || *role_first == 0) return;
        auto before = *role_first - 1;
        if (tokens_[before].possessive && before > 0) --before;  // "Walsall's DCS"
        else if (tokens_[*role_first].gap != Gap::space) return;
        if (const auto authority = authority_ending(before)) add(person, *role_first, end, (*authorities_)[*authority]);
    }

    void add_writer(std::size_t role_first, std::size_t role_last, const Mention& authority) {
        found_.push_back({"", span_text(text_, tokens_, role_first, role_last), authority.value});
    }

    bool add(const Mention& person, std::size_t role_first, std::size_t role_last, const Mention& authority) {
        found_.push_back({person.value, span_text(text_, tokens_, role_first, role_last), authority.value});
        return true;
    }

    bool in_authority(std::size_t i) const { return authority_at_[i] != kNone; }
    bool in_person(std::size_t i) const {
        return std::any_of(people_.begin(), people_.end(), [&](const Mention& p) { return i >= p.first && i <= p.last; });
    }
    std::optional<std::size_t> authority_starting(std::size_t i) const {
        if (i >= tokens_.size() || !in_authority(i) || (*authorities_)[authority_at_[i]].first != i) return std::nullopt;
        return authority_at_[i];
    }
    std::optional<std::size_t> authority_ending(std::size_t i) const {
        if (!in_authority(i) || (*authorities_)[authority_at_[i]].last != i) return std::nullopt;
        return authority_at_[i];
    }

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::string_view text_;
    const std::vector<Token>& tokens_;
    const std::vector<Mention>& people_;
    const std::vector<Mention>* authorities_ = nullptr;
    std::vector<std::size_t> authority_at_;  ///< by token: the authority mention it is in, or kNone
    std::vector<PersonRole> found_;
};

}  // namespace

std::vector<PersonRole> find_roles(std::string_view text, const std::vector<Token>& tokens,
                                   const std::vector<Mention>& people, const std::vector<Mention>& authorities) {
    return RoleReader(text, tokens, people, authorities).run();
}

std::vector<PersonRole> find_writer_roles(std::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<Mention>& authorities) {
    const std::vector<Mention> nobody;
    return RoleReader(text, tokens, nobody, authorities).writer();
}

}  // namespace wm
