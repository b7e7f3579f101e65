#!/usr/bin/env python3
"""Writes the bad-input corpus (tests/unit/topology/bad/) from a valid base topology and one
small change per file. Expected lines are NOT generated here: they are written by hand-review
into each file's leading '# expect:' lines (see fill_expect.py, which proposes them)."""
import os

BASE = """apiVersion: meshform.io/v1alpha1
kind: Topology
metadata:
  name: bad-example
clusters:
  - name: beijing
    context: beijing
    region: cn-north-1
    network: network1
    role: primary
  - name: shanghai
    context: shanghai
    region: cn-east-1
    network: network2
    role: remote
networks:
  - name: network1
    gateway:
      port: 443
  - name: network2
    gateway:
      port: 443
mesh:
  id: mesh1
  controlPlane:
    mode: primary-remote
    cluster: beijing
  renderer:
    command: [istioctl, manifest, generate]
federation:
  type: kubefed
  host: beijing
workloads:
  - name: helloworld
    namespace: sample
    placement: [beijing, shanghai]
    image: docker.io/istio/examples-helloworld-v1
    labels:
      version: v1
    ports:
      - name: http
        port: 5000
    overrides:
      shanghai:
        image: docker.io/istio/examples-helloworld-v2
"""

SLEEP = """  - name: sleep
    namespace: sample
    placement: [beijing, shanghai]
    image: curlimages/curl
    command: [/bin/sleep, 3650d]
"""


def sub(old, new, count=1, text=None):
    text = BASE if text is None else text
    assert old in text, old
    return text.replace(old, new, count)


def after(anchor, extra, text=None):
    return sub(anchor, anchor + extra, text=text)


