// searchd's check that a request's client has hung up, on a real loopback TCP connection.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "searchd/connection.hpp"

namespace {

int port_of(int fd, bool peer) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    (peer ? getpeername : getsockname)(fd, reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("a request's client is seen to hang up, and only then", "[searchd][connection]") {
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(listen(listener, 4) == 0);
    socklen_t length = sizeof address;
    getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
    const int client = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const int served = accept(listener, nullptr, nullptr);
    REQUIRE(served >= 0);

    httplib::Request request;  // as cpp-httplib fills it for the served connection
    request.remote_addr = "127.0.0.1";
    request.remote_port = port_of(served, true);
    request.local_addr = "127.0.0.1";
    request.local_port = port_of(served, false);
    CHECK_FALSE(wm::searchd::client_hung_up(request));
    REQUIRE(write(client, "GET / HTTP/1.1\r\n", 16) == 16);  // pipelined bytes are not a hang-up
    CHECK_FALSE(wm::searchd::client_hung_up(request));
    close(client);
    CHECK(wm::searchd::client_hung_up(request));

    httplib::Request unknown = request;  // a connection the process does not hold
    unknown.remote_port = 1;
    CHECK_FALSE(wm::searchd::client_hung_up(unknown));
    close(served);
    close(listener);
}
