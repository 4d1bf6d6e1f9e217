<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ClientDetailsDialog</name>
    <message>
        <source>Client details</source>
        <translation>Détails du client</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Id. du client :</translation>
    </message>
    <message>
        <source>Remote address:</source>
        <translation>Adresse distante :</translation>
    </message>
    <message>
        <source>Protocol / transport:</source>
        <translation>Protocole / transport :</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>Connecté depuis :</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Salons :</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Trafic :</translation>
    </message>
    <message>
        <source>Last round trip / send queue:</source>
        <translation>Dernier aller-retour / file d&apos;envoi :</translation>
    </message>
    <message>
        <source>Recent connections from this address (stored history, newest first):</source>
        <translation>Connexions récentes depuis cette adresse (historique enregistré, les plus récentes d&apos;abord) :</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Chargement de l&apos;historique…</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>A&amp;lertes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Server toolbar</source>
        <translation>Barre du serveur</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Démarrer le serveur</translation>
    </message>
    <message>
        <source>Start the streaming server with the current settings</source>
        <translation>Démarrer le serveur de streaming avec les paramètres actuels</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>&amp;Arrêter le serveur</translation>
    </message>
    <message>
        <source>Stop the streaming server (clients are closed with 1001)</source>
        <translation>Arrêter le serveur de streaming (les clients sont fermés avec 1001)</translation>
    </message>
    <message>
        <source>&amp;Restart server…</source>
        <translation>&amp;Redémarrer le serveur…</translation>
    </message>
    <message>
        <source>Restart the server with the saved settings (F5)</source>
        <translation>Redémarrer le serveur avec les paramètres enregistrés (F5)</translation>
    </message>
    <message>
        <source>&amp;Copy WebSocket URL</source>
        <translation>&amp;Copier l&apos;URL WebSocket</translation>
    </message>
    <message>
        <source>Copy the server&apos;s WebSocket address for a client</source>
        <translation>Copier l&apos;adresse WebSocket du serveur pour un client</translation>
    </message>
    <message>
        <source>Reload &amp;TLS certificate</source>
        <translation>Recharger le certificat &amp;TLS</translation>
    </message>
    <message>
        <source>Read the TLS certificate and key files again; connected clients stay connected</source>
        <translation>Relire les fichiers du certificat et de la clé TLS ; les clients connectés restent connectés</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>All settings (Ctrl+,)</source>
        <translation>Tous les paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>&amp;Exporter le tableau en CSV…</translation>
    </message>
    <message>
        <source>Export the focused table as CSV (Ctrl+E)</source>
        <translation>Exporter le tableau actif en CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;chart as PNG…</source>
        <translation>Exporter le &amp;graphique en PNG…</translation>
    </message>
    <message>
        <source>Export the price chart as a PNG image</source>
        <translation>Exporter le graphique des prix en image PNG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Arrêter le serveur et quitter</translation>
    </message>
    <message>
        <source>&amp;Filter table</source>
        <translation>&amp;Filtrer le tableau</translation>
    </message>
    <message>
        <source>Filter the focused table (Ctrl+F)</source>
        <translation>Filtrer le tableau actif (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New chart panel</source>
        <translation>&amp;Nouveau panneau de graphique</translation>
    </message>
    <message>
        <source>Open another price chart panel</source>
        <translation>Ouvrir un autre panneau de graphique des prix</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>Put every panel back where it starts</source>
        <translation>Remettre chaque panneau à sa place de départ</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>&amp;Acquitter la sélection</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Acquitter les alertes sélectionnées (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <translation>Acquitter &amp;tout</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Acquitter toutes les alertes correspondant au filtre (Ctrl+Maj+K)</translation>
    </message>
    <message>
        <source>&amp;Show alerts</source>
        <translation>&amp;Afficher les alertes</translation>
    </message>
    <message>
        <source>Show the alerts panel</source>
        <translation>Afficher le panneau des alertes</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>Lister les raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About FX Monitor</source>
        <translation>À &amp;propos de FX Monitor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Values saved here apply at start-up and when the server is restarted. A value set in a .env file, the environment or a command-line flag wins over the saved one: such settings are marked.</source>
        <translation>Les valeurs enregistrées ici s&apos;appliquent au démarrage et au redémarrage du serveur. Une valeur définie dans un fichier .env, dans l&apos;environnement ou par une option de la ligne de commande l&apos;emporte sur la valeur enregistrée : ces paramètres sont signalés.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Journalisation</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Tray notifications for:</source>
        <translation>Notifications dans la zone de notification pour :</translation>
    </message>
    <message>
        <source>Critical alerts</source>
        <translation>Alertes critiques</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>Fenêtre du graphique :</translation>
    </message>
    <message>
        <source>Chart style:</source>
        <translation>Style du graphique :</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Lignes acheteur, vendeur et milieu</translation>
    </message>
    <message>
        <source>Candlesticks (1 minute)</source>
        <translation>Chandeliers (1 minute)</translation>
    </message>
    <message>
        <source>Market watch:</source>
        <translation>Surveillance du marché :</translation>
    </message>
    <message>
        <source>Flash prices briefly when they change (blue up, red down)</source>
        <translation>Faire clignoter brièvement les prix qui changent (bleu en hausse, rouge en baisse)</translation>
    </message>
    <message>
        <source>Stale after:</source>
        <translation>Périmé après :</translation>
    </message>
    <message>
        <source> s without a tick</source>
        <translation> s sans tick</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème :</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Closing the window:</source>
        <translation>À la fermeture de la fenêtre :</translation>
    </message>
    <message>
        <source>Ask what to do</source>
        <translation>Demander quoi faire</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Continuer à servir dans la zone de notification</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Arrêter le serveur et quitter</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>The language changes when FX Monitor is started again.</source>
        <translation>La langue change au prochain démarrage de FX Monitor.</translation>
    </message>
</context>
<context>
    <name>fx::core::Settings</name>
    <message>
        <source>Address the server listens on (IP address or localhost)</source>
        <translation>Adresse d&apos;écoute du serveur (adresse IP ou localhost)</translation>
    </message>
    <message>
        <source>Port for WebSocket, Socket.IO and HTTP (0: any free port)</source>
        <translation>Port pour WebSocket, Socket.IO et HTTP (0 : n&apos;importe quel port libre)</translation>
    </message>
    <message>
        <source>Most clients connected at once</source>
        <translation>Nombre maximal de clients connectés simultanément</translation>
    </message>
    <message>
        <source>Most clients connected at once from one IP address (0: no limit)</source>
        <translation>Nombre maximal de clients connectés simultanément depuis une adresse IP (0 : sans limite)</translation>
    </message>
    <message>
        <source>Seconds between keep-alive pings (fractions allowed)</source>
        <translation>Secondes entre les pings de keep-alive (fractions admises)</translation>
    </message>
    <message>
        <source>Seconds a client has to answer a ping (fractions allowed)</source>
        <translation>Secondes dont dispose un client pour répondre à un ping (fractions admises)</translation>
    </message>
    <message>
        <source>Largest message a client may send, in bytes</source>
        <translation>Plus grand message qu&apos;un client peut envoyer, en octets</translation>
    </message>
    <message>
        <source>Server I/O threads (0: one per core)</source>
        <translation>Threads d&apos;E/S du serveur (0 : un par cœur)</translation>
    </message>
    <message>
        <source>Requests per second a client may send (sustained)</source>
        <translation>Requêtes par seconde qu&apos;un client peut envoyer (en continu)</translation>
    </message>
    <message>
        <source>Requests a client may send in a burst</source>
        <translation>Requêtes qu&apos;un client peut envoyer en rafale</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before it is disconnected</source>
        <translation>Octets en file pour un client lent avant sa déconnexion</translation>
    </message>
    <message>
        <source>Client authentication: none, or jwt (every client presents a JSON Web Token)</source>
        <translation>Authentification des clients : none, ou jwt (chaque client présente un JSON Web Token)</translation>
    </message>
    <message>
        <source>HMAC secret for HS256/384/512 tokens (at least 32 bytes)</source>
        <translation>Secret HMAC pour les jetons HS256/384/512 (au moins 32 octets)</translation>
    </message>
    <message>
        <source>PEM public key file for RS256/384/512 or ES256/384 tokens</source>
        <translation>Fichier de clé publique PEM pour les jetons RS256/384/512 ou ES256/384</translation>
    </message>
    <message>
        <source>Seconds of clock skew allowed for a token&apos;s exp and nbf</source>
        <translation>Secondes de décalage d&apos;horloge tolérées pour exp et nbf d&apos;un jeton</translation>
    </message>
    <message>
        <source>Required token audience (aud); empty: not checked</source>
        <translation>Audience (aud) exigée du jeton ; vide : non vérifiée</translation>
    </message>
    <message>
        <source>Required token issuer (iss); empty: not checked</source>
        <translation>Émetteur (iss) exigé du jeton ; vide : non vérifié</translation>
    </message>
    <message>
        <source>TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)</source>
        <translation>Certificat TLS (PEM, feuille puis chaîne) : servir wss:// et https:// (vide : en clair)</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM, RSA or EC, unencrypted)</source>
        <translation>Clé privée du certificat TLS (PEM, RSA ou EC, non chiffrée)</translation>
    </message>
    <message>
        <source>Origins browsers may connect from: * or a comma-separated list</source>
        <translation>Origines depuis lesquelles les navigateurs peuvent se connecter : * ou une liste séparée par des virgules</translation>
    </message>
    <message>
        <source>Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)</source>
        <translation>Proxys dont le X-Forwarded-For désigne le client : adresses ou sous-réseaux, séparés par des virgules (vide : aucun)</translation>
    </message>
    <message>
        <source>Comma-separated currency pairs (empty: the 20 default pairs)</source>
        <translation>Paires de devises séparées par des virgules (vide : les 20 paires par défaut)</translation>
    </message>
    <message>
        <source>Send the last known price of each newly subscribed pair right after subscribing (true/false)</source>
        <translation>Envoyer le dernier prix connu de chaque paire nouvellement souscrite juste après l&apos;abonnement (true/false)</translation>
    </message>
    <message>
        <source>Messages kept per room and for alerts, for recovery after a reconnect (0: no history)</source>
        <translation>Messages conservés par salon et pour les alertes, pour la reprise après une reconnexion (0 : pas d&apos;historique)</translation>
    </message>
    <message>
        <source>Seconds a message stays in the recovery history</source>
        <translation>Secondes pendant lesquelles un message reste dans l&apos;historique de reprise</translation>
    </message>
    <message>
        <source>Socket.IO connection state recovery: an offset argument on every event (true/false)</source>
        <translation>Reprise de l&apos;état de connexion Socket.IO : un argument offset sur chaque événement (true/false)</translation>
    </message>
    <message>
        <source>This server&apos;s name in the fleet heartbeat (empty: &lt;hostname&gt;:&lt;port&gt;; at most 128 characters)</source>
        <translation>Nom de ce serveur dans le heartbeat de la flotte (vide : &lt;hostname&gt;:&lt;port&gt; ; 128 caractères au plus)</translation>
    </message>
    <message>
        <source>Seconds without a heartbeat before the desk shows a server as stale</source>
        <translation>Secondes sans heartbeat avant que le poste affiche un serveur comme périmé</translation>
    </message>
    <message>
        <source>Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)</source>
        <translation>Bureau : exécuter le serveur intégré (false : poste de supervision seule, qui surveille la flotte via Redis)</translation>
    </message>
    <message>
        <source>Redis host</source>
        <translation>Hôte Redis</translation>
    </message>
    <message>
        <source>Redis port</source>
        <translation>Port Redis</translation>
    </message>
    <message>
        <source>Redis database number</source>
        <translation>Numéro de base de données Redis</translation>
    </message>
    <message>
        <source>Redis password (None: no AUTH)</source>
        <translation>Mot de passe Redis (None : pas d&apos;AUTH)</translation>
    </message>
    <message>
        <source>Redis 6+ ACL user for AUTH (empty: AUTH with the password only)</source>
        <translation>Utilisateur ACL Redis 6+ pour AUTH (vide : AUTH avec le mot de passe seul)</translation>
    </message>
    <message>
        <source>Redis Unix socket path (wins over host and port)</source>
        <translation>Chemin du socket Unix de Redis (l&apos;emporte sur l&apos;hôte et le port)</translation>
    </message>
    <message>
        <source>Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)</source>
        <translation>Sentinels Redis sous la forme host:port,host:port,... : trouver le maître par leur intermédiaire (vide : pas de Sentinel)</translation>
    </message>
    <message>
        <source>Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)</source>
        <translation>Nom du maître surveillé par les Sentinels (nécessaire avec REDIS_SENTINELS)</translation>
    </message>
    <message>
        <source>ACL user for AUTH to the Sentinels (empty: AUTH with the password only)</source>
        <translation>Utilisateur ACL pour AUTH auprès des Sentinels (vide : AUTH avec le mot de passe seul)</translation>
    </message>
    <message>
        <source>Password of the Sentinels (empty: no AUTH to the Sentinels)</source>
        <translation>Mot de passe des Sentinels (vide : pas d&apos;AUTH auprès des Sentinels)</translation>
    </message>
    <message>
        <source>Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)</source>
        <translation>Nœuds Redis Cluster sous la forme host:port,host:port,... (vide : un seul Redis ou Sentinel)</translation>
    </message>
    <message>
        <source>Prefix of every channel name, e.g. fx:</source>
        <translation>Préfixe de chaque nom de canal, p. ex. fx:</translation>
    </message>
    <message>
        <source>Channel of price updates</source>
        <translation>Canal des mises à jour de prix</translation>
    </message>
    <message>
        <source>Channel of volatility alerts</source>
        <translation>Canal des alertes de volatilité</translation>
    </message>
    <message>
        <source>Channel of correlation alerts</source>
        <translation>Canal des alertes de corrélation</translation>
    </message>
    <message>
        <source>Channel of data-ready notices</source>
        <translation>Canal des avis de données prêtes</translation>
    </message>
    <message>
        <source>Largest Redis message accepted, in bytes</source>
        <translation>Plus grand message Redis accepté, en octets</translation>
    </message>
    <message>
        <source>PostgreSQL host (empty: embedded SQLite)</source>
        <translation>Hôte PostgreSQL (vide : SQLite intégré)</translation>
    </message>
    <message>
        <source>PostgreSQL port</source>
        <translation>Port PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>Base de données PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL user</source>
        <translation>Utilisateur PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>Mot de passe PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>sslmode PostgreSQL : disable, allow, prefer, require, verify-ca, verify-full</translation>
    </message>
    <message>
        <source>SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)</source>
        <translation>Fichier SQLite (vide : ~/.local/share/FXMonitor/fxmonitor.sqlite)</translation>
    </message>
    <message>
        <source>Days raw ticks are kept</source>
        <translation>Jours de conservation des ticks bruts</translation>
    </message>
    <message>
        <source>Days one-minute bars are kept</source>
        <translation>Jours de conservation des barres d&apos;une minute</translation>
    </message>
    <message>
        <source>Seconds the database writes may take at stop, retrying while it is down (0: do not wait)</source>
        <translation>Secondes que peuvent prendre les écritures en base à l&apos;arrêt, en réessayant tant qu&apos;elle est indisponible (0 : ne pas attendre)</translation>
    </message>
    <message>
        <source>DEBUG, INFO, WARNING, ERROR or CRITICAL</source>
        <translation>DEBUG, INFO, WARNING, ERROR ou CRITICAL</translation>
    </message>
    <message>
        <source>Also write the log to this file</source>
        <translation>Écrire aussi le journal dans ce fichier</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Adresse d&apos;écoute</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Port d&apos;écoute</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>tout port libre</translation>
    </message>
    <message>
        <source>Most clients at once</source>
        <translation>Nombre maximal de clients</translation>
    </message>
    <message>
        <source>Most clients from one address</source>
        <translation>Clients max. par adresse</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>aucune limite</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Intervalle de keep-alive</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>Délai de keep-alive</translation>
    </message>
    <message>
        <source>Largest client message</source>
        <translation>Message client le plus grand</translation>
    </message>
    <message>
        <source>I/O threads</source>
        <translation>Threads d&apos;E/S</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>un par cœur</translation>
    </message>
    <message>
        <source>Request burst</source>
        <translation>Rafale de requêtes</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requêtes</translation>
    </message>
    <message>
        <source>Send queue per client</source>
        <translation>File d&apos;envoi par client</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Jeton d&apos;administration</translation>
    </message>
    <message>
        <source>Secret for /metrics and the detailed /health (at least 16 characters)</source>
        <translation>Secret pour /metrics et le /health détaillé (au moins 16 caractères)</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>Authentification des clients</translation>
    </message>
    <message>
        <source>Token HMAC secret</source>
        <translation>Secret HMAC des jetons</translation>
    </message>
    <message>
        <source>Token public key</source>
        <translation>Clé publique des jetons</translation>
    </message>
    <message>
        <source>Token clock leeway</source>
        <translation>Tolérance d&apos;horloge des jetons</translation>
    </message>
    <message>
        <source>Required token audience</source>
        <translation>Audience de jeton exigée</translation>
    </message>
    <message>
        <source>Required token issuer</source>
        <translation>Émetteur de jeton exigé</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificat TLS</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Clé privée TLS</translation>
    </message>
    <message>
        <source>Allowed browser origins</source>
        <translation>Origines de navigateur autorisées</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Proxys de confiance</translation>
    </message>
    <message>
        <source>Currency pairs</source>
        <translation>Paires de devises</translation>
    </message>
    <message>
        <source>Last price on subscribe</source>
        <translation>Dernier prix à l&apos;abonnement</translation>
    </message>
    <message>
        <source>Recovery history</source>
        <translation>Historique de reprise</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <source>no history</source>
        <translation>aucun historique</translation>
    </message>
    <message>
        <source>Recovery history age</source>
        <translation>Âge de l&apos;historique de reprise</translation>
    </message>
    <message>
        <source>Socket.IO state recovery</source>
        <translation>Reprise d&apos;état Socket.IO</translation>
    </message>
    <message>
        <source>Server name in the fleet</source>
        <translation>Nom du serveur dans la flotte</translation>
    </message>
    <message>
        <source>Stale server after</source>
        <translation>Serveur périmé après</translation>
    </message>
    <message>
        <source>Run the embedded server</source>
        <translation>Exécuter le serveur intégré</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database number</source>
        <translation>Numéro de base</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
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
        <translation>Nom du maître Sentinel</translation>
    </message>
    <message>
        <source>Sentinel user name</source>
        <translation>Utilisateur Sentinel</translation>
    </message>
    <message>
        <source>Sentinel password</source>
        <translation>Mot de passe Sentinel</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>Nœuds du cluster</translation>
    </message>
    <message>
        <source>Channel prefix</source>
        <translation>Préfixe de canal</translation>
    </message>
    <message>
        <source>Price channel</source>
        <translation>Canal des prix</translation>
    </message>
    <message>
        <source>Volatility alert channel</source>
        <translation>Canal des alertes de volatilité</translation>
    </message>
    <message>
        <source>Correlation alert channel</source>
        <translation>Canal des alertes de corrélation</translation>
    </message>
    <message>
        <source>Data-ready channel</source>
        <translation>Canal « données prêtes »</translation>
    </message>
    <message>
        <source>Largest Redis message</source>
        <translation>Message Redis le plus grand</translation>
    </message>
    <message>
        <source>PostgreSQL host</source>
        <translation>Hôte PostgreSQL</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Nom de la base</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL</source>
        <translation>TLS vers PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Fichier SQLite</translation>
    </message>
    <message>
        <source>Keep ticks for</source>
        <translation>Conserver les ticks</translation>
    </message>
    <message>
        <source>Keep one-minute bars for</source>
        <translation>Conserver les barres d&apos;une minute</translation>
    </message>
    <message>
        <source>Write flush at stop</source>
        <translation>Écriture à l&apos;arrêt</translation>
    </message>
    <message>
        <source>do not wait</source>
        <translation>ne pas attendre</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journal</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Request rate per client</source>
        <translation>Débit de requêtes par client</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>Alert rules per client</source>
        <translation>Règles d&apos;alerte par client</translation>
    </message>
    <message>
        <source>Most alert rules one client (or one user) may hold</source>
        <translation>Nombre maximal de règles d&apos;alerte d&apos;un client (ou d&apos;un utilisateur)</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>règles</translation>
    </message>
    <message>
        <source>alert rules off</source>
        <translation>règles d&apos;alerte désactivées</translation>
    </message>
    <message>
        <source>Alert rules in all</source>
        <translation>Règles d&apos;alerte au total</translation>
    </message>
    <message>
        <source>Most alert rules the server holds for all clients together</source>
        <translation>Nombre maximal de règles d&apos;alerte que le serveur garde pour tous les clients ensemble</translation>
    </message>
    <message>
        <source>Restore stored subscriptions</source>
        <translation>Restaurer les abonnements enregistrés</translation>
    </message>
    <message>
        <source>Rejoin the rooms an identified user was in when it connects again (true/false)</source>
        <translation>Un utilisateur identifié rejoint ses salons en se reconnectant (true/false)</translation>
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
        <translation>anonyme #%1</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Milieu</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>above</source>
        <translation>au-dessus de</translation>
    </message>
    <message>
        <source>below</source>
        <translation>en dessous de</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>croise</translation>
    </message>
    <message>
        <source>changes by % in %1 s</source>
        <translation>varie de % en %1 s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>à chaque fois</translation>
    </message>
    <message>
        <source>cooldown %1 s</source>
        <translation>délai %1 s</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Connected as client %1</source>
        <translation>Connecté comme client %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paire</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Déclenchée</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Dernier déclenchement</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>key %1…</source>
        <translation>clé %1…</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts also go to every client</source>
        <translation>Règle propre au poste : ses alertes vont aussi à chaque client</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts stay on the desk</source>
        <translation>Règle propre au poste : ses alertes restent sur le poste</translation>
    </message>
    <message>
        <source>Stored in the database: its owner is not connected to this server, so it fires nowhere here until the owner connects again</source>
        <translation>Enregistrée dans la base : son propriétaire n’est pas connecté à ce serveur, elle ne se déclenche donc pas ici avant qu’il se reconnecte</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1 (absent)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesPanel</name>
    <message>
        <source>Alert rules live on the servers: this monitor-only desk runs no server, so it holds none. Each server&apos;s clients set and list their own rules.</source>
        <translation>Les règles d&apos;alerte résident sur les serveurs : ce poste de supervision seule n&apos;exécute aucun serveur et n&apos;en détient donc aucune. Les clients de chaque serveur créent et listent leurs propres règles.</translation>
    </message>
    <message>
        <source>No alert rules: clients set them with set_alert (docs/PROTOCOL.md, &quot;Alert rules&quot;).</source>
        <translation>Aucune règle d&apos;alerte : les clients les créent avec set_alert (docs/PROTOCOL.md, « Alert rules »).</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Stop the selected rules from firing; their owners are told</source>
        <translation>Les règles sélectionnées ne se déclenchent plus ; leurs propriétaires sont prévenus</translation>
    </message>
    <message>
        <source>Let the selected rules fire again; their owners are told</source>
        <translation>Les règles sélectionnées se déclenchent de nouveau ; leurs propriétaires sont prévenus</translation>
    </message>
    <message>
        <source>Delete the selected rules; their owners are told</source>
        <translation>Supprime les règles sélectionnées ; leurs propriétaires sont prévenus</translation>
    </message>
    <message>
        <source>Filter rules, owners or pairs (Ctrl+F)</source>
        <translation>Filtrer règles, propriétaires ou paires (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n règle d&apos;alerte activée</numerusform>
            <numerusform>%n règles d&apos;alerte activées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n règle d&apos;alerte désactivée</numerusform>
            <numerusform>%n règles d&apos;alerte désactivées</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete alert rules</source>
        <translation>Supprimer des règles d&apos;alerte</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alert rule(s)? Their owners are told the operator deleted them.</source>
        <translation>
            <numerusform>Supprimer %n règle d&apos;alerte ? Son propriétaire apprend que l&apos;opérateur l&apos;a supprimée.</numerusform>
            <numerusform>Supprimer %n règles d&apos;alerte ? Leurs propriétaires apprennent que l&apos;opérateur les a supprimées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n alert rule(s)</source>
        <translation>
            <numerusform>%n règle d&apos;alerte supprimée</numerusform>
            <numerusform>%n règles d&apos;alerte supprimées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rules, %2 enabled</source>
        <translation>%1 règles, %2 activées</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>Nouvelle règle…</translation>
    </message>
    <message>
        <source>Desk rules need the embedded server: this monitor-only desk runs none</source>
        <translation>Les règles du poste nécessitent le serveur intégré : ce poste de supervision seule n&apos;en exécute aucun</translation>
    </message>
    <message>
        <source>Add a rule of the desk&apos;s own: its alerts come here and, when chosen, to every client</source>
        <translation>Ajouter une règle propre au poste : ses alertes arrivent ici et, si choisi, à chaque client</translation>
    </message>
    <message>
        <source>Added desk alert rule %1</source>
        <translation>Règle d&apos;alerte du poste %1 ajoutée</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Corrélation</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilité</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pair(s)</source>
        <translation>Paire(s)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerte de prix</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsPanel</name>
    <message>
        <source>No alerts. Volatility and correlation alerts from the pipeline appear here as they arrive (fxmonitor-feed raises some within a minute); stored history is read from the database.</source>
        <translation>Aucune alerte. Les alertes de volatilité et de corrélation du pipeline apparaissent ici à leur arrivée (fxmonitor-feed en déclenche quelques-unes en une minute) ; l&apos;historique enregistré est lu dans la base de données.</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Charger les plus anciennes</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acquitter</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Acquitter tout</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>Acquitter les alertes sélectionnées (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)</source>
        <translation>Acquitter toutes les alertes non acquittées correspondant au filtre (Ctrl+Maj+K)</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilité</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>Corrélation</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Toute gravité</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Any pair</source>
        <translation>Toute paire</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>Acquittées ou non</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Non acquittées</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acquittée</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis toujours</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>Du … au …</translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation>Du (heure locale)</translation>
    </message>
    <message>
        <source>To (local time, exclusive)</source>
        <translation>Au (heure locale, exclu)</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Rechercher dans les messages (Ctrl+F)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>pas de base de données</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n alert(s)</source>
        <translation>
            <numerusform>%n alerte acquittée</numerusform>
            <numerusform>%n alertes acquittées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</source>
        <translation>
            <numerusform>Acquitter l&apos;alerte non acquittée correspondant au filtre actuel (%n affichée ici, plus anciennes de la base de données comprises) ?</numerusform>
            <numerusform>Acquitter toutes les alertes non acquittées correspondant au filtre actuel (%n affichées ici, plus anciennes de la base de données comprises) ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledged every alert matching the filter</source>
        <translation>Toutes les alertes correspondant au filtre sont acquittées</translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown · %3 unacknowledged</source>
        <translation>%1 alertes sur %2 affichées · %3 non acquittées</translation>
    </message>
    <message>
        <source>· history unavailable: %1</source>
        <translation>· historique indisponible : %1</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>Alerte de prix</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartFeedGaps</name>
    <message>
        <source>Feed down</source>
        <translation>Flux interrompu</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartPanel</name>
    <message>
        <source>Pair shown</source>
        <translation>Paire affichée</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Afficher les dernières %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Lignes acheteur, vendeur et milieu</translation>
    </message>
    <message>
        <source>Candles</source>
        <translation>Chandeliers</translation>
    </message>
    <message>
        <source>Candlesticks of the mid price: one minute each (five minutes in the 1 day window)</source>
        <translation>Chandeliers du prix milieu : une minute chacun (cinq minutes dans la fenêtre de 1 jour)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Back to the live window (or double-click the chart)</source>
        <translation>Revenir à la fenêtre en direct (ou double-cliquer sur le graphique)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation>Exporter le graphique en image PNG</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · double-click or right-click: back to live</source>
        <translation>Molette : zoom temporel · glisser : zoom sur un cadre · Maj+glisser ou bouton du milieu : défiler · double-clic ou clic droit : retour au direct</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Exporter le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
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
        <translation>1 jour</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientDetailsDialog</name>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (utilisateur %2)</translation>
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
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 messages (%2) sent, %3 received</source>
        <translation>%1 messages (%2) envoyés, %3 reçus</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>pas encore mesuré</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Id. du client</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>No database: the connection history is not available.</source>
        <translation>Pas de base de données : l&apos;historique des connexions n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n salon</numerusform>
            <numerusform>%n salons</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored connection from this address yet (connections are written within a second).</source>
        <translation>Aucune connexion enregistrée depuis cette adresse pour l&apos;instant (les connexions sont écrites en moins d&apos;une seconde).</translation>
    </message>
    <message numerus="yes">
        <source>%n stored connection(s) from %1.</source>
        <translation>
            <numerusform>%n connexion enregistrée depuis %1.</numerusform>
            <numerusform>%n connexions enregistrées depuis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Impossible de lire l&apos;historique : %1</translation>
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
        <translation>aucun</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>tous (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n salon</numerusform>
            <numerusform>%n salons</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>encore inconnu</translation>
    </message>
    <message>
        <source>Not subscribed to any pair</source>
        <translation>Abonné à aucune paire</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>%1 messages envoyés, %2 reçus</translation>
    </message>
    <message>
        <source>The &quot;sub&quot; of the client&apos;s token (WEBSOCKET_AUTH=jwt)</source>
        <translation>Le &quot;sub&quot; du jeton du client (WEBSOCKET_AUTH=jwt)</translation>
    </message>
    <message>
        <source>Last keep-alive round trip</source>
        <translation>Dernier aller-retour du keep-alive</translation>
    </message>
    <message>
        <source>Bytes waiting to be written to this client</source>
        <translation>Octets en attente d&apos;écriture vers ce client</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Id. du client</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Adresse distante</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Protocol / transport</source>
        <translation>Protocole / transport</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Connecté depuis</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>Dernier RTT</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>File d&apos;envoi</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientsPanel</name>
    <message>
        <source>No clients yet: connect with examples/client.js or python3 examples/client.py (see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws.</source>
        <translation>Aucun client pour l&apos;instant : connectez-vous avec examples/client.js ou python3 examples/client.py (voir examples/README.md), ou avec n&apos;importe quel client WebSocket sur ws://HOST:PORT/ws.</translation>
    </message>
    <message>
        <source>Disconnect client</source>
        <translation>Déconnecter le client</translation>
    </message>
    <message>
        <source>Copy client id</source>
        <translation>Copier l&apos;id. du client</translation>
    </message>
    <message>
        <source>Details and history…</source>
        <translation>Détails et historique…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Disconnecting client %1</source>
        <translation>Déconnexion du client %1</translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %n client(s)</source>
        <translation>
            <numerusform>Déconnexion de %n client</numerusform>
            <numerusform>Déconnexion de %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Highlighting the %n member(s) of %1</source>
        <translation>
            <numerusform>Mise en évidence du %n membre de %1</numerusform>
            <numerusform>Mise en évidence des %n membres de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Server busy: these rows are %1 s old</source>
        <translation>Serveur occupé : ces lignes datent de %1 s</translation>
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
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Send to every client</source>
        <translation>Envoyer à chaque client</translation>
    </message>
    <message>
        <source>New desk alert rule</source>
        <translation>Nouvelle règle d&apos;alerte du poste</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Milieu</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>rises above</source>
        <translation>monte au-dessus de</translation>
    </message>
    <message>
        <source>falls below</source>
        <translation>descend sous</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>croise</translation>
    </message>
    <message>
        <source>changes by % within a window</source>
        <translation>varie de % dans une fenêtre</translation>
    </message>
    <message>
        <source>a price, or a percentage for a change</source>
        <translation>un prix, ou un pourcentage pour une variation</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>à chaque fois</translation>
    </message>
    <message>
        <source>at most once per cooldown</source>
        <translation>au plus une fois par délai de carence</translation>
    </message>
    <message>
        <source>Each firing also goes to every connected client whose token permits the pair, as price_alert</source>
        <translation>Chaque déclenchement va aussi, en price_alert, à chaque client connecté dont le jeton permet la paire</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paire</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetModel</name>
    <message>
        <source>Stale: silent %1</source>
        <translation>Périmé : silencieux depuis %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>sans interface</translation>
    </message>
    <message>
        <source>desktop</source>
        <translation>bureau</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>%1 (host %2, pid %3)</source>
        <translation>%1 (hôte %2, pid %3)</translation>
    </message>
    <message>
        <source>No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)</source>
        <translation>Pas de heartbeat depuis plus de FLEET_STALE_SECONDS (%1 s)</translation>
    </message>
    <message>
        <source>Redis %1 via %2</source>
        <translation>Redis %1 via %2</translation>
    </message>
    <message>
        <source>Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)</source>
        <translation>Latence de livraison p50 / p99, 10 dernières s (de la réception sur le thread Redis à l&apos;écriture sur le socket)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
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
        <translation>Écoute</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clients trend</source>
        <translation>Tendance clients</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>Msg/s</translation>
    </message>
    <message>
        <source>Msg/s trend</source>
        <translation>Tendance msg/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Octets/s</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Latency p50/p99</source>
        <translation>Latence p50/p99</translation>
    </message>
    <message>
        <source>Conflated</source>
        <translation>Fusionnés</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonnés</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetPanel</name>
    <message>
        <source>No server on this Redis has sent a heartbeat yet: every fxmonitor-server (and every desktop with its embedded server) publishes one a second on the fxmonitor:fleet channel.</source>
        <translation>Aucun serveur sur ce Redis n&apos;a encore envoyé de heartbeat : chaque fxmonitor-server (et chaque poste avec son serveur intégré) en publie un par seconde sur le canal fxmonitor:fleet.</translation>
    </message>
    <message>
        <source>The fleet is not watched by this desk.</source>
        <translation>Ce poste ne surveille pas la flotte.</translation>
    </message>
    <message>
        <source>Filter servers (Ctrl+F)</source>
        <translation>Filtrer les serveurs (Ctrl+F)</translation>
    </message>
    <message>
        <source>Fleet: not watched</source>
        <translation>Flotte : non surveillée</translation>
    </message>
    <message>
        <source>Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s</source>
        <translation>Flotte : %1 actifs, %2 périmés · %3 clients · %4 msg/s · %5/s</translation>
    </message>
    <message>
        <source>%1 bad messages ignored</source>
        <translation>%1 messages incorrects ignorés</translation>
    </message>
    <message>
        <source>servers beyond %1 ignored</source>
        <translation>serveurs au-delà de %1 ignorés</translation>
    </message>
    <message>
        <source>Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)</source>
        <translation>Le serveur %1 est périmé : pas de heartbeat depuis %2 s (FLEET_STALE_SECONDS=%3)</translation>
    </message>
    <message>
        <source>Server %1 returned after %2 s without a heartbeat</source>
        <translation>Le serveur %1 est revenu après %2 s sans heartbeat</translation>
    </message>
