<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClientDetailsDialog</name>
    <message>
        <source>Client details</source>
        <translation>Client details</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Client id:</translation>
    </message>
    <message>
        <source>Remote address:</source>
        <translation>Remote address:</translation>
    </message>
    <message>
        <source>Protocol / transport:</source>
        <translation>Protocol / transport:</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>Connected since:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Rooms:</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Traffic:</translation>
    </message>
    <message>
        <source>Last round trip / send queue:</source>
        <translation>Last round trip / send queue:</translation>
    </message>
    <message>
        <source>Recent connections from this address (stored history, newest first):</source>
        <translation>Recent connections from this address (stored history, newest first):</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Loading the history…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reload &amp;TLS certificate</source>
        <translation>Reload &amp;TLS certificate</translation>
    </message>
    <message>
        <source>Read the TLS certificate and key files again; connected clients stay connected</source>
        <translation>Read the TLS certificate and key files again; connected clients stay connected</translation>
    </message>
    <message>
        <source>FX Monitor</source>
        <translation>FX Monitor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Server toolbar</source>
        <translation>Server toolbar</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Start server</translation>
    </message>
    <message>
        <source>Start the streaming server with the current settings</source>
        <translation>Start the streaming server with the current settings</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>S&amp;top server</translation>
    </message>
    <message>
        <source>Stop the streaming server (clients are closed with 1001)</source>
        <translation>Stop the streaming server (clients are closed with 1001)</translation>
    </message>
    <message>
        <source>&amp;Restart server…</source>
        <translation>&amp;Restart server…</translation>
    </message>
    <message>
        <source>Restart the server with the saved settings (F5)</source>
        <translation>Restart the server with the saved settings (F5)</translation>
    </message>
    <message>
        <source>&amp;Copy WebSocket URL</source>
        <translation>&amp;Copy WebSocket URL</translation>
    </message>
    <message>
        <source>Copy the server&apos;s WebSocket address for a client</source>
        <translation>Copy the server&apos;s WebSocket address for a client</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>All settings (Ctrl+,)</source>
        <translation>All settings (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>&amp;Export table as CSV…</translation>
    </message>
    <message>
        <source>Export the focused table as CSV (Ctrl+E)</source>
        <translation>Export the focused table as CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;chart as PNG…</source>
        <translation>Export &amp;chart as PNG…</translation>
    </message>
    <message>
        <source>Export the price chart as a PNG image</source>
        <translation>Export the price chart as a PNG image</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Stop the server and quit</translation>
    </message>
    <message>
        <source>&amp;Filter table</source>
        <translation>&amp;Filter table</translation>
    </message>
    <message>
        <source>Filter the focused table (Ctrl+F)</source>
        <translation>Filter the focused table (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New chart panel</source>
        <translation>&amp;New chart panel</translation>
    </message>
    <message>
        <source>Open another price chart panel</source>
        <translation>Open another price chart panel</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Reset layout</translation>
    </message>
    <message>
        <source>Put every panel back where it starts</source>
        <translation>Put every panel back where it starts</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>&amp;Acknowledge selected</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Acknowledge the selected alerts (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <translation>Acknowledge &amp;all</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Acknowledge every alert matching the filter (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>&amp;Show alerts</source>
        <translation>&amp;Show alerts</translation>
    </message>
    <message>
        <source>Show the alerts panel</source>
        <translation>Show the alerts panel</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>List the keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About FX Monitor</source>
        <translation>&amp;About FX Monitor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Values saved here apply at start-up and when the server is restarted. A value set in a .env file, the environment or a command-line flag wins over the saved one: such settings are marked.</source>
        <translation>Values saved here apply at start-up and when the server is restarted. A value set in a .env file, the environment or a command-line flag wins over the saved one: such settings are marked.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Logging</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Tray notifications for:</source>
        <translation>Tray notifications for:</translation>
    </message>
    <message>
        <source>Critical alerts</source>
        <translation>Critical alerts</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>Chart window:</translation>
    </message>
    <message>
        <source>Chart style:</source>
        <translation>Chart style:</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Bid, ask and mid lines</translation>
    </message>
    <message>
        <source>Candlesticks (1 minute)</source>
        <translation>Candlesticks (1 minute)</translation>
    </message>
    <message>
        <source>Market watch:</source>
        <translation>Market watch:</translation>
    </message>
    <message>
        <source>Flash prices briefly when they change (blue up, red down)</source>
        <translation>Flash prices briefly when they change (blue up, red down)</translation>
    </message>
    <message>
        <source>Stale after:</source>
        <translation>Stale after:</translation>
    </message>
    <message>
        <source> s without a tick</source>
        <translation> s without a tick</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Closing the window:</source>
        <translation>Closing the window:</translation>
    </message>
    <message>
        <source>Ask what to do</source>
        <translation>Ask what to do</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Keep serving in the tray</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Stop the server and quit</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>The language changes when FX Monitor is started again.</source>
        <translation>The language changes when FX Monitor is started again.</translation>
    </message>
</context>
<context>
    <name>fx::core::Settings</name>
    <message>
        <source>TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)</source>
        <translation>TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM, RSA or EC, unencrypted)</source>
        <translation>Private key of the TLS certificate (PEM, RSA or EC, unencrypted)</translation>
    </message>
    <message>
        <source>Address the server listens on (IP address or localhost)</source>
        <translation>Address the server listens on (IP address or localhost)</translation>
    </message>
    <message>
        <source>Port for WebSocket, Socket.IO and HTTP (0: any free port)</source>
        <translation>Port for WebSocket, Socket.IO and HTTP (0: any free port)</translation>
    </message>
    <message>
        <source>Most clients connected at once</source>
        <translation>Most clients connected at once</translation>
    </message>
    <message>
        <source>Most clients connected at once from one IP address (0: no limit)</source>
        <translation>Most clients connected at once from one IP address (0: no limit)</translation>
    </message>
    <message>
        <source>Seconds between keep-alive pings (fractions allowed)</source>
        <translation>Seconds between keep-alive pings (fractions allowed)</translation>
    </message>
    <message>
        <source>Seconds a client has to answer a ping (fractions allowed)</source>
        <translation>Seconds a client has to answer a ping (fractions allowed)</translation>
    </message>
    <message>
        <source>Largest message a client may send, in bytes</source>
        <translation>Largest message a client may send, in bytes</translation>
    </message>
    <message>
        <source>Server I/O threads (0: one per core)</source>
        <translation>Server I/O threads (0: one per core)</translation>
    </message>
    <message>
        <source>Requests per second a client may send (sustained)</source>
        <translation>Requests per second a client may send (sustained)</translation>
    </message>
    <message>
        <source>Requests a client may send in a burst</source>
        <translation>Requests a client may send in a burst</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before it is disconnected</source>
        <translation>Bytes queued for a slow client before it is disconnected</translation>
    </message>
    <message>
        <source>Client authentication: none, or jwt (every client presents a JSON Web Token)</source>
        <translation>Client authentication: none, or jwt (every client presents a JSON Web Token)</translation>
    </message>
    <message>
        <source>HMAC secret for HS256/384/512 tokens (at least 32 bytes)</source>
        <translation>HMAC secret for HS256/384/512 tokens (at least 32 bytes)</translation>
    </message>
    <message>
        <source>PEM public key file for RS256/384/512 or ES256/384 tokens</source>
        <translation>PEM public key file for RS256/384/512 or ES256/384 tokens</translation>
    </message>
    <message>
        <source>Seconds of clock skew allowed for a token&apos;s exp and nbf</source>
        <translation>Seconds of clock skew allowed for a token&apos;s exp and nbf</translation>
    </message>
    <message>
        <source>Required token audience (aud); empty: not checked</source>
        <translation>Required token audience (aud); empty: not checked</translation>
    </message>
    <message>
        <source>Required token issuer (iss); empty: not checked</source>
        <translation>Required token issuer (iss); empty: not checked</translation>
    </message>
    <message>
        <source>Origins browsers may connect from: * or a comma-separated list</source>
        <translation>Origins browsers may connect from: * or a comma-separated list</translation>
    </message>
    <message>
        <source>Comma-separated currency pairs (empty: the 20 default pairs)</source>
        <translation>Comma-separated currency pairs (empty: the 20 default pairs)</translation>
    </message>
    <message>
        <source>Redis host</source>
        <translation>Redis host</translation>
    </message>
    <message>
        <source>Redis port</source>
        <translation>Redis port</translation>
    </message>
    <message>
        <source>Redis database number</source>
        <translation>Redis database number</translation>
    </message>
    <message>
        <source>Redis password (None: no AUTH)</source>
        <translation>Redis password (None: no AUTH)</translation>
    </message>
    <message>
        <source>Redis Unix socket path (wins over host and port)</source>
        <translation>Redis Unix socket path (wins over host and port)</translation>
    </message>
    <message>
        <source>Prefix of every channel name, e.g. fx:</source>
        <translation>Prefix of every channel name, e.g. fx:</translation>
    </message>
    <message>
        <source>Channel of price updates</source>
        <translation>Channel of price updates</translation>
    </message>
    <message>
        <source>Channel of volatility alerts</source>
        <translation>Channel of volatility alerts</translation>
    </message>
    <message>
        <source>Channel of correlation alerts</source>
        <translation>Channel of correlation alerts</translation>
    </message>
    <message>
        <source>Channel of data-ready notices</source>
        <translation>Channel of data-ready notices</translation>
    </message>
    <message>
        <source>Largest Redis message accepted, in bytes</source>
        <translation>Largest Redis message accepted, in bytes</translation>
    </message>
    <message>
        <source>PostgreSQL host (empty: embedded SQLite)</source>
        <translation>PostgreSQL host (empty: embedded SQLite)</translation>
    </message>
    <message>
        <source>PostgreSQL port</source>
        <translation>PostgreSQL port</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL database</translation>
    </message>
    <message>
        <source>PostgreSQL user</source>
        <translation>PostgreSQL user</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL password</translation>
    </message>
    <message>
        <source>SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)</source>
        <translation>SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)</translation>
    </message>
    <message>
        <source>Days raw ticks are kept</source>
        <translation>Days raw ticks are kept</translation>
    </message>
    <message>
        <source>Days one-minute bars are kept</source>
        <translation>Days one-minute bars are kept</translation>
    </message>
    <message>
        <source>Seconds the database writes may take at stop, retrying while it is down (0: do not wait)</source>
        <translation>Seconds the database writes may take at stop, retrying while it is down (0: do not wait)</translation>
    </message>
    <message>
        <source>DEBUG, INFO, WARNING, ERROR or CRITICAL</source>
        <translation>DEBUG, INFO, WARNING, ERROR or CRITICAL</translation>
    </message>
    <message>
        <source>Also write the log to this file</source>
        <translation>Also write the log to this file</translation>
    </message>
    <message>
        <source>Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)</source>
        <translation>Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)</translation>
    </message>
    <message>
        <source>Send the last known price of each newly subscribed pair right after subscribing (true/false)</source>
        <translation>Send the last known price of each newly subscribed pair right after subscribing (true/false)</translation>
    </message>
    <message>
        <source>Messages kept per room and for alerts, for recovery after a reconnect (0: no history)</source>
        <translation>Messages kept per room and for alerts, for recovery after a reconnect (0: no history)</translation>
    </message>
    <message>
        <source>Seconds a message stays in the recovery history</source>
        <translation>Seconds a message stays in the recovery history</translation>
    </message>
    <message>
        <source>Socket.IO connection state recovery: an offset argument on every event (true/false)</source>
        <translation>Socket.IO connection state recovery: an offset argument on every event (true/false)</translation>
    </message>
    <message>
        <source>This server&apos;s name in the fleet heartbeat (empty: &lt;hostname&gt;:&lt;port&gt;; at most 128 characters)</source>
        <translation>This server&apos;s name in the fleet heartbeat (empty: &lt;hostname&gt;:&lt;port&gt;; at most 128 characters)</translation>
    </message>
    <message>
        <source>Seconds without a heartbeat before the desk shows a server as stale</source>
        <translation>Seconds without a heartbeat before the desk shows a server as stale</translation>
    </message>
    <message>
        <source>Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)</source>
        <translation>Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)</translation>
    </message>
    <message>
        <source>Redis 6+ ACL user for AUTH (empty: AUTH with the password only)</source>
        <translation>Redis 6+ ACL user for AUTH (empty: AUTH with the password only)</translation>
    </message>
    <message>
        <source>Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)</source>
        <translation>Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)</translation>
    </message>
    <message>
        <source>Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)</source>
        <translation>Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)</translation>
    </message>
    <message>
        <source>ACL user for AUTH to the Sentinels (empty: AUTH with the password only)</source>
        <translation>ACL user for AUTH to the Sentinels (empty: AUTH with the password only)</translation>
    </message>
    <message>
        <source>Password of the Sentinels (empty: no AUTH to the Sentinels)</source>
        <translation>Password of the Sentinels (empty: no AUTH to the Sentinels)</translation>
    </message>
    <message>
        <source>Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)</source>
        <translation>Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)</translation>
    </message>
    <message>
        <source>PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Listen address</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Listen port</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>any free port</translation>
    </message>
    <message>
        <source>Most clients at once</source>
        <translation>Most clients at once</translation>
    </message>
    <message>
        <source>Most clients from one address</source>
        <translation>Most clients from one address</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Keep-alive interval</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>Keep-alive timeout</translation>
    </message>
    <message>
        <source>Largest client message</source>
        <translation>Largest client message</translation>
    </message>
    <message>
        <source>I/O threads</source>
        <translation>I/O threads</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>one per core</translation>
    </message>
    <message>
        <source>Request burst</source>
        <translation>Request burst</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requests</translation>
    </message>
    <message>
        <source>Send queue per client</source>
        <translation>Send queue per client</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Admin token</translation>
    </message>
    <message>
        <source>Secret for /metrics and the detailed /health (at least 16 characters)</source>
        <translation>Secret for /metrics and the detailed /health (at least 16 characters)</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>Client authentication</translation>
    </message>
    <message>
        <source>Token HMAC secret</source>
        <translation>Token HMAC secret</translation>
    </message>
    <message>
        <source>Token public key</source>
        <translation>Token public key</translation>
    </message>
    <message>
        <source>Token clock leeway</source>
        <translation>Token clock leeway</translation>
    </message>
    <message>
        <source>Required token audience</source>
        <translation>Required token audience</translation>
    </message>
    <message>
        <source>Required token issuer</source>
        <translation>Required token issuer</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS certificate</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>TLS private key</translation>
    </message>
    <message>
        <source>Allowed browser origins</source>
        <translation>Allowed browser origins</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Trusted proxies</translation>
    </message>
    <message>
        <source>Currency pairs</source>
        <translation>Currency pairs</translation>
    </message>
    <message>
        <source>Last price on subscribe</source>
        <translation>Last price on subscribe</translation>
    </message>
    <message>
        <source>Recovery history</source>
        <translation>Recovery history</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <source>no history</source>
        <translation>no history</translation>
    </message>
    <message>
        <source>Recovery history age</source>
        <translation>Recovery history age</translation>
    </message>
    <message>
        <source>Socket.IO state recovery</source>
        <translation>Socket.IO state recovery</translation>
    </message>
    <message>
        <source>Server name in the fleet</source>
        <translation>Server name in the fleet</translation>
    </message>
    <message>
        <source>Stale server after</source>
        <translation>Stale server after</translation>
    </message>
    <message>
        <source>Run the embedded server</source>
        <translation>Run the embedded server</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database number</source>
        <translation>Database number</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix socket</translation>
    </message>
    <message>
        <source>Sentinels</source>
        <translation>Sentinels</translation>
    </message>
    <message>
        <source>Sentinel master name</source>
        <translation>Sentinel master name</translation>
    </message>
    <message>
        <source>Sentinel user name</source>
        <translation>Sentinel user name</translation>
    </message>
    <message>
        <source>Sentinel password</source>
        <translation>Sentinel password</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>Cluster nodes</translation>
    </message>
    <message>
        <source>Channel prefix</source>
        <translation>Channel prefix</translation>
    </message>
    <message>
        <source>Price channel</source>
        <translation>Price channel</translation>
    </message>
    <message>
        <source>Volatility alert channel</source>
        <translation>Volatility alert channel</translation>
    </message>
    <message>
        <source>Correlation alert channel</source>
        <translation>Correlation alert channel</translation>
    </message>
    <message>
        <source>Data-ready channel</source>
        <translation>Data-ready channel</translation>
    </message>
    <message>
        <source>Largest Redis message</source>
        <translation>Largest Redis message</translation>
    </message>
    <message>
        <source>PostgreSQL host</source>
        <translation>PostgreSQL host</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL</source>
        <translation>TLS to PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite file</translation>
    </message>
    <message>
        <source>Keep ticks for</source>
        <translation>Keep ticks for</translation>
    </message>
    <message>
        <source>Keep one-minute bars for</source>
        <translation>Keep one-minute bars for</translation>
    </message>
    <message>
        <source>Write flush at stop</source>
        <translation>Write flush at stop</translation>
    </message>
    <message>
        <source>do not wait</source>
        <translation>do not wait</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Log level</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>Request rate per client</source>
        <translation>Request rate per client</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>per second</translation>
    </message>
    <message>
        <source>Alert rules per client</source>
        <translation>Alert rules per client</translation>
    </message>
    <message>
        <source>Most alert rules one client (or one user) may hold</source>
        <translation>Most alert rules one client (or one user) may hold</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>rules</translation>
    </message>
    <message>
        <source>alert rules off</source>
        <translation>alert rules off</translation>
    </message>
    <message>
        <source>Alert rules in all</source>
        <translation>Alert rules in all</translation>
    </message>
    <message>
        <source>Most alert rules the server holds for all clients together</source>
        <translation>Most alert rules the server holds for all clients together</translation>
    </message>
    <message>
        <source>Restore stored subscriptions</source>
        <translation>Restore stored subscriptions</translation>
    </message>
    <message>
        <source>Rejoin the rooms an identified user was in when it connects again (true/false)</source>
        <translation>Rejoin the rooms an identified user was in when it connects again (true/false)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesModel</name>
    <message>
        <source>client %1</source>
        <translation>client %1</translation>
    </message>
    <message>
        <source>anonymous #%1</source>
        <translation>anonymous #%1</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Bid</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mid</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>above</source>
        <translation>above</translation>
    </message>
    <message>
        <source>below</source>
        <translation>below</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>crosses</translation>
    </message>
    <message>
        <source>changes by % in %1 s</source>
        <translation>changes by % in %1 s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>once</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>every time</translation>
    </message>
    <message>
        <source>cooldown %1 s</source>
        <translation>cooldown %1 s</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Connected as client %1</source>
        <translation>Connected as client %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Fired</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Last fired</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>key %1…</source>
        <translation>key %1…</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts also go to every client</source>
        <translation>The desk&apos;s own rule: its alerts also go to every client</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts stay on the desk</source>
        <translation>The desk&apos;s own rule: its alerts stay on the desk</translation>
    </message>
    <message>
        <source>Stored in the database: its owner is not connected to this server, so it fires nowhere here until the owner connects again</source>
        <translation>Stored in the database: its owner is not connected to this server, so it fires nowhere here until the owner connects again</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (away)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesPanel</name>
    <message>
        <source>Alert rules live on the servers: this monitor-only desk runs no server, so it holds none. Each server&apos;s clients set and list their own rules.</source>
        <translation>Alert rules live on the servers: this monitor-only desk runs no server, so it holds none. Each server&apos;s clients set and list their own rules.</translation>
    </message>
    <message>
        <source>No alert rules: clients set them with set_alert (docs/PROTOCOL.md, &quot;Alert rules&quot;).</source>
        <translation>No alert rules: clients set them with set_alert (docs/PROTOCOL.md, &quot;Alert rules&quot;).</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Stop the selected rules from firing; their owners are told</source>
        <translation>Stop the selected rules from firing; their owners are told</translation>
    </message>
    <message>
        <source>Let the selected rules fire again; their owners are told</source>
        <translation>Let the selected rules fire again; their owners are told</translation>
    </message>
    <message>
        <source>Delete the selected rules; their owners are told</source>
        <translation>Delete the selected rules; their owners are told</translation>
    </message>
    <message>
        <source>Filter rules, owners or pairs (Ctrl+F)</source>
        <translation>Filter rules, owners or pairs (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n alert rule(s)</source>
        <translation>
            <numerusform>Enabled %n alert rule</numerusform>
            <numerusform>Enabled %n alert rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n alert rule(s)</source>
        <translation>
            <numerusform>Disabled %n alert rule</numerusform>
            <numerusform>Disabled %n alert rules</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete alert rules</source>
        <translation>Delete alert rules</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alert rule(s)? Their owners are told the operator deleted them.</source>
        <translation>
            <numerusform>Delete %n alert rule? Its owner is told the operator deleted it.</numerusform>
            <numerusform>Delete %n alert rules? Their owners are told the operator deleted them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n alert rule(s)</source>
        <translation>
            <numerusform>Deleted %n alert rule</numerusform>
            <numerusform>Deleted %n alert rules</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rules, %2 enabled</source>
        <translation>%1 rules, %2 enabled</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>New rule…</translation>
    </message>
    <message>
        <source>Desk rules need the embedded server: this monitor-only desk runs none</source>
        <translation>Desk rules need the embedded server: this monitor-only desk runs none</translation>
    </message>
    <message>
        <source>Add a rule of the desk&apos;s own: its alerts come here and, when chosen, to every client</source>
        <translation>Add a rule of the desk&apos;s own: its alerts come here and, when chosen, to every client</translation>
    </message>
    <message>
        <source>Added desk alert rule %1</source>
        <translation>Added desk alert rule %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Correlation</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatility</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pair(s)</source>
        <translation>Pair(s)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Price alert</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsPanel</name>
    <message>
        <source>No alerts. Volatility and correlation alerts from the pipeline appear here as they arrive (fxmonitor-feed raises some within a minute); stored history is read from the database.</source>
        <translation>No alerts. Volatility and correlation alerts from the pipeline appear here as they arrive (fxmonitor-feed raises some within a minute); stored history is read from the database.</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Load older</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Acknowledge the selected alerts (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Any type</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatility</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Correlation</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Any severity</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Any pair</source>
        <translation>Any pair</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>Acknowledged or not</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>From … to …</translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation>From (local time)</translation>
    </message>
    <message>
        <source>To (local time, exclusive)</source>
        <translation>To (local time, exclusive)</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Search messages (Ctrl+F)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>no database</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n alert(s)</source>
        <translation>
            <numerusform>Acknowledged %n alert</numerusform>
            <numerusform>Acknowledged %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</source>
        <translation>
            <numerusform>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</numerusform>
            <numerusform>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledged every alert matching the filter</source>
        <translation>Acknowledged every alert matching the filter</translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown · %3 unacknowledged</source>
        <translation>%1 of %2 alerts shown · %3 unacknowledged</translation>
    </message>
    <message>
        <source>· history unavailable: %1</source>
        <translation>· history unavailable: %1</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Price alert</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartFeedGaps</name>
    <message>
        <source>Feed down</source>
        <translation>Feed down</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartPanel</name>
    <message>
        <source>Pair shown</source>
        <translation>Pair shown</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Show the last %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Bid, ask and mid lines</translation>
    </message>
    <message>
        <source>Candles</source>
        <translation>Candles</translation>
    </message>
    <message>
        <source>Candlesticks of the mid price: one minute each (five minutes in the 1 day window)</source>
        <translation>Candlesticks of the mid price: one minute each (five minutes in the 1 day window)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Back to the live window (or double-click the chart)</source>
        <translation>Back to the live window (or double-click the chart)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation>Export the chart as a PNG image</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · double-click or right-click: back to live</source>
        <translation>Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · double-click or right-click: back to live</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Export chart as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartWindow</name>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientDetailsDialog</name>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (user %2)</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>Socket.IO</source>
        <translation>Socket.IO</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 messages (%2) sent, %3 received</source>
        <translation>%1 messages (%2) sent, %3 received</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client id</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Messages sent</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Bytes sent</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>No database: the connection history is not available.</source>
        <translation>No database: the connection history is not available.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n room</numerusform>
            <numerusform>%n rooms</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored connection from this address yet (connections are written within a second).</source>
        <translation>No stored connection from this address yet (connections are written within a second).</translation>
    </message>
    <message numerus="yes">
        <source>%n stored connection(s) from %1.</source>
        <translation>
            <numerusform>%n stored connection from %1.</numerusform>
            <numerusform>%n stored connections from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>The history could not be read: %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientsModel</name>
    <message>
        <source>Socket.IO</source>
        <translation>Socket.IO</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>all (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n room</numerusform>
            <numerusform>%n rooms</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>Not subscribed to any pair</source>
        <translation>Not subscribed to any pair</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>%1 messages sent, %2 received</translation>
    </message>
    <message>
        <source>Last keep-alive round trip</source>
        <translation>Last keep-alive round trip</translation>
    </message>
    <message>
        <source>Bytes waiting to be written to this client</source>
        <translation>Bytes waiting to be written to this client</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client id</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Remote address</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>The &quot;sub&quot; of the client&apos;s token (WEBSOCKET_AUTH=jwt)</source>
        <translation>The &quot;sub&quot; of the client&apos;s token (WEBSOCKET_AUTH=jwt)</translation>
    </message>
    <message>
        <source>Protocol / transport</source>
        <translation>Protocol / transport</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Connected since</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Messages sent</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Bytes sent</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Last RTT</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>Send queue</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientsPanel</name>
    <message>
        <source>No clients yet: connect with examples/client.js or python3 examples/client.py (see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws.</source>
        <translation>No clients yet: connect with examples/client.js or python3 examples/client.py (see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws.</translation>
    </message>
    <message>
        <source>Disconnect client</source>
        <translation>Disconnect client</translation>
    </message>
    <message>
        <source>Copy client id</source>
        <translation>Copy client id</translation>
    </message>
    <message>
        <source>Details and history…</source>
        <translation>Details and history…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Disconnecting client %1</source>
        <translation>Disconnecting client %1</translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %n client(s)</source>
        <translation>
            <numerusform>Disconnecting %n client</numerusform>
            <numerusform>Disconnecting %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Highlighting the %n member(s) of %1</source>
        <translation>
            <numerusform>Highlighting the only member of %1</numerusform>
            <numerusform>Highlighting the %n members of %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Server busy: these rows are %1 s old</source>
        <translation>Server busy: these rows are %1 s old</translation>
    </message>
</context>
<context>
    <name>fx::gui::CsvExport</name>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
</context>
<context>
    <name>fx::gui::DeskRuleDialog</name>
    <message>
        <source>Expires at</source>
        <translation>Expires at</translation>
    </message>
    <message>
        <source>Send to every client</source>
        <translation>Send to every client</translation>
    </message>
    <message>
        <source>New desk alert rule</source>
        <translation>New desk alert rule</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Bid</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mid</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>rises above</source>
        <translation>rises above</translation>
    </message>
    <message>
        <source>falls below</source>
        <translation>falls below</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>crosses</translation>
    </message>
    <message>
        <source>changes by % within a window</source>
        <translation>changes by % within a window</translation>
    </message>
    <message>
        <source>a price, or a percentage for a change</source>
        <translation>a price, or a percentage for a change</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>once</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>every time</translation>
    </message>
    <message>
        <source>at most once per cooldown</source>
        <translation>at most once per cooldown</translation>
    </message>
    <message>
        <source>Each firing also goes to every connected client whose token permits the pair, as price_alert</source>
        <translation>Each firing also goes to every connected client whose token permits the pair, as price_alert</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Adding…</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetModel</name>
    <message>
        <source>Stale: silent %1</source>
        <translation>Stale: silent %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>headless</translation>
    </message>
    <message>
        <source>desktop</source>
        <translation>desktop</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
    <message>
        <source>%1 (host %2, pid %3)</source>
        <translation>%1 (host %2, pid %3)</translation>
    </message>
    <message>
        <source>No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)</source>
        <translation>No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)</translation>
    </message>
    <message>
        <source>Redis %1 via %2</source>
        <translation>Redis %1 via %2</translation>
    </message>
    <message>
        <source>Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)</source>
        <translation>Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clients trend</source>
        <translation>Clients trend</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>Msg/s</translation>
    </message>
    <message>
        <source>Msg/s trend</source>
        <translation>Msg/s trend</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Latency p50/p99</source>
        <translation>Latency p50/p99</translation>
    </message>
    <message>
        <source>Conflated</source>
        <translation>Conflated</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetPanel</name>
    <message>
        <source>No server on this Redis has sent a heartbeat yet: every fxmonitor-server (and every desktop with its embedded server) publishes one a second on the fxmonitor:fleet channel.</source>
        <translation>No server on this Redis has sent a heartbeat yet: every fxmonitor-server (and every desktop with its embedded server) publishes one a second on the fxmonitor:fleet channel.</translation>
    </message>
    <message>
        <source>The fleet is not watched by this desk.</source>
        <translation>The fleet is not watched by this desk.</translation>
    </message>
    <message>
        <source>Filter servers (Ctrl+F)</source>
        <translation>Filter servers (Ctrl+F)</translation>
    </message>
    <message>
        <source>Fleet: not watched</source>
        <translation>Fleet: not watched</translation>
    </message>
    <message>
        <source>Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s</source>
        <translation>Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s</translation>
    </message>
    <message>
        <source>%1 bad messages ignored</source>
        <translation>%1 bad messages ignored</translation>
    </message>
    <message>
        <source>servers beyond %1 ignored</source>
        <translation>servers beyond %1 ignored</translation>
    </message>
    <message>
        <source>Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)</source>
        <translation>Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)</translation>
    </message>
    <message>
        <source>Server %1 returned after %2 s without a heartbeat</source>
        <translation>Server %1 returned after %2 s without a heartbeat</translation>
    </message>
