#pragma once
// Every error the daemon answers, in Meilisearch's shape: {"message", "code", "type"}.
#include <httplib.h>

#include <exception>
#include <string>

namespace wm::searchd {

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& type,
                const std::string& message);

/// Maps a library exception to its status and error body (400 InvalidRequest, 404 NotFound,
/// 503 database trouble, 500 anything else).
void send_exception(httplib::Response& res, std::exception_ptr error);

}  // namespace wm::searchd
