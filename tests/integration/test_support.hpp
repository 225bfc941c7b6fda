#pragma once
// Running the real binaries from tests: temporary folders and captured output.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace wm::test {

/// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
};

/// Runs a shell command line and captures its exit code, stdout and stderr.
CommandResult run_command(const std::string& command_line);

/// Runs the indexer binary under test with the given (already quoted) arguments.
CommandResult run_indexer(const std::string& arguments);

/// `indexer index -q [options] --db DATABASE PATH...`, each path quoted.
CommandResult index_into(const std::string& database, const std::vector<std::string>& paths,
                         const std::string& options = "");

std::string quoted(const std::string& text);
void write_file(const std::string& path, const std::string& content);
std::string read_file(const std::string& path);

/// Starts a program with stdout and stderr to a log file; returns its pid.
int spawn(std::vector<std::string> args, const std::string& log_path);
/// SIGTERM, then SIGKILL after five seconds; returns the exit status (-1 if killed).
int stop_process(int& pid);
int free_loopback_port();

/// A program started with spawn(), stopped (SIGTERM, then SIGKILL) when destroyed.
class ChildProcess {
public:
    ChildProcess(std::vector<std::string> args, std::string log_path);
    ~ChildProcess() { stop(); }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    int pid() const { return pid_; }
    int stop() { return stop_process(pid_); }
    /// SIGKILL, as a crash or a power cut would end it; returns once it is gone.
    void kill_hard();
    bool running();
    std::string log() const { return read_file(log_path_); }

private:
    std::string log_path_;
    int pid_ = -1;
};

/// Polls the condition every 50 ms until it holds or the time is up; returns the last answer.
/// An exception counts as "not yet", except from the last try, which it leaves.
bool wait_until(const std::function<bool()>& condition, double seconds);

/// Writes `issues` synthetic issues (gen-NNNNN.txt, numbered from `first`) with tests/tools/generate_archive.py.
void generate_archive(const std::string& folder, int issues, int first = 0);

/// Percent-encodes a query parameter.
std::string encode(const std::string& text);

/// Creates folder with a copy of the real issues in corpus/.
void copy_real_issues(const std::string& folder);

/// The ids of the issues a database holds, sorted; empty when there is no database yet.
std::vector<std::string> indexed_ids(const std::string& database);
bool accepts_connections(int port);

/// Xapian's stock remote server over one database, on a free loopback port, stopped when destroyed.
class XapianTcpServer {
public:
    /// Serves database on 127.0.0.1:port (0: a free port).
    explicit XapianTcpServer(const std::string& database, int port = 0);
    ~XapianTcpServer();
    XapianTcpServer(const XapianTcpServer&) = delete;
    XapianTcpServer& operator=(const XapianTcpServer&) = delete;
    int port() const { return port_; }
    /// SIGKILL, as a crashed machine would leave it.
    void kill_hard();
    /// SIGSTOP or SIGCONT to its whole process group (it forks a child per connection): a
    /// stopped server still completes connections in the kernel but never answers, as a hung
    /// machine would. The destructor resumes it before stopping it.
    void pause();
    void resume();

private:
    TempDir log_dir_;
    int port_ = 0;
    int pid_ = -1;
};

}  // namespace wm::test

namespace wm::test {

/// A real searchd on a free loopback port, stopped (SIGTERM, then SIGKILL) when destroyed.
class SearchdProcess {
public:
    explicit SearchdProcess(const std::string& database, const std::vector<std::string>& extra_args = {});
    ~SearchdProcess();
    SearchdProcess(const SearchdProcess&) = delete;
    SearchdProcess& operator=(const SearchdProcess&) = delete;
    int port() const { return port_; }
    int pid() const { return pid_; }
    /// SIGTERM and wait; returns the exit status.
    int stop();
    /// What searchd logged so far.
    std::string log() const { return read_file(log_path_); }

private:
    TempDir log_dir_;
    std::string log_path_;
    int pid_ = -1;
    int port_ = 0;
};

}  // namespace wm::test
