"""The generated asyncio client against a real ma-server (each test drives its own event loop)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from client_server import Control, Server, method, project, running_server, unique

from michelangelo.api import list_pb2
from michelangelo.api.v2 import project_pb2
from michelangelo.api.v2.client import (
    AsyncClient,
    ClientConfig,
    Conflict,
    DeadlineExceeded,
    Invalid,
    NotFound,
    Retry,
    Unavailable,
    retry_on_conflict_async,
)

FAST = Retry(initial=0.01, maximum=0.05, attempts=5)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as s:
        yield s


@pytest.fixture(scope="module")
def control(server: Server) -> Iterator[Control]:
    c = Control(server.address)
    yield c
    c.reset()
    c.close()


def config(server: Server) -> ClientConfig:
    return ClientConfig(target=server.address, tls=False, default_namespace=unique("ans"), timeout=10.0, retry=FAST)


def test_async_crud_list_watch(server: Server) -> None:
    async def scenario() -> None:
        async with AsyncClient(config=config(server)) as client:
            created = await client.projects.create(project("a0"))
            got = await client.projects.get("a0")
            assert got == created
            got.spec.description = "async"
            updated = await client.projects.update(got)
            assert updated.spec.description == "async"
            updated.status.model_count = 2
            assert (await client.projects.update_status(updated)).status.model_count == 2
            for i in range(1, 25):
                await client.projects.create(project(f"a{i}"))
            pager = client.projects.list(limit=10)
            names = [p.metadata.name async for p in pager]
            assert len(names) == 25 and pager.resource_version
            assert len([page async for page in client.projects.list(limit=10).pages]) == 3

            watch = client.projects.watch()  # lists first, then streams
            seen: list[tuple[int, str]] = []
            async with watch:
                async for event in watch:
                    seen.append((event.type, event.object.metadata.name))
                    if len(seen) == 25:
                        await client.projects.delete("a3")
                    if len(seen) == 26:
                        break
            assert seen[-1] == (list_pb2.DELETED, "a3")
            assert {name for t, name in seen[:25] if t == list_pb2.ADDED} == set(names)
            await client.projects.delete("a0")
            with pytest.raises(NotFound):
                await client.projects.get("a0")

    asyncio.run(asyncio.wait_for(scenario(), 30))


def test_async_errors_retries_deadlines(server: Server, control: Control) -> None:
    async def scenario() -> None:
        async with AsyncClient(config=config(server)) as client:
            await client.projects.create(project("x"))
            control.fail(method("Projects", "Get"), times=2)
            assert (await client.projects.get("x")).metadata.name == "x"
            control.fail(method("Projects", "Create"), times=1)
            assert (await client.projects.create(project("y"))).metadata.name == "y"  # Create is retried too
            control.fail(method("Projects", "Create"), times=1)
            with pytest.raises(Unavailable):
                await client.projects.create(project("z"), retry=Retry(attempts=1))
            with pytest.raises(NotFound):
                await client.projects.get("z")
            control.delay(method("Projects", "Get"), seconds=1.0, times=1)
            with pytest.raises(DeadlineExceeded):
                await client.projects.get("x", timeout=0.2)
            bad = project("x")
            bad.spec.owning_team = ""
            with pytest.raises(Invalid) as err:
                await client.projects.create(bad)
            assert [v.field for v in err.value.details] == ["spec.owningTeam"]

    try:
        asyncio.run(asyncio.wait_for(scenario(), 30))
    finally:
        control.reset()


def test_async_retry_on_conflict(server: Server) -> None:
    async def scenario() -> None:
        async with AsyncClient(config=config(server)) as client:
            await client.projects.create(project("c", count="0"))

            async def increment() -> project_pb2.Project:
                current = await client.projects.get("c")
                current.metadata.labels["count"] = str(int(current.metadata.labels["count"]) + 1)
                return await client.projects.update(current)

            async def worker() -> None:
                for _ in range(10):
                    await retry_on_conflict_async(increment, retry=Retry(initial=0.002, attempts=200))

            await asyncio.gather(*(worker() for _ in range(4)))
            assert (await client.projects.get("c")).metadata.labels["count"] == "40"
            with pytest.raises(Conflict):
                stale = await client.projects.get("c")
                await increment()
                await client.projects.update(stale)

    asyncio.run(asyncio.wait_for(scenario(), 60))