</context>
<context>
    <name>fx::gui::MainWindow</name>
    <message>
        <source>TLS certificate reloaded: %1</source>
        <translation>TLS certificate reloaded: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded: %1</source>
        <translation>TLS certificate not reloaded: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded</source>
        <translation>TLS certificate not reloaded</translation>
    </message>
    <message>
        <source>The TLS certificate was not reloaded: %1

The server keeps serving the previous certificate; connected clients are not affected.</source>
        <translation>The TLS certificate was not reloaded: %1

The server keeps serving the previous certificate; connected clients are not affected.</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>Show or hide the window</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Market watch</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>Price chart</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>All pairs</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Price chart: %1</source>
        <translation>Price chart: %1</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copied %1</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>Layout reset</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Chart: %1</translation>
    </message>
    <message>
        <source>%1 alert: %2</source>
        <translation>%1 alert: %2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n new alert</numerusform>
            <numerusform>%n new alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n new)</source>
        <translation>
            <numerusform>Alerts (%n new)</numerusform>
            <numerusform>Alerts (%n new)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>FX Monitor — %1</source>
        <translation>FX Monitor — %1</translation>
    </message>
    <message>
        <source>FX Monitor — server stopped</source>
        <translation>FX Monitor — server stopped</translation>
    </message>
    <message>
        <source>Server started</source>
        <translation>Server started</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>The server could not start: %1</translation>
    </message>
    <message>
        <source>Server not started</source>
        <translation>Server not started</translation>
    </message>
    <message>
        <source>The server could not start: %1

