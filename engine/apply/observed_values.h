// The values read from clusters (or the kubeconfig) while applying: service-account tokens,
// cluster endpoints, kubeconfigs for remote secrets, load-balancer addresses. Each returns the
// value's fields (see resources/values.h); value_steps.cc stores them.
#pragma once

#include "engine/apply/value_steps.h"

namespace meshform::apply {

// {token, ca.crt}: from the token Secret (params.secret in params.namespace) once the API
// server's token controller filled it; a TokenRequest when it stays empty past the timeout.
plan::ValueStore::Fields ReadToken(const plan::Change& change, ValueContext& context);
// {server, caData}: the context's API server URL and its CA (base64 PEM).
plan::ValueStore::Fields ReadEndpoint(const plan::Change& change, ValueContext& context);
// {kubeconfig}: see kubeconfig_yaml.h.
plan::ValueStore::Fields BuildKubeconfigValue(const plan::Change& change, ValueContext& context);
// {address}: the Service's load-balancer ip (else hostname), polled until assigned.
plan::ValueStore::Fields ReadLbAddress(const plan::Change& change, ValueContext& context);

}  // namespace meshform::apply
