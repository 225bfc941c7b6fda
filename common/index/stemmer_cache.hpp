#pragma once
// Xapian's English stemmer behind a cache: an archive repeats a small vocabulary, and Snowball
// stemming is a large share of term generation when every occurrence is stemmed afresh.
#include <xapian.h>

namespace wm {

/// A stemmer that gives exactly Xapian::Stem("english")'s stems. Not thread-safe: one per thread.
Xapian::Stem caching_english_stemmer();

}  // namespace wm
