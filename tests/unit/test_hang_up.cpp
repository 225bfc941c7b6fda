// searchd's check that a request's client has hung up, on a real loopback TCP connection.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "searchd/http_server.hpp"

TEST_CASE("a client is seen to hang up, and only then", "[searchd][hang-up]") {
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

    CHECK_FALSE(wm::searchd::peer_closed(served));
    REQUIRE(write(client, "GET / HTTP/1.1\r\n", 16) == 16);  // pipelined bytes are not a hang-up
    CHECK_FALSE(wm::searchd::peer_closed(served));
    close(client);
    CHECK(wm::searchd::peer_closed(served));
    CHECK_FALSE(wm::searchd::client_hung_up());  // no request is being answered on this thread
    close(served);
    close(listener);
}
