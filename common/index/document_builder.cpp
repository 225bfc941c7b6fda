#include "common/index/document_builder.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "common/index/schema.hpp"
#include "common/index/section_data.hpp"
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

void add_common_fields(Xapian::Document& doc, const Issue& issue, const FacetValues& facets,
                       std::string_view doc_type) {
    doc.add_boolean_term(schema::issue_term(issue.id));
    doc.add_boolean_term(schema::doc_type_term(doc_type));
    doc.add_value(schema::SLOT_ISSUE_ID, issue.id);
    doc.add_boolean_term(schema::kind_term(issue.kind));
    doc.add_value(schema::SLOT_KIND, std::string(page_kind_name(issue.kind)));
    if (!issue.month.empty()) {
        doc.add_boolean_term(schema::year_term(issue.month));
        doc.add_boolean_term(schema::month_term(issue.month));
        doc.add_value(schema::SLOT_MONTH, issue.month);
    }
    for (const auto& facet : schema::kFacets) {
        const auto& values = facets[facet.id];
        for (const auto& value : values) doc.add_boolean_term(schema::facet_term(facet, value));
        if (!values.empty()) doc.add_value(facet.slot, facet_list_value(values));
    }
}

void index_field(Xapian::TermGenerator& terms, const std::string& text, std::string_view prefix) {
    if (text.empty()) return;
    terms.index_text(text, 1, std::string(prefix));
    // Field words are also plain words, weighing more than body words (as Omega weights titles).
    terms.index_text(text, kFieldWordWeight);
    terms.increase_termpos(kFieldGap);
}

void index_body(Xapian::TermGenerator& terms, const std::string& text) {
    if (text.empty()) return;
    terms.index_text(text);
    terms.increase_termpos(kFieldGap);
}

// Words of two to eight capitals ("SEND", "RIIA"), for reading a lower-case query word as the
// acronym where the archive writes it only in capitals (see schema::PREFIX_CAPITALS).
void add_capitals_terms(Xapian::Document& doc, std::string_view text) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool letter = i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]));
        if (letter) continue;
        const auto word = text.substr(start, i - start);
        start = i + 1;
        if (word.size() < 2 || word.size() > 8) continue;
        if (std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isupper(c); }))
            doc.add_boolean_term(schema::capitals_term(to_lower(word)));
    }
}

// A programme's canonical name is searchable where the text writes only a variant of it
// ("Team Excellence 2023" for the Team Excellence Awards); the variants are in the text.
void index_programme_names(Xapian::TermGenerator& terms, const FacetValues& facets) {
    for (const auto& name : facets[FacetId::programmes]) index_body(terms, name);
}

Xapian::Document issue_document(const IssueRecord& record, Xapian::TermGenerator& terms) {
    const Issue& issue = record.issue;
    Xapian::Document doc;
    terms.set_document(doc);
    index_field(terms, issue.title, schema::PREFIX_TITLE);
    index_field(terms, issue.signatory, schema::PREFIX_SIGNATORY);
    add_capitals_terms(doc, issue.title);
    for (const auto& section : issue.sections) {
        index_field(terms, section.heading, schema::PREFIX_HEADING);
        index_body(terms, section.body);
        add_capitals_terms(doc, section.heading);
        add_capitals_terms(doc, section.body);
    }
    index_programme_names(terms, record.facets.issue);
    add_common_fields(doc, issue, record.facets.issue, schema::DOC_TYPE_ISSUE);
    doc.add_boolean_term(schema::unique_id_term(issue.id));
    doc.add_value(schema::SLOT_FINGERPRINT, record.fingerprint);
    doc.add_value(schema::SLOT_SOURCE_PATH, record.source_path);
    doc.set_data(nlohmann::json(record).dump());
    return doc;
}

Xapian::Document section_document(const IssueRecord& record, std::size_t index,
                                  Xapian::TermGenerator& terms) {
    const Issue& issue = record.issue;
    const Section& section = issue.sections[index];
    Xapian::Document doc;
    terms.set_document(doc);
    index_field(terms, issue.title, schema::PREFIX_TITLE);
    if (section.is_introduction) index_field(terms, issue.signatory, schema::PREFIX_SIGNATORY);
    index_field(terms, section.group, schema::PREFIX_HEADING);
    index_field(terms, section.heading, schema::PREFIX_HEADING);
    index_body(terms, section.body);
    add_capitals_terms(doc, section.heading);
    add_capitals_terms(doc, section.body);
    const FacetValues none;
    const FacetValues& facets =
        index < record.facets.sections.size() ? record.facets.sections[index] : none;
    index_programme_names(terms, facets);
    add_common_fields(doc, issue, facets, schema::DOC_TYPE_SECTION);
    doc.add_boolean_term(schema::unique_id_term(issue.id, index));
    doc.add_value(schema::SLOT_SECTION, Xapian::sortable_serialise(static_cast<double>(index)));
    doc.set_data(nlohmann::json(SectionData::of(record, index)).dump());
    return doc;
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    terms_.set_stemmer(caching_english_stemmer());
    terms_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

std::vector<Xapian::Document> DocumentBuilder::build(const IssueRecord& record) {
    std::vector<Xapian::Document> docs;
    docs.reserve(record.issue.sections.size() + 1);
    docs.push_back(issue_document(record, terms_));
    for (std::size_t i = 0; i < record.issue.sections.size(); ++i)
        docs.push_back(section_document(record, i, terms_));
    return docs;
}

}  // namespace wm
