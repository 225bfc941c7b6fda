# Every dependency comes from a Debian 12 package; nothing is downloaded or vendored.
find_package(PkgConfig REQUIRED)

# Xapian's CMake config only sets variables; pkg-config gives us a proper imported target.
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core>=1.4)
add_library(Xapian::Xapian ALIAS PkgConfig::XAPIAN)

pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib>=0.11)

find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(Threads REQUIRED)

if(BUILD_TESTING)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