Change the address or port in Settings (Ctrl+,), then start it again.</source>
        <translation>The server could not start: %1

Change the address or port in Settings (Ctrl+,), then start it again.</translation>
    </message>
    <message>
        <source>Stopping the server: clients are closed with 1001 (going away)</source>
        <translation>Stopping the server: clients are closed with 1001 (going away)</translation>
    </message>
    <message>
        <source>Restart the server</source>
        <translation>Restart the server</translation>
    </message>
    <message numerus="yes">
        <source>Restart the server with the saved settings? The %n connected client(s) will be closed with 1001 (going away) and may reconnect.</source>
        <translation>
            <numerusform>Restart the server with the saved settings? The connected client will be closed with 1001 (going away) and may reconnect.</numerusform>
            <numerusform>Restart the server with the saved settings? The %n connected clients will be closed with 1001 (going away) and may reconnect.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restarting the server…</source>
        <translation>Restarting the server…</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server stopped</translation>
    </message>
    <message>
        <source>Redis settings applied: reconnecting</source>
        <translation>Redis settings applied: reconnecting</translation>
    </message>
    <message>
        <source>The new server settings apply when the server restarts. Restart it now?</source>
        <translation>The new server settings apply when the server restarts. Restart it now?</translation>
    </message>
    <message>
        <source>The new server settings apply when the server starts</source>
        <translation>The new server settings apply when the server starts</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>%1 take effect when FX Monitor is started again.</source>
        <translation>%1 take effect when FX Monitor is started again.</translation>
    </message>
    <message>
        <source>Filter the focused table</source>
        <translation>Filter the focused table</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Copy the selected rows</translation>
    </message>
    <message>
        <source>Export the focused table as CSV</source>
        <translation>Export the focused table as CSV</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts</source>
        <translation>Acknowledge the selected alerts</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter</source>
        <translation>Acknowledge every alert matching the filter</translation>
    </message>
    <message>
        <source>Restart the server (asks first)</source>
        <translation>Restart the server (asks first)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Disconnect the selected clients</source>
        <translation>Disconnect the selected clients</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Stop the server and quit</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About FX Monitor</source>
        <translation>About FX Monitor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;The operator&apos;s desk for an FX data pipeline: a streaming server (plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and connections.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;The operator&apos;s desk for an FX data pipeline: a streaming server (plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and connections.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keep serving?</source>
        <translation>Keep serving?</translation>
    </message>
    <message>
        <source>FX Monitor can keep the server running in the system tray when its window closes; clients stay connected. What should closing the window do? (You will not be asked again; Settings &gt; Desktop changes it.)</source>
        <translation>FX Monitor can keep the server running in the system tray when its window closes; clients stay connected. What should closing the window do? (You will not be asked again; Settings &gt; Desktop changes it.)</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Keep serving in the tray</translation>
    </message>
    <message>
        <source>FX Monitor is still serving</source>
        <translation>FX Monitor is still serving</translation>
    </message>
    <message>
        <source>The server keeps running. Click the tray icon to open the window.</source>
        <translation>The server keeps running. Click the tray icon to open the window.</translation>
    </message>
    <message>
        <source>No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or --no-server). The fleet&apos;s servers, their clients and rooms are in the Fleet panel.</source>
        <translation>No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or --no-server). The fleet&apos;s servers, their clients and rooms are in the Fleet panel.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <source>FX Monitor — monitor-only</source>
        <translation>FX Monitor — monitor-only</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alert rules</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchModel</name>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 stale</translation>
    </message>
    <message>
        <source>No price received yet for %1</source>
        <translation>No price received yet for %1</translation>
    </message>
    <message>
        <source>Stale: no tick for %1 s</source>
        <translation>Stale: no tick for %1 s</translation>
    </message>
    <message>
        <source>No reference price yet</source>
        <translation>No reference price yet</translation>
    </message>
    <message>
        <source>Since the first tick seen today, at %1 (mid %2)</source>
        <translation>Since the first tick seen today, at %1 (mid %2)</translation>
    </message>
    <message>
        <source>Since the trading day opened at %1 (mid %2)</source>
        <translation>Since the trading day opened at %1 (mid %2)</translation>
    </message>
    <message>
        <source>Spread in pips (1 pip = %1)</source>
        <translation>Spread in pips (1 pip = %1)</translation>
    </message>
    <message>
        <source>Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)</source>
        <translation>Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened (21:00 UTC), in pips</source>
        <translation>Change of the mid price since the trading day opened (21:00 UTC), in pips</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened, in percent</source>
        <translation>Change of the mid price since the trading day opened, in percent</translation>
    </message>
    <message>
        <source>Time of the last tick, local time (UTC in the cell&apos;s tooltip)</source>
        <translation>Time of the last tick, local time (UTC in the cell&apos;s tooltip)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Bid</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Change %</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchPanel</name>
    <message>
        <source>No pairs configured (FX_PAIRS).</source>
        <translation>No pairs configured (FX_PAIRS).</translation>
    </message>
    <message>
        <source>Open chart in a new panel</source>
        <translation>Open chart in a new panel</translation>
    </message>
    <message>
        <source>Show in the price chart</source>
        <translation>Show in the price chart</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Change %</translation>
    </message>
