#pragma once
// cpp-httplib's server with our own connection loop. Debian's cpp-httplib 0.11 leaves a request
// body that nothing reads (a GET's or an OPTIONS', or any request answered before routing) on
// the connection, where it was parsed as the next request: request smuggling. It also reads
// each request through a fresh buffer, so requests pipelined into one packet were lost. Our
// loop keeps one buffered stream per connection and, before a request is answered, skips the
// body nothing will read, or ends the connection after the answer when the body cannot be
// skipped (chunked, or larger than the payload limit).
#include <httplib.h>

#include <chrono>
#include <string>

#include "searchd/respond.hpp"

namespace wm::searchd {

/// What the connection loop saw of the request being answered on the calling thread: cpp-httplib
/// gives a request it could not parse (400, 414) an empty method and path, and no hook runs
/// before it answers one, so the log takes these instead.
struct RequestStart {
    std::chrono::steady_clock::time_point at;  ///< when its first byte could be read
    std::string method, target;                ///< from the request line as sent; target cut short
    bool parsed = false;                       ///< cpp-httplib read its request line and headers
};
RequestStart current_request_start();

/// Whether the client of the request being answered on the calling thread has hung up: asked
/// between the stages of a long search, so that abandoned work stops.
bool client_hung_up();
/// Whether the peer of a connected socket has closed it (bytes it sent first do not count).
bool peer_closed(int socket);

class HttpServer : public httplib::Server {
public:
    /// Call after binding. Linux lets listen() be called again to change the backlog.
    void widen_accept_queue(int backlog);
    /// The pre-routing handler, run as cpp-httplib's is, after which a body that cpp-httplib
    /// will not read is skipped, or the answer ends the connection. Refusals of a body link to
    /// reference, which must outlive the server.
    void set_pre_routing(HandlerWithResponse handler, const ErrorReference& reference);

private:
    bool process_and_close_socket(socket_t sock) override;
};

}  // namespace wm::searchd
