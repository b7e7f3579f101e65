// Plan-time decision on an existing cacerts Secret: reuse it, or (re)issue the cluster's
// intermediate CA, with a reason a human can act on. Reads only certificates and the key; the
// reason never contains key material.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "engine/pki/cacerts.h"

namespace meshform::pki {

struct CacertsDecision {
  enum class Action { kReuse, kReissue };
  Action action = Action::kReissue;
  // Reissue: why, e.g. "signed by a different root", "expires in 12 days (threshold 30)".
  // Reuse: e.g. "valid until 2027-11-25 17:56:40 UTC".
  std::string reason;

  bool reuse() const { return action == Action::kReuse; }
};

// Reuse only when every check passes, in this order (the first failure is the reason):
// all four keys present; ca-cert.pem parses, is a CA, and chains to `root_cert_pem` at `now`
// (not expired, not before its validity); ca-key.pem parses and matches ca-cert.pem;
// root-cert.pem is the topology's root; cert-chain.pem is ca-cert.pem then root-cert.pem; and
// ca-cert.pem stays valid for at least `renew_before` after `now`.
CacertsDecision AssessIntermediate(const CacertsPems& existing, std::string_view root_cert_pem,
                                   std::chrono::system_clock::time_point now,
                                   std::chrono::seconds renew_before);

}  // namespace meshform::pki