CASES = {
    # Malformed YAML: the parser's own line and column.
    "yaml-unclosed-flow": sub("placement: [beijing, shanghai]", "placement: [beijing, shanghai"),
    "yaml-bad-indentation": sub("    context: shanghai\n", "   context: shanghai\n"),
    "yaml-tab-indentation": sub("    region: cn-east-1\n", "\tregion: cn-east-1\n"),
    "yaml-empty": "# nothing but comments\n",
    "yaml-two-documents": BASE + "---\napiVersion: meshform.io/v1alpha1\n",
    "yaml-duplicate-key": sub("    network: network2\n", "    network: network2\n    network: network1\n"),
    "yaml-complex-key": after("metadata:\n", "  ? [a, b]\n  : c\n"),
    "yaml-invalid-utf8": sub("  name: bad-example", "  name: bad-\udcff-example"),
    "yaml-root-is-list": "- apiVersion: meshform.io/v1alpha1\n- kind: Topology\n",
    # Wrong types.
    "type-port-quoted": sub("      port: 443\n  - name: network2", "      port: '443'\n  - name: network2"),
    "type-placement-scalar": sub("placement: [beijing, shanghai]", "placement: beijing"),
    "type-sidecar-yes": after("    namespace: sample\n", "    sidecarInjection: yes\n"),
    "type-clusters-null": sub(BASE[BASE.index("clusters:"):BASE.index("networks:")], "clusters:\n"),
    "type-replicas-float": after("    namespace: sample\n", "    replicas: 1.5\n"),
    # Unknown keys.
    "unknown-key-typo": sub("    network: network2\n", "    netwrok: network2\n"),
    "unknown-key-no-suggestion": after("    namespace: sample\n", "    colour: blue\n"),
    "unknown-key-top-level": BASE + "workload:\n  - name: x\n",
    # Dangling references.
    "dangling-network": sub("network: network2", "network: netwrk2"),
    "dangling-placement": sub("placement: [beijing, shanghai]", "placement: [beijing, shanghia]"),
    "dangling-override-key": sub("      shanghai:\n", "      shangai:\n"),
    "override-not-in-placement": sub("placement: [beijing, shanghai]", "placement: [beijing]"),
    "dangling-federation-host": sub("  host: beijing", "  host: beijng"),
    "dangling-control-plane": sub("    cluster: beijing", "    cluster: peking"),
    "dangling-manifest-cluster": BASE + "manifests:\n  - cluster: guangzhou\n    documents:\n      - {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n",
    # Duplicates.
    "duplicate-cluster": sub("  - name: shanghai\n    context: shanghai", "  - name: beijing\n    context: shanghai"),
    "duplicate-context": sub("    context: shanghai", "    context: beijing"),
    "duplicate-network": sub("  - name: network2\n", "  - name: network1\n"),
    "duplicate-workload": BASE + SLEEP.replace("name: sleep", "name: helloworld"),
    "duplicate-port-number": after("        port: 5000\n", "      - name: http-alt\n        port: 5000\n"),
    "duplicate-port-name": after("        port: 5000\n", "      - name: http\n        port: 5001\n"),
    "duplicate-placement": sub("placement: [beijing, shanghai]", "placement: [beijing, shanghai, beijing]"),
    # Bad names and values.
    "bad-cluster-name": sub("  - name: shanghai", "  - name: Shanghai"),
    "bad-namespace": sub("namespace: sample", "namespace: Sample_NS"),
    "bad-name-too-long": sub("  name: bad-example", "  name: " + "a" * 64),
    "bad-label-key": sub("      version: v1\n", "      version: v1\n      -bad/key: x\n"),
    "bad-label-value": sub("      version: v1\n", "      version: v1 beta\n"),
    "bad-role-enum": sub("    role: primary", "    role: primry"),
    "bad-protocol-enum": sub("        port: 5000\n", "        port: 5000\n        protocol: tcp\n"),
    "bad-api-version": sub("apiVersion: meshform.io/v1alpha1", "apiVersion: meshform.io/v1"),
    "bad-trust-domain": after("  id: mesh1\n", "  trustDomain: Cluster.Local\n"),
    "bad-image-too-long": sub("image: curlimages/curl", "image: " + "x" * 1100, text=BASE + SLEEP),
    # Bad ports and counts.
    "port-out-of-range": sub("        port: 5000", "        port: 70000"),
    "gateway-port-zero": sub("      port: 443\n  - name: network2", "      port: 0\n  - name: network2"),
    "target-port-negative": after("        port: 5000\n", "        targetPort: -1\n"),
    "replicas-negative": after("    namespace: sample\n", "    replicas: -1\n"),
    "renderer-empty-command": sub("command: [istioctl, manifest, generate]", "command: []"),
    # Missing required fields.
    "missing-context-and-image": sub("    image: docker.io/istio/examples-helloworld-v1\n", "", text=sub("    context: shanghai\n", "")),
    "missing-mesh": BASE[:BASE.index("mesh:")] + BASE[BASE.index("federation:"):],
    # Control plane roles.
    "two-primaries": sub("    role: remote", "    role: primary"),
    "control-plane-remote": sub("    role: primary", "    role: remote", text=sub("    role: remote", "    role: primary")),
    "multi-primary-with-remote": sub("    mode: primary-remote\n    cluster: beijing\n", "    mode: multi-primary\n"),
    "multi-primary-with-cluster": sub("    mode: primary-remote", "    mode: multi-primary", text=sub("    role: remote", "    role: primary")),
    "primary-remote-without-cluster": sub("    cluster: beijing\n", "", text=sub("    role: remote", "    role: primary")),
    "kubefed-without-host": sub("  host: beijing\n", ""),
    # Certificate authority.
    "ca-missing-files": after("  host: beijing\n", "ca:\n  root:\n    certFile: missing-cert.pem\n    keyFile: missing-key.pem\n"),
    "ca-directory": after("  host: beijing\n", "ca:\n  root:\n    certFile: ../testdata\n    keyFile: ../testdata/root-key.pem\n"),
    "ca-mismatched-key": after("  host: beijing\n", "ca:\n  root:\n    certFile: ../testdata/root-cert.pem\n    keyFile: ../testdata/other-key.pem\n"),
    "ca-not-a-ca": after("  host: beijing\n", "ca:\n  root:\n    certFile: ../testdata/leaf-cert.pem\n    keyFile: ../testdata/leaf-key.pem\n"),
    "ca-not-pem": after("  host: beijing\n", "ca:\n  root:\n    certFile: ../testdata/garbage.pem\n    keyFile: ../testdata/garbage.pem\n"),
    "ca-cert-without-key": after("  host: beijing\n", "ca:\n  root:\n    certFile: ../testdata/root-cert.pem\n"),
    "ca-generate-and-files": after("  host: beijing\n", "ca:\n  root:\n    generate: {commonName: x}\n    certFile: ../testdata/root-cert.pem\n    keyFile: ../testdata/root-key.pem\n"),
    "ca-intermediate-outlives-root": after("  host: beijing\n", "ca:\n  root:\n    generate: {validityDays: 100}\n  intermediate:\n    validityDays: 365\n    renewBeforeDays: 400\n"),
    "ca-not-regular-file": after("  host: beijing\n", "ca:\n  root:\n    certFile: /dev/null\n    keyFile: ../testdata/root-key.pem\n"),
    # Renderer and raw manifests.
    "renderer-missing": sub("command: [istioctl, manifest, generate]", "command: [./no-such-renderer, manifest]"),
    "manifest-file-and-documents": BASE + "manifests:\n  - cluster: beijing\n    file: ../testdata/configmap.yaml\n    documents:\n      - {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}\n",
    "manifest-missing-file": BASE + "manifests:\n  - cluster: beijing\n    file: no-such-manifest.yaml\n    dependsOn: [beijing/v1/Namespace/sample]\n",
    "manifest-document-without-name": BASE + "manifests:\n  - cluster: beijing\n    documents:\n      - {apiVersion: v1, kind: ConfigMap, metadata: {namespace: sample}}\n      - {kind: ConfigMap, metadata: {name: y}}\n",
    "manifest-not-yaml": BASE + "manifests:\n  - cluster: beijing\n    file: ../testdata/garbage.pem\n",
}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bad")
    os.makedirs(out, exist_ok=True)
    for name, text in CASES.items():
        path = os.path.join(out, name + ".yaml")
        if os.path.exists(path):
            continue  # never overwrite reviewed files
        with open(path, "w", errors="surrogateescape") as f:
            f.write("# expect: (to be filled)\n" + text)


if __name__ == "__main__":
    main()
