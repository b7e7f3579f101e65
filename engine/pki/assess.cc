// AssessIntermediate (assess.h): the checks istiod makes on cacerts, plus meshform's own
// (same root as the topology, renewal threshold), first failure wins.
#include "engine/pki/assess.h"

#include <optional>

#include "engine/pki/cert_codec.h"
#include "engine/pki/error.h"
#include "engine/pki/inspect.h"
#include "engine/pki/verify.h"

namespace meshform::pki {
namespace {

using Clock = std::chrono::system_clock;
using Hours = std::chrono::hours;
using Days = std::chrono::days;
using Reason = std::optional<std::string>;  // a reason to reissue, or nullopt to go on

std::string Plural(long long count, const char* unit) {
  return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
}

// "12 days", "1 day", "5 hours", "less than an hour".
std::string DurationText(Clock::duration duration) {
  auto days = std::chrono::floor<Days>(duration).count();
  if (days >= 1) return Plural(days, "day");
  auto hours = std::chrono::floor<Hours>(duration).count();
  return hours >= 1 ? Plural(hours, "hour") : "less than an hour";
}

// "30" for whole days (the topology's renewBeforeDays), else a duration.
std::string ThresholdText(std::chrono::seconds threshold) {
  if (threshold % Days(1) == std::chrono::seconds(0)) {
    return std::to_string(std::chrono::floor<Days>(threshold).count());
  }
  return DurationText(threshold);
}

Reason MissingKey(const CacertsPems& pems) {
  const std::pair<const std::string*, std::string_view> keys[] = {
      {&pems.ca_cert, kCaCertKey},
      {&pems.ca_key, kCaKeyKey},
      {&pems.root_cert, kRootCertKey},
      {&pems.cert_chain, kCertChainKey}};
  for (const auto& [value, name] : keys) {
    if (value->empty()) return "cacerts has no " + std::string(name);
  }
  return std::nullopt;
}

Reason ChainsToRoot(const CacertsPems& pems, const CertInfo& info, std::string_view root_pem,
                    Clock::time_point now) {
  try {
    internal::ParseCertificates(pems.cert_chain, kCertChainKey);
  } catch (const Error& e) {
    return "unparsable " + std::string(e.what());
  }
  VerifyResult result = VerifyChain(pems.ca_cert, pems.cert_chain, root_pem, now);
  if (result.ok()) return std::nullopt;
  bool leaf = result.depth == 0;
  switch (result.failure) {
    case VerifyFailure::kUntrustedIssuer:
      return "signed by a different root (ca-cert.pem issuer: " + info.issuer + ")";
    case VerifyFailure::kExpired:
      if (leaf) {
        return "expired " + DurationText(now - info.not_after) + " ago (on " +
               FormatTime(info.not_after) + ")";
      }
      break;
    case VerifyFailure::kNotYetValid:
      if (leaf) return "not valid before " + FormatTime(info.not_before);
      break;
    default:
      break;
  }
  return "does not verify against the topology's root: " + result.reason;
}

Reason KeyMatches(const CacertsPems& pems) {
  bool match = false;
  try {
    match = KeyMatchesCert(pems.ca_key, pems.ca_cert);
  } catch (const Error&) {
    return "unparsable " + std::string(kCaKeyKey);  // no detail: it could echo the key
  }
  if (match) return std::nullopt;
  return "key does not match certificate (ca-key.pem is not the key of ca-cert.pem)";
}

Reason SameRootAndChain(const CacertsPems& pems, std::string_view root_pem) {
  auto root = internal::ParseCertificate(root_pem, "topology root certificate");
  std::vector<internal::X509Ptr> stored_root;
  try {
    stored_root = internal::ParseCertificates(pems.root_cert, kRootCertKey);
  } catch (const Error& e) {
    return "unparsable " + std::string(e.what());
  }
  if (stored_root.size() != 1 || !internal::SameCertificate(stored_root[0].get(), root.get())) {
    return "root-cert.pem is not the topology's root certificate";
  }
  auto chain = internal::ParseCertificates(pems.cert_chain, kCertChainKey);  // checked before
  auto ca_cert = internal::ParseCertificate(pems.ca_cert, kCaCertKey);
  if (chain.size() != 2 || !internal::SameCertificate(chain[0].get(), ca_cert.get()) ||
      !internal::SameCertificate(chain[1].get(), root.get())) {
    return "cert-chain.pem is not ca-cert.pem followed by root-cert.pem";
  }
  return std::nullopt;
}

Reason FarFromExpiry(const CertInfo& info, Clock::time_point now,
                     std::chrono::seconds renew_before) {
  auto remaining = info.not_after - now;
  if (remaining >= renew_before) return std::nullopt;
  return "expires in " + DurationText(remaining) + " (threshold " + ThresholdText(renew_before) +
         ")";
}

CacertsDecision Reissue(std::string reason) {
  return {CacertsDecision::Action::kReissue, std::move(reason)};
}

}  // namespace

CacertsDecision AssessIntermediate(const CacertsPems& existing, std::string_view root_cert_pem,
                                   Clock::time_point now, std::chrono::seconds renew_before) {
  internal::ParseCertificate(root_cert_pem, "topology root certificate");  // a caller's error
  if (auto reason = MissingKey(existing)) return Reissue(*reason);
  CertInfo info;
  try {
    info = Inspect(existing.ca_cert, kCaCertKey);
  } catch (const Error& e) {
    return Reissue("unparsable " + std::string(e.what()));
  }
  if (!info.is_ca) return Reissue("ca-cert.pem is not a CA (basicConstraints CA:true missing)");
  if (auto reason = ChainsToRoot(existing, info, root_cert_pem, now)) return Reissue(*reason);
  if (auto reason = KeyMatches(existing)) return Reissue(*reason);
  if (auto reason = SameRootAndChain(existing, root_cert_pem)) return Reissue(*reason);
  if (auto reason = FarFromExpiry(info, now, renew_before)) return Reissue(*reason);
  return {CacertsDecision::Action::kReuse, "valid until " + FormatTime(info.not_after)};
}

}  // namespace meshform::pki
