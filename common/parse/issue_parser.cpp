#include "common/parse/issue_parser.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>

#include "common/errors.hpp"
#include "common/parse/furniture_learner.hpp"
#include "common/parse/line_roles.hpp"
#include "common/parse/paragraphs.hpp"
#include "common/parse/title.hpp"
#include "common/text/furniture.hpp"
#include "common/text/month.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

std::string signatory_from(std::string_view line) {
    std::string name = trim(line);
    while (!name.empty() && (name.back() == ',' || name.back() == '.')) name.pop_back();
    return collapse_spaces(name);
}

// Where the introduction letter ends: the sign-off paragraph and the signatory's name.
struct Signature {
    std::size_t paragraph = 0;  // the last paragraph that belongs to the letter
    std::string name;
};

std::optional<Signature> find_signature(const std::vector<Paragraph>& paragraphs, std::size_t from) {
    for (std::size_t p = from; p < paragraphs.size(); ++p) {
        const auto& lines = paragraphs[p];
        for (std::size_t l = 0; l < lines.size(); ++l) {
            if (!is_sign_off(lines[l])) continue;
            if (l + 1 < lines.size() && is_name_line(lines[l + 1]))
                return Signature{p, signatory_from(lines[l + 1])};
            if (l + 1 == lines.size() && p + 1 < paragraphs.size() &&
                is_name_line(paragraphs[p + 1].front()))
                return Signature{p + 1, signatory_from(paragraphs[p + 1].front())};
        }
    }
    return std::nullopt;
}

std::string heading_text(std::string_view line) {
    std::string heading = trim(line);
    if (!heading.empty() && heading.back() == ':') heading.pop_back();
    return trim(heading);
}

void append_paragraph(Section& section, const Paragraph& paragraph) {
    if (!section.body.empty()) section.body += "\n\n";
    section.body += join(paragraph, "\n");
}

// A line naming the newsletter near the top is the title wherever it stands; otherwise the
// first content line is, when it reads as one (split off a paragraph it opens).
std::optional<std::size_t> find_title_line(std::vector<Paragraph>& paragraphs) {
    constexpr std::size_t kNewsletterTitleWithin = 8;
    for (std::size_t i = 0; i < std::min(paragraphs.size(), kNewsletterTitleWithin); ++i)
        if (paragraphs[i].size() == 1 && names_newsletter(paragraphs[i][0]) && reads_as_title(paragraphs[i][0]))
            return i;
    if (paragraphs.empty() || !reads_as_title(paragraphs[0][0])) return std::nullopt;
    if (paragraphs[0].size() > 1) {
        Paragraph rest(paragraphs[0].begin() + 1, paragraphs[0].end());
        paragraphs[0].resize(1);
        paragraphs.insert(paragraphs.begin() + 1, std::move(rest));
    }
    return 0;
}

struct TitleChoice {
    std::string text;                 ///< empty when the page has no title line
    std::optional<std::size_t> line;  ///< the paragraph that is the title line
};

// The title a file named for the newsletter and a month gives its page.
std::string title_of_newsletter_file(const std::string& file, std::string_view month, const ArchiveLayout& archive) {
    auto title = title_from_slug(file, archive);
    return title.empty() ? newsletter_title(month, archive) : title;
}

TitleChoice choose_title(std::vector<Paragraph>& paragraphs, const std::string& file, const ArchiveLayout& archive) {
    TitleChoice choice;
    choice.line = find_title_line(paragraphs);
    if (choice.line) choice.text = collapse_spaces(paragraphs[*choice.line][0]);
    // A file named for the newsletter and a month says more than a title line without a month.
    if (const auto file_month = newsletter_month_in_file_name(file); file_month && !month_in_text(choice.text)) {
        if (choice.line && !names_newsletter(choice.text)) choice.line.reset();  // the line stays text
        choice.text = title_of_newsletter_file(file, *file_month, archive);
    }
    return choice;
}

// The page's own date: the first line that is only a date, unless it is learned furniture (a
// stamp the site puts on every page, a furniture label's date).
std::optional<std::string> first_date_line(const std::vector<std::string>& lines, const std::vector<bool>& learned) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!learned[i])
            if (auto month = month_of_date_line(lines[i])) return month;
    return std::nullopt;
}

// An issue names the newsletter in its title or file name, or has an issue's
// shape: an introduction letter among headed sections.
PageKind kind_of(const Issue& issue, bool has_letter) {
    constexpr std::size_t kIssueSections = 2;
    const bool named = names_newsletter(issue.title) || newsletter_month_in_file_name(issue.file);
    const auto headed = std::count_if(issue.sections.begin(), issue.sections.end(),
                                      [](const Section& s) { return !s.heading.empty(); });
    if (named || (has_letter && static_cast<std::size_t>(headed) >= kIssueSections)) return PageKind::issue;
    return issue.month.empty() ? PageKind::page : PageKind::article;
}

