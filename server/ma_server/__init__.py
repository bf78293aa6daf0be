"""ma_server: the reference API server of the Michelangelo API kit (gRPC and HTTP/JSON)."""

__version__ = "0.1.0"
