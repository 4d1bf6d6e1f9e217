<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ClientDetailsDialog</name>
    <message>
        <source>Client details</source>
        <translation>Client-Details</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Remote address:</source>
        <translation>Entfernte Adresse:</translation>
    </message>
    <message>
        <source>Protocol / transport:</source>
        <translation>Protokoll / Transport:</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>Verbunden seit:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Räume:</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Datenverkehr:</translation>
    </message>
    <message>
        <source>Last round trip / send queue:</source>
        <translation>Letzte Umlaufzeit / Sendewarteschlange:</translation>
    </message>
    <message>
        <source>Recent connections from this address (stored history, newest first):</source>
        <translation>Letzte Verbindungen von dieser Adresse (gespeicherter Verlauf, neueste zuerst):</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reload &amp;TLS certificate</source>
        <translation>&amp;TLS-Zertifikat neu laden</translation>
    </message>
    <message>
        <source>Read the TLS certificate and key files again; connected clients stay connected</source>
        <translation>TLS-Zertifikat und Schlüssel neu einlesen; verbundene Clients bleiben verbunden</translation>
    </message>
    <message>
        <source>FX Monitor</source>
        <translation>FX Monitor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>A&amp;larme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Server toolbar</source>
        <translation>Server-Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>Server &amp;starten</translation>
    </message>
    <message>
        <source>Start the streaming server with the current settings</source>
        <translation>Den Streaming-Server mit den aktuellen Einstellungen starten</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>Server s&amp;toppen</translation>
    </message>
    <message>
        <source>Stop the streaming server (clients are closed with 1001)</source>
        <translation>Den Streaming-Server stoppen (Clients werden mit 1001 geschlossen)</translation>
    </message>
    <message>
        <source>&amp;Restart server…</source>
        <translation>Server &amp;neu starten …</translation>
    </message>
    <message>
        <source>Restart the server with the saved settings (F5)</source>
        <translation>Den Server mit den gespeicherten Einstellungen neu starten (F5)</translation>
    </message>
    <message>
        <source>&amp;Copy WebSocket URL</source>
        <translation>WebSocket-URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the server&apos;s WebSocket address for a client</source>
        <translation>Die WebSocket-Adresse des Servers für einen Client kopieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>All settings (Ctrl+,)</source>
        <translation>Alle Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>Tabelle als CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export the focused table as CSV (Ctrl+E)</source>
        <translation>Die aktive Tabelle als CSV exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Export &amp;chart as PNG…</source>
        <translation>&amp;Diagramm als PNG exportieren …</translation>
    </message>
    <message>
        <source>Export the price chart as a PNG image</source>
        <translation>Das Kursdiagramm als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Server stoppen und beenden</translation>
    </message>
    <message>
        <source>&amp;Filter table</source>
        <translation>Tabelle &amp;filtern</translation>
    </message>
    <message>
        <source>Filter the focused table (Ctrl+F)</source>
        <translation>Die aktive Tabelle filtern (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;New chart panel</source>
        <translation>&amp;Neues Diagrammfenster</translation>
    </message>
    <message>
        <source>Open another price chart panel</source>
        <translation>Ein weiteres Kursdiagramm öffnen</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Put every panel back where it starts</source>
        <translation>Alle Fenster an ihren Ausgangsplatz zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>Auswahl &amp;bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Die ausgewählten Alarme bestätigen (Strg+K)</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <translation>&amp;Alle bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Alle Alarme bestätigen, die zum Filter passen (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <source>&amp;Show alerts</source>
        <translation>Alarme &amp;anzeigen</translation>
    </message>
    <message>
        <source>Show the alerts panel</source>
        <translation>Das Alarmfenster anzeigen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Die Tastenkürzel auflisten</translation>
    </message>
    <message>
        <source>&amp;About FX Monitor</source>
        <translation>&amp;Über FX Monitor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Values saved here apply at start-up and when the server is restarted. A value set in a .env file, the environment or a command-line flag wins over the saved one: such settings are marked.</source>
        <translation>Hier gespeicherte Werte gelten beim Start und wenn der Server neu gestartet wird. Ein Wert aus einer .env-Datei, der Umgebung oder einer Befehlszeilenoption hat Vorrang vor dem gespeicherten: Solche Einstellungen sind markiert.</translation>
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
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Tray notifications for:</source>
        <translation>Benachrichtigungen im Systembereich für:</translation>
    </message>
    <message>
        <source>Critical alerts</source>
        <translation>Kritische Alarme</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>Diagrammzeitraum:</translation>
    </message>
    <message>
        <source>Chart style:</source>
        <translation>Diagrammart:</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Linien für Geld, Brief und Mitte</translation>
    </message>
    <message>
        <source>Candlesticks (1 minute)</source>
        <translation>Kerzen (1 Minute)</translation>
    </message>
    <message>
        <source>Market watch:</source>
        <translation>Marktübersicht:</translation>
    </message>
    <message>
        <source>Flash prices briefly when they change (blue up, red down)</source>
        <translation>Kurse bei Änderung kurz aufleuchten lassen (blau steigend, rot fallend)</translation>
    </message>
    <message>
        <source>Stale after:</source>
        <translation>Veraltet nach:</translation>
    </message>
    <message>
        <source> s without a tick</source>
        <translation> s ohne Tick</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Closing the window:</source>
        <translation>Beim Schließen des Fensters:</translation>
    </message>
    <message>
        <source>Ask what to do</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Im Systembereich weiterlaufen</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Server stoppen und beenden</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>The language changes when FX Monitor is started again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von FX Monitor.</translation>
    </message>
</context>
<context>
    <name>fx::core::Settings</name>
    <message>
        <source>TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)</source>
        <translation>TLS-Zertifikat (PEM, zuerst das eigene, dann die Kette): wss:// und https:// anbieten (leer: unverschlüsselt)</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM, RSA or EC, unencrypted)</source>
        <translation>Privater Schlüssel des TLS-Zertifikats (PEM, RSA oder EC, unverschlüsselt)</translation>
    </message>
    <message>
        <source>Address the server listens on (IP address or localhost)</source>
        <translation>Adresse, auf der der Server lauscht (IP-Adresse oder localhost)</translation>
    </message>
    <message>
        <source>Port for WebSocket, Socket.IO and HTTP (0: any free port)</source>
        <translation>Port für WebSocket, Socket.IO und HTTP (0: ein freier Port)</translation>
    </message>
    <message>
        <source>Most clients connected at once</source>
        <translation>Höchstzahl gleichzeitig verbundener Clients</translation>
    </message>
    <message>
        <source>Most clients connected at once from one IP address (0: no limit)</source>
        <translation>Höchstzahl gleichzeitig verbundener Clients von einer IP-Adresse (0: keine Grenze)</translation>
    </message>
    <message>
        <source>Seconds between keep-alive pings (fractions allowed)</source>
        <translation>Sekunden zwischen Keep-alive-Pings (Bruchteile erlaubt)</translation>
    </message>
    <message>
        <source>Seconds a client has to answer a ping (fractions allowed)</source>
        <translation>Sekunden, die ein Client für die Antwort auf einen Ping hat (Bruchteile erlaubt)</translation>
    </message>
    <message>
        <source>Largest message a client may send, in bytes</source>
        <translation>Größte Nachricht, die ein Client senden darf, in Bytes</translation>
    </message>
    <message>
        <source>Server I/O threads (0: one per core)</source>
        <translation>E/A-Threads des Servers (0: einer pro Kern)</translation>
    </message>
    <message>
        <source>Requests per second a client may send (sustained)</source>
        <translation>Anfragen pro Sekunde, die ein Client dauerhaft senden darf</translation>
    </message>
    <message>
        <source>Requests a client may send in a burst</source>
        <translation>Anfragen, die ein Client in einem Schub senden darf</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before it is disconnected</source>
        <translation>Bytes in der Warteschlange eines langsamen Clients, bevor er getrennt wird</translation>
    </message>
    <message>
        <source>Client authentication: none, or jwt (every client presents a JSON Web Token)</source>
        <translation>Client-Authentifizierung: none, oder jwt (jeder Client legt ein JSON Web Token vor)</translation>
    </message>
    <message>
        <source>HMAC secret for HS256/384/512 tokens (at least 32 bytes)</source>
        <translation>HMAC-Geheimnis für HS256/384/512-Tokens (mindestens 32 Bytes)</translation>
    </message>
    <message>
        <source>PEM public key file for RS256/384/512 or ES256/384 tokens</source>
        <translation>PEM-Datei mit dem öffentlichen Schlüssel für RS256/384/512- oder ES256/384-Tokens</translation>
    </message>
    <message>
        <source>Seconds of clock skew allowed for a token&apos;s exp and nbf</source>
        <translation>Erlaubte Uhrabweichung in Sekunden für exp und nbf eines Tokens</translation>
    </message>
    <message>
        <source>Required token audience (aud); empty: not checked</source>
        <translation>Geforderte Token-Zielgruppe (aud); leer: nicht geprüft</translation>
    </message>
    <message>
        <source>Required token issuer (iss); empty: not checked</source>
        <translation>Geforderter Token-Aussteller (iss); leer: nicht geprüft</translation>
    </message>
    <message>
        <source>Origins browsers may connect from: * or a comma-separated list</source>
        <translation>Ursprünge, von denen Browser verbinden dürfen: * oder eine kommagetrennte Liste</translation>
    </message>
    <message>
        <source>Comma-separated currency pairs (empty: the 20 default pairs)</source>
        <translation>Kommagetrennte Währungspaare (leer: die 20 Standardpaare)</translation>
    </message>
    <message>
        <source>Redis host</source>
        <translation>Redis-Host</translation>
    </message>
    <message>
        <source>Redis port</source>
        <translation>Redis-Port</translation>
    </message>
    <message>
        <source>Redis database number</source>
        <translation>Redis-Datenbanknummer</translation>
    </message>
    <message>
        <source>Redis password (None: no AUTH)</source>
        <translation>Redis-Passwort (None: kein AUTH)</translation>
    </message>
    <message>
        <source>Redis Unix socket path (wins over host and port)</source>
        <translation>Pfad des Redis-Unix-Sockets (hat Vorrang vor Host und Port)</translation>
    </message>
    <message>
        <source>Prefix of every channel name, e.g. fx:</source>
        <translation>Präfix jedes Kanalnamens, z. B. fx:</translation>
    </message>
    <message>
        <source>Channel of price updates</source>
        <translation>Kanal der Kursaktualisierungen</translation>
    </message>
    <message>
        <source>Channel of volatility alerts</source>
        <translation>Kanal der Volatilitätsalarme</translation>
    </message>
    <message>
        <source>Channel of correlation alerts</source>
        <translation>Kanal der Korrelationsalarme</translation>
    </message>
    <message>
        <source>Channel of data-ready notices</source>
        <translation>Kanal der Daten-bereit-Meldungen</translation>
    </message>
    <message>
        <source>Largest Redis message accepted, in bytes</source>
        <translation>Größte angenommene Redis-Nachricht, in Bytes</translation>
    </message>
    <message>
        <source>PostgreSQL host (empty: embedded SQLite)</source>
        <translation>PostgreSQL-Host (leer: eingebettetes SQLite)</translation>
    </message>
    <message>
        <source>PostgreSQL port</source>
        <translation>PostgreSQL-Port</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <source>PostgreSQL user</source>
        <translation>PostgreSQL-Benutzer</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <source>SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)</source>
        <translation>SQLite-Datei (leer: ~/.local/share/FXMonitor/fxmonitor.sqlite)</translation>
    </message>
    <message>
        <source>Days raw ticks are kept</source>
        <translation>Tage, die Rohticks aufbewahrt werden</translation>
    </message>
    <message>
        <source>Days one-minute bars are kept</source>
        <translation>Tage, die Minutenbalken aufbewahrt werden</translation>
    </message>
    <message>
        <source>Seconds the database writes may take at stop, retrying while it is down (0: do not wait)</source>
        <translation>Sekunden, die die Datenbank-Schreibvorgänge beim Beenden dauern dürfen, mit Wiederholungen, solange sie nicht erreichbar ist (0: nicht warten)</translation>
    </message>
    <message>
        <source>DEBUG, INFO, WARNING, ERROR or CRITICAL</source>
        <translation>DEBUG, INFO, WARNING, ERROR oder CRITICAL</translation>
    </message>
    <message>
        <source>Also write the log to this file</source>
        <translation>Das Protokoll zusätzlich in diese Datei schreiben</translation>
    </message>
    <message>
        <source>Redis 6+ ACL user for AUTH (empty: AUTH with the password only)</source>
        <translation>Redis-6+-ACL-Benutzer für AUTH (leer: AUTH nur mit dem Passwort)</translation>
    </message>
    <message>
        <source>PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>PostgreSQL-sslmode: disable, allow, prefer, require, verify-ca, verify-full</translation>
    </message>
    <message>
        <source>Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)</source>
        <translation>Proxys, deren X-Forwarded-For den Client nennt: Adressen oder Subnetze, durch Kommas getrennt (leer: keine)</translation>
    </message>
    <message>
        <source>Send the last known price of each newly subscribed pair right after subscribing (true/false)</source>
        <translation>Den letzten bekannten Preis jedes neu abonnierten Paars direkt nach dem Abonnieren senden (true/false)</translation>
    </message>
    <message>
        <source>Messages kept per room and for alerts, for recovery after a reconnect (0: no history)</source>
        <translation>Pro Raum und für Alarme aufbewahrte Nachrichten zur Wiederherstellung nach einem erneuten Verbinden (0: kein Verlauf)</translation>
    </message>
    <message>
        <source>Seconds a message stays in the recovery history</source>
        <translation>Sekunden, die eine Nachricht im Wiederherstellungsverlauf bleibt</translation>
    </message>
    <message>
        <source>Socket.IO connection state recovery: an offset argument on every event (true/false)</source>
        <translation>Socket.IO-Wiederherstellung des Verbindungszustands: ein offset-Argument bei jedem Ereignis (true/false)</translation>
    </message>
    <message>
        <source>This server&apos;s name in the fleet heartbeat (empty: &lt;hostname&gt;:&lt;port&gt;; at most 128 characters)</source>
        <translation>Name dieses Servers im Heartbeat der Flotte (leer: &lt;hostname&gt;:&lt;port&gt;; höchstens 128 Zeichen)</translation>
    </message>
    <message>
        <source>Seconds without a heartbeat before the desk shows a server as stale</source>
        <translation>Sekunden ohne Heartbeat, bevor der Arbeitsplatz einen Server als veraltet zeigt</translation>
    </message>
    <message>
        <source>Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)</source>
        <translation>Desktop: den eingebetteten Server ausführen (false: reiner Überwachungsplatz, der die Flotte über Redis beobachtet)</translation>
    </message>
    <message>
        <source>Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)</source>
        <translation>Redis-Sentinels als host:port,host:port,...: den Master über sie finden (leer: kein Sentinel)</translation>
    </message>
    <message>
        <source>Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)</source>
        <translation>Name des Masters, den die Sentinels überwachen (nötig mit REDIS_SENTINELS)</translation>
    </message>
    <message>
        <source>ACL user for AUTH to the Sentinels (empty: AUTH with the password only)</source>
        <translation>ACL-Benutzer für AUTH bei den Sentinels (leer: AUTH nur mit dem Passwort)</translation>
    </message>
    <message>
        <source>Password of the Sentinels (empty: no AUTH to the Sentinels)</source>
        <translation>Passwort der Sentinels (leer: kein AUTH bei den Sentinels)</translation>
    </message>
    <message>
        <source>Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)</source>
        <translation>Redis-Cluster-Knoten als host:port,host:port,... (leer: ein einzelner Redis oder Sentinel)</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Lauschport</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Most clients at once</source>
        <translation>Höchstzahl gleichzeitiger Clients</translation>
    </message>
    <message>
        <source>Most clients from one address</source>
        <translation>Höchstzahl Clients je Adresse</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Keep-alive-Intervall</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>Keep-alive-Zeitlimit</translation>
    </message>
    <message>
        <source>Largest client message</source>
        <translation>Größte Client-Nachricht</translation>
    </message>
    <message>
        <source>I/O threads</source>
        <translation>E/A-Threads</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>einer je Kern</translation>
    </message>
    <message>
        <source>Request burst</source>
        <translation>Anfrage-Burst</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Send queue per client</source>
        <translation>Sendewarteschlange je Client</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Admin-Token</translation>
    </message>
    <message>
        <source>Secret for /metrics and the detailed /health (at least 16 characters)</source>
        <translation>Geheimnis für /metrics und das ausführliche /health (mindestens 16 Zeichen)</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>Client-Authentifizierung</translation>
    </message>
    <message>
        <source>Token HMAC secret</source>
        <translation>HMAC-Geheimnis für Token</translation>
    </message>
    <message>
        <source>Token public key</source>
        <translation>Öffentlicher Schlüssel für Token</translation>
    </message>
    <message>
        <source>Token clock leeway</source>
        <translation>Uhrtoleranz für Token</translation>
    </message>
    <message>
        <source>Required token audience</source>
        <translation>Verlangte Token-Audience</translation>
    </message>
    <message>
        <source>Required token issuer</source>
        <translation>Verlangter Token-Aussteller</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Privater TLS-Schlüssel</translation>
    </message>
    <message>
        <source>Allowed browser origins</source>
        <translation>Erlaubte Browser-Origins</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Vertrauenswürdige Proxys</translation>
    </message>
    <message>
        <source>Currency pairs</source>
        <translation>Währungspaare</translation>
    </message>
    <message>
        <source>Last price on subscribe</source>
        <translation>Letzter Kurs beim Abonnieren</translation>
    </message>
    <message>
        <source>Recovery history</source>
        <translation>Wiederherstellungsverlauf</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>no history</source>
        <translation>kein Verlauf</translation>
    </message>
    <message>
        <source>Recovery history age</source>
        <translation>Alter des Wiederherstellungsverlaufs</translation>
    </message>
    <message>
        <source>Socket.IO state recovery</source>
        <translation>Socket.IO-Zustandswiederherstellung</translation>
    </message>
    <message>
        <source>Server name in the fleet</source>
        <translation>Servername in der Flotte</translation>
    </message>
    <message>
        <source>Stale server after</source>
        <translation>Server veraltet nach</translation>
    </message>
    <message>
        <source>Run the embedded server</source>
        <translation>Eingebetteten Server ausführen</translation>
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
        <translation>Datenbanknummer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix-Socket</translation>
    </message>
    <message>
        <source>Sentinels</source>
        <translation>Sentinels</translation>
    </message>
    <message>
        <source>Sentinel master name</source>
        <translation>Name des Sentinel-Masters</translation>
    </message>
    <message>
        <source>Sentinel user name</source>
        <translation>Sentinel-Benutzername</translation>
    </message>
    <message>
        <source>Sentinel password</source>
        <translation>Sentinel-Passwort</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>Cluster-Knoten</translation>
    </message>
    <message>
        <source>Channel prefix</source>
        <translation>Kanalpräfix</translation>
    </message>
    <message>
        <source>Price channel</source>
        <translation>Kurskanal</translation>
    </message>
    <message>
        <source>Volatility alert channel</source>
        <translation>Kanal für Volatilitätswarnungen</translation>
    </message>
    <message>
        <source>Correlation alert channel</source>
        <translation>Kanal für Korrelationswarnungen</translation>
    </message>
    <message>
        <source>Data-ready channel</source>
        <translation>Kanal für Daten-bereit-Meldungen</translation>
    </message>
    <message>
        <source>Largest Redis message</source>
        <translation>Größte Redis-Nachricht</translation>
    </message>
    <message>
        <source>PostgreSQL host</source>
        <translation>PostgreSQL-Host</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Datenbankname</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL</source>
        <translation>TLS zu PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>Keep ticks for</source>
        <translation>Ticks aufbewahren</translation>
    </message>
    <message>
        <source>Keep one-minute bars for</source>
        <translation>Minutenbalken aufbewahren</translation>
    </message>
    <message>
        <source>Write flush at stop</source>
        <translation>Schreiben beim Beenden</translation>
    </message>
    <message>
        <source>do not wait</source>
        <translation>nicht warten</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Request rate per client</source>
        <translation>Anfragerate je Client</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Alert rules per client</source>
        <translation>Alarmregeln pro Client</translation>
    </message>
    <message>
        <source>Most alert rules one client (or one user) may hold</source>
        <translation>Höchstzahl der Alarmregeln eines Clients (oder eines Benutzers)</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>alert rules off</source>
        <translation>Alarmregeln aus</translation>
    </message>
    <message>
        <source>Alert rules in all</source>
        <translation>Alarmregeln insgesamt</translation>
    </message>
    <message>
        <source>Most alert rules the server holds for all clients together</source>
        <translation>Höchstzahl der Alarmregeln, die der Server für alle Clients zusammen hält</translation>
    </message>
    <message>
        <source>Restore stored subscriptions</source>
        <translation>Gespeicherte Abonnements wiederherstellen</translation>
    </message>
    <message>
        <source>Rejoin the rooms an identified user was in when it connects again (true/false)</source>
        <translation>Ein erkannter Benutzer tritt beim erneuten Verbinden wieder seinen Räumen bei (true/false)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesModel</name>
    <message>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>anonymous #%1</source>
        <translation>anonym #%1</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>above</source>
        <translation>über</translation>
    </message>
    <message>
        <source>below</source>
        <translation>unter</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>kreuzt</translation>
    </message>
    <message>
        <source>changes by % in %1 s</source>
        <translation>ändert sich um % in %1 s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>jedes Mal</translation>
    </message>
    <message>
        <source>cooldown %1 s</source>
        <translation>Sperrzeit %1 s</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Connected as client %1</source>
        <translation>Verbunden als Client %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Zuletzt ausgelöst</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>key %1…</source>
        <translation>Schlüssel %1…</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts also go to every client</source>
        <translation>Regel des Desks: Ihre Alarme gehen auch an jeden Client</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts stay on the desk</source>
        <translation>Regel des Desks: Ihre Alarme bleiben am Desk</translation>
    </message>
    <message>
        <source>Stored in the database: its owner is not connected to this server, so it fires nowhere here until the owner connects again</source>
        <translation>In der Datenbank gespeichert: Ihr Besitzer ist nicht mit diesem Server verbunden, daher löst sie hier erst wieder aus, wenn er sich verbindet</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (abwesend)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesPanel</name>
    <message>
        <source>Alert rules live on the servers: this monitor-only desk runs no server, so it holds none. Each server&apos;s clients set and list their own rules.</source>
        <translation>Alarmregeln liegen auf den Servern: Dieser reine Überwachungsplatz betreibt keinen Server und hält daher keine. Die Clients jedes Servers legen ihre eigenen Regeln an und listen sie auf.</translation>
    </message>
    <message>
        <source>No alert rules: clients set them with set_alert (docs/PROTOCOL.md, &quot;Alert rules&quot;).</source>
        <translation>Keine Alarmregeln: Clients legen sie mit set_alert an (docs/PROTOCOL.md, „Alert rules“).</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Stop the selected rules from firing; their owners are told</source>
        <translation>Die ausgewählten Regeln lösen nicht mehr aus; ihre Besitzer werden benachrichtigt</translation>
    </message>
    <message>
        <source>Let the selected rules fire again; their owners are told</source>
        <translation>Die ausgewählten Regeln lösen wieder aus; ihre Besitzer werden benachrichtigt</translation>
    </message>
    <message>
        <source>Delete the selected rules; their owners are told</source>
        <translation>Die ausgewählten Regeln löschen; ihre Besitzer werden benachrichtigt</translation>
    </message>
    <message>
        <source>Filter rules, owners or pairs (Ctrl+F)</source>
        <translation>Regeln, Besitzer oder Paare filtern (Strg+F)</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n Alarmregel aktiviert</numerusform>
            <numerusform>%n Alarmregeln aktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n Alarmregel deaktiviert</numerusform>
            <numerusform>%n Alarmregeln deaktiviert</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete alert rules</source>
        <translation>Alarmregeln löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alert rule(s)? Their owners are told the operator deleted them.</source>
        <translation>
            <numerusform>%n Alarmregel löschen? Ihr Besitzer erfährt, dass der Operator sie gelöscht hat.</numerusform>
            <numerusform>%n Alarmregeln löschen? Ihre Besitzer erfahren, dass der Operator sie gelöscht hat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n alert rule(s)</source>
        <translation>
            <numerusform>%n Alarmregel gelöscht</numerusform>
            <numerusform>%n Alarmregeln gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rules, %2 enabled</source>
        <translation>%1 Regeln, %2 aktiv</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>Neue Regel…</translation>
    </message>
    <message>
        <source>Desk rules need the embedded server: this monitor-only desk runs none</source>
        <translation>Desk-Regeln brauchen den eingebetteten Server: Dieser reine Überwachungsplatz betreibt keinen</translation>
    </message>
    <message>
        <source>Add a rule of the desk&apos;s own: its alerts come here and, when chosen, to every client</source>
        <translation>Eine eigene Regel des Desks anlegen: Ihre Alarme kommen hierher und, wenn gewählt, an jeden Client</translation>
    </message>
    <message>
        <source>Added desk alert rule %1</source>
        <translation>Desk-Alarmregel %1 hinzugefügt</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Pair(s)</source>
        <translation>Paar(e)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Preisalarm</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsPanel</name>
    <message>
        <source>No alerts. Volatility and correlation alerts from the pipeline appear here as they arrive (fxmonitor-feed raises some within a minute); stored history is read from the database.</source>
        <translation>Keine Alarme. Volatilitäts- und Korrelationsalarme der Pipeline erscheinen hier, sobald sie eintreffen (fxmonitor-feed löst innerhalb einer Minute welche aus); der gespeicherte Verlauf wird aus der Datenbank gelesen.</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Ältere laden</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Alle bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Die ausgewählten Alarme bestätigen (Strg+K)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Alle unbestätigten Alarme bestätigen, die zum Filter passen (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Jeder Schweregrad</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Any pair</source>
        <translation>Jedes Paar</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>Bestätigt oder nicht</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>Von … bis …</translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation>Von (Ortszeit)</translation>
    </message>
    <message>
        <source>To (local time, exclusive)</source>
        <translation>Bis (Ortszeit, ausschließlich)</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Meldungen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>keine Datenbank</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n alert(s)</source>
        <translation>
            <numerusform>%n Alarm bestätigt</numerusform>
            <numerusform>%n Alarme bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</source>
        <translation>
            <numerusform>Jeden unbestätigten Alarm bestätigen, der zum aktuellen Filter passt (%n hier angezeigt, ältere in der Datenbank eingeschlossen)?</numerusform>
            <numerusform>Jeden unbestätigten Alarm bestätigen, der zum aktuellen Filter passt (%n hier angezeigt, ältere in der Datenbank eingeschlossen)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledged every alert matching the filter</source>
        <translation>Alle zum Filter passenden Alarme bestätigt</translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown · %3 unacknowledged</source>
        <translation>%1 von %2 Alarmen angezeigt · %3 unbestätigt</translation>
    </message>
    <message>
        <source>· history unavailable: %1</source>
        <translation>· Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Preisalarm</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartFeedGaps</name>
    <message>
        <source>Feed down</source>
        <translation>Feed ausgefallen</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartPanel</name>
    <message>
        <source>Pair shown</source>
        <translation>Angezeigtes Paar</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Die letzten %1 anzeigen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Linien für Geld, Brief und Mitte</translation>
    </message>
    <message>
        <source>Candles</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>Candlesticks of the mid price: one minute each (five minutes in the 1 day window)</source>
        <translation>Kerzen des Mittelkurses: je eine Minute (fünf Minuten im Zeitraum 1 Tag)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Back to the live window (or double-click the chart)</source>
        <translation>Zurück zum Live-Zeitraum (oder Doppelklick ins Diagramm)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG …</translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation>Das Diagramm als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · double-click or right-click: back to live</source>
        <translation>Mausrad: Zeit zoomen · Ziehen: in einen Bereich zoomen · Umschalt+Ziehen oder mittlere Taste: verschieben · Doppelklick oder Rechtsklick: zurück zu live</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartWindow</name>
    <message>
        <source>1 min</source>
        <translation>1 Min.</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 Min.</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 Min.</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientDetailsDialog</name>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (Benutzer %2)</translation>
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
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 messages (%2) sent, %3 received</source>
        <translation>%1 Nachrichten (%2) gesendet, %3 empfangen</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>noch nicht gemessen</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Gesendete Bytes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>No database: the connection history is not available.</source>
        <translation>Keine Datenbank: Der Verbindungsverlauf ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n Raum</numerusform>
            <numerusform>%n Räume</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored connection from this address yet (connections are written within a second).</source>
        <translation>Noch keine gespeicherte Verbindung von dieser Adresse (Verbindungen werden innerhalb einer Sekunde geschrieben).</translation>
    </message>
    <message numerus="yes">
        <source>%n stored connection(s) from %1.</source>
        <translation>
            <numerusform>%n gespeicherte Verbindung von %1.</numerusform>
            <numerusform>%n gespeicherte Verbindungen von %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
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
        <translation>keine</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>alle (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n Raum</numerusform>
            <numerusform>%n Räume</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch unbekannt</translation>
    </message>
    <message>
        <source>Not subscribed to any pair</source>
        <translation>Kein Paar abonniert</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>%1 Nachrichten gesendet, %2 empfangen</translation>
    </message>
    <message>
        <source>Last keep-alive round trip</source>
        <translation>Letzte Keep-alive-Umlaufzeit</translation>
    </message>
    <message>
        <source>Bytes waiting to be written to this client</source>
        <translation>Bytes, die darauf warten, an diesen Client geschrieben zu werden</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Entfernte Adresse</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The &quot;sub&quot; of the client&apos;s token (WEBSOCKET_AUTH=jwt)</source>
        <translation>Das „sub“ des Tokens dieses Clients (WEBSOCKET_AUTH=jwt)</translation>
    </message>
    <message>
        <source>Protocol / transport</source>
        <translation>Protokoll / Transport</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Gesendete Bytes</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Letzte RTT</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>Sendepuffer</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientsPanel</name>
    <message>
        <source>No clients yet: connect with examples/client.js or python3 examples/client.py (see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws.</source>
        <translation>Noch keine Clients: Verbinden Sie sich mit examples/client.js oder python3 examples/client.py (siehe examples/README.md) oder einem beliebigen WebSocket-Client über ws://HOST:PORT/ws.</translation>
    </message>
    <message>
        <source>Disconnect client</source>
        <translation>Client trennen</translation>
    </message>
    <message>
        <source>Copy client id</source>
        <translation>Client-ID kopieren</translation>
    </message>
    <message>
        <source>Details and history…</source>
        <translation>Details und Verlauf …</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Aufheben</translation>
    </message>
    <message>
        <source>Disconnecting client %1</source>
        <translation>Client %1 wird getrennt</translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %n client(s)</source>
        <translation>
            <numerusform>%n Client wird getrennt</numerusform>
            <numerusform>%n Clients werden getrennt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Highlighting the %n member(s) of %1</source>
        <translation>
            <numerusform>Das %n Mitglied von %1 ist hervorgehoben</numerusform>
            <numerusform>Die %n Mitglieder von %1 sind hervorgehoben</numerusform>
        </translation>
    </message>
    <message>
        <source>Server busy: these rows are %1 s old</source>
        <translation>Server ausgelastet: Diese Zeilen sind %1 s alt</translation>
    </message>
</context>
<context>
    <name>fx::gui::CsvExport</name>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
</context>
<context>
    <name>fx::gui::DeskRuleDialog</name>
    <message>
        <source>Expires at</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Send to every client</source>
        <translation>An jeden Client senden</translation>
    </message>
    <message>
        <source>New desk alert rule</source>
        <translation>Neue Desk-Alarmregel</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>rises above</source>
        <translation>steigt über</translation>
    </message>
    <message>
        <source>falls below</source>
        <translation>fällt unter</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>kreuzt</translation>
    </message>
    <message>
        <source>changes by % within a window</source>
        <translation>ändert sich um % innerhalb eines Zeitfensters</translation>
    </message>
    <message>
        <source>a price, or a percentage for a change</source>
        <translation>ein Preis, oder ein Prozentsatz für eine Änderung</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>jedes Mal</translation>
    </message>
    <message>
        <source>at most once per cooldown</source>
        <translation>höchstens einmal pro Sperrzeit</translation>
    </message>
    <message>
        <source>Each firing also goes to every connected client whose token permits the pair, as price_alert</source>
        <translation>Jedes Auslösen geht auch als price_alert an jeden verbundenen Client, dessen Token das Paar erlaubt</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetModel</name>
    <message>
        <source>Stale: silent %1</source>
        <translation>Veraltet: still seit %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>ohne Oberfläche</translation>
    </message>
    <message>
        <source>desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>%1 (host %2, pid %3)</source>
        <translation>%1 (Host %2, PID %3)</translation>
    </message>
    <message>
        <source>No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)</source>
        <translation>Kein Heartbeat seit mehr als FLEET_STALE_SECONDS (%1 s)</translation>
    </message>
    <message>
        <source>Redis %1 via %2</source>
        <translation>Redis %1 über %2</translation>
    </message>
    <message>
        <source>Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)</source>
        <translation>Zustelllatenz p50 / p99, letzte 10 s (vom Empfang im Redis-Thread bis zum Schreiben in den Socket)</translation>
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
        <translation>Modus</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Lauscht auf</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clients trend</source>
        <translation>Clients-Verlauf</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>Msg/s trend</source>
        <translation>Nachr./s-Verlauf</translation>
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
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Latency p50/p99</source>
        <translation>Latenz p50/p99</translation>
    </message>
    <message>
        <source>Conflated</source>
        <translation>Zusammengefasst</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetPanel</name>
    <message>
        <source>No server on this Redis has sent a heartbeat yet: every fxmonitor-server (and every desktop with its embedded server) publishes one a second on the fxmonitor:fleet channel.</source>
        <translation>Noch kein Server an diesem Redis hat einen Heartbeat gesendet: jeder fxmonitor-server (und jeder Desktop mit eingebettetem Server) sendet einen pro Sekunde auf dem Kanal fxmonitor:fleet.</translation>
    </message>
    <message>
        <source>The fleet is not watched by this desk.</source>
        <translation>Dieser Arbeitsplatz beobachtet die Flotte nicht.</translation>
    </message>
    <message>
        <source>Filter servers (Ctrl+F)</source>
        <translation>Server filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Fleet: not watched</source>
        <translation>Flotte: nicht beobachtet</translation>
    </message>
    <message>
        <source>Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s</source>
        <translation>Flotte: %1 aktiv, %2 veraltet · %3 Clients · %4 Nachr./s · %5/s</translation>
    </message>
    <message>
        <source>%1 bad messages ignored</source>
        <translation>%1 fehlerhafte Nachrichten ignoriert</translation>
    </message>
    <message>
        <source>servers beyond %1 ignored</source>
        <translation>Server über %1 hinaus ignoriert</translation>
    </message>
    <message>
        <source>Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)</source>
        <translation>Server %1 ist veraltet: seit %2 s kein Heartbeat (FLEET_STALE_SECONDS=%3)</translation>
    </message>
    <message>
        <source>Server %1 returned after %2 s without a heartbeat</source>
        <translation>Server %1 ist nach %2 s ohne Heartbeat zurück</translation>
    </message>