</context>
<context>
    <name>fx::gui::MainWindow</name>
    <message numerus="yes">
        <source>Alerts (%n new)</source>
        <translation>
            <numerusform>Alertes (%n nouvelle)</numerusform>
            <numerusform>Alertes (%n nouvelles)</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or --no-server). The fleet&apos;s servers, their clients and rooms are in the Fleet panel.</source>
        <translation>Pas de serveur intégré : ce poste ne fait que superviser (EMBEDDED_SERVER=false, ou --no-server). Les serveurs de la flotte, leurs clients et salons sont dans le panneau Flotte.</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>Surveillance du marché</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>Graphique des prix</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Toutes les paires</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Price chart: %1</source>
        <translation>Graphique des prix : %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>Disposition réinitialisée</translation>
    </message>
    <message>
        <source>FX Monitor — monitor-only</source>
        <translation>FX Monitor — supervision seule</translation>
    </message>
    <message>
        <source>FX Monitor — %1</source>
        <translation>FX Monitor — %1</translation>
    </message>
    <message>
        <source>FX Monitor — server stopped</source>
        <translation>FX Monitor — serveur arrêté</translation>
    </message>
    <message>
        <source>About FX Monitor</source>
        <translation>À propos de FX Monitor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;The operator&apos;s desk for an FX data pipeline: a streaming server (plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and connections.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;Le poste de l&apos;opérateur pour un pipeline de données FX : un serveur de streaming (WebSocket JSON simple et Socket.IO) alimenté par Redis, avec stockage des alertes, des prix et des connexions.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server started</source>
        <translation>Serveur démarré</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>Le serveur n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <source>Server not started</source>
        <translation>Serveur non démarré</translation>
    </message>
    <message>
        <source>The server could not start: %1

Change the address or port in Settings (Ctrl+,), then start it again.</source>
        <translation>Le serveur n&apos;a pas pu démarrer : %1

Modifiez l&apos;adresse ou le port dans les Paramètres (Ctrl+,), puis redémarrez-le.</translation>
    </message>
    <message>
        <source>Stopping the server: clients are closed with 1001 (going away)</source>
        <translation>Arrêt du serveur : les clients sont fermés avec 1001 (going away)</translation>
    </message>
    <message>
        <source>Restart the server</source>
        <translation>Redémarrer le serveur</translation>
    </message>
    <message numerus="yes">
        <source>Restart the server with the saved settings? The %n connected client(s) will be closed with 1001 (going away) and may reconnect.</source>
        <translation>
            <numerusform>Redémarrer le serveur avec les paramètres enregistrés ? Le %n client connecté sera fermé avec 1001 (going away) et pourra se reconnecter.</numerusform>
            <numerusform>Redémarrer le serveur avec les paramètres enregistrés ? Les %n clients connectés seront fermés avec 1001 (going away) et pourront se reconnecter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restarting the server…</source>
        <translation>Redémarrage du serveur…</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Serveur arrêté</translation>
    </message>
    <message>
        <source>Redis settings applied: reconnecting</source>
        <translation>Paramètres Redis appliqués : reconnexion</translation>
    </message>
    <message>
        <source>The new server settings apply when the server restarts. Restart it now?</source>
        <translation>Les nouveaux paramètres du serveur s&apos;appliquent au redémarrage du serveur. Le redémarrer maintenant ?</translation>
    </message>
    <message>
        <source>The new server settings apply when the server starts</source>
        <translation>Les nouveaux paramètres du serveur s&apos;appliquent au démarrage du serveur</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
    <message>
        <source>%1 take effect when FX Monitor is started again.</source>
        <translation>%1 prend effet au prochain démarrage de FX Monitor.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
    <message>
        <source>TLS certificate reloaded: %1</source>
        <translation>Certificat TLS rechargé : %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded: %1</source>
        <translation>Certificat TLS non rechargé : %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded</source>
        <translation>Certificat TLS non rechargé</translation>
    </message>
    <message>
        <source>The TLS certificate was not reloaded: %1

The server keeps serving the previous certificate; connected clients are not affected.</source>
        <translation>Le certificat TLS n&apos;a pas été rechargé : %1

Le serveur continue d&apos;utiliser le certificat précédent ; les clients connectés ne sont pas affectés.</translation>
    </message>
    <message>
        <source>Filter the focused table</source>
        <translation>Filtrer le tableau actif</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Copier les lignes sélectionnées</translation>
    </message>
    <message>
        <source>Export the focused table as CSV</source>
        <translation>Exporter le tableau actif en CSV</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts</source>
        <translation>Acquitter les alertes sélectionnées</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter</source>
        <translation>Acquitter toutes les alertes correspondant au filtre</translation>
    </message>
    <message>
        <source>Restart the server (asks first)</source>
        <translation>Redémarrer le serveur (demande d&apos;abord)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Disconnect the selected clients</source>
        <translation>Déconnecter les clients sélectionnés</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>Arrêter le serveur et quitter</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>C&amp;lair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>Afficher ou masquer la fenêtre</translation>
    </message>
    <message>
        <source>%1 alert: %2</source>
        <translation>Alerte %1 : %2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n nouvelle alerte</numerusform>
            <numerusform>%n nouvelles alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>FX Monitor is still serving</source>
        <translation>FX Monitor sert toujours</translation>
    </message>
    <message>
        <source>The server keeps running. Click the tray icon to open the window.</source>
        <translation>Le serveur continue de tourner. Cliquez sur l&apos;icône de la zone de notification pour ouvrir la fenêtre.</translation>
    </message>
    <message>
        <source>Keep serving?</source>
        <translation>Continuer à servir ?</translation>
    </message>
    <message>
        <source>FX Monitor can keep the server running in the system tray when its window closes; clients stay connected. What should closing the window do? (You will not be asked again; Settings &gt; Desktop changes it.)</source>
        <translation>FX Monitor peut laisser le serveur tourner dans la zone de notification quand sa fenêtre se ferme ; les clients restent connectés. Que doit faire la fermeture de la fenêtre ? (La question ne sera plus posée ; Paramètres &gt; Bureau permet de changer ce choix.)</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>Continuer à servir dans la zone de notification</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Graphique : %1</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Règles d&apos;alerte</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchModel</name>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 périmé</translation>
    </message>
    <message>
        <source>No price received yet for %1</source>
        <translation>Aucun prix reçu pour %1 pour l&apos;instant</translation>
    </message>
    <message>
        <source>Stale: no tick for %1 s</source>
        <translation>Périmé : pas de tick depuis %1 s</translation>
    </message>
    <message>
        <source>No reference price yet</source>
        <translation>Pas encore de prix de référence</translation>
    </message>
    <message>
        <source>Since the first tick seen today, at %1 (mid %2)</source>
        <translation>Depuis le premier tick vu aujourd&apos;hui, à %1 (milieu %2)</translation>
    </message>
    <message>
        <source>Since the trading day opened at %1 (mid %2)</source>
        <translation>Depuis l&apos;ouverture de la journée de bourse à %1 (milieu %2)</translation>
    </message>
    <message>
        <source>Spread in pips (1 pip = %1)</source>
        <translation>Écart en pips (1 pip = %1)</translation>
    </message>
    <message>
        <source>Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)</source>
        <translation>Vendeur moins acheteur en pips (paires JPY : 0,01 ; autres : 0,0001)</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened (21:00 UTC), in pips</source>
        <translation>Variation du prix milieu depuis l&apos;ouverture de la journée (21:00 UTC), en pips</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened, in percent</source>
        <translation>Variation du prix milieu depuis l&apos;ouverture de la journée, en pourcentage</translation>
    </message>
    <message>
        <source>Time of the last tick, local time (UTC in the cell&apos;s tooltip)</source>
        <translation>Heure du dernier tick, heure locale (UTC dans l&apos;infobulle de la cellule)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paire</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Variation %</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchPanel</name>
    <message>
        <source>No pairs configured (FX_PAIRS).</source>
        <translation>Aucune paire configurée (FX_PAIRS).</translation>
    </message>
    <message>
        <source>Open chart in a new panel</source>
        <translation>Ouvrir le graphique dans un nouveau panneau</translation>
    </message>
    <message>
        <source>Show in the price chart</source>
        <translation>Afficher dans le graphique des prix</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Variation %</translation>
    </message>
