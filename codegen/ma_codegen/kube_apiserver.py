"""A real kube-apiserver on loopback for tests and benches, on an `EtcdCluster` of ours.

The binary is the pinned one `ma-codegen toolchain install --services` builds into
`.toolchain/bin/kube-apiserver` (see `toolchain.KUBE_APISERVER`). It serves HTTPS on a free
127.0.0.1 port with a certificate from a CA of its own (`ca_file`), authenticates static
bearer tokens (`--token-auth-file`; `admin` is in `system:masters`) and authorizes with RBAC,
so a test can grant a user exactly one Role. `kubeconfig(user)` writes a kubeconfig for
kubectl and for ma-server's `--storage kubernetes`. Always stopped (`stop`, or the context
manager); several apiservers may share one etcd under distinct `--etcd-prefix`es.
"""

from __future__ import annotations

import json
import secrets
import shutil
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from ma_codegen.services import ROOT, EtcdCluster, EtcdTls, free_ports
from ma_codegen.toolchain import TOOLCHAIN_DIR, wait_for

KUBE_APISERVER = ROOT / TOOLCHAIN_DIR / "bin" / "kube-apiserver"
START_SECONDS = 60.0  # /readyz must answer ok within this (about 2-4 s on an idle 2-core machine)
ADMIN = "admin"
BIND_ATTEMPTS = 3


def kube_apiserver_binary() -> Path:
    wait_for(ROOT, "kube-apiserver")  # a background build (nox -s lint starts one) finishes first
    if not KUBE_APISERVER.is_file():
        raise RuntimeError(
            f"{KUBE_APISERVER} is missing: run `ma-codegen toolchain install --services` (nox -s tests does)"
        )
    return KUBE_APISERVER