</context>
<context>
    <name>fx::gui::MainWindow</name>
    <message>
        <source>TLS certificate reloaded: %1</source>
        <translation>TLS-Zertifikat neu geladen: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded: %1</source>
        <translation>TLS-Zertifikat nicht neu geladen: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded</source>
        <translation>TLS-Zertifikat nicht neu geladen</translation>
    </message>
    <message>
        <source>The TLS certificate was not reloaded: %1

The server keeps serving the previous certificate; connected clients are not affected.</source>
        <translation>Das TLS-Zertifikat wurde nicht neu geladen: %1

Der Server verwendet weiter das bisherige Zertifikat; verbundene Clients sind nicht betroffen.</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>Fenster anzeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Marktübersicht</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>Kursdiagramm</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Alle Paare</translation>
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
        <translation>Räume</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Price chart: %1</source>
        <translation>Kursdiagramm: %1</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>Anordnung zurückgesetzt</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Diagramm: %1</translation>
    </message>
    <message>
        <source>%1 alert: %2</source>
        <translation>%1 Alarm: %2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritischer</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neuer</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n neuer Alarm</numerusform>
            <numerusform>%n neue Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n new)</source>
        <translation>
            <numerusform>Alarme (%n neu)</numerusform>
            <numerusform>Alarme (%n neu)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>FX Monitor — %1</source>
        <translation>FX Monitor — %1</translation>
    </message>
    <message>
        <source>FX Monitor — server stopped</source>
        <translation>FX Monitor — Server gestoppt</translation>
    </message>
    <message>
        <source>Server started</source>
        <translation>Server gestartet</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>Der Server konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Server not started</source>
        <translation>Server nicht gestartet</translation>
    </message>
    <message>
        <source>The server could not start: %1

