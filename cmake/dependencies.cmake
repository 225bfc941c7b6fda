# Every dependency comes from a Debian 12 package; nothing is downloaded or vendored.
find_package(PkgConfig REQUIRED)

# Xapian's CMake config only sets variables; pkg-config gives us a proper imported target.
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core>=1.4)
add_library(Xapian::Xapian ALIAS PkgConfig::XAPIAN)

# searchd's connection loop (searchd/http_server.cpp) overrides a private virtual of
# cpp-httplib, Server::process_and_close_socket, and relies on how this version reads requests
# (bodies left unread, a fresh buffer per request, its limits and error paths). Another version
# may compile and still serve smuggled or lost requests, so only this one is accepted.
set(WM_HTTPLIB_VERSION 0.11.4)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
if(NOT HTTPLIB_VERSION VERSION_EQUAL WM_HTTPLIB_VERSION)
  message(FATAL_ERROR
    "cpp-httplib ${HTTPLIB_VERSION} found; searchd is written for ${WM_HTTPLIB_VERSION} (Debian 12's "
    "libcpp-httplib-dev). Its connection loop (searchd/http_server.cpp) overrides cpp-httplib's private "
    "Server::process_and_close_socket and copies how ${WM_HTTPLIB_VERSION} reads a request. Before widening "
    "WM_HTTPLIB_VERSION in cmake/dependencies.cmake, compare that function and process_request with the "
    "new version's, and run the hostile-HTTP tests (ctest -R hostile: request smuggling, pipelining, "
    "hang-ups, limits) and the load test (tests/load/run.sh) against it.")
endif()

find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(Threads REQUIRED)

if(BUILD_TESTING)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
