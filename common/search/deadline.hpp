#pragma once
// A request's time budget and its client's presence, checked between the stages of a search.
// Xapian 1.4's Enquire::set_time_limit stops exhaustive counting past the limit (not the match
// itself), so a counting pass over the remaining budget returns the page with partial counts;
// the searcher flags them rather than making the client wait.
#include <xapian.h>

#include <chrono>
#include <functional>

#include "common/errors.hpp"

namespace wm {

/// Thrown between stages when the client has gone: nobody is left to answer.
struct SearchAbandoned : Error {
    SearchAbandoned() : Error(ErrorKind::abandoned, "the client hung up") {}
};

class Deadline {
public:
    /// budget_seconds: 0 for none. client_gone: asked between stages; may be empty.
    Deadline(double budget_seconds, std::function<bool()> client_gone);

    bool passed() const;
    /// Limits a counting pass to what is left of the budget (at least a millisecond, so the
    /// pass still returns its page).
    void limit(Xapian::Enquire& enquire) const;
    /// Throws SearchAbandoned when the client has gone.
    void check_client() const;

private:
    std::chrono::steady_clock::time_point end_;
    bool bounded_;
    std::function<bool()> client_gone_;
};

}  // namespace wm