</context>
<context>
    <name>fx::gui::PriceChartView</name>
    <message>
        <source>Bid</source>
        <translation>Bid</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mid</translation>
    </message>
    <message>
        <source>Mid, OHLC</source>
        <translation>Mid, OHLC</translation>
    </message>
    <message>
        <source>Reading the history of %1…</source>
        <translation>Reading the history of %1…</translation>
    </message>
    <message>
        <source>No price of %1 in this window yet: prices appear as the pipeline publishes them.</source>
        <translation>No price of %1 in this window yet: prices appear as the pipeline publishes them.</translation>
    </message>
</context>
<context>
    <name>fx::gui::RateGraph</name>
    <message>
        <source>The last two minutes, four samples a second</source>
        <translation>The last two minutes, four samples a second</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>peak %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsModel</name>
    <message numerus="yes">
        <source>%n subscriber(s) in %1</source>
        <translation>
            <numerusform>%n subscriber in %1</numerusform>
            <numerusform>%n subscribers in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>%1 (%2), member of %3</source>
        <translation>%1 (%2), member of %3</translation>
    </message>
    <message>
        <source>Room / client</source>
        <translation>Room / client</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Subscribers</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Remote address</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsPanel</name>
    <message>
        <source>No rooms: FX_PAIRS lists no pair.</source>
        <translation>No rooms: FX_PAIRS lists no pair.</translation>
    </message>
    <message>
        <source>Filter rooms or clients (Ctrl+F)</source>
        <translation>Filter rooms or clients (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SecretStore</name>
    <message>
        <source>the system keyring did not answer within %1 s</source>
        <translation>the system keyring did not answer within %1 s</translation>
    </message>
    <message>
        <source>No system keyring: passwords are used for this session only and not saved</source>
        <translation>No system keyring: passwords are used for this session only and not saved</translation>
    </message>
</context>
<context>
    <name>fx::gui::ServerPanel</name>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Listening:</source>
        <translation>Listening:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Security:</translation>
    </message>
    <message>
        <source>Open to the network: any client that reaches the port can read every price and alert (WEBSOCKET_AUTH=none: clients need no token)</source>
        <translation>Open to the network: any client that reaches the port can read every price and alert (WEBSOCKET_AUTH=none: clients need no token)</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Refused:</translation>
    </message>
    <message>
        <source>%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes</source>
        <translation>%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes</translation>
    </message>
    <message>
        <source>No token refused</source>
        <translation>No token refused</translation>
    </message>
    <message>
        <source>Tokens refused, by reason:
%1</source>
        <translation>Tokens refused, by reason:
%1</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Uptime:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Connections:</translation>
    </message>
    <message>
        <source>Messages/s:</source>
        <translation>Messages/s:</translation>
    </message>
    <message>
        <source>Bytes/s:</source>
        <translation>Bytes/s:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Rooms:</translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Errors:</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Redis channel</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>Messages received per channel and messages dropped as invalid (hover a count for the reasons)</source>
        <translation>Messages received per channel and messages dropped as invalid (hover a count for the reasons)</translation>
    </message>
    <message>
        <source>%1 of %2 (peak %3)</source>
        <translation>%1 of %2 (peak %3)</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 since start</translation>
    </message>
    <message>
        <source>%1 rooms, %2 with subscribers</source>
        <translation>%1 rooms, %2 with subscribers</translation>
    </message>
    <message>
        <source>%1 client errors, %2 conflated updates</source>
        <translation>%1 client errors, %2 conflated updates</translation>
    </message>
    <message>
        <source>%1 ticks, %2 alerts written · %3 waiting</source>
        <translation>%1 ticks, %2 alerts written · %3 waiting</translation>
    </message>
    <message>
        <source>Nothing dropped</source>
        <translation>Nothing dropped</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>p99 %1</source>
        <translation>p99 %1</translation>
    </message>
    <message>
        <source>From the receipt of a message on the Redis thread to its write to a client&apos;s socket, over the last 10 seconds; &quot;age&quot; counts from the price&apos;s own time</source>
        <translation>From the receipt of a message on the Redis thread to its write to a client&apos;s socket, over the last 10 seconds; &quot;age&quot; counts from the price&apos;s own time</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latency:</translation>
    </message>
    <message>
        <source>nothing delivered in the last 10 s</source>
        <translation>nothing delivered in the last 10 s</translation>
    </message>
    <message>
        <source>p50 %1 · p99 %2</source>
        <translation>p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>age p50 %1 · p99 %2</source>
        <translation>age p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>%1 ahead of this clock</source>
        <translation>%1 ahead of this clock</translation>
    </message>
    <message>
        <source>— (no embedded server)</source>
        <translation>— (no embedded server)</translation>
    </message>
    <message>
        <source>read only: the servers sharing it write (monitor-only desk)</source>
        <translation>read only: the servers sharing it write (monitor-only desk)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingField</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingsDialog</name>
    <message>
        <source>%1. In use: %2 (%3)</source>
        <translation>%1. In use: %2 (%3)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>Overridden by %1: what you save here is used only when %1 no longer sets it.</source>
        <translation>Overridden by %1: what you save here is used only when %1 no longer sets it.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved in the system keyring, never in the settings file.</source>
        <translation>Saved in the system keyring, never in the settings file.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>saved settings</source>
        <translation>saved settings</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>environment</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>system keyring</translation>
    </message>
</context>
<context>
    <name>fx::gui::SmallMultiplesPanel</name>
    <message>
        <source>Last minute</source>
        <translation>Last minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Last 5 minutes</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Last 15 minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Mid price of every pair, blue rising, red falling over the window:</source>
        <translation>Mid price of every pair, blue rising, red falling over the window:</translation>
    </message>
</context>
<context>
    <name>fx::gui::Sparkline</name>
    <message>
        <source>%1: click to show it in the price chart, double-click to open a chart panel</source>
        <translation>%1: click to show it in the price chart, double-click to open a chart panel</translation>
    </message>
    <message>
        <source>waiting for prices</source>
        <translation>waiting for prices</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
</context>
<context>
    <name>fx::gui::StatusText</name>
    <message>
        <source>Listening on %1 with TLS (wss://, https://)</source>
        <translation>Listening on %1 with TLS (wss://, https://)</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server stopped</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Listening on %1</translation>
    </message>
    <message>
        <source>Redis not started</source>
        <translation>Redis not started</translation>
    </message>
    <message>
        <source>Redis idle</source>
        <translation>Redis idle</translation>
    </message>
    <message>
        <source>Redis connecting to %1</source>
        <translation>Redis connecting to %1</translation>
    </message>
    <message>
        <source>Redis connected</source>
        <translation>Redis connected</translation>
    </message>
    <message>
        <source>Redis connected to %1 via %2</source>
        <translation>Redis connected to %1 via %2</translation>
    </message>
    <message numerus="yes">
        <source>Redis disconnected%1, retrying in %n s</source>
        <translation>
            <numerusform>Redis disconnected%1, retrying in %n s</numerusform>
            <numerusform>Redis disconnected%1, retrying in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis disconnected%1, retrying now</source>
        <translation>Redis disconnected%1, retrying now</translation>
    </message>
    <message>
        <source>Database off</source>
        <translation>Database off</translation>
    </message>
    <message>
        <source>Database not configured</source>
        <translation>Database not configured</translation>
    </message>
    <message>
        <source>Database connecting</source>
        <translation>Database connecting</translation>
    </message>
    <message>
        <source>Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 connection records</source>
        <translation>Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 connection records</translation>
    </message>
    <message>
        <source>Database ok</source>
        <translation>Database ok</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, %5 connection records, retrying in %6</source>
        <translation>Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, %5 connection records, retrying in %6</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, retrying in %3</source>
        <translation>Database error (%1), %2 rows waiting, retrying in %3</translation>
    </message>
    <message>
        <source>Database error (%1)</source>
        <translation>Database error (%1)</translation>
    </message>
    <message>
        <source>Database refused: %1</source>
        <translation>Database refused: %1</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>No session open</translation>
    </message>
    <message>
        <source>Market closed (weekend)</source>
        <translation>Market closed (weekend)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Sydney</source>
        <translation>Sydney</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>Tokyo</translation>
    </message>
    <message>
        <source>London</source>
        <translation>London</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>New York</translation>
    </message>
    <message>
        <source>Monitor-only: no embedded server</source>
        <translation>Monitor-only: no embedded server</translation>
    </message>
    <message>
        <source>monitor-only (clients: see Fleet)</source>
        <translation>monitor-only (clients: see Fleet)</translation>
    </message>
</context>
<context>
    <name>fx::gui::TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filter (Ctrl+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>No row matches &quot;%1&quot;. Clear the filter to see every row.</source>
        <translation>No row matches &quot;%1&quot;. Clear the filter to see every row.</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV (Ctrl+E)</source>
        <translation>Export the rows shown as CSV (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>fx::gui::fmt</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 d %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source> (%1 stays in plain text in %2 until a keyring is available)</source>
        <translation> (%1 stays in plain text in %2 until a keyring is available)</translation>
    </message>
    <message>
        <source>%1 not saved in the system keyring (%2): used for this session only</source>
        <translation>%1 not saved in the system keyring (%2): used for this session only</translation>
    </message>
    <message>
        <source>%1 stays in plain text in the settings file: the system keyring refused it (%2)</source>
        <translation>%1 stays in plain text in the settings file: the system keyring refused it (%2)</translation>
    </message>
    <message>
        <source>FX Monitor desktop: the streaming server (plain JSON WebSocket and Socket.IO) fed by the pipeline&apos;s Redis channels, with the operator&apos;s window.</source>
        <translation>FX Monitor desktop: the streaming server (plain JSON WebSocket and Socket.IO) fed by the pipeline&apos;s Redis channels, with the operator&apos;s window.</translation>
    </message>
    <message>
        <source>Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the fleet, prices and alerts through Redis and the shared database.</source>
        <translation>Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the fleet, prices and alerts through Redis and the shared database.</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: Settings &gt; Language, else the system&apos;s)</source>
        <translation>Language of the window: %1 (default: Settings &gt; Language, else the system&apos;s)</translation>
    </message>
</context>
</TS>