Change the address or port in Settings (Ctrl+,), then start it again.</source>
        <translation>Der Server konnte nicht starten: %1

Ändern Sie Adresse oder Port in den Einstellungen (Strg+,) und starten Sie ihn erneut.</translation>
    </message>
    <message>
        <source>Stopping the server: clients are closed with 1001 (going away)</source>
        <translation>Server wird gestoppt: Clients werden mit 1001 (going away) geschlossen</translation>
    </message>
    <message>
        <source>Restart the server</source>
        <translation>Server neu starten</translation>
    </message>
    <message numerus="yes">
        <source>Restart the server with the saved settings? The %n connected client(s) will be closed with 1001 (going away) and may reconnect.</source>
        <translation>
            <numerusform>Den Server mit den gespeicherten Einstellungen neu starten? Der %n verbundene Client wird mit 1001 (going away) geschlossen und kann sich neu verbinden.</numerusform>
            <numerusform>Den Server mit den gespeicherten Einstellungen neu starten? Die %n verbundenen Clients werden mit 1001 (going away) geschlossen und können sich neu verbinden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Restarting the server…</source>
        <translation>Server wird neu gestartet …</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <source>Redis settings applied: reconnecting</source>
        <translation>Redis-Einstellungen übernommen: Verbindung wird neu aufgebaut</translation>
    </message>
    <message>
        <source>The new server settings apply when the server restarts. Restart it now?</source>
        <translation>Die neuen Servereinstellungen gelten nach einem Neustart des Servers. Jetzt neu starten?</translation>
    </message>
    <message>
        <source>The new server settings apply when the server starts</source>
        <translation>Die neuen Servereinstellungen gelten, sobald der Server startet</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>%1 take effect when FX Monitor is started again.</source>
        <translation>%1 gelten, wenn FX Monitor erneut gestartet wird.</translation>
    </message>
    <message>
        <source>Filter the focused table</source>
        <translation>Die aktive Tabelle filtern</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Die ausgewählten Zeilen kopieren</translation>
    </message>
    <message>
        <source>Export the focused table as CSV</source>
        <translation>Die aktive Tabelle als CSV exportieren</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts</source>
        <translation>Die ausgewählten Alarme bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter</source>
        <translation>Alle zum Filter passenden Alarme bestätigen</translation>
    </message>
    <message>
        <source>Restart the server (asks first)</source>
        <translation>Den Server neu starten (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Disconnect the selected clients</source>
        <translation>Die ausgewählten Clients trennen</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Server stoppen und beenden</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About FX Monitor</source>
        <translation>Über FX Monitor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;The operator&apos;s desk for an FX data pipeline: a streaming server (plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and connections.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;Der Leitstand für eine FX-Datenpipeline: ein Streaming-Server (JSON über WebSocket und Socket.IO), gespeist aus Redis, mit Speicherung von Alarmen, Kursen und Verbindungen.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keep serving?</source>
        <translation>Weiterlaufen lassen?</translation>
    </message>
    <message>
        <source>FX Monitor can keep the server running in the system tray when its window closes; clients stay connected. What should closing the window do? (You will not be asked again; Settings &gt; Desktop changes it.)</source>
        <translation>FX Monitor kann den Server im Systembereich weiterlaufen lassen, wenn das Fenster geschlossen wird; Clients bleiben verbunden. Was soll das Schließen des Fensters bewirken? (Sie werden nicht erneut gefragt; Einstellungen &gt; Desktop ändert es.)</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Im Systembereich weiterlaufen</translation>
    </message>
    <message>
        <source>FX Monitor is still serving</source>
        <translation>FX Monitor läuft weiter</translation>
    </message>
    <message>
        <source>The server keeps running. Click the tray icon to open the window.</source>
        <translation>Der Server läuft weiter. Klicken Sie auf das Symbol im Systembereich, um das Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or --no-server). The fleet&apos;s servers, their clients and rooms are in the Fleet panel.</source>
        <translation>Kein eingebetteter Server: dieser Arbeitsplatz überwacht nur (EMBEDDED_SERVER=false oder --no-server). Die Server der Flotte, ihre Clients und Räume stehen im Bereich Flotte.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>FX Monitor — monitor-only</source>
        <translation>FX Monitor — nur Überwachung</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alarmregeln</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchModel</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 veraltet</translation>
    </message>
    <message>
        <source>No price received yet for %1</source>
        <translation>Noch kein Kurs für %1 empfangen</translation>
    </message>
    <message>
        <source>Stale: no tick for %1 s</source>
        <translation>Veraltet: seit %1 s kein Tick</translation>
    </message>
    <message>
        <source>No reference price yet</source>
        <translation>Noch kein Referenzkurs</translation>
    </message>
    <message>
        <source>Since the first tick seen today, at %1 (mid %2)</source>
        <translation>Seit dem ersten Tick heute, um %1 (Mitte %2)</translation>
    </message>
    <message>
        <source>Since the trading day opened at %1 (mid %2)</source>
        <translation>Seit Beginn des Handelstages um %1 (Mitte %2)</translation>
    </message>
    <message>
        <source>Spread in pips (1 pip = %1)</source>
        <translation>Spread in Pips (1 Pip = %1)</translation>
    </message>
    <message>
        <source>Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)</source>
        <translation>Brief minus Geld in Pips (JPY-Paare: 0,01, andere: 0,0001)</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened (21:00 UTC), in pips</source>
        <translation>Änderung des Mittelkurses seit Beginn des Handelstages (21:00 UTC), in Pips</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened, in percent</source>
        <translation>Änderung des Mittelkurses seit Beginn des Handelstages, in Prozent</translation>
    </message>
    <message>
        <source>Time of the last tick, local time (UTC in the cell&apos;s tooltip)</source>
        <translation>Zeit des letzten Ticks, Ortszeit (UTC im Tooltip der Zelle)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Änderung %</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchPanel</name>
    <message>
        <source>No pairs configured (FX_PAIRS).</source>
        <translation>Keine Paare konfiguriert (FX_PAIRS).</translation>
    </message>
    <message>
        <source>Open chart in a new panel</source>
        <translation>Diagramm in neuem Fenster öffnen</translation>
    </message>
    <message>
        <source>Show in the price chart</source>
        <translation>Im Kursdiagramm anzeigen</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Änderung %</translation>
    </message>
