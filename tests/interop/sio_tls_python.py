"""Debian's python3-socketio and python3-requests over TLS (SECURITY.md, "TLS"): https /health,
Socket.IO over long-polling, WebSocket and polling upgraded, trusting the test CA given by path
(requests' verify=); a price from Redis reaches the subscribed client; without the CA the server's
certificate is refused. Driven by tst_interop.   FX_URL (https://...), FX_CA, FX_REDIS_PORT, FX_PREFIX

The threaded client (socketio.Client) reads and writes its wss:// socket from two threads at once,
which Python's ssl module does not allow: now and then the client drops its own connection right
after it sends a packet ("WebSocket connection was closed, aborting"), whatever the server does.
That is python-engineio's issue #461 (the handshake part fixed in 4.13.2; Debian 12 ships 4.3.4).
Over WebSocket that client gets up to three attempts, and only that exact failure is retried (and
printed as RETRY); everything else, polling, and the asyncio client (AsyncClient over aiohttp, one
thread, no such race) must pass at the first attempt."""
import asyncio
import json
import os
import queue
import ssl
import subprocess
import sys

import aiohttp
import requests
import socketio

URL = os.environ["FX_URL"]
CA = os.environ["FX_CA"]


def step(name):
    print(f"STEP {name}", flush=True)


def publish(channel, obj):
    subprocess.run(["redis-cli", "-p", os.environ["FX_REDIS_PORT"], "publish",
                    os.environ.get("FX_PREFIX", "") + channel, json.dumps(obj)], check=True, capture_output=True)


class ClientRace(Exception):
    """The threaded client dropped its own wss:// connection (python-engineio #461)."""


def expect(events, name, timeout=6.0):
    while True:
        try:
            event, data = events.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no {name} within {timeout} s") from None
        if event == "__dropped__":
            raise ClientRace(f"the client dropped its connection while waiting for {name}")
        if event == name:
            return data


PRICE = {"instrument": "EUR_USD", "price": {"bid": "1.0945", "ask": "1.0947"}}


def session(name, transports, expected_transport):
    http = requests.Session()
    http.verify = CA
    # REQUESTS_CA_BUNDLE in the environment would otherwise win over the session's verify.
    http.trust_env = False
    sio = socketio.Client(reconnection=False, http_session=http)
    events = queue.Queue()
    sio.on("*", lambda event, data: events.put((event, data)))
    sio.on("disconnect", lambda: events.put(("__dropped__", None)))
    try:
        try:
            sio.connect(URL, transports=transports, wait_timeout=5)
        except socketio.exceptions.ConnectionError as e:
            if "namespaces failed to connect" in str(e) and sio.eio.state != "connected":
                raise ClientRace(f"the client dropped its connection before the CONNECT reply: {e}") from None
            raise
        assert expect(events, "connection_established")["client_id"]
        sio.emit("subscribe", {"pairs": ["EUR_USD"]})
        assert expect(events, "subscription_confirmed")["pairs"] == ["EUR_USD"]
        assert sio.transport() == expected_transport, sio.transport()
        publish("price_updates", PRICE)
        assert expect(events, "price_update")["instrument"] == "EUR_USD"
    finally:
        sio.disconnect()
    step(f"{name} over TLS")


def session_with_retries(name, transports, expected_transport):
    for attempt in range(1, 4):
        try:
            return session(name, transports, expected_transport)
        except ClientRace as e:
            if attempt == 3:
                raise
            print(f"RETRY {name}: {e} (python-engineio #461)", flush=True)


async def async_session():
    """python-socketio's AsyncClient: WebSocket over TLS on one thread, trusting the test CA."""
    context = ssl.create_default_context(cafile=CA)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=context)) as http:
        sio = socketio.AsyncClient(reconnection=False, http_session=http)
        events = asyncio.Queue()

        async def on_any(event, data):
            await events.put((event, data))

        sio.on("*", on_any)

        async def wait_for(name):
            while True:
                try:
                    event, data = await asyncio.wait_for(events.get(), 6.0)
                except asyncio.TimeoutError:
                    raise AssertionError(f"no {name} within 6.0 s") from None
                if event == name:
                    return data

        await sio.connect(URL, transports=["websocket"], wait_timeout=5)
        try:
            assert (await wait_for("connection_established"))["client_id"]
            await sio.emit("subscribe", {"pairs": ["EUR_USD"]})
            assert (await wait_for("subscription_confirmed"))["pairs"] == ["EUR_USD"]
            assert sio.transport() == "websocket", sio.transport()
            await asyncio.get_running_loop().run_in_executor(None, publish, "price_updates", PRICE)
            assert (await wait_for("price_update"))["instrument"] == "EUR_USD"
        finally:
            await sio.disconnect()
    step("asyncio client, websocket over TLS")


def main():
    r = requests.get(URL + "/health", verify=CA, timeout=5)
    assert r.status_code == 200 and "status" in r.json(), r.text
    try:
        requests.get(URL + "/health", timeout=5)
        raise AssertionError("an untrusted certificate was accepted")
    except requests.exceptions.SSLError:
        pass
    step("https /health")
    session("polling", ["polling"], "polling")
    session_with_retries("websocket", ["websocket"], "websocket")
    session_with_retries("polling upgraded to websocket", None, "websocket")
    asyncio.run(async_session())
    print("ALL OK", flush=True)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the harness prints the output
        print(f"FAILED: {e!r}", flush=True)
        sys.exit(1)