// A page without a title line gets one a person would write: from a file name of words, from
// an issue's month, else its first heading or first words.
std::string derived_title(const Issue& issue, const ArchiveLayout& archive) {
    constexpr std::size_t kTitleWords = 8;
    if (auto slug = title_from_slug(issue.file, archive); !slug.empty()) return slug;
    if (issue.kind == PageKind::issue && !issue.month.empty()) return newsletter_title(issue.month, archive);
    for (const auto& section : issue.sections)
        if (!section.heading.empty()) return section.heading;
    for (const auto& section : issue.sections) {
        const auto words = words_of(section.body);
        if (words.empty()) continue;
        std::vector<std::string> first(words.begin(), words.begin() + std::min(words.size(), kTitleWords));
        return join(first, " ") + (words.size() > kTitleWords ? "\u2026" : "");
    }
    return issue.id;
}

}  // namespace

Issue parse_issue(std::string_view text, std::string_view file_name, const ArchiveLayout& archive) {
    Issue issue;
    issue.file = std::filesystem::path(file_name).filename().string();
    issue.id = issue_id_for_path(issue.file);

    const auto lines = lines_of(text);
    auto furniture = furniture_lines(lines);
    issue.layout = layout_keys_of(lines, issue.file);
    const auto learned = learned_furniture(lines, furniture, issue.file, archive);
    for (std::size_t i = 0; i < lines.size(); ++i) furniture[i] = furniture[i] || learned[i];
    auto paragraphs = paragraphs_of(lines, furniture);
    const auto title = choose_title(paragraphs, issue.file, archive);
    issue.title = title.text;
    if (auto month = month_in_text(issue.title)) issue.month = *month;
    else if (auto from_name = month_in_file_name(issue.file)) issue.month = *from_name;
    else if (auto dated = first_date_line(lines, learned)) issue.month = *dated;
    const std::size_t body_from = title.line ? *title.line + 1 : 0;

    const auto signature = find_signature(paragraphs, body_from);
    if (signature) issue.signatory = signature->name;

    // Paragraphs before the title are kept as text: on an unknown layout they may be content.
    Section current;
    for (std::size_t p = 0; p + 1 < body_from; ++p) append_paragraph(current, paragraphs[p]);

    std::string group;
    bool previous_was_heading = false;
    std::string previous_heading;
    const auto flush = [&] {
        if (!current.body.empty()) issue.sections.push_back(current);
        current = Section{};
    };
    for (std::size_t p = body_from; p < paragraphs.size(); ++p) {
        const auto& paragraph = paragraphs[p];
        const bool in_signature = signature && (p == signature->paragraph ||
                                                (p + 1 == signature->paragraph &&
                                                 is_sign_off(paragraph.back())));
        const auto kind = in_signature ? HeadingKind::none
                                       : heading_kind(paragraph.front(), paragraph.size() == 1);
        const bool more_follows = p + 1 < paragraphs.size();
        if (kind != HeadingKind::none && (more_follows || paragraph.size() > 1)) {
            if (previous_was_heading) {
                group = previous_heading;  // a heading over headings, like "Key Updates:"
            } else if (kind != HeadingKind::title_line) {
                group.clear();
            }
            flush();
            current.group = group == heading_text(paragraph.front()) ? "" : group;
            current.heading = heading_text(paragraph.front());
            previous_heading = current.heading;
            previous_was_heading = paragraph.size() == 1;
            if (paragraph.size() > 1)
                append_paragraph(current, Paragraph(paragraph.begin() + 1, paragraph.end()));
            continue;
        }
        previous_was_heading = false;
        append_paragraph(current, paragraph);
        if (signature && p == signature->paragraph) {
            current.is_introduction = true;
            flush();
        }
    }
    flush();

    issue.kind = kind_of(issue, signature.has_value());
    if (issue.title.empty()) {
        issue.title = derived_title(issue, archive);
        issue.warnings.push_back("no title line found; the title \"" + issue.title + "\" is derived");
    }
    if (issue.month.empty() && issue.kind == PageKind::issue) issue.warnings.push_back("issue month unknown");
    return issue;
}

Issue parse_issue_bytes(std::string_view bytes, std::string_view file_name, const ArchiveLayout& archive) {
    const auto decoded = decode_text(bytes);
    Issue issue = parse_issue(decoded.text, file_name, archive);
    if (!decoded.warning.empty()) issue.warnings.insert(issue.warnings.begin(), decoded.warning);
    return issue;
}

Issue read_issue_file(const std::string& path, const ArchiveLayout& archive, std::uintmax_t max_bytes) {
    return parse_issue_bytes(read_file_bytes(path, max_bytes), path, archive);
}

std::string read_file_bytes(const std::string& path, std::uintmax_t max_bytes) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) throw InputError("cannot read: " + error.message());
    if (size > max_bytes)
        throw InputError("file too large (" + std::to_string(size >> 20) + " MiB; the limit is " +
                         std::to_string(max_bytes >> 20) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot open for reading");
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) throw InputError("short read");
    return bytes;
}

}  // namespace wm
