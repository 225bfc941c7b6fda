#pragma once
// Whether the client of a request has hung up, asked between the stages of a long search so
// that abandoned work stops. cpp-httplib 0.11 gives handlers no socket (the function that holds
// it is private), so the socket is found by the request's two addresses among the process's
// descriptors, once per connection and thread.
#include <httplib.h>

namespace wm::searchd {

bool client_hung_up(const httplib::Request& req);

}  // namespace wm::searchd