</context>
<context>
    <name>fx::gui::PriceChartView</name>
    <message>
        <source>Bid</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>Mid, OHLC</source>
        <translation>Mitte, OHLC</translation>
    </message>
    <message>
        <source>Reading the history of %1…</source>
        <translation>Verlauf von %1 wird gelesen …</translation>
    </message>
    <message>
        <source>No price of %1 in this window yet: prices appear as the pipeline publishes them.</source>
        <translation>Noch kein Kurs von %1 in diesem Zeitraum: Kurse erscheinen, sobald die Pipeline sie veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>fx::gui::RateGraph</name>
    <message>
        <source>The last two minutes, four samples a second</source>
        <translation>Die letzten zwei Minuten, vier Messwerte pro Sekunde</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsModel</name>
    <message numerus="yes">
        <source>%n subscriber(s) in %1</source>
        <translation>
            <numerusform>%n Abonnent in %1</numerusform>
            <numerusform>%n Abonnenten in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2), member of %3</source>
        <translation>%1 (%2), Mitglied von %3</translation>
    </message>
    <message>
        <source>Room / client</source>
        <translation>Raum / Client</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Entfernte Adresse</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch unbekannt</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsPanel</name>
    <message>
        <source>No rooms: FX_PAIRS lists no pair.</source>
        <translation>Keine Räume: FX_PAIRS enthält kein Paar.</translation>
    </message>
    <message>
        <source>Filter rooms or clients (Ctrl+F)</source>
        <translation>Räume oder Clients filtern (Strg+F)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SecretStore</name>
    <message>
        <source>No system keyring: passwords are used for this session only and not saved</source>
        <translation>Kein Schlüsselbund des Systems: Passwörter gelten nur für diese Sitzung und werden nicht gespeichert</translation>
    </message>
    <message>
        <source>the system keyring did not answer within %1 s</source>
        <translation>der Schlüsselbund des Systems hat nicht innerhalb von %1 s geantwortet</translation>
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
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Listening:</source>
        <translation>Lauscht auf:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>Open to the network: any client that reaches the port can read every price and alert (WEBSOCKET_AUTH=none: clients need no token)</source>
        <translation>Offen im Netz: Jeder Client, der den Port erreicht, kann alle Kurse und Alarme lesen (WEBSOCKET_AUTH=none: Clients brauchen kein Token)</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Abgewiesen:</translation>
    </message>
    <message>
        <source>%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes</source>
        <translation>%1 Tokens, %2 verbotene Paare, %3 Origins, %4 Admin-Anfragen, %5 TLS-Handshakes</translation>
    </message>
    <message>
        <source>No token refused</source>
        <translation>Kein Token abgewiesen</translation>
    </message>
    <message>
        <source>Tokens refused, by reason:
