"""Michelangelo API SDK.

Generated protobuf modules live under `michelangelo.api` (shared types) and
`michelangelo.api.v2` (resources and services), e.g.
`from michelangelo.api.v2 import project_pb2, project_svc_pb2_grpc`.
"""
