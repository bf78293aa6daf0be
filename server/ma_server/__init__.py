"""ma_server: the reference API server of the Michelangelo API kit (gRPC and HTTP/JSON)."""

import os

__version__ = "0.1.0"

# grpc's C core writes connection-level errors (a client's failed TLS handshake, an etcd member
# out of reach) as raw lines on stderr, beside the server's JSON log, which reports what matters
# in its own lines (e.g. the one `server failed:` line at start). Set before grpc is first imported;
# GRPC_VERBOSITY=ERROR (or DEBUG) in the environment brings them back.
os.environ.setdefault("GRPC_VERBOSITY", "NONE")