%1</source>
        <translation>Abgewiesene Tokens nach Grund:
%1</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Verbindungen:</translation>
    </message>
    <message>
        <source>Messages/s:</source>
        <translation>Nachrichten/s:</translation>
    </message>
    <message>
        <source>Bytes/s:</source>
        <translation>Bytes/s:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Räume:</translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Redis-Kanal</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Messages received per channel and messages dropped as invalid (hover a count for the reasons)</source>
        <translation>Empfangene Nachrichten je Kanal und als ungültig verworfene (Zeiger über eine Zahl halten für die Gründe)</translation>
    </message>
    <message>
        <source>%1 of %2 (peak %3)</source>
        <translation>%1 von %2 (Spitze %3)</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 seit dem Start</translation>
    </message>
    <message>
        <source>%1 rooms, %2 with subscribers</source>
        <translation>%1 Räume, %2 mit Abonnenten</translation>
    </message>
    <message>
        <source>%1 client errors, %2 conflated updates</source>
        <translation>%1 Client-Fehler, %2 zusammengefasste Aktualisierungen</translation>
    </message>
    <message>
        <source>%1 ticks, %2 alerts written · %3 waiting</source>
        <translation>%1 Ticks, %2 Alarme geschrieben · %3 wartend</translation>
    </message>
    <message>
        <source>Nothing dropped</source>
        <translation>Nichts verworfen</translation>
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
        <translation>Vom Empfang einer Nachricht im Redis-Thread bis zum Schreiben in den Socket eines Clients, über die letzten 10 Sekunden; „Alter“ zählt ab der eigenen Zeit des Preises</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>nothing delivered in the last 10 s</source>
        <translation>in den letzten 10 s nichts zugestellt</translation>
    </message>
    <message>
        <source>p50 %1 · p99 %2</source>
        <translation>p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>age p50 %1 · p99 %2</source>
        <translation>Alter p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>%1 ahead of this clock</source>
        <translation>%1 vor dieser Uhr</translation>
    </message>
    <message>
        <source>— (no embedded server)</source>
        <translation>— (kein eingebetteter Server)</translation>
    </message>
    <message>
        <source>read only: the servers sharing it write (monitor-only desk)</source>
        <translation>nur lesend: die Server, die sie teilen, schreiben (reiner Überwachungsplatz)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingField</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingsDialog</name>
    <message>
        <source>%1. In use: %2 (%3)</source>
        <translation>%1. In Gebrauch: %2 (%3)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Overridden by %1: what you save here is used only when %1 no longer sets it.</source>
        <translation>Überschrieben durch %1: Was Sie hier speichern, gilt erst, wenn %1 es nicht mehr setzt.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved in the system keyring, never in the settings file.</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>saved settings</source>
        <translation>gespeicherte Einstellungen</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>fx::gui::SmallMultiplesPanel</name>
    <message>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Mid price of every pair, blue rising, red falling over the window:</source>
        <translation>Mittelkurs jedes Paares, blau steigend, rot fallend im Zeitraum:</translation>
    </message>
