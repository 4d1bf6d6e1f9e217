<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ClientDetailsDialog</name>
    <message>
        <source>Client details</source>
        <translation>Detalles del cliente</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Id. de cliente:</translation>
    </message>
    <message>
        <source>Remote address:</source>
        <translation>Dirección remota:</translation>
    </message>
    <message>
        <source>Protocol / transport:</source>
        <translation>Protocolo / transporte:</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>Conectado desde:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Salas:</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Tráfico:</translation>
    </message>
    <message>
        <source>Last round trip / send queue:</source>
        <translation>Último tiempo de ida y vuelta / cola de envío:</translation>
    </message>
    <message>
        <source>Recent connections from this address (stored history, newest first):</source>
        <translation>Conexiones recientes desde esta dirección (historial guardado, las más recientes primero):</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Cargando el historial…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FX Monitor</source>
        <translation>FX Monitor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>A&amp;lertas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Server toolbar</source>
        <translation>Barra del servidor</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Iniciar el servidor</translation>
    </message>
    <message>
        <source>Start the streaming server with the current settings</source>
        <translation>Iniciar el servidor de streaming con la configuración actual</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>&amp;Detener el servidor</translation>
    </message>
    <message>
        <source>Stop the streaming server (clients are closed with 1001)</source>
        <translation>Detener el servidor de streaming (los clientes se cierran con 1001)</translation>
    </message>
    <message>
        <source>&amp;Restart server…</source>
        <translation>&amp;Reiniciar el servidor…</translation>
    </message>
    <message>
        <source>Restart the server with the saved settings (F5)</source>
        <translation>Reiniciar el servidor con la configuración guardada (F5)</translation>
    </message>
    <message>
        <source>&amp;Copy WebSocket URL</source>
        <translation>&amp;Copiar la URL WebSocket</translation>
    </message>
    <message>
        <source>Copy the server&apos;s WebSocket address for a client</source>
        <translation>Copiar la dirección WebSocket del servidor para un cliente</translation>
    </message>
    <message>
        <source>Reload &amp;TLS certificate</source>
        <translation>Recargar el certificado &amp;TLS</translation>
    </message>
    <message>
        <source>Read the TLS certificate and key files again; connected clients stay connected</source>
        <translation>Volver a leer los archivos del certificado y la clave TLS; los clientes conectados siguen conectados</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>All settings (Ctrl+,)</source>
        <translation>Toda la configuración (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>&amp;Exportar la tabla como CSV…</translation>
    </message>
    <message>
        <source>Export the focused table as CSV (Ctrl+E)</source>
        <translation>Exportar la tabla activa como CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;chart as PNG…</source>
        <translation>Exportar el &amp;gráfico como PNG…</translation>
    </message>
    <message>
        <source>Export the price chart as a PNG image</source>
        <translation>Exportar el gráfico de precios como imagen PNG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Detener el servidor y salir</translation>
    </message>
    <message>
        <source>&amp;Filter table</source>
        <translation>&amp;Filtrar la tabla</translation>
    </message>
    <message>
        <source>Filter the focused table (Ctrl+F)</source>
        <translation>Filtrar la tabla activa (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New chart panel</source>
        <translation>&amp;Nuevo panel de gráfico</translation>
    </message>
    <message>
        <source>Open another price chart panel</source>
        <translation>Abrir otro panel de gráfico de precios</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Restablecer la disposición</translation>
    </message>
    <message>
        <source>Put every panel back where it starts</source>
        <translation>Devolver cada panel a su posición inicial</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>&amp;Confirmar las seleccionadas</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Confirmar las alertas seleccionadas (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <translation>Confirmar &amp;todas</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Confirmar todas las alertas que coinciden con el filtro (Ctrl+Mayús+K)</translation>
    </message>
    <message>
        <source>&amp;Show alerts</source>
        <translation>&amp;Mostrar las alertas</translation>
    </message>
    <message>
        <source>Show the alerts panel</source>
        <translation>Mostrar el panel de alertas</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Listar los atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About FX Monitor</source>
        <translation>&amp;Acerca de FX Monitor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Values saved here apply at start-up and when the server is restarted. A value set in a .env file, the environment or a command-line flag wins over the saved one: such settings are marked.</source>
        <translation>Los valores guardados aquí se aplican al iniciar y cuando se reinicia el servidor. Un valor definido en un archivo .env, en el entorno o con una opción de la línea de comandos prevalece sobre el guardado: esos ajustes están marcados.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source>Tray notifications for:</source>
        <translation>Notificaciones en la bandeja para:</translation>
    </message>
    <message>
        <source>Critical alerts</source>
        <translation>Alertas críticas</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>Ventana del gráfico:</translation>
    </message>
    <message>
        <source>Chart style:</source>
        <translation>Estilo del gráfico:</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Líneas de compra, venta y media</translation>
    </message>
    <message>
        <source>Candlesticks (1 minute)</source>
        <translation>Velas (1 minuto)</translation>
    </message>
    <message>
        <source>Market watch:</source>
        <translation>Vigilancia del mercado:</translation>
    </message>
    <message>
        <source>Flash prices briefly when they change (blue up, red down)</source>
        <translation>Resaltar brevemente los precios cuando cambian (azul sube, rojo baja)</translation>
    </message>
    <message>
        <source>Stale after:</source>
        <translation>Obsoleto tras:</translation>
    </message>
    <message>
        <source> s without a tick</source>
        <translation> s sin tick</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Closing the window:</source>
        <translation>Al cerrar la ventana:</translation>
    </message>
    <message>
        <source>Ask what to do</source>
        <translation>Preguntar qué hacer</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Seguir sirviendo en la bandeja</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Detener el servidor y salir</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>The language changes when FX Monitor is started again.</source>
        <translation>El idioma cambia cuando FX Monitor se vuelve a iniciar.</translation>
    </message>
</context>
<context>
    <name>fx::core::Settings</name>
    <message>
        <source>Address the server listens on (IP address or localhost)</source>
        <translation>Dirección en la que escucha el servidor (dirección IP o localhost)</translation>
    </message>
    <message>
        <source>Port for WebSocket, Socket.IO and HTTP (0: any free port)</source>
        <translation>Puerto para WebSocket, Socket.IO y HTTP (0: cualquier puerto libre)</translation>
    </message>
    <message>
        <source>Most clients connected at once</source>
        <translation>Máximo de clientes conectados a la vez</translation>
    </message>
    <message>
        <source>Most clients connected at once from one IP address (0: no limit)</source>
        <translation>Máximo de clientes conectados a la vez desde una dirección IP (0: sin límite)</translation>
    </message>
    <message>
        <source>Seconds between keep-alive pings (fractions allowed)</source>
        <translation>Segundos entre pings de keep-alive (se admiten fracciones)</translation>
    </message>
    <message>
        <source>Seconds a client has to answer a ping (fractions allowed)</source>
        <translation>Segundos que tiene un cliente para responder a un ping (se admiten fracciones)</translation>
    </message>
    <message>
        <source>Largest message a client may send, in bytes</source>
        <translation>Mensaje más grande que puede enviar un cliente, en bytes</translation>
    </message>
    <message>
        <source>Server I/O threads (0: one per core)</source>
        <translation>Hilos de E/S del servidor (0: uno por núcleo)</translation>
    </message>
    <message>
        <source>Requests per second a client may send (sustained)</source>
        <translation>Peticiones por segundo que puede enviar un cliente (sostenidas)</translation>
    </message>
    <message>
        <source>Requests a client may send in a burst</source>
        <translation>Peticiones que puede enviar un cliente en una ráfaga</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before it is disconnected</source>
        <translation>Bytes en cola para un cliente lento antes de desconectarlo</translation>
    </message>
    <message>
        <source>Client authentication: none, or jwt (every client presents a JSON Web Token)</source>
        <translation>Autenticación de clientes: none, o jwt (cada cliente presenta un JSON Web Token)</translation>
    </message>
    <message>
        <source>HMAC secret for HS256/384/512 tokens (at least 32 bytes)</source>
        <translation>Secreto HMAC para tokens HS256/384/512 (al menos 32 bytes)</translation>
    </message>
    <message>
        <source>PEM public key file for RS256/384/512 or ES256/384 tokens</source>
        <translation>Archivo de clave pública PEM para tokens RS256/384/512 o ES256/384</translation>
    </message>
    <message>
        <source>Seconds of clock skew allowed for a token&apos;s exp and nbf</source>
        <translation>Segundos de desfase de reloj permitidos para exp y nbf de un token</translation>
    </message>
    <message>
        <source>Required token audience (aud); empty: not checked</source>
        <translation>Audiencia (aud) exigida del token; vacío: no se comprueba</translation>
    </message>
    <message>
        <source>Required token issuer (iss); empty: not checked</source>
        <translation>Emisor (iss) exigido del token; vacío: no se comprueba</translation>
    </message>
    <message>
        <source>TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)</source>
        <translation>Certificado TLS (PEM, hoja y luego cadena): servir wss:// y https:// (vacío: sin cifrar)</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM, RSA or EC, unencrypted)</source>
        <translation>Clave privada del certificado TLS (PEM, RSA o EC, sin cifrar)</translation>
    </message>
    <message>
        <source>Origins browsers may connect from: * or a comma-separated list</source>
        <translation>Orígenes desde los que pueden conectarse los navegadores: * o una lista separada por comas</translation>
    </message>
    <message>
        <source>Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)</source>
        <translation>Proxies cuyo X-Forwarded-For indica el cliente: direcciones o subredes, separadas por comas (vacío: ninguno)</translation>
    </message>
    <message>
        <source>Comma-separated currency pairs (empty: the 20 default pairs)</source>
        <translation>Pares de divisas separados por comas (vacío: los 20 pares predeterminados)</translation>
    </message>
    <message>
        <source>Send the last known price of each newly subscribed pair right after subscribing (true/false)</source>
        <translation>Enviar el último precio conocido de cada par recién suscrito justo después de suscribirse (true/false)</translation>
    </message>
    <message>
        <source>Messages kept per room and for alerts, for recovery after a reconnect (0: no history)</source>
        <translation>Mensajes conservados por sala y para alertas, para la recuperación tras una reconexión (0: sin historial)</translation>
    </message>
    <message>
        <source>Seconds a message stays in the recovery history</source>
        <translation>Segundos que un mensaje permanece en el historial de recuperación</translation>
    </message>
    <message>
        <source>Socket.IO connection state recovery: an offset argument on every event (true/false)</source>
        <translation>Recuperación del estado de conexión de Socket.IO: un argumento de offset en cada evento (true/false)</translation>
    </message>
    <message>
        <source>This server&apos;s name in the fleet heartbeat (empty: &lt;hostname&gt;:&lt;port&gt;; at most 128 characters)</source>
        <translation>Nombre de este servidor en el heartbeat de la flota (vacío: &lt;hostname&gt;:&lt;port&gt;; como máximo 128 caracteres)</translation>
    </message>
    <message>
        <source>Seconds without a heartbeat before the desk shows a server as stale</source>
        <translation>Segundos sin heartbeat antes de que el escritorio muestre un servidor como obsoleto</translation>
    </message>
    <message>
        <source>Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)</source>
        <translation>Escritorio: ejecutar el servidor integrado (false: escritorio solo de supervisión, que vigila la flota a través de Redis)</translation>
    </message>
    <message>
        <source>Redis host</source>
        <translation>Host de Redis</translation>
    </message>
    <message>
        <source>Redis port</source>
        <translation>Puerto de Redis</translation>
    </message>
    <message>
        <source>Redis database number</source>
        <translation>Número de base de datos de Redis</translation>
    </message>
    <message>
        <source>Redis password (None: no AUTH)</source>
        <translation>Contraseña de Redis (None: sin AUTH)</translation>
    </message>
    <message>
        <source>Redis 6+ ACL user for AUTH (empty: AUTH with the password only)</source>
        <translation>Usuario ACL de Redis 6+ para AUTH (vacío: AUTH solo con la contraseña)</translation>
    </message>
    <message>
        <source>Redis Unix socket path (wins over host and port)</source>
        <translation>Ruta del socket Unix de Redis (prevalece sobre host y puerto)</translation>
    </message>
    <message>
        <source>Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)</source>
        <translation>Sentinels de Redis como host:port,host:port,...: encontrar el maestro a través de ellos (vacío: sin Sentinel)</translation>
    </message>
    <message>
        <source>Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)</source>
        <translation>Nombre del maestro que vigilan los Sentinels (necesario con REDIS_SENTINELS)</translation>
    </message>
    <message>
        <source>ACL user for AUTH to the Sentinels (empty: AUTH with the password only)</source>
        <translation>Usuario ACL para AUTH en los Sentinels (vacío: AUTH solo con la contraseña)</translation>
    </message>
    <message>
        <source>Password of the Sentinels (empty: no AUTH to the Sentinels)</source>
        <translation>Contraseña de los Sentinels (vacío: sin AUTH en los Sentinels)</translation>
    </message>
    <message>
        <source>Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)</source>
        <translation>Nodos de Redis Cluster como host:port,host:port,... (vacío: un único Redis o Sentinel)</translation>
    </message>
    <message>
        <source>Prefix of every channel name, e.g. fx:</source>
        <translation>Prefijo de cada nombre de canal, p. ej. fx:</translation>
    </message>
    <message>
        <source>Channel of price updates</source>
        <translation>Canal de actualizaciones de precios</translation>
    </message>
    <message>
        <source>Channel of volatility alerts</source>
        <translation>Canal de alertas de volatilidad</translation>
    </message>
    <message>
        <source>Channel of correlation alerts</source>
        <translation>Canal de alertas de correlación</translation>
    </message>
    <message>
        <source>Channel of data-ready notices</source>
        <translation>Canal de avisos de datos listos</translation>
    </message>
    <message>
        <source>Largest Redis message accepted, in bytes</source>
        <translation>Mensaje de Redis más grande aceptado, en bytes</translation>
    </message>
    <message>
        <source>PostgreSQL host (empty: embedded SQLite)</source>
        <translation>Host de PostgreSQL (vacío: SQLite integrado)</translation>
    </message>
    <message>
        <source>PostgreSQL port</source>
        <translation>Puerto de PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>Base de datos de PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL user</source>
        <translation>Usuario de PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>Contraseña de PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>sslmode de PostgreSQL: disable, allow, prefer, require, verify-ca, verify-full</translation>
    </message>
    <message>
        <source>SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)</source>
        <translation>Archivo SQLite (vacío: ~/.local/share/FXMonitor/fxmonitor.sqlite)</translation>
    </message>
    <message>
        <source>Days raw ticks are kept</source>
        <translation>Días que se conservan los ticks sin procesar</translation>
    </message>
    <message>
        <source>Days one-minute bars are kept</source>
        <translation>Días que se conservan las barras de un minuto</translation>
    </message>
    <message>
        <source>Seconds the database writes may take at stop, retrying while it is down (0: do not wait)</source>
        <translation>Segundos que pueden tardar las escrituras en la base de datos al detenerse, reintentando mientras no esté disponible (0: no esperar)</translation>
    </message>
    <message>
        <source>DEBUG, INFO, WARNING, ERROR or CRITICAL</source>
        <translation>DEBUG, INFO, WARNING, ERROR o CRITICAL</translation>
    </message>
    <message>
        <source>Also write the log to this file</source>
        <translation>Escribir también el registro en este archivo</translation>
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
        <translation>clientes</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Dirección de escucha</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Puerto de escucha</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <source>Most clients at once</source>
        <translation>Máximo de clientes a la vez</translation>
    </message>
    <message>
        <source>Most clients from one address</source>
        <translation>Máximo de clientes por dirección</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Intervalo de keep-alive</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>Tiempo límite de keep-alive</translation>
    </message>
    <message>
        <source>Largest client message</source>
        <translation>Mensaje de cliente más grande</translation>
    </message>
    <message>
        <source>I/O threads</source>
        <translation>Hilos de E/S</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>uno por núcleo</translation>
    </message>
    <message>
        <source>Request burst</source>
        <translation>Ráfaga de peticiones</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>peticiones</translation>
    </message>
    <message>
        <source>Send queue per client</source>
        <translation>Cola de envío por cliente</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Token de administración</translation>
    </message>
    <message>
        <source>Secret for /metrics and the detailed /health (at least 16 characters)</source>
        <translation>Secreto para /metrics y el /health detallado (al menos 16 caracteres)</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>Autenticación de clientes</translation>
    </message>
    <message>
        <source>Token HMAC secret</source>
        <translation>Secreto HMAC de los tokens</translation>
    </message>
    <message>
        <source>Token public key</source>
        <translation>Clave pública de los tokens</translation>
    </message>
    <message>
        <source>Token clock leeway</source>
        <translation>Tolerancia de reloj de los tokens</translation>
    </message>
    <message>
        <source>Required token audience</source>
        <translation>Audiencia de token exigida</translation>
    </message>
    <message>
        <source>Required token issuer</source>
        <translation>Emisor de token exigido</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificado TLS</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Clave privada TLS</translation>
    </message>
    <message>
        <source>Allowed browser origins</source>
        <translation>Orígenes de navegador permitidos</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Proxies de confianza</translation>
    </message>
    <message>
        <source>Currency pairs</source>
        <translation>Pares de divisas</translation>
    </message>
    <message>
        <source>Last price on subscribe</source>
        <translation>Último precio al suscribirse</translation>
    </message>
    <message>
        <source>Recovery history</source>
        <translation>Historial de recuperación</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>mensajes</translation>
    </message>
    <message>
        <source>no history</source>
        <translation>sin historial</translation>
    </message>
    <message>
        <source>Recovery history age</source>
        <translation>Antigüedad del historial de recuperación</translation>
    </message>
    <message>
        <source>Socket.IO state recovery</source>
        <translation>Recuperación de estado de Socket.IO</translation>
    </message>
    <message>
        <source>Server name in the fleet</source>
        <translation>Nombre del servidor en la flota</translation>
    </message>
    <message>
        <source>Stale server after</source>
        <translation>Servidor inactivo tras</translation>
    </message>
    <message>
        <source>Run the embedded server</source>
        <translation>Ejecutar el servidor integrado</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Database number</source>
        <translation>Número de base de datos</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Socket Unix</translation>
    </message>
    <message>
        <source>Sentinels</source>
        <translation>Sentinels</translation>
    </message>
    <message>
        <source>Sentinel master name</source>
        <translation>Nombre del maestro de Sentinel</translation>
    </message>
    <message>
        <source>Sentinel user name</source>
        <translation>Usuario de Sentinel</translation>
    </message>
    <message>
        <source>Sentinel password</source>
        <translation>Contraseña de Sentinel</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>Nodos del clúster</translation>
    </message>
    <message>
        <source>Channel prefix</source>
        <translation>Prefijo de canal</translation>
    </message>
    <message>
        <source>Price channel</source>
        <translation>Canal de precios</translation>
    </message>
    <message>
        <source>Volatility alert channel</source>
        <translation>Canal de alertas de volatilidad</translation>
    </message>
    <message>
        <source>Correlation alert channel</source>
        <translation>Canal de alertas de correlación</translation>
    </message>
    <message>
        <source>Data-ready channel</source>
        <translation>Canal de datos listos</translation>
    </message>
    <message>
        <source>Largest Redis message</source>
        <translation>Mensaje de Redis más grande</translation>
    </message>
    <message>
        <source>PostgreSQL host</source>
        <translation>Host de PostgreSQL</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Nombre de la base de datos</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL</source>
        <translation>TLS hacia PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Archivo SQLite</translation>
    </message>
    <message>
        <source>Keep ticks for</source>
        <translation>Conservar ticks durante</translation>
    </message>
    <message>
        <source>Keep one-minute bars for</source>
        <translation>Conservar barras de un minuto durante</translation>
    </message>
    <message>
        <source>Write flush at stop</source>
        <translation>Escritura al detener</translation>
    </message>
    <message>
        <source>do not wait</source>
        <translation>no esperar</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Nivel de registro</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Archivo de registro</translation>
    </message>
    <message>
        <source>Request rate per client</source>
        <translation>Ritmo de peticiones por cliente</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>por segundo</translation>
    </message>
    <message>
        <source>Alert rules per client</source>
        <translation>Reglas de alerta por cliente</translation>
    </message>
    <message>
        <source>Most alert rules one client (or one user) may hold</source>
        <translation>Máximo de reglas de alerta que puede tener un cliente (o un usuario)</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>reglas</translation>
    </message>
    <message>
        <source>alert rules off</source>
        <translation>reglas de alerta desactivadas</translation>
    </message>
    <message>
        <source>Alert rules in all</source>
        <translation>Reglas de alerta en total</translation>
    </message>
    <message>
        <source>Most alert rules the server holds for all clients together</source>
        <translation>Máximo de reglas de alerta que el servidor guarda para todos los clientes juntos</translation>
    </message>
    <message>
        <source>Restore stored subscriptions</source>
        <translation>Restaurar suscripciones guardadas</translation>
    </message>
    <message>
        <source>Rejoin the rooms an identified user was in when it connects again (true/false)</source>
        <translation>Un usuario identificado vuelve a unirse a sus salas al reconectarse (true/false)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesModel</name>
    <message>
        <source>client %1</source>
        <translation>cliente %1</translation>
    </message>
    <message>
        <source>anonymous #%1</source>
        <translation>anónimo #%1</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Diferencial</translation>
    </message>
    <message>
        <source>above</source>
        <translation>por encima de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>por debajo de</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>cruza</translation>
    </message>
    <message>
        <source>changes by % in %1 s</source>
        <translation>cambia un % en %1 s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>una vez</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>cada vez</translation>
    </message>
    <message>
        <source>cooldown %1 s</source>
        <translation>espera %1 s</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activada</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Connected as client %1</source>
        <translation>Conectado como cliente %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetición</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Disparada</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Último disparo</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>key %1…</source>
        <translation>clave %1…</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts also go to every client</source>
        <translation>Regla propia del escritorio: sus alertas también van a todos los clientes</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts stay on the desk</source>
        <translation>Regla propia del escritorio: sus alertas se quedan en el escritorio</translation>
    </message>
    <message>
        <source>Stored in the database: its owner is not connected to this server, so it fires nowhere here until the owner connects again</source>
        <translation>Guardada en la base de datos: su propietario no está conectado a este servidor, así que aquí no se dispara hasta que vuelva a conectarse</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (ausente)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesPanel</name>
    <message>
        <source>Alert rules live on the servers: this monitor-only desk runs no server, so it holds none. Each server&apos;s clients set and list their own rules.</source>
        <translation>Las reglas de alerta residen en los servidores: este escritorio solo de supervisión no ejecuta ningún servidor, así que no tiene ninguna. Los clientes de cada servidor crean y consultan sus propias reglas.</translation>
    </message>
    <message>
        <source>No alert rules: clients set them with set_alert (docs/PROTOCOL.md, &quot;Alert rules&quot;).</source>
        <translation>No hay reglas de alerta: los clientes las crean con set_alert (docs/PROTOCOL.md, «Alert rules»).</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Stop the selected rules from firing; their owners are told</source>
        <translation>Las reglas seleccionadas dejan de dispararse; se avisa a sus propietarios</translation>
    </message>
    <message>
        <source>Let the selected rules fire again; their owners are told</source>
        <translation>Las reglas seleccionadas vuelven a dispararse; se avisa a sus propietarios</translation>
    </message>
    <message>
        <source>Delete the selected rules; their owners are told</source>
        <translation>Elimina las reglas seleccionadas; se avisa a sus propietarios</translation>
    </message>
    <message>
        <source>Filter rules, owners or pairs (Ctrl+F)</source>
        <translation>Filtrar reglas, propietarios o pares (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n regla de alerta activada</numerusform>
            <numerusform>%n reglas de alerta activadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n regla de alerta desactivada</numerusform>
            <numerusform>%n reglas de alerta desactivadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete alert rules</source>
        <translation>Eliminar reglas de alerta</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alert rule(s)? Their owners are told the operator deleted them.</source>
        <translation>
            <numerusform>¿Eliminar %n regla de alerta? Se avisa a su propietario de que la eliminó el operador.</numerusform>
            <numerusform>¿Eliminar %n reglas de alerta? Se avisa a sus propietarios de que las eliminó el operador.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n alert rule(s)</source>
        <translation>
            <numerusform>%n regla de alerta eliminada</numerusform>
            <numerusform>%n reglas de alerta eliminadas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rules, %2 enabled</source>
        <translation>%1 reglas, %2 activadas</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>Nueva regla…</translation>
    </message>
    <message>
        <source>Desk rules need the embedded server: this monitor-only desk runs none</source>
        <translation>Las reglas del escritorio necesitan el servidor integrado: este escritorio solo de supervisión no ejecuta ninguno</translation>
    </message>
    <message>
        <source>Add a rule of the desk&apos;s own: its alerts come here and, when chosen, to every client</source>
        <translation>Añadir una regla propia del escritorio: sus alertas llegan aquí y, si se elige, a todos los clientes</translation>
    </message>
    <message>
        <source>Added desk alert rule %1</source>
        <translation>Regla de alerta del escritorio %1 añadida</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Correlación</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilidad</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Pair(s)</source>
        <translation>Par(es)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerta de precio</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsPanel</name>
    <message>
        <source>No alerts. Volatility and correlation alerts from the pipeline appear here as they arrive (fxmonitor-feed raises some within a minute); stored history is read from the database.</source>
        <translation>No hay alertas. Las alertas de volatilidad y correlación del pipeline aparecen aquí a medida que llegan (fxmonitor-feed genera algunas en un minuto); el historial guardado se lee de la base de datos.</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Cargar anteriores</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Confirmar todas</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Confirmar las alertas seleccionadas (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Confirmar todas las alertas sin confirmar que coinciden con el filtro (Ctrl+Mayús+K)</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilidad</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Correlación</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Cualquier gravedad</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Any pair</source>
        <translation>Cualquier par</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>Confirmadas o no</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Sin confirmar</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo el tiempo</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>Desde … hasta …</translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation>Desde (hora local)</translation>
    </message>
    <message>
        <source>To (local time, exclusive)</source>
        <translation>Hasta (hora local, exclusivo)</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Buscar en los mensajes (Ctrl+F)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>sin base de datos</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n alert(s)</source>
        <translation>
            <numerusform>%n alerta confirmada</numerusform>
            <numerusform>%n alertas confirmadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</source>
        <translation>
            <numerusform>¿Confirmar la alerta sin confirmar que coincide con el filtro actual (%n mostrada aquí, incluidas las anteriores de la base de datos)?</numerusform>
            <numerusform>¿Confirmar todas las alertas sin confirmar que coinciden con el filtro actual (%n mostradas aquí, incluidas las anteriores de la base de datos)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledged every alert matching the filter</source>
        <translation>Confirmadas todas las alertas que coinciden con el filtro</translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown · %3 unacknowledged</source>
        <translation>%1 de %2 alertas mostradas · %3 sin confirmar</translation>
    </message>
    <message>
        <source>· history unavailable: %1</source>
        <translation>· historial no disponible: %1</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerta de precio</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartFeedGaps</name>
    <message>
        <source>Feed down</source>
        <translation>Feed caído</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartPanel</name>
    <message>
        <source>Pair shown</source>
        <translation>Par mostrado</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Mostrar el/los último(s) %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Líneas de compra, venta y media</translation>
    </message>
    <message>
        <source>Candles</source>
        <translation>Velas</translation>
    </message>
    <message>
        <source>Candlesticks of the mid price: one minute each (five minutes in the 1 day window)</source>
        <translation>Velas del precio medio: de un minuto cada una (cinco minutos en la ventana de 1 día)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Back to the live window (or double-click the chart)</source>
        <translation>Volver a la ventana en vivo (o doble clic en el gráfico)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation>Exportar el gráfico como imagen PNG</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · double-click or right-click: back to live</source>
        <translation>Rueda: zoom en el tiempo · arrastrar: zoom en un recuadro · Mayús+arrastrar o botón central: desplazar · doble clic o clic derecho: volver a en vivo</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Exportar el gráfico como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
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
        <translation>1 día</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientDetailsDialog</name>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (usuario %2)</translation>
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
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 messages (%2) sent, %3 received</source>
        <translation>%1 mensajes (%2) enviados, %3 recibidos</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>aún sin medir</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Id. de cliente</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Mensajes enviados</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Bytes enviados</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>No database: the connection history is not available.</source>
        <translation>Sin base de datos: el historial de conexiones no está disponible.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n sala</numerusform>
            <numerusform>%n salas</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored connection from this address yet (connections are written within a second).</source>
        <translation>Todavía no hay ninguna conexión guardada desde esta dirección (las conexiones se escriben en menos de un segundo).</translation>
    </message>
    <message numerus="yes">
        <source>%n stored connection(s) from %1.</source>
        <translation>
            <numerusform>%n conexión guardada desde %1.</numerusform>
            <numerusform>%n conexiones guardadas desde %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>No se pudo leer el historial: %1</translation>
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
        <translation>ninguno</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>todas (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n sala</numerusform>
            <numerusform>%n salas</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>aún desconocido</translation>
    </message>
    <message>
        <source>Not subscribed to any pair</source>
        <translation>No suscrito a ningún par</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>%1 mensajes enviados, %2 recibidos</translation>
    </message>
    <message>
        <source>The &quot;sub&quot; of the client&apos;s token (WEBSOCKET_AUTH=jwt)</source>
        <translation>El &quot;sub&quot; del token del cliente (WEBSOCKET_AUTH=jwt)</translation>
    </message>
    <message>
        <source>Last keep-alive round trip</source>
        <translation>Último tiempo de ida y vuelta del keep-alive</translation>
    </message>
    <message>
        <source>Bytes waiting to be written to this client</source>
        <translation>Bytes pendientes de escribir a este cliente</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Id. de cliente</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Dirección remota</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Protocol / transport</source>
        <translation>Protocolo / transporte</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Conectado desde</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Mensajes enviados</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Bytes enviados</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Último RTT</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>Cola de envío</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientsPanel</name>
    <message>
        <source>No clients yet: connect with examples/client.js or python3 examples/client.py (see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws.</source>
        <translation>Aún no hay clientes: conéctese con examples/client.js o python3 examples/client.py (véase examples/README.md), o con cualquier cliente WebSocket en ws://HOST:PORT/ws.</translation>
    </message>
    <message>
        <source>Disconnect client</source>
        <translation>Desconectar el cliente</translation>
    </message>
    <message>
        <source>Copy client id</source>
        <translation>Copiar el id. de cliente</translation>
    </message>
    <message>
        <source>Details and history…</source>
        <translation>Detalles e historial…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Disconnecting client %1</source>
        <translation>Desconectando el cliente %1</translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %n client(s)</source>
        <translation>
            <numerusform>Desconectando %n cliente</numerusform>
            <numerusform>Desconectando %n clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Highlighting the %n member(s) of %1</source>
        <translation>
            <numerusform>Resaltando el %n miembro de %1</numerusform>
            <numerusform>Resaltando los %n miembros de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Server busy: these rows are %1 s old</source>
        <translation>Servidor ocupado: estas filas tienen %1 s de antigüedad</translation>
    </message>
</context>
<context>
    <name>fx::gui::CsvExport</name>
    <message>
        <source>Parent</source>
        <translation>Padre</translation>
    </message>
</context>
<context>
    <name>fx::gui::DeskRuleDialog</name>
    <message>
        <source>Expires at</source>
        <translation>Caduca el</translation>
    </message>
    <message>
        <source>Send to every client</source>
        <translation>Enviar a todos los clientes</translation>
    </message>
    <message>
        <source>New desk alert rule</source>
        <translation>Nueva regla de alerta del escritorio</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Diferencial</translation>
    </message>
    <message>
        <source>rises above</source>
        <translation>sube por encima de</translation>
    </message>
    <message>
        <source>falls below</source>
        <translation>baja por debajo de</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>cruza</translation>
    </message>
    <message>
        <source>changes by % within a window</source>
        <translation>cambia un % dentro de una ventana</translation>
    </message>
    <message>
        <source>a price, or a percentage for a change</source>
        <translation>un precio, o un porcentaje para un cambio</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>una vez</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>cada vez</translation>
    </message>
    <message>
        <source>at most once per cooldown</source>
        <translation>como máximo una vez por enfriamiento</translation>
    </message>
    <message>
        <source>Each firing also goes to every connected client whose token permits the pair, as price_alert</source>
        <translation>Cada disparo también va como price_alert a todos los clientes conectados cuyo token permita el par</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetición</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Añadiendo…</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetModel</name>
    <message>
        <source>Stale: silent %1</source>
        <translation>Obsoleto: en silencio %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>sin interfaz</translation>
    </message>
    <message>
        <source>desktop</source>
        <translation>escritorio</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>hace %1</translation>
    </message>
    <message>
        <source>%1 (host %2, pid %3)</source>
        <translation>%1 (host %2, pid %3)</translation>
    </message>
    <message>
        <source>No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)</source>
        <translation>Sin heartbeat durante más de FLEET_STALE_SECONDS (%1 s)</translation>
    </message>
    <message>
        <source>Redis %1 via %2</source>
        <translation>Redis %1 vía %2</translation>
    </message>
    <message>
        <source>Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)</source>
        <translation>Latencia de entrega p50 / p99, últimos 10 s (desde la recepción en el hilo de Redis hasta la escritura en el socket)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Escucha</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Tiempo activo</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Clients trend</source>
        <translation>Tendencia de clientes</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>Msj/s</translation>
    </message>
    <message>
        <source>Msg/s trend</source>
        <translation>Tendencia de msj/s</translation>
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
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Latency p50/p99</source>
        <translation>Latencia p50/p99</translation>
    </message>
    <message>
        <source>Conflated</source>
        <translation>Fusionados</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartados</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetPanel</name>
    <message>
        <source>No server on this Redis has sent a heartbeat yet: every fxmonitor-server (and every desktop with its embedded server) publishes one a second on the fxmonitor:fleet channel.</source>
        <translation>Ningún servidor en este Redis ha enviado todavía un heartbeat: cada fxmonitor-server (y cada escritorio con su servidor integrado) publica uno por segundo en el canal fxmonitor:fleet.</translation>
    </message>
    <message>
        <source>The fleet is not watched by this desk.</source>
        <translation>Este escritorio no vigila la flota.</translation>
    </message>
    <message>
        <source>Filter servers (Ctrl+F)</source>
        <translation>Filtrar servidores (Ctrl+F)</translation>
    </message>
    <message>
        <source>Fleet: not watched</source>
        <translation>Flota: sin vigilar</translation>
    </message>
    <message>
        <source>Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s</source>
        <translation>Flota: %1 activos, %2 obsoletos · %3 clientes · %4 msj/s · %5/s</translation>
    </message>
    <message>
        <source>%1 bad messages ignored</source>
        <translation>%1 mensajes erróneos ignorados</translation>
    </message>
    <message>
        <source>servers beyond %1 ignored</source>
        <translation>servidores más allá de %1 ignorados</translation>
    </message>
    <message>
        <source>Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)</source>
        <translation>El servidor %1 está obsoleto: sin heartbeat durante %2 s (FLEET_STALE_SECONDS=%3)</translation>
    </message>
    <message>
        <source>Server %1 returned after %2 s without a heartbeat</source>
        <translation>El servidor %1 ha vuelto tras %2 s sin heartbeat</translation>
    </message>
</context>
<context>
    <name>fx::gui::MainWindow</name>
    <message numerus="yes">
        <source>Alerts (%n new)</source>
        <translation>
            <numerusform>Alertas (%n nueva)</numerusform>
            <numerusform>Alertas (%n nuevas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or --no-server). The fleet&apos;s servers, their clients and rooms are in the Fleet panel.</source>
        <translation>Sin servidor integrado: este escritorio solo supervisa (EMBEDDED_SERVER=false, o --no-server). Los servidores de la flota, sus clientes y salas están en el panel Flota.</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Vigilancia del mercado</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>Gráfico de precios</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Todos los pares</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flota</translation>
    </message>
    <message>
        <source>Price chart: %1</source>
        <translation>Gráfico de precios: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exportado %1</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>Disposición restablecida</translation>
    </message>
    <message>
        <source>FX Monitor — monitor-only</source>
        <translation>FX Monitor — solo supervisión</translation>
    </message>
    <message>
        <source>FX Monitor — %1</source>
        <translation>FX Monitor — %1</translation>
    </message>
    <message>
        <source>FX Monitor — server stopped</source>
        <translation>FX Monitor — servidor detenido</translation>
    </message>
    <message>
        <source>About FX Monitor</source>
        <translation>Acerca de FX Monitor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;The operator&apos;s desk for an FX data pipeline: a streaming server (plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and connections.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;El puesto del operador para un pipeline de datos FX: un servidor de streaming (WebSocket JSON simple y Socket.IO) alimentado desde Redis, con almacenamiento de alertas, precios y conexiones.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server started</source>
        <translation>Servidor iniciado</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>No se pudo iniciar el servidor: %1</translation>
    </message>
    <message>
        <source>Server not started</source>
        <translation>Servidor no iniciado</translation>
    </message>
    <message>
        <source>The server could not start: %1

Change the address or port in Settings (Ctrl+,), then start it again.</source>
        <translation>No se pudo iniciar el servidor: %1

Cambie la dirección o el puerto en Configuración (Ctrl+,) y vuelva a iniciarlo.</translation>
    </message>
    <message>
        <source>Stopping the server: clients are closed with 1001 (going away)</source>
        <translation>Deteniendo el servidor: los clientes se cierran con 1001 (going away)</translation>
    </message>
    <message>
        <source>Restart the server</source>
        <translation>Reiniciar el servidor</translation>
    </message>
    <message numerus="yes">
        <source>Restart the server with the saved settings? The %n connected client(s) will be closed with 1001 (going away) and may reconnect.</source>
        <translation>
            <numerusform>¿Reiniciar el servidor con la configuración guardada? El %n cliente conectado se cerrará con 1001 (going away) y podrá volver a conectarse.</numerusform>
            <numerusform>¿Reiniciar el servidor con la configuración guardada? Los %n clientes conectados se cerrarán con 1001 (going away) y podrán volver a conectarse.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restarting the server…</source>
        <translation>Reiniciando el servidor…</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Servidor detenido</translation>
    </message>
    <message>
        <source>Redis settings applied: reconnecting</source>
        <translation>Configuración de Redis aplicada: reconectando</translation>
    </message>
    <message>
        <source>The new server settings apply when the server restarts. Restart it now?</source>
        <translation>La nueva configuración del servidor se aplica cuando el servidor se reinicia. ¿Reiniciarlo ahora?</translation>
    </message>
    <message>
        <source>The new server settings apply when the server starts</source>
        <translation>La nueva configuración del servidor se aplica cuando el servidor se inicia</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Configuración guardada</translation>
    </message>
    <message>
        <source>%1 take effect when FX Monitor is started again.</source>
        <translation>%1 se aplica cuando FX Monitor se vuelve a iniciar.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copiado %1</translation>
    </message>
    <message>
        <source>TLS certificate reloaded: %1</source>
        <translation>Certificado TLS recargado: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded: %1</source>
        <translation>Certificado TLS no recargado: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded</source>
        <translation>Certificado TLS no recargado</translation>
    </message>
    <message>
        <source>The TLS certificate was not reloaded: %1

The server keeps serving the previous certificate; connected clients are not affected.</source>
        <translation>No se recargó el certificado TLS: %1

El servidor sigue usando el certificado anterior; los clientes conectados no se ven afectados.</translation>
    </message>
    <message>
        <source>Filter the focused table</source>
        <translation>Filtrar la tabla activa</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Copiar las filas seleccionadas</translation>
    </message>
    <message>
        <source>Export the focused table as CSV</source>
        <translation>Exportar la tabla activa como CSV</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts</source>
        <translation>Confirmar las alertas seleccionadas</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter</source>
        <translation>Confirmar todas las alertas que coinciden con el filtro</translation>
    </message>
    <message>
        <source>Restart the server (asks first)</source>
        <translation>Reiniciar el servidor (pregunta antes)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Disconnect the selected clients</source>
        <translation>Desconectar los clientes seleccionados</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Detener el servidor y salir</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msj/s</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Seguir al &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>C&amp;laro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>Mostrar u ocultar la ventana</translation>
    </message>
    <message>
        <source>%1 alert: %2</source>
        <translation>Alerta %1: %2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n alerta nueva</numerusform>
            <numerusform>%n alertas nuevas</numerusform>
        </translation>
    </message>
    <message>
        <source>FX Monitor is still serving</source>
        <translation>FX Monitor sigue sirviendo</translation>
    </message>
    <message>
        <source>The server keeps running. Click the tray icon to open the window.</source>
        <translation>El servidor sigue en marcha. Haga clic en el icono de la bandeja para abrir la ventana.</translation>
    </message>
    <message>
        <source>Keep serving?</source>
        <translation>¿Seguir sirviendo?</translation>
    </message>
    <message>
        <source>FX Monitor can keep the server running in the system tray when its window closes; clients stay connected. What should closing the window do? (You will not be asked again; Settings &gt; Desktop changes it.)</source>
        <translation>FX Monitor puede mantener el servidor en marcha en la bandeja del sistema cuando se cierra su ventana; los clientes siguen conectados. ¿Qué debe hacer el cierre de la ventana? (No se le volverá a preguntar; se cambia en Configuración &gt; Escritorio.)</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Seguir sirviendo en la bandeja</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Gráfico: %1</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Reglas de alerta</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchModel</name>
    <message>
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 obsoleto</translation>
    </message>
    <message>
        <source>No price received yet for %1</source>
        <translation>Aún no se ha recibido ningún precio para %1</translation>
    </message>
    <message>
        <source>Stale: no tick for %1 s</source>
        <translation>Obsoleto: sin tick desde hace %1 s</translation>
    </message>
    <message>
        <source>No reference price yet</source>
        <translation>Aún no hay precio de referencia</translation>
    </message>
    <message>
        <source>Since the first tick seen today, at %1 (mid %2)</source>
        <translation>Desde el primer tick visto hoy, a las %1 (media %2)</translation>
    </message>
    <message>
        <source>Since the trading day opened at %1 (mid %2)</source>
        <translation>Desde la apertura de la jornada a las %1 (media %2)</translation>
    </message>
    <message>
        <source>Spread in pips (1 pip = %1)</source>
        <translation>Diferencial en pips (1 pip = %1)</translation>
    </message>
    <message>
        <source>Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)</source>
        <translation>Venta menos compra en pips (pares con JPY: 0,01; los demás: 0,0001)</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened (21:00 UTC), in pips</source>
        <translation>Cambio del precio medio desde la apertura de la jornada (21:00 UTC), en pips</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened, in percent</source>
        <translation>Cambio del precio medio desde la apertura de la jornada, en porcentaje</translation>
    </message>
    <message>
        <source>Time of the last tick, local time (UTC in the cell&apos;s tooltip)</source>
        <translation>Hora del último tick, hora local (UTC en la información de la celda)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Diferencial</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Cambio %</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchPanel</name>
    <message>
        <source>No pairs configured (FX_PAIRS).</source>
        <translation>No hay pares configurados (FX_PAIRS).</translation>
    </message>
    <message>
        <source>Open chart in a new panel</source>
        <translation>Abrir el gráfico en un panel nuevo</translation>
    </message>
    <message>
        <source>Show in the price chart</source>
        <translation>Mostrar en el gráfico de precios</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Diferencial</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Cambio %</translation>
    </message>
</context>
<context>
    <name>fx::gui::PriceChartView</name>
    <message>
        <source>Reading the history of %1…</source>
        <translation>Leyendo el historial de %1…</translation>
    </message>
    <message>
        <source>No price of %1 in this window yet: prices appear as the pipeline publishes them.</source>
        <translation>Aún no hay precio de %1 en esta ventana: los precios aparecen a medida que el pipeline los publica.</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Mid, OHLC</source>
        <translation>Media, OHLC</translation>
    </message>
</context>
<context>
    <name>fx::gui::RateGraph</name>
    <message>
        <source>The last two minutes, four samples a second</source>
        <translation>Los dos últimos minutos, cuatro muestras por segundo</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>máximo %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsModel</name>
    <message numerus="yes">
        <source>%n subscriber(s) in %1</source>
        <translation>
            <numerusform>%n suscriptor en %1</numerusform>
            <numerusform>%n suscriptores en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>aún desconocido</translation>
    </message>
    <message>
        <source>%1 (%2), member of %3</source>
        <translation>%1 (%2), miembro de %3</translation>
    </message>
    <message>
        <source>Room / client</source>
        <translation>Sala / cliente</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Suscriptores</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Dirección remota</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsPanel</name>
    <message>
        <source>No rooms: FX_PAIRS lists no pair.</source>
        <translation>No hay salas: FX_PAIRS no contiene ningún par.</translation>
    </message>
    <message>
        <source>Filter rooms or clients (Ctrl+F)</source>
        <translation>Filtrar salas o clientes (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SecretStore</name>
    <message>
        <source>the system keyring did not answer within %1 s</source>
        <translation>el llavero del sistema no respondió en %1 s</translation>
    </message>
    <message>
        <source>No system keyring: passwords are used for this session only and not saved</source>
        <translation>Sin llavero del sistema: las contraseñas se usan solo en esta sesión y no se guardan</translation>
    </message>
</context>
<context>
    <name>fx::gui::ServerPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msj/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>p99 %1</source>
        <translation>p99 %1</translation>
    </message>
    <message>
        <source>From the receipt of a message on the Redis thread to its write to a client&apos;s socket, over the last 10 seconds; &quot;age&quot; counts from the price&apos;s own time</source>
        <translation>Desde la recepción de un mensaje en el hilo de Redis hasta su escritura en el socket de un cliente, durante los últimos 10 segundos; &quot;antigüedad&quot; cuenta desde la hora propia del precio</translation>
    </message>
    <message>
        <source>Listening:</source>
        <translation>Escucha:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Seguridad:</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Tiempo activo:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clientes:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Conexiones:</translation>
    </message>
    <message>
        <source>Messages/s:</source>
        <translation>Mensajes/s:</translation>
    </message>
    <message>
        <source>Bytes/s:</source>
        <translation>Bytes/s:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latencia:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Salas:</translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Errores:</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Rechazados:</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Canal de Redis</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartados</translation>
    </message>
    <message>
        <source>Messages received per channel and messages dropped as invalid (hover a count for the reasons)</source>
        <translation>Mensajes recibidos por canal y mensajes descartados por no válidos (pase el ratón sobre un recuento para ver los motivos)</translation>
    </message>
    <message>
        <source>nothing delivered in the last 10 s</source>
        <translation>nada entregado en los últimos 10 s</translation>
    </message>
    <message>
        <source>p50 %1 · p99 %2</source>
        <translation>p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>age p50 %1 · p99 %2</source>
        <translation>antigüedad p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>%1 ahead of this clock</source>
        <translation>%1 por delante de este reloj</translation>
    </message>
    <message>
        <source>Open to the network: any client that reaches the port can read every price and alert (WEBSOCKET_AUTH=none: clients need no token)</source>
        <translation>Abierto a la red: cualquier cliente que llegue al puerto puede leer todos los precios y alertas (WEBSOCKET_AUTH=none: los clientes no necesitan token)</translation>
    </message>
    <message>
        <source>%1 of %2 (peak %3)</source>
        <translation>%1 de %2 (máximo %3)</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 desde el inicio</translation>
    </message>
    <message>
        <source>%1 rooms, %2 with subscribers</source>
        <translation>%1 salas, %2 con suscriptores</translation>
    </message>
    <message>
        <source>%1 client errors, %2 conflated updates</source>
        <translation>%1 errores de clientes, %2 actualizaciones fusionadas</translation>
    </message>
    <message>
        <source>%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes</source>
        <translation>%1 tokens, %2 pares prohibidos, %3 orígenes, %4 peticiones de administración, %5 handshakes TLS</translation>
    </message>
    <message>
        <source>No token refused</source>
        <translation>Ningún token rechazado</translation>
    </message>
    <message>
        <source>Tokens refused, by reason:
%1</source>
        <translation>Tokens rechazados, por motivo:
%1</translation>
    </message>
    <message>
        <source>— (no embedded server)</source>
        <translation>— (sin servidor integrado)</translation>
    </message>
    <message>
        <source>read only: the servers sharing it write (monitor-only desk)</source>
        <translation>solo lectura: escriben los servidores que la comparten (escritorio solo de supervisión)</translation>
    </message>
    <message>
        <source>%1 ticks, %2 alerts written · %3 waiting</source>
        <translation>%1 ticks, %2 alertas escritas · %3 en espera</translation>
    </message>
    <message>
        <source>Nothing dropped</source>
        <translation>Nada descartado</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingField</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(predeterminado)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>%1. In use: %2 (%3)</source>
        <translation>%1. En uso: %2 (%3)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
    </message>
    <message>
        <source>Overridden by %1: what you save here is used only when %1 no longer sets it.</source>
        <translation>Reemplazado por %1: lo que guarde aquí solo se usa cuando %1 deje de definirlo.</translation>
    </message>
    <message>
        <source>Saved in the system keyring, never in the settings file.</source>
        <translation>Guardado en el llavero del sistema, nunca en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>saved settings</source>
        <translation>ajustes guardados</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>entorno</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>llavero del sistema</translation>
    </message>
</context>
<context>
    <name>fx::gui::SmallMultiplesPanel</name>
    <message>
        <source>Last minute</source>
        <translation>Último minuto</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Últimos 5 minutos</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Últimos 15 minutos</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Mid price of every pair, blue rising, red falling over the window:</source>
        <translation>Precio medio de cada par, azul si sube, rojo si baja en la ventana:</translation>
    </message>
</context>
<context>
    <name>fx::gui::Sparkline</name>
    <message>
        <source>%1: click to show it in the price chart, double-click to open a chart panel</source>
        <translation>%1: clic para mostrarlo en el gráfico de precios, doble clic para abrir un panel de gráfico</translation>
    </message>
    <message>
        <source>waiting for prices</source>
        <translation>esperando precios</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>obsoleto</translation>
    </message>
</context>
<context>
    <name>fx::gui::StatusText</name>
    <message>
        <source>Monitor-only: no embedded server</source>
        <translation>Solo supervisión: sin servidor integrado</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Servidor detenido</translation>
    </message>
    <message>
        <source>Listening on %1 with TLS (wss://, https://)</source>
        <translation>Escuchando en %1 con TLS (wss://, https://)</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Escuchando en %1</translation>
    </message>
    <message>
        <source>Redis not started</source>
        <translation>Redis no iniciado</translation>
    </message>
    <message>
        <source>Redis idle</source>
        <translation>Redis inactivo</translation>
    </message>
    <message>
        <source>Redis connecting to %1</source>
        <translation>Redis conectando a %1</translation>
    </message>
    <message>
        <source>Redis connected to %1 via %2</source>
        <translation>Redis conectado a %1 vía %2</translation>
    </message>
    <message>
        <source>Redis connected</source>
        <translation>Redis conectado</translation>
    </message>
    <message numerus="yes">
        <source>Redis disconnected%1, retrying in %n s</source>
        <translation>
            <numerusform>Redis desconectado%1, reintentando en %n s</numerusform>
            <numerusform>Redis desconectado%1, reintentando en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis disconnected%1, retrying now</source>
        <translation>Redis desconectado%1, reintentando ahora</translation>
    </message>
    <message>
        <source>Database off</source>
        <translation>Base de datos desactivada</translation>
    </message>
    <message>
        <source>Database not configured</source>
        <translation>Base de datos no configurada</translation>
    </message>
    <message>
        <source>Database connecting</source>
        <translation>Base de datos conectando</translation>
    </message>
    <message>
        <source>Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 connection records</source>
        <translation>Base de datos correcta; descartado mientras no estaba: %1 alertas, %2 ticks, %3 registros de conexión</translation>
    </message>
    <message>
        <source>Database ok</source>
        <translation>Base de datos correcta</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, %5 connection records, retrying in %6</source>
        <translation>Error de base de datos (%1), %2 filas en espera, descartadas %3 alertas, %4 ticks, %5 registros de conexión, reintentando en %6</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, retrying in %3</source>
        <translation>Error de base de datos (%1), %2 filas en espera, reintentando en %3</translation>
    </message>
    <message>
        <source>Database error (%1)</source>
        <translation>Error de base de datos (%1)</translation>
    </message>
    <message>
        <source>Database refused: %1</source>
        <translation>Base de datos rechazada: %1</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>Ninguna sesión abierta</translation>
    </message>
    <message>
        <source>Market closed (weekend)</source>
        <translation>Mercado cerrado (fin de semana)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 abierta</translation>
    </message>
    <message>
        <source>monitor-only (clients: see Fleet)</source>
        <translation>solo supervisión (clientes: véase Flota)</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Sydney</source>
        <translation>Sídney</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>Tokio</translation>
    </message>
    <message>
        <source>London</source>
        <translation>Londres</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>Nueva York</translation>
    </message>
</context>
<context>
    <name>fx::gui::TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Exportar como CSV…</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV (Ctrl+E)</source>
        <translation>Exportar las filas mostradas como CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>No row matches &quot;%1&quot;. Clear the filter to see every row.</source>
        <translation>Ninguna fila coincide con &quot;%1&quot;. Borre el filtro para ver todas las filas.</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exportar como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
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
        <translation> (%1 permanece en texto plano en %2 hasta que haya un llavero disponible)</translation>
    </message>
    <message>
        <source>%1 not saved in the system keyring (%2): used for this session only</source>
        <translation>%1 no se guardó en el llavero del sistema (%2): se usa solo en esta sesión</translation>
    </message>
    <message>
        <source>%1 stays in plain text in the settings file: the system keyring refused it (%2)</source>
        <translation>%1 permanece en texto plano en el archivo de configuración: el llavero del sistema lo rechazó (%2)</translation>
    </message>
    <message>
        <source>FX Monitor desktop: the streaming server (plain JSON WebSocket and Socket.IO) fed by the pipeline&apos;s Redis channels, with the operator&apos;s window.</source>
        <translation>FX Monitor de escritorio: el servidor de streaming (WebSocket JSON simple y Socket.IO) alimentado por los canales de Redis del pipeline, con la ventana del operador.</translation>
    </message>
    <message>
        <source>Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the fleet, prices and alerts through Redis and the shared database.</source>
        <translation>Escritorio solo de supervisión: sin servidor integrado (EMBEDDED_SERVER=false); vigilar la flota, los precios y las alertas a través de Redis y la base de datos compartida.</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: Settings &gt; Language, else the system&apos;s)</source>
        <translation>Idioma de la ventana: %1 (predeterminado: Configuración &gt; Idioma; si no, el del sistema)</translation>
    </message>
</context>
</TS>