class KubeApiServer:
    """One kube-apiserver process over `etcd` (keys under `etcd_prefix`), HTTPS on 127.0.0.1.

    `users` are extra token users (name -> groups) besides `admin`; their tokens are in `tokens`.
    `authorization` is kube-apiserver's --authorization-mode (RBAC, or AlwaysAllow)."""

    def __init__(
        self,
        root: Path,
        etcd: EtcdCluster,
        *,
        users: dict[str, tuple[str, ...]] | None = None,
        authorization: str = "RBAC",
        etcd_prefix: str = "/registry",
        extra: tuple[str, ...] = (),
    ) -> None:
        self.root = root
        self.etcd = etcd
        self.authorization = authorization
        self.etcd_prefix = etcd_prefix
        self.extra = extra
        self.port = free_ports(1)[0]
        all_users = {ADMIN: ("system:masters",), **(users or {})}
        self.tokens = {name: secrets.token_hex(16) for name in all_users}
        self.groups = all_users
        self.proc: subprocess.Popen[bytes] | None = None
        self.tls: EtcdTls | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def ca_file(self) -> Path:
        if self.tls is None:
            raise RuntimeError("the apiserver was not started")
        return self.tls.ca_file

    def _prepare(self) -> list[str]:
        self.root.mkdir(parents=True, exist_ok=True)
        openssl = shutil.which("openssl")
        if openssl is None:
            raise RuntimeError("openssl is required for kube-apiserver (Debian package: openssl)")
        self.tls = EtcdTls.create(self.root / "pki")
        sa_key, sa_pub = self.root / "sa.key", self.root / "sa.pub"
        subprocess.run([openssl, "genrsa", "-out", str(sa_key), "2048"], check=True, capture_output=True, timeout=60)
        subprocess.run(
            [openssl, "rsa", "-in", str(sa_key), "-pubout", "-out", str(sa_pub)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        tokens = self.root / "tokens.csv"
        # token,user,uid,"group1,group2"
        tokens.write_text(
            "".join(
                f'{self.tokens[u]},{u},{u},"{",".join(self.groups[u])}"\n'
                if self.groups[u]
                else f"{self.tokens[u]},{u},{u}\n"
                for u in self.groups
            )
        )
        etcd_tls: list[str] = []
        if self.etcd.tls is not None:
            etcd_tls = [
                f"--etcd-cafile={self.etcd.tls.ca_file}",
                f"--etcd-certfile={self.etcd.tls.client_cert_file}",
                f"--etcd-keyfile={self.etcd.tls.client_key_file}",
            ]
        servers = ",".join(f"{self.etcd.scheme}://{e}" for e in self.etcd.endpoints)
        return [
            str(kube_apiserver_binary()),
            f"--etcd-servers={servers}",
            f"--etcd-prefix={self.etcd_prefix}",
            *etcd_tls,
            f"--secure-port={self.port}",
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            f"--tls-cert-file={self.tls.cert_file}",
            f"--tls-private-key-file={self.tls.key_file}",
            f"--cert-dir={self.root / 'certs'}",
            "--service-account-issuer=https://localhost",
            f"--service-account-key-file={sa_pub}",
            f"--service-account-signing-key-file={sa_key}",
            "--service-cluster-ip-range=10.0.0.0/24",
            f"--authorization-mode={self.authorization}",
            f"--token-auth-file={tokens}",
            # No aggregated or built-in controllers run beside it: keep it lean.
            "--enable-priority-and-fairness=false",
            "--v=0",
            *self.extra,
        ]

    def start(self) -> KubeApiServer:
        if self.proc is not None and self.proc.poll() is None:
            return self
        cmd = self._prepare()
        for attempt in range(BIND_ATTEMPTS):
            log = open(self.root / "kube-apiserver.log", "ab")
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
            log.close()
            try:
                self.wait_ready()
                return self
            except RuntimeError:
                # The free port was taken between choosing it and binding it (other suites start
                # servers at the same time): choose another and start again, a bounded number of times.
                if attempt + 1 == BIND_ATTEMPTS or "address already in use" not in self.log():
                    raise
                self.stop()
                old = f"--secure-port={self.port}"
                self.port = free_ports(1)[0]
                cmd = [f"--secure-port={self.port}" if a == old else a for a in cmd]
        return self

    def context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))

    def request(
        self, method: str, path: str, body: object | None = None, *, user: str = ADMIN, content_type: str = ""
    ) -> tuple[int, dict[str, object]]:
        """One REST call as `user`: (HTTP status, JSON body)."""
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {self.tokens[user]}", "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = content_type or "application/json"
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30, context=self.context()) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw)
            except ValueError:
                return e.code, {"message": raw.decode(errors="replace")}

    def apply_crds(self, manifests: list[dict[str, Any]], timeout: float = START_SECONDS) -> None:
        """Create (or replace) each CRD and wait until every one is Established and served."""
        path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"
        for crd in manifests:
            name = crd["metadata"]["name"]
            status, body = self.request("POST", path, crd)
            if status == 409:
                _, current = self.request("GET", f"{path}/{name}")
                meta = cast(dict[str, Any], current["metadata"])
                replace = {**crd, "metadata": {**crd["metadata"], "resourceVersion": meta["resourceVersion"]}}
                status, body = self.request("PUT", f"{path}/{name}", replace)
            if status not in (200, 201):
                raise RuntimeError(f"CRD {name} refused ({status}): {body.get('message')}")
        deadline = time.monotonic() + timeout
        pending = {crd["metadata"]["name"] for crd in manifests}
        while pending and time.monotonic() < deadline:
            for name in sorted(pending):
                _, body = self.request("GET", f"{path}/{name}")
                conditions = cast(dict[str, Any], body.get("status") or {}).get("conditions") or []
                if any(c.get("type") == "Established" and c.get("status") == "True" for c in conditions):
                    pending.discard(name)
            if pending:
                time.sleep(0.1)
        if pending:
            raise RuntimeError(f"CRDs not established in {timeout} s: {sorted(pending)}")

    def wait_ready(self, timeout: float = START_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"kube-apiserver exited ({self.proc.returncode}):\n{self.log()}")
            try:
                req = urllib.request.Request(
                    self.url + "/readyz", headers={"Authorization": f"Bearer {self.tokens[ADMIN]}"}
                )
                with urllib.request.urlopen(req, timeout=5, context=self.context()) as r:
                    if r.status == 200:
                        return
            except (OSError, ValueError) as e:
                last = str(e)
            time.sleep(0.2)
        raise RuntimeError(f"kube-apiserver not ready in {timeout} s ({last}):\n{self.log()}")

    def kubeconfig(self, user: str = ADMIN, path: Path | None = None, *, namespace: str = "") -> Path:
        """A kubeconfig file naming this apiserver, its CA and `user`'s token (context `ma-test`)."""
        path = path or self.root / f"kubeconfig-{user}.yaml"
        ns = f"\n    namespace: {namespace}" if namespace else ""
        path.write_text(
            f"""apiVersion: v1
kind: Config
clusters:
- name: ma-test
  cluster:
    server: {self.url}
    certificate-authority: {self.ca_file}
users:
- name: {user}
  user:
    token: {self.tokens[user]}
contexts:
- name: ma-test
  context:
    cluster: ma-test
    user: {user}{ns}
current-context: ma-test
"""
        )
        path.chmod(0o600)
        return path

    def log(self) -> str:
        try:
            return (self.root / "kube-apiserver.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def __enter__(self) -> KubeApiServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
