#pragma once
#include <string>

namespace wm {

/// The database every tool uses unless given --db: $WMSEARCH_DB if set, else var/wmsearch.db
/// inside the checkout the binaries were built from (git-ignored).
std::string default_database_path();

}  // namespace wm
