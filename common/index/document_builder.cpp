#include "common/index/document_builder.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "common/index/record_codec.hpp"
#include "common/index/schema.hpp"
#include "common/index/stemmer_cache.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// Keeps phrases and NEAR from matching across the boundary of two fields.
constexpr Xapian::termpos kFieldGap = 100;
constexpr Xapian::termcount kFieldWordWeight = 3;  // title, heading and signatory words

std::string facet_list_value(const std::vector<std::string>& values) {
    return join(values, std::string(1, schema::kListSeparator));
}

void add_fields(Xapian::Document& doc, const Issue& issue, const FacetValues& facets) {
    doc.add_boolean_term(schema::unique_id_term(issue.id));
    doc.add_value(schema::SLOT_ISSUE_ID, issue.id);
    doc.add_value(schema::SLOT_NEWEST_FIRST, schema::newest_first_key(issue.month, issue.id));
    doc.add_value(schema::SLOT_OLDEST_FIRST, schema::oldest_first_key(issue.month, issue.id));
    doc.add_boolean_term(schema::kind_term(issue.kind));
    doc.add_value(schema::SLOT_KIND, std::string(page_kind_name(issue.kind)));
    if (!issue.month.empty()) {
        doc.add_boolean_term(schema::year_term(issue.month));
        doc.add_boolean_term(schema::month_term(issue.month));
        doc.add_value(schema::SLOT_MONTH, issue.month);
    }
    for (const auto& key : issue.layout.lines) doc.add_boolean_term(schema::layout_line_term(key));
    if (!issue.layout.site_prefix.empty()) doc.add_boolean_term(schema::site_prefix_term(issue.layout.site_prefix));
    if (!issue.layout.newsletter_name.empty())
        doc.add_boolean_term(schema::newsletter_name_term(issue.layout.newsletter_name));
    for (const auto& facet : schema::kFacets) {
        const auto& values = facets[facet.id];
        for (const auto& value : values) doc.add_boolean_term(schema::facet_term(facet, value));
        if (!values.empty()) doc.add_value(facet.slot, facet_list_value(values));
    }
}

void add_capitals_terms(Xapian::Document& doc, std::string_view text, Xapian::termcount weight);

void index_field(Xapian::TermGenerator& terms, Xapian::Document& doc, const std::string& text, std::string_view prefix) {
    if (text.empty()) return;
    terms.index_text(text, 1, std::string(prefix));
    // Field words are also plain words, weighing more than body words (as Omega weights titles).
    terms.index_text(text, kFieldWordWeight);
    terms.increase_termpos(kFieldGap);
    add_capitals_terms(doc, text, kFieldWordWeight);
}

void index_body(Xapian::TermGenerator& terms, Xapian::Document& doc, const std::string& text) {
    if (text.empty()) return;
    terms.index_text(text);
    terms.increase_termpos(kFieldGap);
    add_capitals_terms(doc, text, 1);
}

// Words of two to eight capitals ("SEND", "RIIA"), counted as the plain words are (field words
// weigh more), so that a lower-case query word is read as the acronym only where the archive
// writes it in capitals every time (see schema::PREFIX_CAPITALS).
void add_capitals_terms(Xapian::Document& doc, std::string_view text, Xapian::termcount weight) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool letter = i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]));
        if (letter) continue;
        const auto word = text.substr(start, i - start);
        start = i + 1;
        if (word.size() < 2 || word.size() > 8) continue;
        if (std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isupper(c); }))
            doc.add_term(schema::capitals_term(to_lower(word)), weight);
    }
}

// A programme's canonical name is searchable where the text writes only a variant of it
// ("Team Excellence 2023" for the Team Excellence Awards); the variants are in the text.
void index_programme_names(Xapian::TermGenerator& terms, Xapian::Document& doc, const FacetValues& facets) {
    for (const auto& name : facets[FacetId::programmes]) index_body(terms, doc, name);
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    terms_.set_stemmer(caching_english_stemmer());
    terms_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document DocumentBuilder::build(IssueRecord record) {
    const Issue& issue = record.issue;
    Xapian::Document doc;
    terms_.set_document(doc);
    index_field(terms_, doc, issue.title, schema::PREFIX_TITLE);
    index_field(terms_, doc, issue.signatory, schema::PREFIX_SIGNATORY);
    for (const auto& section : issue.sections) {
        index_field(terms_, doc, section.heading, schema::PREFIX_HEADING);
        index_body(terms_, doc, section.body);
    }
    index_programme_names(terms_, doc, record.facets.issue);
    add_fields(doc, issue, record.facets.issue);
    doc.add_value(schema::SLOT_FINGERPRINT, record.fingerprint);
    doc.add_value(schema::SLOT_SOURCE_PATH, record.source_path);
    doc.add_value(schema::SLOT_RECORD, encode_record(record));
    if (!record.facets.roles.empty()) doc.add_value(schema::SLOT_ROLES, schema::roles_value(record.facets.roles));
    return doc;
}

}  // namespace wm
