#include "common/index/default_database.hpp"

#include <cstdlib>

namespace wm {

std::string default_database_path() {
    if (const char* from_env = std::getenv("WMSEARCH_DB"); from_env && *from_env) return from_env;
    return WM_DEFAULT_DATABASE;
}

}  // namespace wm
