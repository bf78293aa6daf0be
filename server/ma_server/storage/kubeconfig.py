"""Where the Kubernetes API server is and how to authenticate to it, as kubectl finds out.

`resolve(kubeconfig, context)` follows kubectl's order: the `--kubeconfig` file, else the
files of `$KUBECONFIG` (colon-separated, merged: the first file that sets a name wins),
else `~/.kube/config`, else the in-cluster service account (`KUBERNETES_SERVICE_HOST` and
`/var/run/secrets/kubernetes.io/serviceaccount`). From the chosen context it takes the
cluster's server, CA (`certificate-authority` file or `-data`), `insecure-skip-tls-verify`,
and the user's bearer token (`token` / `tokenFile`), client certificate
(`client-certificate[-data]` / `client-key[-data]`) or exec credential plugin
(`client.authentication.k8s.io` ExecCredential: the command runs, its token is reused until
its `expirationTimestamp`). A token file is read again when it changes, as the kubelet
rotates the in-cluster token. Anything missing or unsupported (auth-provider plugins,
username/password) is a `KubeconfigError` naming the file and the entry.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import ssl
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._common import StorageOpenError

IN_CLUSTER_DIR = Path("/var/run/secrets/kubernetes.io/serviceaccount")
EXEC_TIMEOUT_SECONDS = 30.0


class KubeconfigError(StorageOpenError):
    """The kubeconfig (or in-cluster config) cannot be used; the message names the file and entry."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(source, problem)


