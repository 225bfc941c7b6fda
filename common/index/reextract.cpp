#include "common/index/reextract.hpp"

#include "common/facets/facets.hpp"
#include "common/index/document_builder.hpp"
#include "common/index/layout_counts.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// The stored issues a glossary's new entries can change: those containing the acronym, or the
// rarest word of a programme stem or name. Any other issue extracts as before, and re-reading all of a
// large archive for one new acronym took 23 s at 20,000 issues.
std::vector<Xapian::docid> issues_mentioning_new_entries(const Xapian::Database& db, const Glossary& glossary,
                                                         const Glossary& stored) {
    std::vector<std::string> words;
    for (const auto& [acronym, entry] : glossary.learned())
        if (!stored.learned().count(acronym)) words.push_back(to_lower(acronym));
    const auto rarest_word_of = [&](const std::string& name) {
        std::string rarest;
        for (const auto& word : split(to_lower(name), ' '))
            if (db.term_exists(word) && (rarest.empty() || db.get_termfreq(word) < db.get_termfreq(rarest))) rarest = word;
        if (!rarest.empty()) words.push_back(rarest);
    };
    for (const auto& [stem, name] : glossary.programme_stems())
        if (!stored.programme_stems().count(stem)) rarest_word_of(stem);
    for (const auto& name : glossary.programme_names())
        if (!stored.programme_names().count(name)) rarest_word_of(name);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> issues;
    for (const auto docid : enquire.get_mset(0, db.get_doccount())) issues.push_back(docid);
    return issues;
}

}  // namespace

std::vector<ReextractedIssue> reextract_stored_issues(IndexTarget& target, const Glossary& glossary,
                                                      const Glossary& stored, const std::set<std::string>& skip) {
    std::vector<ReextractedIssue> changed;
    DocumentBuilder builder;
    for (std::size_t shard = 0; shard < target.shard_count(); ++shard) {
        auto& db = target.shard(shard);
        for (const auto docid : issues_mentioning_new_entries(db, glossary, stored)) {
            const auto doc = db.get_document(docid);
            auto record = record_of(doc);
            if (skip.count(record.issue.id)) continue;
            auto facets = extract_facets(record.issue, glossary);
            if (facets == record.facets) continue;
            record.facets = std::move(facets);
            record.issue.layout = stored_layout(doc);  // the page still counts in the archive's layout
            target.write_issue(record.issue.id, builder.build(record), true);
            changed.push_back({record.issue.id, record.source_path});
        }
    }
    return changed;
}

}  // namespace wm
