#include "common/search/best_section.hpp"

#include <algorithm>
#include <cmath>

#include "common/index/schema.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace {

// A word in every issue still shows which sections have it, a little.
constexpr double kLeastWeight = 0.01;

double rarity(const Xapian::Database& db, const std::string& term) {
    const double documents = std::max<double>(1, db.get_doccount());
    return std::max(kLeastWeight, std::log(documents / std::max<Xapian::doccount>(1, db.get_termfreq(term))));
}

}  // namespace

SectionFinder::SectionFinder(const Xapian::Database& db, const SnippetMaker& snippets) : snippets_(snippets) {
    for (const auto& key : snippets.keys()) {
        switch (key.kind) {
            case SnippetMaker::Key::Kind::word: weights_.push_back(rarity(db, key.text)); break;
            case SnippetMaker::Key::Kind::stem: weights_.push_back(rarity(db, std::string(schema::PREFIX_STEM) + key.text)); break;
            case SnippetMaker::Key::Kind::phrase: {
                double weight = 0;
                for (const auto& word : split(key.text, ' ')) weight += rarity(db, word);
                weights_.push_back(weight);
                break;
            }
        }
    }
}

std::vector<double> SectionFinder::scores(const HitRecord& record,
                                          std::vector<std::vector<SnippetMaker::Match>>& found) const {
    thread_local std::vector<std::string_view> texts;  // each section's heading, then its text
    texts.clear();
    for (const auto& section : record.sections) texts.insert(texts.end(), {section.heading, section.body});
    snippets_.find_each(record.stored, texts, found);
    std::vector<double> scores(record.sections.size(), 0.0);
    std::vector<unsigned> counts(weights_.size());
    for (std::size_t section = 0; section < record.sections.size(); ++section) {
        std::fill(counts.begin(), counts.end(), 0);
        for (const auto text : {2 * section, 2 * section + 1})
            for (const auto& match : found[text]) ++counts[match.key];
        for (std::size_t key = 0; key < weights_.size(); ++key)
            if (counts[key]) scores[section] += weights_[key] * (1 + std::log(counts[key]));
    }
    return scores;
}

std::size_t SectionFinder::best(const std::vector<double>& scores) {
    const auto best = std::max_element(scores.begin(), scores.end());
    return best == scores.end() || *best <= 0 ? 0 : static_cast<std::size_t>(best - scores.begin());
}

}  // namespace wm