@dataclass
class _ExecCredential:
    """A `users[].user.exec` plugin: run on demand, its token cached until it expires."""

    command: list[str]
    env: dict[str, str]
    source: str
    token: str = ""
    expires: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self) -> str:
        now = datetime.datetime.now(datetime.UTC).timestamp()
        with self.lock:
            if self.token and (not self.expires or now < self.expires - 10):
                return self.token
            try:
                done = subprocess.run(
                    self.command,
                    env={**os.environ, **self.env},
                    capture_output=True,
                    text=True,
                    timeout=EXEC_TIMEOUT_SECONDS,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as e:
                raise KubeconfigError(self.source, f"exec credential plugin {self.command[0]!r} failed: {e}") from None
            if done.returncode != 0:
                tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
                raise KubeconfigError(
                    self.source, f"exec credential plugin {self.command[0]!r} exited {done.returncode}: {tail[0]}"
                )
            try:
                status = json.loads(done.stdout)["status"]
                self.token = str(status["token"])
            except (ValueError, KeyError, TypeError):
                raise KubeconfigError(
                    self.source, f"exec credential plugin {self.command[0]!r} printed no ExecCredential status.token"
                ) from None
            stamp = status.get("expirationTimestamp")
            self.expires = _parse_time(stamp) if stamp else 0.0
            return self.token


def _parse_time(stamp: str) -> float:
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


@dataclass
class KubeTarget:
    """One API server endpoint with the credentials to call it."""

    server: str
    source: str  # the kubeconfig path (or "in-cluster config") for messages
    context: str = ""
    namespace: str = ""  # the context's default namespace
    ca_file: str | None = None
    insecure: bool = False
    cert_file: str | None = None
    key_file: str | None = None
    token: str | None = None
    token_file: str | None = None
    exec_credential: _ExecCredential | None = None
    _token_cache: tuple[float, str] = (0.0, "")

    def ssl_context(self) -> ssl.SSLContext:
        if self.insecure:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        else:
            ctx = ssl.create_default_context(cafile=self.ca_file)
        if self.cert_file is not None:
            try:
                ctx.load_cert_chain(self.cert_file, self.key_file)
            except (OSError, ssl.SSLError) as e:
                raise KubeconfigError(self.source, f"client certificate {self.cert_file}: {e}") from None
        return ctx

    def bearer_token(self) -> str | None:
        """The token to send now (a token file is re-read when its modification time changes)."""
        if self.exec_credential is not None:
            return self.exec_credential.get()
        if self.token_file is not None:
            try:
                mtime = os.stat(self.token_file).st_mtime
                if mtime != self._token_cache[0]:
                    self._token_cache = (mtime, Path(self.token_file).read_text().strip())
            except OSError as e:
                raise KubeconfigError(self.source, f"token file {self.token_file}: {e.strerror}") from None
            return self._token_cache[1]
        return self.token


def _data_file(data: str, what: str, source: str) -> str:
    """Write base64 `*-data` PEM to a private temp file (ssl loads certificates from files only)."""
    try:
        raw = base64.b64decode(data, validate=True)
    except ValueError:
        raise KubeconfigError(source, f"{what} is not valid base64") from None
    fd, path = tempfile.mkstemp(prefix="ma-kube-", suffix=".pem")
    with os.fdopen(fd, "wb") as f:
        f.write(raw)
    return path


def _relative(path: str, base: Path) -> str:
    p = Path(os.path.expanduser(path))
    return str(p if p.is_absolute() else base.parent / p)


def _load_files(paths: list[Path]) -> dict[str, Any]:
    """kubectl's merge of several kubeconfig files: the first definition of each name wins."""
    merged: dict[str, Any] = {"clusters": {}, "users": {}, "contexts": {}, "current-context": ""}
    for path in paths:
        try:
            doc = yaml.safe_load(path.read_text()) or {}
        except OSError as e:
            raise KubeconfigError(str(path), e.strerror or str(e)) from None
        except yaml.YAMLError as e:
            raise KubeconfigError(str(path), f"not valid YAML: {e}") from None
        if not isinstance(doc, dict):
            raise KubeconfigError(str(path), "not a kubeconfig (expected a mapping)")
        for section, inner in (("clusters", "cluster"), ("users", "user"), ("contexts", "context")):
            for entry in doc.get(section) or []:
                if isinstance(entry, dict) and "name" in entry:
                    merged[section].setdefault(entry["name"], (path, entry.get(inner) or {}))
        if not merged["current-context"] and doc.get("current-context"):
            merged["current-context"] = doc["current-context"]
    return merged


def load_kubeconfig(paths: list[Path], context: str | None = None) -> KubeTarget:
    """The target of `context` (default: current-context) in the merged `paths`."""
    source = ":".join(str(p) for p in paths)
    cfg = _load_files(paths)
    name = context or cfg["current-context"]
    if not name:
        raise KubeconfigError(source, "no current-context; pass --kube-context")
    if name not in cfg["contexts"]:
        known = ", ".join(sorted(cfg["contexts"])) or "none"
        raise KubeconfigError(source, f"context {name!r} not found (contexts: {known})")
    ctx = cfg["contexts"][name][1]
    cluster_name, user_name = ctx.get("cluster", ""), ctx.get("user", "")
    if cluster_name not in cfg["clusters"]:
        raise KubeconfigError(source, f"context {name!r} names cluster {cluster_name!r}, which is not defined")
    cpath, cluster = cfg["clusters"][cluster_name]
    server = str(cluster.get("server") or "")
    if not server.startswith(("https://", "http://")):
        raise KubeconfigError(str(cpath), f"cluster {cluster_name!r} has no https:// server")
    if cluster.get("tls-server-name"):
        raise KubeconfigError(str(cpath), f"cluster {cluster_name!r}: tls-server-name is not supported")
    target = KubeTarget(
        server=server.rstrip("/"),
        source=str(cpath),
        context=name,
        namespace=str(ctx.get("namespace") or ""),
        insecure=bool(cluster.get("insecure-skip-tls-verify")),
    )
    if cluster.get("certificate-authority-data"):
        target.ca_file = _data_file(cluster["certificate-authority-data"], "certificate-authority-data", str(cpath))
    elif cluster.get("certificate-authority"):
        target.ca_file = _relative(cluster["certificate-authority"], cpath)
    if user_name:
        if user_name not in cfg["users"]:
            raise KubeconfigError(source, f"context {name!r} names user {user_name!r}, which is not defined")
        upath, user = cfg["users"][user_name]
        _apply_user(target, user, user_name, upath)
    return target


def _apply_user(target: KubeTarget, user: dict[str, Any], name: str, path: Path) -> None:
    where = f"{path} (user {name!r})"
    if user.get("auth-provider"):
        raise KubeconfigError(where, "auth-provider plugins are not supported; use a token, exec or a certificate")
    if user.get("username") or user.get("password"):
        raise KubeconfigError(where, "basic auth (username/password) is not supported; use a token or a certificate")
    if user.get("client-certificate-data"):
        target.cert_file = _data_file(user["client-certificate-data"], "client-certificate-data", where)
    elif user.get("client-certificate"):
        target.cert_file = _relative(user["client-certificate"], path)
    if user.get("client-key-data"):
        target.key_file = _data_file(user["client-key-data"], "client-key-data", where)
    elif user.get("client-key"):
        target.key_file = _relative(user["client-key"], path)
    if (target.cert_file is None) != (target.key_file is None):
        raise KubeconfigError(where, "client-certificate and client-key go together")
    if user.get("token"):
        target.token = str(user["token"])
    elif user.get("tokenFile"):
        target.token_file = _relative(user["tokenFile"], path)
    elif user.get("exec"):
        spec = user["exec"]
        command = [str(spec.get("command") or ""), *(str(a) for a in spec.get("args") or [])]
        if not command[0]:
            raise KubeconfigError(where, "exec has no command")
        env = {str(e["name"]): str(e["value"]) for e in spec.get("env") or [] if "name" in e}
        target.exec_credential = _ExecCredential(command, env, where)


def in_cluster() -> KubeTarget:
    """The pod's service account (what client-go's rest.InClusterConfig uses)."""
    host, port = os.environ.get("KUBERNETES_SERVICE_HOST"), os.environ.get("KUBERNETES_SERVICE_PORT")
    source = "in-cluster config"
    if not host or not port:
        raise KubeconfigError(source, "KUBERNETES_SERVICE_HOST/PORT are not set (not running in a pod)")
    token = IN_CLUSTER_DIR / "token"
    if not token.is_file():
        raise KubeconfigError(source, f"{token} is missing (no service account token mounted)")
    namespace = IN_CLUSTER_DIR / "namespace"
    host_text = f"[{host}]" if ":" in host else host
    return KubeTarget(
        server=f"https://{host_text}:{port}",
        source=source,
        namespace=namespace.read_text().strip() if namespace.is_file() else "",
        ca_file=str(IN_CLUSTER_DIR / "ca.crt"),
        token_file=str(token),
    )


def resolve(kubeconfig: str | None = None, context: str | None = None) -> KubeTarget:
    """The target as kubectl would pick it (see the module docstring)."""
    if kubeconfig:
        return load_kubeconfig([Path(kubeconfig)], context)
    env = os.environ.get("KUBECONFIG", "")
    paths = [Path(p) for p in env.split(os.pathsep) if p]
    if paths:
        existing = [p for p in paths if p.is_file()]
        if not existing:
            raise KubeconfigError(env, "no file of $KUBECONFIG exists")
        return load_kubeconfig(existing, context)
    home = Path.home() / ".kube" / "config"
    if home.is_file():
        return load_kubeconfig([home], context)
    if context:
        raise KubeconfigError(str(home), f"--kube-context {context!r} given but no kubeconfig found")
    return in_cluster()
