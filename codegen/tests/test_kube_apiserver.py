"""The kube-apiserver harness: a port taken between choosing and binding it is chosen again."""

from __future__ import annotations

import socket
from pathlib import Path

from ma_codegen.kube_apiserver import KubeApiServer
from ma_codegen.services import EtcdCluster


def test_a_taken_port_is_chosen_again(tmp_path: Path) -> None:
    with EtcdCluster(tmp_path / "etcd", 1, fsync=False) as etcd:
        kas = KubeApiServer(tmp_path / "apiserver", etcd)
        taken = kas.port
        squatter = socket.socket()
        squatter.bind(("127.0.0.1", taken))
        squatter.listen()
        try:
            kas.start()
            assert kas.port != taken
            status, body = kas.request("GET", "/api/v1/namespaces/default")
            assert status == 200 and body["metadata"]["name"] == "default"
        finally:
            kas.stop()
            squatter.close()
