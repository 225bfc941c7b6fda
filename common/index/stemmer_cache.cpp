#include "common/index/stemmer_cache.hpp"

#include <string>
#include <unordered_map>

namespace wm {
namespace {

// Enough for any archive's vocabulary; past it the cache starts over rather than grow.
constexpr std::size_t kMaxCachedWords = 200'000;

class CachingStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        if (const auto found = stems_.find(word); found != stems_.end()) return found->second;
        if (stems_.size() >= kMaxCachedWords) stems_.clear();
        return stems_.emplace(word, english_(word)).first->second;
    }
    std::string get_description() const override { return "caching " + english_.get_description(); }

private:
    Xapian::Stem english_{"english"};
    std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem caching_english_stemmer() { return Xapian::Stem(new CachingStemmer); }

}  // namespace wm