</context>
<context>
    <name>fx::gui::PriceChartView</name>
    <message>
        <source>Reading the history of %1…</source>
        <translation>Lecture de l&apos;historique de %1…</translation>
    </message>
    <message>
        <source>No price of %1 in this window yet: prices appear as the pipeline publishes them.</source>
        <translation>Pas encore de prix de %1 dans cette fenêtre : les prix apparaissent à mesure que le pipeline les publie.</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <source>Mid</source>
        <translation>Milieu</translation>
    </message>
    <message>
        <source>Mid, OHLC</source>
        <translation>Milieu, OHLC</translation>
    </message>
</context>
<context>
    <name>fx::gui::RateGraph</name>
    <message>
        <source>The last two minutes, four samples a second</source>
        <translation>Les deux dernières minutes, quatre échantillons par seconde</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>pic %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsModel</name>
    <message numerus="yes">
        <source>%n subscriber(s) in %1</source>
        <translation>
            <numerusform>%n abonné dans %1</numerusform>
            <numerusform>%n abonnés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>encore inconnu</translation>
    </message>
    <message>
        <source>%1 (%2), member of %3</source>
        <translation>%1 (%2), membre de %3</translation>
    </message>
    <message>
        <source>Room / client</source>
        <translation>Salon / client</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Abonnés</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>Adresse distante</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsPanel</name>
    <message>
        <source>No rooms: FX_PAIRS lists no pair.</source>
        <translation>Aucun salon : FX_PAIRS ne contient aucune paire.</translation>
    </message>
    <message>
        <source>Filter rooms or clients (Ctrl+F)</source>
        <translation>Filtrer les salons ou les clients (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SecretStore</name>
    <message>
        <source>the system keyring did not answer within %1 s</source>
        <translation>le trousseau système n&apos;a pas répondu en %1 s</translation>
    </message>
    <message>
        <source>No system keyring: passwords are used for this session only and not saved</source>
        <translation>Pas de trousseau système : les mots de passe servent pour cette session seulement et ne sont pas enregistrés</translation>
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
        <translation>%1 msg/s</translation>
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
        <translation>De la réception d&apos;un message sur le thread Redis à son écriture sur le socket d&apos;un client, sur les 10 dernières secondes ; « âge » compte à partir de l&apos;heure propre du prix</translation>
    </message>
    <message>
        <source>Listening:</source>
        <translation>Écoute :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS :</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Disponibilité :</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>Clients :</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Connexions :</translation>
    </message>
    <message>
        <source>Messages/s:</source>
        <translation>Messages/s :</translation>
    </message>
    <message>
        <source>Bytes/s:</source>
        <translation>Octets/s :</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latence :</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>Salons :</translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation>Redis :</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Erreurs :</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>Refusés :</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Canal Redis</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonnés</translation>
    </message>
    <message>
        <source>Messages received per channel and messages dropped as invalid (hover a count for the reasons)</source>
        <translation>Messages reçus par canal et messages abandonnés car invalides (survolez un nombre pour voir les motifs)</translation>
    </message>
    <message>
        <source>nothing delivered in the last 10 s</source>
        <translation>rien livré dans les 10 dernières s</translation>
    </message>
    <message>
        <source>p50 %1 · p99 %2</source>
        <translation>p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>age p50 %1 · p99 %2</source>
        <translation>âge p50 %1 · p99 %2</translation>
    </message>
    <message>
        <source>%1 ahead of this clock</source>
        <translation>%1 d&apos;avance sur cette horloge</translation>
    </message>
    <message>
        <source>Open to the network: any client that reaches the port can read every price and alert (WEBSOCKET_AUTH=none: clients need no token)</source>
        <translation>Ouvert au réseau : tout client qui atteint le port peut lire tous les prix et alertes (WEBSOCKET_AUTH=none : les clients n&apos;ont besoin d&apos;aucun jeton)</translation>
    </message>
    <message>
        <source>%1 of %2 (peak %3)</source>
        <translation>%1 sur %2 (pic %3)</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 depuis le démarrage</translation>
    </message>
    <message>
        <source>%1 rooms, %2 with subscribers</source>
        <translation>%1 salons, %2 avec abonnés</translation>
    </message>
    <message>
        <source>%1 client errors, %2 conflated updates</source>
        <translation>%1 erreurs de clients, %2 mises à jour fusionnées</translation>
    </message>
    <message>
        <source>%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes</source>
        <translation>%1 jetons, %2 paires interdites, %3 origines, %4 requêtes d&apos;administration, %5 handshakes TLS</translation>
    </message>
    <message>
        <source>No token refused</source>
        <translation>Aucun jeton refusé</translation>
    </message>
    <message>
        <source>Tokens refused, by reason:
%1</source>
        <translation>Jetons refusés, par motif :
%1</translation>
    </message>
    <message>
        <source>— (no embedded server)</source>
        <translation>— (pas de serveur intégré)</translation>
    </message>
    <message>
        <source>read only: the servers sharing it write (monitor-only desk)</source>
        <translation>lecture seule : les serveurs qui la partagent y écrivent (poste de supervision seule)</translation>
    </message>
    <message>
        <source>%1 ticks, %2 alerts written · %3 waiting</source>
        <translation>%1 ticks, %2 alertes écrites · %3 en attente</translation>
    </message>
    <message>
        <source>Nothing dropped</source>
        <translation>Rien d&apos;abandonné</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingField</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>%1. In use: %2 (%3)</source>
        <translation>%1. Utilisé : %2 (%3)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>Overridden by %1: what you save here is used only when %1 no longer sets it.</source>
        <translation>Remplacé par %1 : ce que vous enregistrez ici n&apos;est utilisé que lorsque %1 ne le définit plus.</translation>
    </message>
    <message>
        <source>Saved in the system keyring, never in the settings file.</source>
        <translation>Enregistré dans le trousseau système, jamais dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>saved settings</source>
        <translation>paramètres enregistrés</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>environnement</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>trousseau du système</translation>
    </message>
</context>
<context>
    <name>fx::gui::SmallMultiplesPanel</name>
    <message>
        <source>Last minute</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>5 dernières minutes</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Mid price of every pair, blue rising, red falling over the window:</source>
        <translation>Prix milieu de chaque paire, bleu en hausse, rouge en baisse sur la fenêtre :</translation>
    </message>
</context>
<context>
    <name>fx::gui::Sparkline</name>
    <message>
        <source>%1: click to show it in the price chart, double-click to open a chart panel</source>
        <translation>%1 : cliquer pour l&apos;afficher dans le graphique des prix, double-cliquer pour ouvrir un panneau de graphique</translation>
    </message>
    <message>
        <source>waiting for prices</source>
        <translation>en attente des prix</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>périmé</translation>
    </message>
</context>
<context>
    <name>fx::gui::StatusText</name>
    <message>
        <source>Monitor-only: no embedded server</source>
        <translation>Supervision seule : pas de serveur intégré</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Serveur arrêté</translation>
    </message>
    <message>
        <source>Listening on %1 with TLS (wss://, https://)</source>
        <translation>À l&apos;écoute sur %1 avec TLS (wss://, https://)</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>À l&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>Redis not started</source>
        <translation>Redis non démarré</translation>
    </message>
    <message>
        <source>Redis idle</source>
        <translation>Redis inactif</translation>
    </message>
    <message>
        <source>Redis connecting to %1</source>
        <translation>Redis se connecte à %1</translation>
    </message>
    <message>
        <source>Redis connected to %1 via %2</source>
        <translation>Redis connecté à %1 via %2</translation>
    </message>
    <message>
        <source>Redis connected</source>
        <translation>Redis connecté</translation>
    </message>
    <message numerus="yes">
        <source>Redis disconnected%1, retrying in %n s</source>
        <translation>
            <numerusform>Redis déconnecté%1, nouvel essai dans %n s</numerusform>
            <numerusform>Redis déconnecté%1, nouvel essai dans %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis disconnected%1, retrying now</source>
        <translation>Redis déconnecté%1, nouvel essai maintenant</translation>
    </message>
    <message>
        <source>Database off</source>
        <translation>Base de données désactivée</translation>
    </message>
    <message>
        <source>Database not configured</source>
        <translation>Base de données non configurée</translation>
    </message>
    <message>
        <source>Database connecting</source>
        <translation>Connexion à la base de données</translation>
    </message>
    <message>
        <source>Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 connection records</source>
        <translation>Base de données ok ; abandonnés pendant son absence : %1 alertes, %2 ticks, %3 enregistrements de connexion</translation>
    </message>
    <message>
        <source>Database ok</source>
        <translation>Base de données ok</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, %5 connection records, retrying in %6</source>
        <translation>Erreur de base de données (%1), %2 lignes en attente, abandonnés %3 alertes, %4 ticks, %5 enregistrements de connexion, nouvel essai dans %6</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, retrying in %3</source>
        <translation>Erreur de base de données (%1), %2 lignes en attente, nouvel essai dans %3</translation>
    </message>
    <message>
        <source>Database error (%1)</source>
        <translation>Erreur de base de données (%1)</translation>
    </message>
    <message>
        <source>Database refused: %1</source>
        <translation>Base de données refusée : %1</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>Aucune séance ouverte</translation>
    </message>
    <message>
        <source>Market closed (weekend)</source>
        <translation>Marché fermé (week-end)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 ouverte</translation>
    </message>
    <message>
        <source>monitor-only (clients: see Fleet)</source>
        <translation>supervision seule (clients : voir Flotte)</translation>
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
        <translation>Londres</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>New York</translation>
    </message>
</context>
<context>
    <name>fx::gui::TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV (Ctrl+E)</source>
        <translation>Exporter les lignes affichées en CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>No row matches &quot;%1&quot;. Clear the filter to see every row.</source>
        <translation>Aucune ligne ne correspond à « %1 ». Effacez le filtre pour voir toutes les lignes.</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>fx::gui::fmt</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 j %2</translation>
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
        <translation> (%1 reste en clair dans %2 jusqu&apos;à ce qu&apos;un trousseau soit disponible)</translation>
    </message>
    <message>
        <source>%1 not saved in the system keyring (%2): used for this session only</source>
        <translation>%1 non enregistré dans le trousseau système (%2) : utilisé pour cette session seulement</translation>
    </message>
    <message>
        <source>%1 stays in plain text in the settings file: the system keyring refused it (%2)</source>
        <translation>%1 reste en clair dans le fichier de paramètres : le trousseau système l&apos;a refusé (%2)</translation>
    </message>
    <message>
        <source>FX Monitor desktop: the streaming server (plain JSON WebSocket and Socket.IO) fed by the pipeline&apos;s Redis channels, with the operator&apos;s window.</source>
        <translation>FX Monitor bureau : le serveur de streaming (WebSocket JSON simple et Socket.IO) alimenté par les canaux Redis du pipeline, avec la fenêtre de l&apos;opérateur.</translation>
    </message>
    <message>
        <source>Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the fleet, prices and alerts through Redis and the shared database.</source>
        <translation>Poste de supervision seule : pas de serveur intégré (EMBEDDED_SERVER=false) ; surveiller la flotte, les prix et les alertes via Redis et la base de données partagée.</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: Settings &gt; Language, else the system&apos;s)</source>
        <translation>Langue de la fenêtre : %1 (par défaut : Paramètres &gt; Langue, sinon celle du système)</translation>
    </message>
</context>
</TS>
