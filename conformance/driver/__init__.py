"""The conformance driver: runs language-neutral cases through every SDK's runner against ma-server.

It owns the cases, the server processes, fault injection and every assertion;
runners (conformance/runners/<language>) only execute steps through their
SDK's wrappers. See conformance/README.md.
"""