</context>
<context>
    <name>fx::gui::Sparkline</name>
    <message>
        <source>%1: click to show it in the price chart, double-click to open a chart panel</source>
        <translation>%1: Klick zeigt es im Kursdiagramm, Doppelklick öffnet ein Diagrammfenster</translation>
    </message>
    <message>
        <source>waiting for prices</source>
        <translation>wartet auf Kurse</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
</context>
<context>
    <name>fx::gui::StatusText</name>
    <message>
        <source>Listening on %1 with TLS (wss://, https://)</source>
        <translation>Lauscht auf %1 mit TLS (wss://, https://)</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Redis not started</source>
        <translation>Redis nicht gestartet</translation>
    </message>
    <message>
        <source>Redis idle</source>
        <translation>Redis untätig</translation>
    </message>
    <message>
        <source>Redis connecting to %1</source>
        <translation>Redis verbindet mit %1</translation>
    </message>
    <message>
        <source>Redis connected</source>
        <translation>Redis verbunden</translation>
    </message>
    <message>
        <source>Redis connected to %1 via %2</source>
        <translation>Redis verbunden mit %1 über %2</translation>
    </message>
    <message numerus="yes">
        <source>Redis disconnected%1, retrying in %n s</source>
        <translation>
            <numerusform>Redis getrennt%1, neuer Versuch in %n s</numerusform>
            <numerusform>Redis getrennt%1, neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis disconnected%1, retrying now</source>
        <translation>Redis getrennt%1, neuer Versuch jetzt</translation>
    </message>
    <message>
        <source>Database off</source>
        <translation>Datenbank aus</translation>
    </message>
    <message>
        <source>Database not configured</source>
        <translation>Datenbank nicht konfiguriert</translation>
    </message>
    <message>
        <source>Database connecting</source>
        <translation>Datenbank verbindet</translation>
    </message>
    <message>
        <source>Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 connection records</source>
        <translation>Datenbank ok, verworfen während sie nicht erreichbar war: %1 Alarme, %2 Ticks, %3 Verbindungseinträge</translation>
    </message>
    <message>
        <source>Database ok</source>
        <translation>Datenbank ok</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, %5 connection records, retrying in %6</source>
        <translation>Datenbankfehler (%1), %2 Zeilen wartend, verworfen: %3 Alarme, %4 Ticks, %5 Verbindungseinträge, neuer Versuch in %6</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, retrying in %3</source>
        <translation>Datenbankfehler (%1), %2 Zeilen wartend, neuer Versuch in %3</translation>
    </message>
    <message>
        <source>Database error (%1)</source>
        <translation>Datenbankfehler (%1)</translation>
    </message>
    <message>
        <source>Database refused: %1</source>
        <translation>Datenbank abgelehnt: %1</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>Keine Sitzung geöffnet</translation>
    </message>
    <message>
        <source>Market closed (weekend)</source>
        <translation>Markt geschlossen (Wochenende)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n Client</numerusform>
            <numerusform>%n Clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Sydney</source>
        <translation>Sydney</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>Tokio</translation>
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
        <translation>Nur Überwachung: kein eingebetteter Server</translation>
    </message>
    <message>
        <source>monitor-only (clients: see Fleet)</source>
        <translation>nur Überwachung (Clients: siehe Flotte)</translation>
    </message>
</context>
<context>
    <name>fx::gui::TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filter (Strg+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>No row matches &quot;%1&quot;. Clear the filter to see every row.</source>
        <translation>Keine Zeile passt zu „%1“. Leeren Sie den Filter, um alle Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV (Ctrl+E)</source>
        <translation>Die angezeigten Zeilen als CSV exportieren (Strg+E)</translation>
    </message>
</context>
<context>
    <name>fx::gui::fmt</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 T %2</translation>
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
        <translation> (%1 bleibt im Klartext in %2, bis ein Schlüsselbund verfügbar ist)</translation>
    </message>
    <message>
        <source>%1 not saved in the system keyring (%2): used for this session only</source>
        <translation>%1 nicht im Schlüsselbund des Systems gespeichert (%2): gilt nur für diese Sitzung</translation>
    </message>
    <message>
        <source>%1 stays in plain text in the settings file: the system keyring refused it (%2)</source>
        <translation>%1 bleibt im Klartext in der Einstellungsdatei: der Schlüsselbund des Systems hat es abgelehnt (%2)</translation>
    </message>
    <message>
        <source>FX Monitor desktop: the streaming server (plain JSON WebSocket and Socket.IO) fed by the pipeline&apos;s Redis channels, with the operator&apos;s window.</source>
        <translation>FX Monitor Desktop: der Streaming-Server (einfaches JSON-WebSocket und Socket.IO), gespeist aus den Redis-Kanälen der Pipeline, mit dem Fenster des Operators.</translation>
    </message>
    <message>
        <source>Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the fleet, prices and alerts through Redis and the shared database.</source>
        <translation>Reiner Überwachungsplatz: kein eingebetteter Server (EMBEDDED_SERVER=false); Flotte, Preise und Alarme über Redis und die gemeinsame Datenbank beobachten.</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: Settings &gt; Language, else the system&apos;s)</source>
        <translation>Sprache des Fensters: %1 (Standard: Einstellungen &gt; Sprache, sonst die des Systems)</translation>
    </message>
</context>
</TS>
