<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ClientDetailsDialog</name>
    <message>
        <source>Client details</source>
        <translation>クライアントの詳細</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>クライアント ID:</translation>
    </message>
    <message>
        <source>Remote address:</source>
        <translation>リモートアドレス:</translation>
    </message>
    <message>
        <source>Protocol / transport:</source>
        <translation>プロトコル / トランスポート:</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>接続開始:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>ルーム:</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>トラフィック:</translation>
    </message>
    <message>
        <source>Last round trip / send queue:</source>
        <translation>直近の往復時間 / 送信キュー:</translation>
    </message>
    <message>
        <source>Recent connections from this address (stored history, newest first):</source>
        <translation>このアドレスからの最近の接続 (保存された履歴、新しい順):</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>履歴を読み込んでいます…</translation>
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
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>サーバー(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>アラート(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Server toolbar</source>
        <translation>サーバーツールバー</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>サーバーを開始(&amp;S)</translation>
    </message>
    <message>
        <source>Start the streaming server with the current settings</source>
        <translation>現在の設定でストリーミングサーバーを開始します</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>サーバーを停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the streaming server (clients are closed with 1001)</source>
        <translation>ストリーミングサーバーを停止します (クライアントは 1001 で切断されます)</translation>
    </message>
    <message>
        <source>&amp;Restart server…</source>
        <translation>サーバーを再起動(&amp;R)…</translation>
    </message>
    <message>
        <source>Restart the server with the saved settings (F5)</source>
        <translation>保存された設定でサーバーを再起動します (F5)</translation>
    </message>
    <message>
        <source>&amp;Copy WebSocket URL</source>
        <translation>WebSocket URL をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the server&apos;s WebSocket address for a client</source>
        <translation>クライアント用にサーバーの WebSocket アドレスをコピーします</translation>
    </message>
    <message>
        <source>Reload &amp;TLS certificate</source>
        <translation>TLS 証明書の再読み込み(&amp;T)</translation>
    </message>
    <message>
        <source>Read the TLS certificate and key files again; connected clients stay connected</source>
        <translation>TLS 証明書と鍵のファイルを読み直します。接続中のクライアントは接続されたままです</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>All settings (Ctrl+,)</source>
        <translation>すべての設定 (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>表を CSV でエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the focused table as CSV (Ctrl+E)</source>
        <translation>フォーカスのある表を CSV でエクスポートします (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;chart as PNG…</source>
        <translation>チャートを PNG でエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Export the price chart as a PNG image</source>
        <translation>価格チャートを PNG 画像でエクスポートします</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>サーバーを停止して終了します</translation>
    </message>
    <message>
        <source>&amp;Filter table</source>
        <translation>表をフィルター(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the focused table (Ctrl+F)</source>
        <translation>フォーカスのある表をフィルターします (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New chart panel</source>
        <translation>新しいチャートパネル(&amp;N)</translation>
    </message>
    <message>
        <source>Open another price chart panel</source>
        <translation>価格チャートのパネルをもう一つ開きます</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>Put every panel back where it starts</source>
        <translation>すべてのパネルを初期位置に戻します</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>選択したものを確認済みにする(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>選択したアラートを確認済みにします (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge &amp;all</source>
        <translation>すべて確認済みにする(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter (Ctrl+Shift+K)</source>
        <translation>フィルターに一致するすべてのアラートを確認済みにします (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>&amp;Show alerts</source>
        <translation>アラートを表示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the alerts panel</source>
        <translation>アラートパネルを表示します</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation>キーボードショートカットの一覧を表示します</translation>
    </message>
    <message>
        <source>&amp;About FX Monitor</source>
        <translation>FX Monitor について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Values saved here apply at start-up and when the server is restarted. A value set in a .env file, the environment or a command-line flag wins over the saved one: such settings are marked.</source>
        <translation>ここで保存した値は起動時とサーバーの再起動時に適用されます。.env ファイル、環境変数、またはコマンドラインオプションで設定された値は保存された値より優先されます。そのような設定には印が付きます。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>デスクトップ</translation>
    </message>
    <message>
        <source>Tray notifications for:</source>
        <translation>トレイ通知の対象:</translation>
    </message>
    <message>
        <source>Critical alerts</source>
        <translation>重大なアラート</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Chart window:</source>
        <translation>チャートの期間:</translation>
    </message>
    <message>
        <source>Chart style:</source>
        <translation>チャートのスタイル:</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Bid、Ask、仲値のライン</translation>
    </message>
    <message>
        <source>Candlesticks (1 minute)</source>
        <translation>ローソク足 (1 分)</translation>
    </message>
    <message>
        <source>Market watch:</source>
        <translation>マーケットウォッチ:</translation>
    </message>
    <message>
        <source>Flash prices briefly when they change (blue up, red down)</source>
        <translation>価格が変わったときに短く点滅させる (上昇は青、下落は赤)</translation>
    </message>
    <message>
        <source>Stale after:</source>
        <translation>古いとみなすまで:</translation>
    </message>
    <message>
        <source> s without a tick</source>
        <translation> 秒ティックなし</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>テーマ:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Closing the window:</source>
        <translation>ウィンドウを閉じるとき:</translation>
    </message>
    <message>
        <source>Ask what to do</source>
        <translation>どうするか確認する</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>トレイで配信を続ける</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>サーバーを停止して終了します</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>The language changes when FX Monitor is started again.</source>
        <translation>言語は FX Monitor の次回起動時に変わります。</translation>
    </message>
</context>
<context>
    <name>fx::core::Settings</name>
    <message>
        <source>Address the server listens on (IP address or localhost)</source>
        <translation>サーバーが待ち受けるアドレス (IP アドレスまたは localhost)</translation>
    </message>
    <message>
        <source>Port for WebSocket, Socket.IO and HTTP (0: any free port)</source>
        <translation>WebSocket、Socket.IO、HTTP のポート (0: 任意の空きポート)</translation>
    </message>
    <message>
        <source>Most clients connected at once</source>
        <translation>同時に接続できるクライアントの最大数</translation>
    </message>
    <message>
        <source>Most clients connected at once from one IP address (0: no limit)</source>
        <translation>1 つの IP アドレスから同時に接続できるクライアントの最大数 (0: 制限なし)</translation>
    </message>
    <message>
        <source>Seconds between keep-alive pings (fractions allowed)</source>
        <translation>キープアライブ ping の間隔 (秒、小数可)</translation>
    </message>
    <message>
        <source>Seconds a client has to answer a ping (fractions allowed)</source>
        <translation>クライアントが ping に応答するまでの猶予 (秒、小数可)</translation>
    </message>
    <message>
        <source>Largest message a client may send, in bytes</source>
        <translation>クライアントが送信できるメッセージの最大サイズ (バイト)</translation>
    </message>
    <message>
        <source>Server I/O threads (0: one per core)</source>
        <translation>サーバーの I/O スレッド数 (0: コアごとに 1 つ)</translation>
    </message>
    <message>
        <source>Requests per second a client may send (sustained)</source>
        <translation>クライアントが送信できる 1 秒あたりのリクエスト数 (継続時)</translation>
    </message>
    <message>
        <source>Requests a client may send in a burst</source>
        <translation>クライアントがバーストで送信できるリクエスト数</translation>
    </message>
    <message>
        <source>Bytes queued for a slow client before it is disconnected</source>
        <translation>遅いクライアントを切断するまでにキューに溜められるバイト数</translation>
    </message>
    <message>
        <source>Client authentication: none, or jwt (every client presents a JSON Web Token)</source>
        <translation>クライアント認証: none、または jwt (各クライアントが JSON Web Token を提示)</translation>
    </message>
    <message>
        <source>HMAC secret for HS256/384/512 tokens (at least 32 bytes)</source>
        <translation>HS256/384/512 トークン用の HMAC シークレット (32 バイト以上)</translation>
    </message>
    <message>
        <source>PEM public key file for RS256/384/512 or ES256/384 tokens</source>
        <translation>RS256/384/512 または ES256/384 トークン用の PEM 公開鍵ファイル</translation>
    </message>
    <message>
        <source>Seconds of clock skew allowed for a token&apos;s exp and nbf</source>
        <translation>トークンの exp と nbf に許容する時計のずれ (秒)</translation>
    </message>
    <message>
        <source>Required token audience (aud); empty: not checked</source>
        <translation>トークンに必要な audience (aud)。空: 確認しない</translation>
    </message>
    <message>
        <source>Required token issuer (iss); empty: not checked</source>
        <translation>トークンに必要な発行者 (iss)。空: 確認しない</translation>
    </message>
    <message>
        <source>TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)</source>
        <translation>TLS 証明書 (PEM、リーフの後にチェーン): wss:// と https:// で配信 (空: 平文)</translation>
    </message>
    <message>
        <source>Private key of the TLS certificate (PEM, RSA or EC, unencrypted)</source>
        <translation>TLS 証明書の秘密鍵 (PEM、RSA または EC、暗号化なし)</translation>
    </message>
    <message>
        <source>Origins browsers may connect from: * or a comma-separated list</source>
        <translation>ブラウザーが接続できるオリジン: * またはカンマ区切りのリスト</translation>
    </message>
    <message>
        <source>Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)</source>
        <translation>X-Forwarded-For がクライアントを示すプロキシ: アドレスまたはサブネットをカンマ区切りで (空: なし)</translation>
    </message>
    <message>
        <source>Comma-separated currency pairs (empty: the 20 default pairs)</source>
        <translation>カンマ区切りの通貨ペア (空: 既定の 20 ペア)</translation>
    </message>
    <message>
        <source>Send the last known price of each newly subscribed pair right after subscribing (true/false)</source>
        <translation>新しく購読したペアの最新価格を購読直後に送信する (true/false)</translation>
    </message>
    <message>
        <source>Messages kept per room and for alerts, for recovery after a reconnect (0: no history)</source>
        <translation>再接続後の復旧のために、ルームごととアラート用に保持するメッセージ数 (0: 履歴なし)</translation>
    </message>
    <message>
        <source>Seconds a message stays in the recovery history</source>
        <translation>メッセージが復旧用の履歴に残る秒数</translation>
    </message>
    <message>
        <source>Socket.IO connection state recovery: an offset argument on every event (true/false)</source>
        <translation>Socket.IO の接続状態の復旧: すべてのイベントに offset 引数を付ける (true/false)</translation>
    </message>
    <message>
        <source>This server&apos;s name in the fleet heartbeat (empty: &lt;hostname&gt;:&lt;port&gt;; at most 128 characters)</source>
        <translation>フリートのハートビートでのこのサーバーの名前 (空: &lt;hostname&gt;:&lt;port&gt;、最大 128 文字)</translation>
    </message>
    <message>
        <source>Seconds without a heartbeat before the desk shows a server as stale</source>
        <translation>デスクがサーバーを古いと表示するまでのハートビートなしの秒数</translation>
    </message>
    <message>
        <source>Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)</source>
        <translation>デスクトップ: 組み込みサーバーを実行する (false: 監視専用デスク、Redis 経由でフリートを監視)</translation>
    </message>
    <message>
        <source>Redis host</source>
        <translation>Redis ホスト</translation>
    </message>
    <message>
        <source>Redis port</source>
        <translation>Redis ポート</translation>
    </message>
    <message>
        <source>Redis database number</source>
        <translation>Redis データベース番号</translation>
    </message>
    <message>
        <source>Redis password (None: no AUTH)</source>
        <translation>Redis パスワード (None: AUTH なし)</translation>
    </message>
    <message>
        <source>Redis 6+ ACL user for AUTH (empty: AUTH with the password only)</source>
        <translation>AUTH に使う Redis 6+ の ACL ユーザー (空: パスワードのみで AUTH)</translation>
    </message>
    <message>
        <source>Redis Unix socket path (wins over host and port)</source>
        <translation>Redis の Unix ソケットのパス (ホストとポートより優先)</translation>
    </message>
    <message>
        <source>Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)</source>
        <translation>Redis Sentinel を host:port,host:port,... で指定: それらを通じてマスターを見つける (空: Sentinel なし)</translation>
    </message>
    <message>
        <source>Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)</source>
        <translation>Sentinel が監視するマスターの名前 (REDIS_SENTINELS と共に必要)</translation>
    </message>
    <message>
        <source>ACL user for AUTH to the Sentinels (empty: AUTH with the password only)</source>
        <translation>Sentinel への AUTH に使う ACL ユーザー (空: パスワードのみで AUTH)</translation>
    </message>
    <message>
        <source>Password of the Sentinels (empty: no AUTH to the Sentinels)</source>
        <translation>Sentinel のパスワード (空: Sentinel への AUTH なし)</translation>
    </message>
    <message>
        <source>Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)</source>
        <translation>Redis Cluster のノードを host:port,host:port,... で指定 (空: 単一の Redis または Sentinel)</translation>
    </message>
    <message>
        <source>Prefix of every channel name, e.g. fx:</source>
        <translation>すべてのチャネル名の接頭辞 (例: fx:)</translation>
    </message>
    <message>
        <source>Channel of price updates</source>
        <translation>価格更新のチャネル</translation>
    </message>
    <message>
        <source>Channel of volatility alerts</source>
        <translation>ボラティリティアラートのチャネル</translation>
    </message>
    <message>
        <source>Channel of correlation alerts</source>
        <translation>相関アラートのチャネル</translation>
    </message>
    <message>
        <source>Channel of data-ready notices</source>
        <translation>データ準備完了通知のチャネル</translation>
    </message>
    <message>
        <source>Largest Redis message accepted, in bytes</source>
        <translation>受け付ける Redis メッセージの最大サイズ (バイト)</translation>
    </message>
    <message>
        <source>PostgreSQL host (empty: embedded SQLite)</source>
        <translation>PostgreSQL ホスト (空: 組み込みの SQLite)</translation>
    </message>
    <message>
        <source>PostgreSQL port</source>
        <translation>PostgreSQL ポート</translation>
    </message>
    <message>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL データベース</translation>
    </message>
    <message>
        <source>PostgreSQL user</source>
        <translation>PostgreSQL ユーザー</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL パスワード</translation>
    </message>
    <message>
        <source>PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full</source>
        <translation>PostgreSQL の sslmode: disable、allow、prefer、require、verify-ca、verify-full</translation>
    </message>
    <message>
        <source>SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)</source>
        <translation>SQLite ファイル (空: ~/.local/share/FXMonitor/fxmonitor.sqlite)</translation>
    </message>
    <message>
        <source>Days raw ticks are kept</source>
        <translation>生のティックを保持する日数</translation>
    </message>
    <message>
        <source>Days one-minute bars are kept</source>
        <translation>1 分足を保持する日数</translation>
    </message>
    <message>
        <source>Seconds the database writes may take at stop, retrying while it is down (0: do not wait)</source>
        <translation>停止時にデータベースへの書き込みにかけられる秒数。停止中は再試行します (0: 待たない)</translation>
    </message>
    <message>
        <source>DEBUG, INFO, WARNING, ERROR or CRITICAL</source>
        <translation>DEBUG、INFO、WARNING、ERROR または CRITICAL</translation>
    </message>
    <message>
        <source>Also write the log to this file</source>
        <translation>ログをこのファイルにも書き込む</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>バイト</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>待ち受けアドレス</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>待ち受けポート</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>空いている任意のポート</translation>
    </message>
    <message>
        <source>Most clients at once</source>
        <translation>同時接続クライアント数の上限</translation>
    </message>
    <message>
        <source>Most clients from one address</source>
        <translation>1アドレスあたりのクライアント上限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>キープアライブ間隔</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>キープアライブのタイムアウト</translation>
    </message>
    <message>
        <source>Largest client message</source>
        <translation>クライアントメッセージの最大サイズ</translation>
    </message>
    <message>
        <source>I/O threads</source>
        <translation>I/O スレッド数</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>コアごとに 1 つ</translation>
    </message>
    <message>
        <source>Request burst</source>
        <translation>リクエストのバースト</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Send queue per client</source>
        <translation>クライアントごとの送信キュー</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>管理トークン</translation>
    </message>
    <message>
        <source>Secret for /metrics and the detailed /health (at least 16 characters)</source>
        <translation>/metrics と詳細な /health 用のシークレット (16 文字以上)</translation>
    </message>
    <message>
        <source>Client authentication</source>
        <translation>クライアント認証</translation>
    </message>
    <message>
        <source>Token HMAC secret</source>
        <translation>トークンの HMAC シークレット</translation>
    </message>
    <message>
        <source>Token public key</source>
        <translation>トークンの公開鍵</translation>
    </message>
    <message>
        <source>Token clock leeway</source>
        <translation>トークンの時刻ずれ許容</translation>
    </message>
    <message>
        <source>Required token audience</source>
        <translation>必須のトークン audience</translation>
    </message>
    <message>
        <source>Required token issuer</source>
        <translation>必須のトークン発行者</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 証明書</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>TLS 秘密鍵</translation>
    </message>
    <message>
        <source>Allowed browser origins</source>
        <translation>許可するブラウザーのオリジン</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>信頼するプロキシ</translation>
    </message>
    <message>
        <source>Currency pairs</source>
        <translation>通貨ペア</translation>
    </message>
    <message>
        <source>Last price on subscribe</source>
        <translation>購読時に直近の価格を送る</translation>
    </message>
    <message>
        <source>Recovery history</source>
        <translation>復旧用の履歴</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>no history</source>
        <translation>履歴なし</translation>
    </message>
    <message>
        <source>Recovery history age</source>
        <translation>復旧用履歴の保持時間</translation>
    </message>
    <message>
        <source>Socket.IO state recovery</source>
        <translation>Socket.IO 状態の復旧</translation>
    </message>
    <message>
        <source>Server name in the fleet</source>
        <translation>フリート内のサーバー名</translation>
    </message>
    <message>
        <source>Stale server after</source>
        <translation>サーバーを停滞とみなすまで</translation>
    </message>
    <message>
        <source>Run the embedded server</source>
        <translation>組み込みサーバーを実行</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Database number</source>
        <translation>データベース番号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix ソケット</translation>
    </message>
    <message>
        <source>Sentinels</source>
        <translation>Sentinel</translation>
    </message>
    <message>
        <source>Sentinel master name</source>
        <translation>Sentinel のマスター名</translation>
    </message>
    <message>
        <source>Sentinel user name</source>
        <translation>Sentinel のユーザー名</translation>
    </message>
    <message>
        <source>Sentinel password</source>
        <translation>Sentinel のパスワード</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>クラスターノード</translation>
    </message>
    <message>
        <source>Channel prefix</source>
        <translation>チャネルの接頭辞</translation>
    </message>
    <message>
        <source>Price channel</source>
        <translation>価格チャネル</translation>
    </message>
    <message>
        <source>Volatility alert channel</source>
        <translation>ボラティリティ警告のチャネル</translation>
    </message>
    <message>
        <source>Correlation alert channel</source>
        <translation>相関警告のチャネル</translation>
    </message>
    <message>
        <source>Data-ready channel</source>
        <translation>データ準備完了のチャネル</translation>
    </message>
    <message>
        <source>Largest Redis message</source>
        <translation>Redis メッセージの最大サイズ</translation>
    </message>
    <message>
        <source>PostgreSQL host</source>
        <translation>PostgreSQL ホスト</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>データベース名</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL</source>
        <translation>PostgreSQL への TLS</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite ファイル</translation>
    </message>
    <message>
        <source>Keep ticks for</source>
        <translation>ティックの保持期間</translation>
    </message>
    <message>
        <source>Keep one-minute bars for</source>
        <translation>1 分足の保持期間</translation>
    </message>
    <message>
        <source>Write flush at stop</source>
        <translation>停止時の書き込み待ち</translation>
    </message>
    <message>
        <source>do not wait</source>
        <translation>待たない</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>ログレベル</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>ログファイル</translation>
    </message>
    <message>
        <source>Request rate per client</source>
        <translation>クライアントごとのリクエスト率</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>Alert rules per client</source>
        <translation>クライアントごとのアラートルール数</translation>
    </message>
    <message>
        <source>Most alert rules one client (or one user) may hold</source>
        <translation>1 つのクライアント(またはユーザー)が持てるアラートルールの上限</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>件</translation>
    </message>
    <message>
        <source>alert rules off</source>
        <translation>アラートルール無効</translation>
    </message>
    <message>
        <source>Alert rules in all</source>
        <translation>アラートルールの総数</translation>
    </message>
    <message>
        <source>Most alert rules the server holds for all clients together</source>
        <translation>サーバーが全クライアント合計で保持するアラートルールの上限</translation>
    </message>
    <message>
        <source>Restore stored subscriptions</source>
        <translation>保存した購読を復元</translation>
    </message>
    <message>
        <source>Rejoin the rooms an identified user was in when it connects again (true/false)</source>
        <translation>識別済みユーザーが再接続したとき、以前のルームに再参加する (true/false)</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesModel</name>
    <message>
        <source>client %1</source>
        <translation>クライアント %1</translation>
    </message>
    <message>
        <source>anonymous #%1</source>
        <translation>匿名 #%1</translation>
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
        <translation>仲値</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>スプレッド</translation>
    </message>
    <message>
        <source>above</source>
        <translation>以上</translation>
    </message>
    <message>
        <source>below</source>
        <translation>以下</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>交差</translation>
    </message>
    <message>
        <source>changes by % in %1 s</source>
        <translation>%1 秒で % 変化</translation>
    </message>
    <message>
        <source>once</source>
        <translation>1 回</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>毎回</translation>
    </message>
    <message>
        <source>cooldown %1 s</source>
        <translation>クールダウン %1 秒</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Connected as client %1</source>
        <translation>クライアント %1 として接続中</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>ペア</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>繰り返し</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>発火回数</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>最終発火</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>key %1…</source>
        <translation>キー %1…</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>デスク</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts also go to every client</source>
        <translation>デスク独自のルール: アラートはすべてのクライアントにも送られます</translation>
    </message>
    <message>
        <source>The desk&apos;s own rule: its alerts stay on the desk</source>
        <translation>デスク独自のルール: アラートはデスク内にとどまります</translation>
    </message>
    <message>
        <source>Stored in the database: its owner is not connected to this server, so it fires nowhere here until the owner connects again</source>
        <translation>データベースに保存済み：所有者がこのサーバーに接続していないため、再接続するまでここでは発火しません</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1（不在）</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertRulesPanel</name>
    <message>
        <source>Alert rules live on the servers: this monitor-only desk runs no server, so it holds none. Each server&apos;s clients set and list their own rules.</source>
        <translation>アラートルールはサーバー上にあります。この監視専用デスクはサーバーを実行しないため、ルールを保持しません。各サーバーのクライアントが自分のルールを設定・一覧表示します。</translation>
    </message>
    <message>
        <source>No alert rules: clients set them with set_alert (docs/PROTOCOL.md, &quot;Alert rules&quot;).</source>
        <translation>アラートルールはありません。クライアントが set_alert で設定します (docs/PROTOCOL.md の「Alert rules」)。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>有効にする</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Stop the selected rules from firing; their owners are told</source>
        <translation>選択したルールの発火を止めます。所有者に通知されます</translation>
    </message>
    <message>
        <source>Let the selected rules fire again; their owners are told</source>
        <translation>選択したルールを再び発火させます。所有者に通知されます</translation>
    </message>
    <message>
        <source>Delete the selected rules; their owners are told</source>
        <translation>選択したルールを削除します。所有者に通知されます</translation>
    </message>
    <message>
        <source>Filter rules, owners or pairs (Ctrl+F)</source>
        <translation>ルール、所有者、通貨ペアで絞り込み (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>Enabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n 件のアラートルールを有効にしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disabled %n alert rule(s)</source>
        <translation>
            <numerusform>%n 件のアラートルールを無効にしました</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete alert rules</source>
        <translation>アラートルールの削除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alert rule(s)? Their owners are told the operator deleted them.</source>
        <translation>
            <numerusform>%n 件のアラートルールを削除しますか? 所有者にはオペレーターが削除したことが通知されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n alert rule(s)</source>
        <translation>
            <numerusform>%n 件のアラートルールを削除しました</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rules, %2 enabled</source>
        <translation>ルール %1 件、有効 %2 件</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>新しいルール…</translation>
    </message>
    <message>
        <source>Desk rules need the embedded server: this monitor-only desk runs none</source>
        <translation>デスクのルールには組み込みサーバーが必要です。この監視専用デスクはサーバーを実行しません</translation>
    </message>
    <message>
        <source>Add a rule of the desk&apos;s own: its alerts come here and, when chosen, to every client</source>
        <translation>デスク独自のルールを追加: アラートはここに届き、選択した場合はすべてのクライアントにも送られます</translation>
    </message>
    <message>
        <source>Added desk alert rule %1</source>
        <translation>デスクのアラートルール %1 を追加しました</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相関</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>ボラティリティ</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 (%2 が確認)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Pair(s)</source>
        <translation>ペア</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>価格アラート</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>パイプライン</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>デスク</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
</context>
<context>
    <name>fx::gui::AlertsPanel</name>
    <message>
        <source>No alerts. Volatility and correlation alerts from the pipeline appear here as they arrive (fxmonitor-feed raises some within a minute); stored history is read from the database.</source>
        <translation>アラートはありません。パイプラインからのボラティリティと相関のアラートは届きしだいここに表示されます (fxmonitor-feed は 1 分以内にいくつか発生させます)。保存された履歴はデータベースから読み込まれます。</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>さらに古いものを読み込む</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>すべて確認済みにする</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (Ctrl+K)</source>
        <translation>選択したアラートを確認済みにします (Ctrl+K)</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alert matching the filter (Ctrl+Shift+K)</source>
        <translation>フィルターに一致する未確認のアラートをすべて確認済みにします (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>ボラティリティ</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>相関</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>オペレーター</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>すべての重大度</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Any pair</source>
        <translation>すべてのペア</translation>
    </message>
    <message>
        <source>Acknowledged or not</source>
        <translation>確認済みかどうかを問わない</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>過去 1 時間</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>期間指定…</translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation>開始 (ローカル時刻)</translation>
    </message>
    <message>
        <source>To (local time, exclusive)</source>
        <translation>終了 (ローカル時刻、含まない)</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>メッセージを検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>データベースなし</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n alert(s)</source>
        <translation>
            <numerusform>%n 件のアラートを確認済みにしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge every unacknowledged alert that matches the current filter (%n shown here, older ones in the database included)?</source>
        <translation>
            <numerusform>現在のフィルターに一致する未確認のアラートをすべて確認済みにしますか (ここに表示中の %n 件、データベース内の古いものを含む)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledged every alert matching the filter</source>
        <translation>フィルターに一致するすべてのアラートを確認済みにしました</translation>
    </message>
    <message>
        <source>%1 of %2 alerts shown · %3 unacknowledged</source>
        <translation>%2 件中 %1 件のアラートを表示 · 未確認 %3 件</translation>
    </message>
    <message>
        <source>· history unavailable: %1</source>
        <translation>· 履歴を利用できません: %1</translation>
    </message>
    <message>
        <source>Price alert</source>
        <translation>価格アラート</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartFeedGaps</name>
    <message>
        <source>Feed down</source>
        <translation>フィード停止</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartPanel</name>
    <message>
        <source>Pair shown</source>
        <translation>表示するペア</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>直近 %1 を表示</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ライン</translation>
    </message>
    <message>
        <source>Bid, ask and mid lines</source>
        <translation>Bid、Ask、仲値のライン</translation>
    </message>
    <message>
        <source>Candles</source>
        <translation>ローソク足</translation>
    </message>
    <message>
        <source>Candlesticks of the mid price: one minute each (five minutes in the 1 day window)</source>
        <translation>仲値のローソク足: 1 本 1 分 (1 日の期間では 5 分)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>Back to the live window (or double-click the chart)</source>
        <translation>ライブ表示に戻る (またはチャートをダブルクリック)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation>チャートを PNG 画像でエクスポートします</translation>
    </message>
    <message>
        <source>Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · double-click or right-click: back to live</source>
        <translation>ホイール: 時間軸ズーム · ドラッグ: 範囲をズーム · Shift+ドラッグまたは中ボタン: パン · ダブルクリックまたは右クリック: ライブに戻る</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>チャートを PNG でエクスポート</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 に書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>fx::gui::ChartWindow</name>
    <message>
        <source>1 min</source>
        <translation>1 分</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 日</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientDetailsDialog</name>
    <message>
        <source>Client %1</source>
        <translation>クライアント %1</translation>
    </message>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (ユーザー %2)</translation>
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
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 messages (%2) sent, %3 received</source>
        <translation>%1 件のメッセージ (%2) を送信、%3 件を受信</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>まだ計測されていません</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>切断</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>ルーム</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>送信メッセージ数</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>送信バイト数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>No database: the connection history is not available.</source>
        <translation>データベースなし: 接続履歴は利用できません。</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>接続中</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n ルーム</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored connection from this address yet (connections are written within a second).</source>
        <translation>このアドレスからの接続はまだ保存されていません (接続は 1 秒以内に書き込まれます)。</translation>
    </message>
    <message numerus="yes">
        <source>%n stored connection(s) from %1.</source>
        <translation>
            <numerusform>%1 からの保存された接続 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>履歴を読み込めませんでした: %1</translation>
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
        <translation>なし</translation>
    </message>
    <message>
        <source>all (%1)</source>
        <translation>すべて (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n ルーム</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>まだ不明</translation>
    </message>
    <message>
        <source>Not subscribed to any pair</source>
        <translation>どのペアも購読していません</translation>
    </message>
    <message>
        <source>%1 messages sent, %2 received</source>
        <translation>%1 件送信、%2 件受信</translation>
    </message>
    <message>
        <source>The &quot;sub&quot; of the client&apos;s token (WEBSOCKET_AUTH=jwt)</source>
        <translation>クライアントのトークンの &quot;sub&quot; (WEBSOCKET_AUTH=jwt)</translation>
    </message>
    <message>
        <source>Last keep-alive round trip</source>
        <translation>直近のキープアライブの往復時間</translation>
    </message>
    <message>
        <source>Bytes waiting to be written to this client</source>
        <translation>このクライアントへの書き込み待ちのバイト数</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>クライアント ID</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>リモートアドレス</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Protocol / transport</source>
        <translation>プロトコル / トランスポート</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>接続開始</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>ルーム</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>送信メッセージ数</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>送信バイト数</translation>
    </message>
    <message>
        <source>Last RTT</source>
        <translation>直近の RTT</translation>
    </message>
    <message>
        <source>Send queue</source>
        <translation>送信キュー</translation>
    </message>
</context>
<context>
    <name>fx::gui::ClientsPanel</name>
    <message>
        <source>No clients yet: connect with examples/client.js or python3 examples/client.py (see examples/README.md), or any WebSocket client on ws://HOST:PORT/ws.</source>
        <translation>まだクライアントはありません: examples/client.js または python3 examples/client.py で接続するか (examples/README.md を参照)、任意の WebSocket クライアントで ws://HOST:PORT/ws に接続してください。</translation>
    </message>
    <message>
        <source>Disconnect client</source>
        <translation>クライアントを切断</translation>
    </message>
    <message>
        <source>Copy client id</source>
        <translation>クライアント ID をコピー</translation>
    </message>
    <message>
        <source>Details and history…</source>
        <translation>詳細と履歴…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Disconnecting client %1</source>
        <translation>クライアント %1 を切断しています</translation>
    </message>
    <message numerus="yes">
        <source>Disconnecting %n client(s)</source>
        <translation>
            <numerusform>%n 件のクライアントを切断しています</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Highlighting the %n member(s) of %1</source>
        <translation>
            <numerusform>%1 のメンバー %n 件を強調表示しています</numerusform>
        </translation>
    </message>
    <message>
        <source>Server busy: these rows are %1 s old</source>
        <translation>サーバーが混雑しています: これらの行は %1 秒前のものです</translation>
    </message>
</context>
<context>
    <name>fx::gui::CsvExport</name>
    <message>
        <source>Parent</source>
        <translation>親</translation>
    </message>
</context>
<context>
    <name>fx::gui::DeskRuleDialog</name>
    <message>
        <source>Expires at</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Send to every client</source>
        <translation>すべてのクライアントに送信</translation>
    </message>
    <message>
        <source>New desk alert rule</source>
        <translation>新しいデスクのアラートルール</translation>
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
        <translation>仲値</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>スプレッド</translation>
    </message>
    <message>
        <source>rises above</source>
        <translation>上回る</translation>
    </message>
    <message>
        <source>falls below</source>
        <translation>下回る</translation>
    </message>
    <message>
        <source>crosses</source>
        <translation>クロスする</translation>
    </message>
    <message>
        <source>changes by % within a window</source>
        <translation>期間内に % 変化する</translation>
    </message>
    <message>
        <source>a price, or a percentage for a change</source>
        <translation>価格、または変化の場合はパーセント</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>once</source>
        <translation>1 回</translation>
    </message>
    <message>
        <source>every time</source>
        <translation>毎回</translation>
    </message>
    <message>
        <source>at most once per cooldown</source>
        <translation>クールダウンごとに最大 1 回</translation>
    </message>
    <message>
        <source>Each firing also goes to every connected client whose token permits the pair, as price_alert</source>
        <translation>発火のたびに、そのペアを許可するトークンを持つ接続中のすべてのクライアントにも price_alert として送られます</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>ペア</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>繰り返し</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>追加中…</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetModel</name>
    <message>
        <source>Stale: silent %1</source>
        <translation>古い: %1 応答なし</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>ヘッドレス</translation>
    </message>
    <message>
        <source>desktop</source>
        <translation>デスクトップ</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 前</translation>
    </message>
    <message>
        <source>%1 (host %2, pid %3)</source>
        <translation>%1 (ホスト %2、pid %3)</translation>
    </message>
    <message>
        <source>No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)</source>
        <translation>FLEET_STALE_SECONDS (%1 秒) を超えてハートビートがありません</translation>
    </message>
    <message>
        <source>Redis %1 via %2</source>
        <translation>Redis %1 (%2 経由)</translation>
    </message>
    <message>
        <source>Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)</source>
        <translation>配信レイテンシ p50 / p99、直近 10 秒 (Redis スレッドでの受信からソケットへの書き込みまで)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>待ち受け</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>Clients trend</source>
        <translation>クライアント推移</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>ルーム</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>メッセージ/秒</translation>
    </message>
    <message>
        <source>Msg/s trend</source>
        <translation>メッセージ/秒の推移</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>バイト/秒</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <source>Latency p50/p99</source>
        <translation>レイテンシ p50/p99</translation>
    </message>
    <message>
        <source>Conflated</source>
        <translation>集約</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
</context>
<context>
    <name>fx::gui::FleetPanel</name>
    <message>
        <source>No server on this Redis has sent a heartbeat yet: every fxmonitor-server (and every desktop with its embedded server) publishes one a second on the fxmonitor:fleet channel.</source>
        <translation>この Redis 上のサーバーからまだハートビートが届いていません: すべての fxmonitor-server (および組み込みサーバーを持つすべてのデスクトップ) は fxmonitor:fleet チャネルに毎秒 1 回送信します。</translation>
    </message>
    <message>
        <source>The fleet is not watched by this desk.</source>
        <translation>このデスクはフリートを監視していません。</translation>
    </message>
    <message>
        <source>Filter servers (Ctrl+F)</source>
        <translation>サーバーをフィルター (Ctrl+F)</translation>
    </message>
    <message>
        <source>Fleet: not watched</source>
        <translation>フリート: 監視なし</translation>
    </message>
    <message>
        <source>Fleet: %1 live, %2 stale · %3 clients · %4 msg/s · %5/s</source>
        <translation>フリート: 稼働 %1、古い %2 · クライアント %3 · %4 メッセージ/秒 · %5/秒</translation>
    </message>
    <message>
        <source>%1 bad messages ignored</source>
        <translation>不正なメッセージ %1 件を無視しました</translation>
    </message>
    <message>
        <source>servers beyond %1 ignored</source>
        <translation>%1 を超えるサーバーは無視されました</translation>
    </message>
    <message>
        <source>Server %1 is stale: no heartbeat for %2 s (FLEET_STALE_SECONDS=%3)</source>
        <translation>サーバー %1 は古くなっています: %2 秒間ハートビートがありません (FLEET_STALE_SECONDS=%3)</translation>
    </message>
    <message>
        <source>Server %1 returned after %2 s without a heartbeat</source>
        <translation>サーバー %1 が %2 秒間のハートビート途絶の後に復帰しました</translation>
    </message>
</context>
<context>
    <name>fx::gui::MainWindow</name>
    <message numerus="yes">
        <source>Alerts (%n new)</source>
        <translation>
            <numerusform>アラート (新規 %n 件)</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or --no-server). The fleet&apos;s servers, their clients and rooms are in the Fleet panel.</source>
        <translation>組み込みサーバーなし: このデスクは監視専用です (EMBEDDED_SERVER=false、または --no-server)。フリートのサーバー、そのクライアントとルームはフリートパネルにあります。</translation>
    </message>
    <message>
        <source>Market watch</source>
        <translation>マーケットウォッチ</translation>
    </message>
    <message>
        <source>Price chart</source>
        <translation>価格チャート</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>全ペア</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>ルーム</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>フリート</translation>
    </message>
    <message>
        <source>Price chart: %1</source>
        <translation>価格チャート: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>再起動</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <source>Layout reset</source>
        <translation>レイアウトをリセットしました</translation>
    </message>
    <message>
        <source>FX Monitor — monitor-only</source>
        <translation>FX Monitor — 監視専用</translation>
    </message>
    <message>
        <source>FX Monitor — %1</source>
        <translation>FX Monitor — %1</translation>
    </message>
    <message>
        <source>FX Monitor — server stopped</source>
        <translation>FX Monitor — サーバー停止中</translation>
    </message>
    <message>
        <source>About FX Monitor</source>
        <translation>FX Monitor について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;The operator&apos;s desk for an FX data pipeline: a streaming server (plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and connections.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FX Monitor %1&lt;/h3&gt;&lt;p&gt;FX データパイプラインのためのオペレーター用デスク: Redis から供給されるストリーミングサーバー (プレーン JSON WebSocket と Socket.IO) と、アラート・価格・接続の保存。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Server started</source>
        <translation>サーバーを開始しました</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>サーバーを開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Server not started</source>
        <translation>サーバーは開始されていません</translation>
    </message>
    <message>
        <source>The server could not start: %1

Change the address or port in Settings (Ctrl+,), then start it again.</source>
        <translation>サーバーを開始できませんでした: %1

設定 (Ctrl+,) でアドレスまたはポートを変更してから、もう一度開始してください。</translation>
    </message>
    <message>
        <source>Stopping the server: clients are closed with 1001 (going away)</source>
        <translation>サーバーを停止しています: クライアントは 1001 (going away) で切断されます</translation>
    </message>
    <message>
        <source>Restart the server</source>
        <translation>サーバーを再起動</translation>
    </message>
    <message numerus="yes">
        <source>Restart the server with the saved settings? The %n connected client(s) will be closed with 1001 (going away) and may reconnect.</source>
        <translation>
            <numerusform>保存された設定でサーバーを再起動しますか? 接続中の %n 件のクライアントは 1001 (going away) で切断され、再接続することがあります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restarting the server…</source>
        <translation>サーバーを再起動しています…</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>サーバーを停止しました</translation>
    </message>
    <message>
        <source>Redis settings applied: reconnecting</source>
        <translation>Redis の設定を適用しました: 再接続しています</translation>
    </message>
    <message>
        <source>The new server settings apply when the server restarts. Restart it now?</source>
        <translation>新しいサーバー設定はサーバーの再起動時に適用されます。今すぐ再起動しますか?</translation>
    </message>
    <message>
        <source>The new server settings apply when the server starts</source>
        <translation>新しいサーバー設定はサーバーの開始時に適用されます</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>設定を保存しました</translation>
    </message>
    <message>
        <source>%1 take effect when FX Monitor is started again.</source>
        <translation>%1 は FX Monitor の次回起動時に有効になります。</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 をコピーしました</translation>
    </message>
    <message>
        <source>TLS certificate reloaded: %1</source>
        <translation>TLS 証明書を再読み込みしました: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded: %1</source>
        <translation>TLS 証明書を再読み込みできませんでした: %1</translation>
    </message>
    <message>
        <source>TLS certificate not reloaded</source>
        <translation>TLS 証明書を再読み込みできませんでした</translation>
    </message>
    <message>
        <source>The TLS certificate was not reloaded: %1

The server keeps serving the previous certificate; connected clients are not affected.</source>
        <translation>TLS 証明書を再読み込みできませんでした: %1

サーバーは以前の証明書で配信を続けます。接続中のクライアントには影響しません。</translation>
    </message>
    <message>
        <source>Filter the focused table</source>
        <translation>フォーカスのある表をフィルター</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>選択した行をコピー</translation>
    </message>
    <message>
        <source>Export the focused table as CSV</source>
        <translation>フォーカスのある表を CSV でエクスポート</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts</source>
        <translation>選択したアラートを確認済みにする</translation>
    </message>
    <message>
        <source>Acknowledge every alert matching the filter</source>
        <translation>フィルターに一致するすべてのアラートを確認済みにする</translation>
    </message>
    <message>
        <source>Restart the server (asks first)</source>
        <translation>サーバーを再起動 (事前に確認)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Disconnect the selected clients</source>
        <translation>選択したクライアントを切断</translation>
    </message>
    <message>
        <source>Stop the server and quit</source>
        <translation>サーバーを停止して終了します</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 メッセージ/秒</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>システムに従う(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>ウィンドウの表示/非表示</translation>
    </message>
    <message>
        <source>%1 alert: %2</source>
        <translation>%1 アラート: %2</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>新しいアラート %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>FX Monitor is still serving</source>
        <translation>FX Monitor は配信を続けています</translation>
    </message>
    <message>
        <source>The server keeps running. Click the tray icon to open the window.</source>
        <translation>サーバーは動作を続けています。トレイアイコンをクリックするとウィンドウが開きます。</translation>
    </message>
    <message>
        <source>Keep serving?</source>
        <translation>配信を続けますか?</translation>
    </message>
    <message>
        <source>FX Monitor can keep the server running in the system tray when its window closes; clients stay connected. What should closing the window do? (You will not be asked again; Settings &gt; Desktop changes it.)</source>
        <translation>FX Monitor はウィンドウを閉じてもシステムトレイでサーバーを動かし続けることができ、クライアントは接続されたままです。ウィンドウを閉じたときの動作を選んでください。(今後は確認しません。設定 &gt; デスクトップで変更できます。)</translation>
    </message>
    <message>
        <source>Keep serving in the tray</source>
        <translation>トレイで配信を続ける</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>チャート: %1</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>アラートルール</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchModel</name>
    <message>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 古い</translation>
    </message>
    <message>
        <source>No price received yet for %1</source>
        <translation>%1 の価格はまだ受信していません</translation>
    </message>
    <message>
        <source>Stale: no tick for %1 s</source>
        <translation>古い: %1 秒間ティックなし</translation>
    </message>
    <message>
        <source>No reference price yet</source>
        <translation>基準価格はまだありません</translation>
    </message>
    <message>
        <source>Since the first tick seen today, at %1 (mid %2)</source>
        <translation>今日最初に見たティック (%1、仲値 %2) からの変化</translation>
    </message>
    <message>
        <source>Since the trading day opened at %1 (mid %2)</source>
        <translation>取引日の開始 (%1、仲値 %2) からの変化</translation>
    </message>
    <message>
        <source>Spread in pips (1 pip = %1)</source>
        <translation>pips 単位のスプレッド (1 pip = %1)</translation>
    </message>
    <message>
        <source>Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)</source>
        <translation>Ask − Bid を pips で (JPY ペア: 0.01、その他: 0.0001)</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened (21:00 UTC), in pips</source>
        <translation>取引日の開始 (21:00 UTC) からの仲値の変化 (pips)</translation>
    </message>
    <message>
        <source>Change of the mid price since the trading day opened, in percent</source>
        <translation>取引日の開始からの仲値の変化 (パーセント)</translation>
    </message>
    <message>
        <source>Time of the last tick, local time (UTC in the cell&apos;s tooltip)</source>
        <translation>最後のティックの時刻、ローカル時刻 (UTC はセルのツールチップ)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>ペア</translation>
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
        <translation>スプレッド</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>変化 %</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
</context>
<context>
    <name>fx::gui::MarketWatchPanel</name>
    <message>
        <source>No pairs configured (FX_PAIRS).</source>
        <translation>ペアが設定されていません (FX_PAIRS)。</translation>
    </message>
    <message>
        <source>Open chart in a new panel</source>
        <translation>新しいパネルでチャートを開く</translation>
    </message>
    <message>
        <source>Show in the price chart</source>
        <translation>価格チャートに表示</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>スプレッド</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>変化 %</translation>
    </message>
</context>
<context>
    <name>fx::gui::PriceChartView</name>
    <message>
        <source>Reading the history of %1…</source>
        <translation>%1 の履歴を読み込んでいます…</translation>
    </message>
    <message>
        <source>No price of %1 in this window yet: prices appear as the pipeline publishes them.</source>
        <translation>この期間の %1 の価格はまだありません: 価格はパイプラインが発行するたびに表示されます。</translation>
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
        <translation>仲値</translation>
    </message>
    <message>
        <source>Mid, OHLC</source>
        <translation>仲値、OHLC</translation>
    </message>
</context>
<context>
    <name>fx::gui::RateGraph</name>
    <message>
        <source>The last two minutes, four samples a second</source>
        <translation>直近 2 分間、毎秒 4 サンプル</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>ピーク %1</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsModel</name>
    <message numerus="yes">
        <source>%n subscriber(s) in %1</source>
        <translation>
            <numerusform>%1 の購読者 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>まだ不明</translation>
    </message>
    <message>
        <source>%1 (%2), member of %3</source>
        <translation>%1 (%2)、%3 のメンバー</translation>
    </message>
    <message>
        <source>Room / client</source>
        <translation>ルーム / クライアント</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>購読者</translation>
    </message>
    <message>
        <source>Remote address</source>
        <translation>リモートアドレス</translation>
    </message>
</context>
<context>
    <name>fx::gui::RoomsPanel</name>
    <message>
        <source>No rooms: FX_PAIRS lists no pair.</source>
        <translation>ルームなし: FX_PAIRS にペアがありません。</translation>
    </message>
    <message>
        <source>Filter rooms or clients (Ctrl+F)</source>
        <translation>ルームまたはクライアントをフィルター (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>fx::gui::SecretStore</name>
    <message>
        <source>the system keyring did not answer within %1 s</source>
        <translation>システムキーリングが %1 秒以内に応答しませんでした</translation>
    </message>
    <message>
        <source>No system keyring: passwords are used for this session only and not saved</source>
        <translation>システムキーリングがありません: パスワードはこのセッションでのみ使われ、保存されません</translation>
    </message>
</context>
<context>
    <name>fx::gui::ServerPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 メッセージ/秒</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>p99 %1</source>
        <translation>p99 %1</translation>
    </message>
    <message>
        <source>From the receipt of a message on the Redis thread to its write to a client&apos;s socket, over the last 10 seconds; &quot;age&quot; counts from the price&apos;s own time</source>
        <translation>Redis スレッドでのメッセージ受信からクライアントのソケットへの書き込みまで、直近 10 秒間。&quot;age&quot; は価格自体の時刻から数えます</translation>
    </message>
    <message>
        <source>Listening:</source>
        <translation>待ち受け:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>セキュリティ:</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>稼働時間:</translation>
    </message>
    <message>
        <source>Clients:</source>
        <translation>クライアント:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>接続:</translation>
    </message>
    <message>
        <source>Messages/s:</source>
        <translation>メッセージ/秒:</translation>
    </message>
    <message>
        <source>Bytes/s:</source>
        <translation>バイト/秒:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>レイテンシ:</translation>
    </message>
    <message>
        <source>Rooms:</source>
        <translation>ルーム:</translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>データベース:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>エラー:</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>拒否:</translation>
    </message>
    <message>
        <source>Redis channel</source>
        <translation>Redis チャネル</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Messages received per channel and messages dropped as invalid (hover a count for the reasons)</source>
        <translation>チャネルごとの受信メッセージ数と、不正として破棄されたメッセージ数 (件数にポインターを合わせると理由を表示)</translation>
    </message>
    <message>
        <source>nothing delivered in the last 10 s</source>
        <translation>直近 10 秒間に配信なし</translation>
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
        <translation>この時計より %1 進んでいます</translation>
    </message>
    <message>
        <source>Open to the network: any client that reaches the port can read every price and alert (WEBSOCKET_AUTH=none: clients need no token)</source>
        <translation>ネットワークに公開: ポートに到達できるクライアントは誰でもすべての価格とアラートを読めます (WEBSOCKET_AUTH=none: クライアントにトークンは不要)</translation>
    </message>
    <message>
        <source>%1 of %2 (peak %3)</source>
        <translation>%1 / %2 (ピーク %3)</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>開始以来 %1</translation>
    </message>
    <message>
        <source>%1 rooms, %2 with subscribers</source>
        <translation>ルーム %1、購読者ありは %2</translation>
    </message>
    <message>
        <source>%1 client errors, %2 conflated updates</source>
        <translation>クライアントエラー %1、集約された更新 %2</translation>
    </message>
    <message>
        <source>%1 tokens, %2 forbidden pairs, %3 origins, %4 admin requests, %5 TLS handshakes</source>
        <translation>トークン %1、禁止ペア %2、オリジン %3、管理リクエスト %4、TLS ハンドシェイク %5</translation>
    </message>
    <message>
        <source>No token refused</source>
        <translation>拒否されたトークンはありません</translation>
    </message>
    <message>
        <source>Tokens refused, by reason:
%1</source>
        <translation>拒否されたトークン (理由別):
%1</translation>
    </message>
    <message>
        <source>— (no embedded server)</source>
        <translation>— (組み込みサーバーなし)</translation>
    </message>
    <message>
        <source>read only: the servers sharing it write (monitor-only desk)</source>
        <translation>読み取り専用: 共有しているサーバーが書き込みます (監視専用デスク)</translation>
    </message>
    <message>
        <source>%1 ticks, %2 alerts written · %3 waiting</source>
        <translation>ティック %1、アラート %2 を書き込み · 待機中 %3</translation>
    </message>
    <message>
        <source>Nothing dropped</source>
        <translation>破棄なし</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingField</name>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(既定)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>ファイルを選択</translation>
    </message>
</context>
<context>
    <name>fx::gui::SettingsDialog</name>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>%1. In use: %2 (%3)</source>
        <translation>%1。使用中: %2 (%3)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Overridden by %1: what you save here is used only when %1 no longer sets it.</source>
        <translation>%1 により上書きされています: ここで保存した値は、%1 が設定しなくなったときにのみ使われます。</translation>
    </message>
    <message>
        <source>Saved in the system keyring, never in the settings file.</source>
        <translation>システムキーリングに保存され、設定ファイルには保存されません。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存されていません: %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>saved settings</source>
        <translation>保存済みの設定</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>環境変数</translation>
    </message>
    <message>
        <source>system keyring</source>
        <translation>システムのキーリング</translation>
    </message>
</context>
<context>
    <name>fx::gui::SmallMultiplesPanel</name>
    <message>
        <source>Last minute</source>
        <translation>直近 1 分</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>直近 5 分</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>直近 15 分</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>過去 1 時間</translation>
    </message>
    <message>
        <source>Mid price of every pair, blue rising, red falling over the window:</source>
        <translation>各ペアの仲値 (期間内の上昇は青、下落は赤):</translation>
    </message>
</context>
<context>
    <name>fx::gui::Sparkline</name>
    <message>
        <source>%1: click to show it in the price chart, double-click to open a chart panel</source>
        <translation>%1: クリックで価格チャートに表示、ダブルクリックでチャートパネルを開く</translation>
    </message>
    <message>
        <source>waiting for prices</source>
        <translation>価格を待っています</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>古い</translation>
    </message>
</context>
<context>
    <name>fx::gui::StatusText</name>
    <message>
        <source>Monitor-only: no embedded server</source>
        <translation>監視専用: 組み込みサーバーなし</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>サーバーを停止しました</translation>
    </message>
    <message>
        <source>Listening on %1 with TLS (wss://, https://)</source>
        <translation>%1 で待ち受け中 (TLS: wss://, https://)</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>%1 で待ち受け中</translation>
    </message>
    <message>
        <source>Redis not started</source>
        <translation>Redis 未開始</translation>
    </message>
    <message>
        <source>Redis idle</source>
        <translation>Redis アイドル</translation>
    </message>
    <message>
        <source>Redis connecting to %1</source>
        <translation>Redis %1 に接続中</translation>
    </message>
    <message>
        <source>Redis connected to %1 via %2</source>
        <translation>Redis %1 に接続済み (%2 経由)</translation>
    </message>
    <message>
        <source>Redis connected</source>
        <translation>Redis 接続済み</translation>
    </message>
    <message numerus="yes">
        <source>Redis disconnected%1, retrying in %n s</source>
        <translation>
            <numerusform>Redis 切断%1、%n 秒後に再試行</numerusform>
        </translation>
    </message>
    <message>
        <source>Redis disconnected%1, retrying now</source>
        <translation>Redis 切断%1、今すぐ再試行</translation>
    </message>
    <message>
        <source>Database off</source>
        <translation>データベース無効</translation>
    </message>
    <message>
        <source>Database not configured</source>
        <translation>データベース未設定</translation>
    </message>
    <message>
        <source>Database connecting</source>
        <translation>データベース接続中</translation>
    </message>
    <message>
        <source>Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 connection records</source>
        <translation>データベース正常、停止中に破棄: アラート %1、ティック %2、接続記録 %3</translation>
    </message>
    <message>
        <source>Database ok</source>
        <translation>データベース正常</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, %5 connection records, retrying in %6</source>
        <translation>データベースエラー (%1)、待機中の行 %2、破棄: アラート %3、ティック %4、接続記録 %5、%6 後に再試行</translation>
    </message>
    <message>
        <source>Database error (%1), %2 rows waiting, retrying in %3</source>
        <translation>データベースエラー (%1)、待機中の行 %2、%3 後に再試行</translation>
    </message>
    <message>
        <source>Database error (%1)</source>
        <translation>データベースエラー (%1)</translation>
    </message>
    <message>
        <source>Database refused: %1</source>
        <translation>データベースが拒否: %1</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>開いているセッションなし</translation>
    </message>
    <message>
        <source>Market closed (weekend)</source>
        <translation>市場休場 (週末)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 オープン</translation>
    </message>
    <message>
        <source>monitor-only (clients: see Fleet)</source>
        <translation>監視専用 (クライアント: フリートを参照)</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n クライアント</numerusform>
        </translation>
    </message>
    <message>
        <source>Sydney</source>
        <translation>シドニー</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>東京</translation>
    </message>
    <message>
        <source>London</source>
        <translation>ロンドン</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>ニューヨーク</translation>
    </message>
</context>
<context>
    <name>fx::gui::TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>フィルター (Ctrl+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>CSV でエクスポート…</translation>
    </message>
    <message>
        <source>Export the rows shown as CSV (Ctrl+E)</source>
        <translation>表示中の行を CSV でエクスポートします (Ctrl+E)</translation>
    </message>
    <message>
        <source>No row matches &quot;%1&quot;. Clear the filter to see every row.</source>
        <translation>&quot;%1&quot; に一致する行はありません。フィルターをクリアするとすべての行が表示されます。</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>CSV でエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>fx::gui::fmt</name>
    <message>
        <source>%1 d %2</source>
        <translation>%1 日 %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source> (%1 stays in plain text in %2 until a keyring is available)</source>
        <translation> (キーリングが利用可能になるまで %1 は %2 に平文のまま残ります)</translation>
    </message>
    <message>
        <source>%1 not saved in the system keyring (%2): used for this session only</source>
        <translation>%1 はシステムキーリングに保存されませんでした (%2): このセッションでのみ使われます</translation>
    </message>
    <message>
        <source>%1 stays in plain text in the settings file: the system keyring refused it (%2)</source>
        <translation>%1 は設定ファイルに平文のまま残ります: システムキーリングが拒否しました (%2)</translation>
    </message>
    <message>
        <source>FX Monitor desktop: the streaming server (plain JSON WebSocket and Socket.IO) fed by the pipeline&apos;s Redis channels, with the operator&apos;s window.</source>
        <translation>FX Monitor デスクトップ: パイプラインの Redis チャネルから供給されるストリーミングサーバー (プレーン JSON WebSocket と Socket.IO) と、オペレーター用のウィンドウ。</translation>
    </message>
    <message>
        <source>Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the fleet, prices and alerts through Redis and the shared database.</source>
        <translation>監視専用デスク: 組み込みサーバーなし (EMBEDDED_SERVER=false)。Redis と共有データベースを通じてフリート、価格、アラートを監視します。</translation>
    </message>
    <message>
        <source>Language of the window: %1 (default: Settings &gt; Language, else the system&apos;s)</source>
        <translation>ウィンドウの言語: %1 (既定: 設定 &gt; 言語、なければシステムの言語)</translation>
    </message>
</context>
</TS>
