"""Families whose form is the credential: a command line, a config file's own syntax, a cookie,
key material, a recovery phrase, personal data. Each has a shape (see families.py, or ``@name``
for a generator in make.py) and its own templates with ``{s}`` the secret and ``{u}`` a user.
"""

from __future__ import annotations

PW = "{s:14-22}"

FORMS: list[tuple[str, str, list[str]]] = [
    # Command lines that carry a password or token as an argument.
    (
        "cli:sqlplus",
        PW,
        ["sqlplus scott/{s}@//db.acme.lan:1521/ORCL", "$ sqlplus -s app_user/{s}@PROD @report.sql"],
    ),
    (
        "cli:sshpass",
        PW,
        [
            "sshpass -p '{s}' ssh {u}@10.0.4.17 uptime",
            "sshpass -p {s} scp dump.sql {u}@backup:/srv/",
        ],
    ),
    (
        "cli:mysql-p",
        PW,
        [
            "mysql -u{u} -p{s} -h db.internal shop < schema.sql",
            "mysqldump -uroot -p'{s}' --all-databases > all.sql",
        ],
    ),
    (
        "cli:sqlcmd",
        PW,
        [
            'sqlcmd -S tcp:sql01,1433 -U sa -P "{s}" -Q "SELECT 1"',
            "sqlcmd -S . -U {u} -P {s} -i migrate.sql",
        ],
    ),
    (
        "cli:redis-a",
        PW,
        [
            "redis-cli -h cache.acme.lan -a '{s}' --no-auth-warning INFO",
            "redis-cli -a {s} -n 2 FLUSHDB",
        ],
    ),
    (
        "cli:mongosh",
        PW,
        [
            'mongosh "mongodb://db1:27017" -u {u} -p "{s}" --authenticationDatabase admin',
            "mongo admin -u root -p {s} --eval 'db.stats()'",
        ],
    ),
    (
        "cli:psql-env",
        PW,
        [
            "PGPASSWORD='{s}' psql -h pg.acme.lan -U {u} -d app -c 'select 1'",
            "PGPASSWORD={s} pg_dump -U {u} app > app.sql",
        ],
    ),
    (
        "cli:net-use",
        PW,
        [
            "net use Z: \\\\fs01\\share /user:ACME\\{u} {s} /persistent:no",
            "C:\\> net use \\\\10.0.0.5\\IPC$ {s} /user:administrator",
        ],
    ),
    (
        "cli:cmdkey",
        PW,
        [
            "cmdkey /generic:TERMSRV/rdp01 /user:ACME\\{u} /pass:{s}",
            'cmdkey /add:fs01.acme.lan /user:{u} /pass:"{s}"',
        ],
    ),
    (
        "cli:schtasks",
        PW,
        [
            'schtasks /Create /TN Backup /TR C:\\bin\\backup.cmd /SC DAILY /RU ACME\\svc_backup /RP "{s}"',
            "schtasks /create /tn sync /tr sync.bat /sc hourly /ru {u} /rp {s}",
        ],
    ),
    (
        "cli:securestring",
        PW,
        [
            '$pw = ConvertTo-SecureString "{s}" -AsPlainText -Force',
            "$cred = New-Object PSCredential('{u}', (ConvertTo-SecureString '{s}' -AsPlainText -Force))",
        ],
    ),
    (
        "cli:htpasswd-b",
        PW,
        ["htpasswd -b -c /etc/nginx/.htpasswd {u} '{s}'", "htpasswd -bB users.htpasswd admin {s}"],
    ),
    (
        "cli:openssl-pass",
        PW,
        [
            "openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:{s}",
            "openssl enc -aes-256-cbc -salt -in db.tar -out db.tar.enc -k '{s}'",
        ],
    ),
    (
        "cli:keytool",
        PW,
        [
            "keytool -genkeypair -alias app -keystore app.jks -storepass {s} -keypass {s}",
            'keytool -importcert -file ca.crt -keystore truststore.jks -storepass "{s}" -noprompt',
        ],
    ),
    (
        "cli:zip-p",
        PW,
        ["zip -r -P '{s}' backup.zip ./exports", "7z a -p{s} -mhe=on secrets.7z ./vault"],
    ),
    (
        "cli:gpg-passphrase",
        PW,
        [
            "gpg --batch --yes --passphrase '{s}' -c release.tar",
            "echo {s} | gpg --batch --passphrase-fd 0 --decrypt creds.gpg",
        ],
    ),
    (
        "cli:wget-password",
        PW,
        [
            "wget --user={u} --password='{s}' https://files.acme.lan/dist.tgz",
            "wget --http-password={s} --http-user={u} https://repo.acme.lan/x.rpm",
        ],
    ),
    (
        "cli:curl-proxy-user",
        PW,
        [
            "curl -x http://proxy.acme.lan:3128 --proxy-user {u}:{s} https://example.org",
            "curl -U '{u}:{s}' -x proxy:8080 https://api.example.org/",
        ],
    ),
    (
        "cli:docker-login-p",
        PW,
        [
            "docker login -u {u} -p {s} registry.acme.lan",
            "echo | docker login --username {u} --password '{s}' ghcr.io",
        ],
    ),
    (
        "cli:helm-repo",
        PW,
        [
            "helm repo add acme https://charts.acme.lan --username {u} --password {s}",
            "helm registry login oci.acme.lan -u {u} -p '{s}'",
        ],
    ),
    (
        "cli:az-login",
        PW,
        [
            "az login --service-principal -u 3f2b...-app -p '{s}' --tenant acme.onmicrosoft.com",
            "az login -u {u}@acme.com -p {s}",
        ],
    ),
    (
        "cli:aws-configure",
        "{B:40}",
        [
            "aws configure set aws_secret_access_key {s} --profile prod",
            "aws configure set aws_secret_access_key '{s}'",
        ],
    ),
    (
        "cli:twine",
        PW,
        [
            "twine upload -u {u} -p '{s}' dist/*",
            "python -m twine upload --password {s} --username {u} dist/*.whl",
        ],
    ),
    (
        "cli:mvn-d",
        PW,
        [
            "mvn deploy -Drepo.password={s} -Drepo.username={u}",
            "./gradlew publish -Psigning.password={s} -PossrhPassword={s}",
        ],
    ),
    (
        "cli:ansible-extra",
        PW,
        [
            'ansible-playbook site.yml -e "ansible_password={s} ansible_user={u}"',
            "ansible-playbook deploy.yml --extra-vars 'ansible_become_pass={s}'",
        ],
    ),
    (
        "cli:rabbitmqctl",
        PW,
        ["rabbitmqctl add_user {u} '{s}'", "rabbitmqctl change_password admin {s}"],
    ),
    (
        "cli:smbclient",
        PW,
        ["smbclient //fs01/share -U 'ACME\\{u}%{s}' -c 'ls'", "smbclient -L //10.0.0.5 -U {u}%{s}"],
    ),
    (
        "cli:xfreerdp",
        PW,
        [
            "xfreerdp /v:rdp01.acme.lan /u:{u} /p:'{s}' /cert:ignore",
            "xfreerdp /u:administrator /p:{s} /v:10.0.2.9",
        ],
    ),
    (
        "cli:mount-cifs",
        PW,
        [
            "mount -t cifs //fs01/data /mnt/data -o username={u},password={s},vers=3.0",
            "sudo mount.cifs //nas/backup /mnt/b -o user={u},pass='{s}'",
        ],
    ),
    (
        "cli:ldapsearch-w",
        PW,
        [
            "ldapsearch -x -H ldap://dc01 -D \"cn={u},dc=acme,dc=lan\" -w '{s}' -b dc=acme,dc=lan",
            "ldapsearch -LLL -D cn=admin,dc=acme -w {s} uid=jdoe",
        ],
    ),
    (
        "cli:ipmitool",
        PW,
        [
            "ipmitool -I lanplus -H 10.0.9.21 -U ADMIN -P '{s}' chassis power status",
            "ipmitool -H bmc01 -U root -P {s} sol activate",
        ],
    ),
    (
        "cli:influx",
        "{U:86}==",
        [
            "influx config create --config-name prod --host-url https://influx.acme.lan --org acme --token {s}",
            "influx write -b metrics -o acme -t {s} 'cpu,host=a value=1'",
        ],
    ),
    (
        "cli:vault-login",
        "hvs.{U:90}",
        ["vault login -method=token token={s}", "VAULT_TOKEN={s} vault kv get secret/app"],
    ),
    (
        "cli:git-clone-oauth",
        "{U:30-40}",
        [
            "git clone https://oauth2:{s}@gitlab.acme.lan/platform/infra.git",
            "git remote set-url origin https://x-access-token:{s}@github.com/acme/app.git",
        ],
    ),
    (
        "cli:npm-config-set",
        "{U:36}",
        ["npm config set //npm.acme.lan/:_authToken {s}", "yarn config set npmAuthToken {s}"],
    ),
    (
        "cli:kubectl-secret",
        PW,
        [
            "kubectl create secret generic db --from-literal=password='{s}' -n prod",
            "kubectl create secret docker-registry regcred --docker-server=reg.acme.lan --docker-username={u} --docker-password={s}",
        ],
    ),
    (
        "cli:heroku-config",
        "{h:8}-{h:4}-{h:4}-{h:4}-{h:12}",
        [
            "heroku config:set API_SECRET={s} -a acme-prod",
            "flyctl secrets set API_SECRET={s} -a acme",
        ],
    ),
    (
        "cli:gh-secret-set",
        "{U:40}",
        [
            "gh secret set DEPLOY_KEY --body '{s}' --repo acme/app",
            "echo '{s}' | gh secret set NPM_TOKEN",
        ],
    ),
    # Config files in their own syntax.
    (
        "cfg:netrc",
        PW,
        [
            "machine api.acme.lan login {u} password {s}",
            "# ~/.netrc\nmachine ftp.acme.lan\n  login {u}\n  password {s}\n",
        ],
    ),
    ("cfg:pgpass", PW, ["pg.acme.lan:5432:app:{u}:{s}", "# ~/.pgpass\n*:5432:*:replicator:{s}\n"]),
    (
        "cfg:my-cnf",
        PW,
        [
            '[client]\nuser={u}\npassword="{s}"\nhost=db.internal\n',
            "[mysqldump]\nuser=root\npassword={s}\n",
        ],
    ),
    (
        "cfg:npmrc-auth",
        "@b64",
        ["//npm.acme.lan/:_auth={s}\nalways-auth=true", "_auth = {s}\nemail = {u}@acme.com"],
    ),
    (
        "cfg:docker-config",
        "@b64",
        [
            '{{"auths": {{"registry.acme.lan": {{"auth": "{s}"}}}}}}',
            '{{\n  "auths": {{\n    "https://index.docker.io/v1/": {{\n      "auth": "{s}"\n    }}\n  }}\n}}',
        ],
    ),
    (
        "cfg:pypirc",
        PW,
        [
            "[pypi]\nusername = __token__\npassword = {s}\n",
            "[distutils]\nindex-servers = internal\n[internal]\nrepository = https://pypi.acme.lan\nusername = {u}\npassword = {s}\n",
        ],
    ),
    (
        "cfg:maven-settings",
        PW,
        [
            "<server>\n  <id>acme-releases</id>\n  <username>{u}</username>\n  <password>{s}</password>\n</server>",
            "<settings><servers><server><id>central</id><password>{s}</password></server></servers></settings>",
        ],
    ),
    (
        "cfg:gradle-properties",
        PW,
        [
            "ossrhUsername={u}\nossrhPassword={s}\nsigning.keyId=24875D73",
            "systemProp.https.proxyPassword={s}\nsystemProp.https.proxyUser={u}",
        ],
    ),
    (
        "cfg:composer-auth",
        PW,
        [
            '{{"http-basic": {{"repo.acme.lan": {{"username": "{u}", "password": "{s}"}}}}}}',
            '{{"bearer": {{"packages.acme.lan": "{s}"}}}}',
        ],
    ),
    (
        "cfg:cargo-credentials",
        "cio{b:32}",
        [
            '[registry]\ntoken = "{s}"\n',
            '# ~/.cargo/credentials.toml\n[registries.acme]\ntoken = "{s}"\n',
        ],
    ),
    (
        "cfg:gem-credentials",
        "rubygems_{h:48}",
        ["---\n:rubygems_api_key: {s}\n", ":acme: Bearer {s}\n"],
    ),
    (
        "cfg:pip-conf",
        PW,
        [
            "[global]\nindex-url = https://{u}:{s}@pypi.acme.lan/simple\n",
            "PIP_EXTRA_INDEX_URL=https://{u}:{s}@nexus.acme.lan/repository/pypi/simple",
        ],
    ),
    (
        "cfg:git-credentials",
        "{U:36}",
        ["https://{u}:{s}@github.com", "# ~/.git-credentials\nhttps://oauth2:{s}@gitlab.com\n"],
    ),
    (
        "cfg:kubeconfig-token",
        "{U:60}",
        [
            "users:\n- name: ci\n  user:\n    token: {s}\n",
            "kubectl config set-credentials ci --token={s}",
        ],
    ),
    (
        "cfg:kafka-jaas",
        PW,
        [
            'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="{u}" password="{s}";',
            'KafkaClient {{\n  org.apache.kafka.common.security.scram.ScramLoginModule required\n  username="{u}"\n  password="{s}";\n}};',
        ],
    ),
    (
        "cfg:nats-creds",
        "SUA{z:55}",
        [
            "-----BEGIN USER NKEY SEED-----\n{s}\n------END USER NKEY SEED------",
            "nats context save prod --nkey-seed {s}",
        ],
    ),
    (
        "cfg:wpa-supplicant",
        PW,
        [
            'network={{\n  ssid="acme-office"\n  psk="{s}"\n}}',
            'nmcli dev wifi connect acme-office password "{s}"',
        ],
    ),
    (
        "cfg:hostapd",
        PW,
        ["interface=wlan0\nssid=acme-guest\nwpa_passphrase={s}\n", "wpa_passphrase={s}"],
    ),
    (
        "cfg:openvpn-auth",
        PW,
        [
            "# auth.txt for openvpn --auth-user-pass\n{u}\n{s}\n",
            "<auth-user-pass>\n{u}\n{s}\n</auth-user-pass>",
        ],
    ),
    (
        "cfg:wireguard-conf",
        "{B:42}{b:1}=",
        [
            "[Interface]\nPrivateKey = {s}\nAddress = 10.8.0.2/24\n",
            "wg set wg0 private-key <(echo {s})",
        ],
    ),
    (
        "cfg:samba-smbpasswd",
        PW,
        [
            "(echo '{s}'; echo '{s}') | smbpasswd -s -a {u}",
            "[global]\n   ldap admin dn = cn=admin,dc=acme\n   # ldap admin password {s}\n",
        ],
    ),
    (
        "cfg:nginx-proxy-auth",
        "@b64",
        [
            'proxy_set_header Authorization "Basic {s}";',
            "location /api {{ proxy_set_header Authorization 'Basic {s}'; }}",
        ],
    ),
    (
        "cfg:grafana-ini",
        PW,
        [
            "[security]\nadmin_user = admin\nadmin_password = {s}\n",
            '[database]\ntype = postgres\npassword = """{s}"""\n',
        ],
    ),
    (
        "cfg:sssd",
        PW,
        [
            "[domain/acme]\nldap_default_bind_dn = cn=sssd,dc=acme\nldap_default_authtok = {s}\n",
            "ldap_default_authtok={s}",
        ],
    ),
    (
        "cfg:postfix-sasl",
        PW,
        [
            "[smtp.acme.lan]:587 {u}@acme.lan:{s}",
            "# /etc/postfix/sasl_passwd\n[email-smtp.eu-west-1.amazonaws.com]:587 AKIAEXAMPLE:{s}\n",
        ],
    ),
    (
        "cfg:fetchmail",
        PW,
        [
            'poll imap.acme.lan protocol IMAP user "{u}" password "{s}" ssl',
            'set smtp_pass = "{s}"\nset smtp_url = "smtps://{u}@mail.acme.lan"',
        ],
    ),
    (
        "cfg:jdbc-props",
        PW,
        [
            "jdbc.url=jdbc:sqlserver://sql01;databaseName=app;user={u};password={s};encrypt=true",
            "spring.datasource.password={s}\nspring.datasource.username={u}",
        ],
    ),
    (
        "cfg:odbc-ini",
        PW,
        [
            "[AppDSN]\nDriver=ODBC Driver 18 for SQL Server\nServer=sql01\nUID={u}\nPWD={s}\n",
            "Driver={{PostgreSQL}};Server=pg01;Database=app;Uid={u};Pwd={s};",
        ],
    ),
    (
        "cfg:tomcat-users",
        PW,
        [
            '<user username="{u}" password="{s}" roles="manager-gui"/>',
            '<Resource name="jdbc/app" username="{u}" password="{s}" url="jdbc:postgresql://pg/app"/>',
        ],
    ),
    (
        "cfg:jboss-vault",
        PW,
        [
            "<password>{s}</password>\n<user-name>{u}</user-name>",
            "<security><user-name>sa</user-name><password>{s}</password></security>",
        ],
    ),
    (
        "cfg:php-ini-db",
        PW,
        [
            "$db['default']['password'] = '{s}';",
            "define('DB_PASSWORD', '{s}');\ndefine('DB_USER', '{u}');",
        ],
    ),
    (
        "cfg:wp-salts",
        "{s:64}",
        ["define('AUTH_KEY',         '{s}');", "define( 'SECURE_AUTH_SALT', '{s}' );"],
    ),
    (
        "cfg:rclone",
        PW,
        [
            "[s3-backup]\ntype = s3\naccess_key_id = AKIAEXAMPLEKEY01\nsecret_access_key = {s}\n",
            "[sftp]\ntype = sftp\nhost = backup.acme.lan\nuser = {u}\npass = {s}\n",
        ],
    ),
    (
        "cfg:restic",
        PW,
        [
            "export RESTIC_PASSWORD='{s}'\nrestic -r s3:s3.amazonaws.com/acme-backup backup /srv",
            "restic -r /mnt/b backup --password-command 'echo {s}' /etc",
        ],
    ),
    (
        "cfg:borg",
        PW,
        [
            "export BORG_PASSPHRASE='{s}'\nborg create ::'{{hostname}}-{{now}}' /home",
            "BORG_PASSPHRASE={s} borg list ssh://backup/./repo",
        ],
    ),
    (
        "cfg:duplicity",
        PW,
        ["PASSPHRASE='{s}' duplicity /srv sftp://backup//srv", "export PASSPHRASE={s}"],
    ),
    # Cookies and session headers.
    (
        "cookie:connect-sid",
        "s%3A{U:32}.{U:43}",
        [
            "Cookie: connect.sid={s}; Path=/; HttpOnly",
            "Set-Cookie: connect.sid={s}; Path=/; Expires=Wed, 09 Dec 2026 10:00:00 GMT; HttpOnly",
        ],
    ),
    (
        "cookie:laravel-session",
        "eyJpdiI6I{B:180}%3D%3D",
        [
            "Cookie: XSRF-TOKEN=abc; laravel_session={s}",
            "Set-Cookie: laravel_session={s}; path=/; httponly; samesite=lax",
        ],
    ),
    (
        "cookie:nextauth",
        "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..{U:22}.{U:200}.{U:22}",
        [
            "Cookie: __Secure-next-auth.session-token={s}",
            "document.cookie = 'next-auth.session-token={s}'",
        ],
    ),
    (
        "cookie:roblosecurity",
        "_|WARNING:-DO-NOT-SHARE-THIS.--Sharing-this-will-allow-someone-to-log-in-as-you-and-to-steal-your-ROBUX-and-items.|_{H:300}",
        [".ROBLOSECURITY={s}", "Cookie: .ROBLOSECURITY={s}; RBXEventTrackerV2=CreateDate=1"],
    ),
    (
        "cookie:github-user-session",
        "{U:48}",
        [
            "Cookie: _octo=GH1.1.1; user_session={s}; logged_in=yes",
            "user_session={s}; __Host-user_session_same_site={s}",
        ],
    ),
    (
        "cookie:gitlab-session",
        "{h:32}",
        [
            "Cookie: _gitlab_session={s}; known_sign_in=abc",
            "curl -b '_gitlab_session={s}' https://gitlab.acme.lan/api/v4/user",
        ],
    ),
    (
        "cookie:django-sessionid",
        "{a:32}",
        ["Cookie: csrftoken=x; sessionid={s}", "requests.get(url, cookies={{'sessionid': '{s}'}})"],
    ),
    (
        "cookie:jsessionid",
        "{H:32}",
        ["Cookie: JSESSIONID={s}; Path=/app", "GET /app/home;jsessionid={s} HTTP/1.1"],
    ),
    ("cookie:phpsessid", "{a:26}", ["Cookie: PHPSESSID={s}", "Set-Cookie: PHPSESSID={s}; path=/"]),
    (
        "cookie:aspnet-auth",
        "{H:320}",
        ["Cookie: .ASPXAUTH={s}", "Set-Cookie: .AspNetCore.Cookies={s}; path=/; secure; httponly"],
    ),
    (
        "cookie:supabase-auth",
        "base64-eyJhY2Nlc3NfdG9rZW4iOiJleUpoYkdjaU9p{B:200}",
        ["Cookie: sb-xyzcompany-auth-token={s}", "sb-acme-auth-token={s}"],
    ),
    (
        "cookie:cf-clearance",
        "{U:43}-{d:10}-1.2.1.1-{U:150}",
        ["Cookie: cf_clearance={s}", "cookies = {{'cf_clearance': '{s}'}}"],
    ),
    (
        "cookie:slack-d",
        "xoxd-{U:120}%3D%3D",
        ["Cookie: d={s}; d-s=1700000000", "slackdump -cookie 'd={s}'"],
    ),
    (
        "header:x-auth-token",
        "{U:40}",
        ["X-Auth-Token: {s}", "> X-Auth-Token: {s}\r\n> Accept: */*"],
    ),
    (
        "header:proxy-authorization",
        "@b64",
        [
            "Proxy-Authorization: Basic {s}",
            "CONNECT api.example.org:443 HTTP/1.1\r\nProxy-Authorization: Basic {s}",
        ],
    ),
    (
        "header:digest-response",
        "{h:32}",
        [
            'Authorization: Digest username="{u}", realm="acme", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/", response="{s}"',
            'WWW-Authenticate: Digest realm="x"\r\nAuthorization: Digest username="{u}", response="{s}"',
        ],
    ),
    (
        "header:aws-sigv4",
        "{h:64}",
        [
            "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature={s}",
            "X-Amz-Signature={s}&X-Amz-Credential=AKIA",
        ],
    ),
    (
        "header:hmac-signature",
        "{B:43}=",
        [
            "X-Hub-Signature-256: sha256=abc\nX-Api-Secret: {s}",
            "Authorization: HMAC-SHA256 Credential=svc,Signature={s}",
        ],
    ),
    (
        "url:s3-presigned",
        "{U:300}",
        [
            "https://acme-uploads.s3.amazonaws.com/x.pdf?X-Amz-Security-Token={s}&X-Amz-Expires=300",
            "presigned: https://bucket.s3.eu-west-1.amazonaws.com/f?X-Amz-Security-Token={s}",
        ],
    ),
    (
        "url:gcs-signed",
        "{h:512}",
        [
            "https://storage.googleapis.com/acme/f.zip?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature={s}",
            "X-Goog-Signature={s}",
        ],
    ),
    (
        "url:azure-sas",
        "{B:43}%3D",
        [
            "https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-12-31&sig={s}",
            "AZURE_SAS=?sv=2022-11-02&sp=r&sig={s}",
        ],
    ),
    (
        "url:userinfo-password-only",
        PW,
        ["redis://:{s}@cache.acme.lan:6379/0", "amqps://:{s}@mq.acme.lan/vhost"],
    ),
    (
        "url:ftp-creds",
        PW,
        ["ftp://{u}:{s}@ftp.acme.lan/pub/", "lftp -u {u},{s} sftp://files.acme.lan"],
    ),
    (
        "url:smb-creds",
        PW,
        ["smb://{u}:{s}@fs01.acme.lan/share", "\\\\fs01\\share (user {u}, pass {s})"],
    ),
    (
        "url:ldap-creds",
        PW,
        ["ldaps://cn=admin:{s}@dc01.acme.lan:636", "LDAP_URI=ldap://{u}:{s}@ldap.acme.lan"],
    ),
    (
        "url:cassandra",
        PW,
        ["cassandra://{u}:{s}@cass01:9042/keyspace", "cqlsh -u {u} -p '{s}' cass01"],
    ),
    (
        "url:neo4j",
        PW,
        ["neo4j+s://neo4j:{s}@abcd1234.databases.neo4j.io", "bolt://neo4j:{s}@localhost:7687"],
    ),
    (
        "url:couchdb",
        PW,
        [
            "http://admin:{s}@couch.acme.lan:5984/_all_dbs",
            "COUCHDB_URL=https://{u}:{s}@couch.acme.lan",
        ],
    ),
    (
        "url:clickhouse",
        PW,
        [
            "clickhouse://{u}:{s}@ch01:9000/default",
            "clickhouse-client --user {u} --password '{s}' --host ch01",
        ],
    ),
    (
        "url:snowflake",
        PW,
        [
            "snowflake://{u}:{s}@acme-xy12345/analytics/public?warehouse=wh",
            "snowsql -a acme -u {u} --password {s}",
        ],
    ),
    (
        "url:trino",
        PW,
        [
            "trino://{u}:{s}@trino.acme.lan:443/hive",
            "jdbc:trino://trino.acme.lan:443?user={u}&password={s}&SSL=true",
        ],
    ),
    (
        "url:sftp",
        PW,
        ["sftp://{u}:{s}@files.acme.lan:22/upload", "rsync://{u}:{s}@mirror.acme.lan/module"],
    ),
    (
        "url:nats",
        PW,
        ["nats://{u}:{s}@nats.acme.lan:4222", "NATS_URL=tls://{u}:{s}@nats-0.acme.lan"],
    ),
    (
        "url:mqtt",
        PW,
        [
            "mqtt://{u}:{s}@broker.acme.lan:1883",
            "mosquitto_pub -h broker -u {u} -P '{s}' -t t -m hi",
        ],
    ),
    (
        "url:elasticsearch",
        PW,
        [
            "https://elastic:{s}@es01.acme.lan:9200/_cat/indices",
            "ELASTICSEARCH_URL=https://elastic:{s}@es.acme.lan",
        ],
    ),
    (
        "url:sentry-dsn-secret",
        "{h:32}",
        [
            "SENTRY_DSN=https://{s}:{s}@o12345.ingest.sentry.io/67890",
            "dsn: https://{s}@sentry.acme.lan/3",
        ],
    ),
    (
        "url:ifttt",
        "{U:43}",
        [
            "https://maker.ifttt.com/trigger/deploy/with/key/{s}",
            "curl -X POST https://maker.ifttt.com/trigger/x/json/with/key/{s}",
        ],
    ),
    (
        "url:zapier-hook",
        "{d:7}/{a:7}",
        [
            "https://hooks.zapier.com/hooks/catch/{s}/",
            "ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/{s}/",
        ],
    ),
    (
        "url:make-hook",
        "{a:32}",
        ["https://hook.eu1.make.com/{s}", "MAKE_WEBHOOK_URL=https://hook.us1.make.com/{s}"],
    ),
    (
        "url:google-chat",
        "{U:43}",
        [
            "https://chat.googleapis.com/v1/spaces/AAAA1234/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token={s}",
            "GCHAT_WEBHOOK=https://chat.googleapis.com/v1/spaces/AAA/messages?token={s}",
        ],
    ),
    (
        "url:mattermost-hook",
        "{a:26}",
        ["https://chat.acme.lan/hooks/{s}", "MATTERMOST_WEBHOOK=https://mm.acme.lan/hooks/{s}"],
    ),
    (
        "url:rocketchat-hook",
        "{b:17}/{b:48}",
        ["https://rocket.acme.lan/hooks/{s}", "ROCKETCHAT_URL=https://chat.acme.lan/hooks/{s}"],
    ),
    (
        "url:pipedream",
        "eo{a:15}",
        ["https://{s}.m.pipedream.net", "curl -d @payload.json https://{s}.m.pipedream.net"],
    ),
    (
        "url:n8n-webhook",
        "{h:8}-{h:4}-{h:4}-{h:4}-{h:12}",
        ["https://n8n.acme.lan/webhook/{s}", "N8N_HOOK=https://acme.app.n8n.cloud/webhook/{s}"],
    ),
    (
        "url:otpauth",
        "{z:32}",
        ["otpauth://totp/Acme:{u}?secret={s}&issuer=Acme", "TOTP_SECRET={s}"],
    ),
    (
        "url:jwt-in-query",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{U:60}.{U:43}",
        ["wss://rt.acme.lan/socket?access_token={s}&vsn=2.0.0", "GET /download?jwt={s} HTTP/1.1"],
    ),
    # Key material and wallets.
    ("key:bip39-12", "@mnemonic12", ['MNEMONIC="{s}"', "seed phrase (keep safe!): {s}"]),
    (
        "key:bip39-24",
        "@mnemonic24",
        ['{{"mnemonic": "{s}", "path": "m/44\'/60\'/0\'/0/0"}}', "wallet.fromMnemonic('{s}')"],
    ),
    (
        "key:putty-ppk",
        "{B:64}",
        [
            "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: {u}@laptop\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIN\nPrivate-Lines: 1\n{s}\nPrivate-MAC: 8d6e",
            "Private-Lines: 1\n{s}\n",
        ],
    ),
    (
        "key:jwk-private-d",
        "{U:43}",
        [
            '{{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"{s}"}}',
            'jwk = {{"kty": "OKP", "crv": "Ed25519", "d": "{s}", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}',
        ],
    ),
    (
        "key:gsa-private-key-id",
        "{h:40}",
        [
            '{{"type": "service_account", "project_id": "acme-prod", "private_key_id": "{s}", "client_email": "ci@acme-prod.iam.gserviceaccount.com"}}',
            "private_key_id: {s}",
        ],
    ),
    (
        "key:pkcs12-b64",
        "MIIKYQIBAzCCCi{B:400}",
        ["KEYSTORE_BASE64={s}", "<Certificate>{s}</Certificate>"],
    ),
    (
        "key:ethereum-keystore",
        "{h:64}",
        [
            '{{"crypto":{{"cipher":"aes-128-ctr","ciphertext":"{s}","kdf":"scrypt"}},"version":3}}',
            '"ciphertext": "{s}"',
        ],
    ),
    ("key:electrum-xprv", "zprvAWgYBBk7JR8Gj{n:94}", ["electrum restore {s}", "ZPRV={s}"]),
    (
        "key:monero-spend",
        "{h:64}",
        [
            "monero-wallet-cli --generate-from-spend-key w --spend-key {s}",
            "spend key (secret): {s}",
        ],
    ),
    (
        "key:tor-onion",
        "{B:86}==",
        ["ED25519-V3:{s}", "echo 'ED25519-V3:{s}' > hs_ed25519_secret_key"],
    ),
    (
        "key:ssh-ed25519-body",
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW{B:200}",
        [
            "-----BEGIN OPENSSH PRIVATE KEY-----\n{s}\n-----END OPENSSH PRIVATE KEY-----",
            "SSH_PRIVATE_KEY: |\n  {s}",
        ],
    ),
    (
        "key:apple-p8",
        "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg{B:140}",
        [
            'APPLE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n{s}\\n-----END PRIVATE KEY-----"',
            "AuthKey_ABC123.p8: {s}",
        ],
    ),
    (
        "key:ansible-vault-blob",
        "{h:64}\n{h:64}",
        [
            "$ANSIBLE_VAULT;1.1;AES256\n{s}",
            "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  {s}",
        ],
    ),
    (
        "key:android-keystore-pass",
        PW,
        [
            "storePassword={s}\nkeyPassword={s}\nkeyAlias=upload",
            "signingConfigs {{ release {{ storePassword '{s}' }} }}",
        ],
    ),
    (
        "key:fastlane-match",
        PW,
        ["MATCH_PASSWORD={s} fastlane match appstore", "export FASTLANE_PASSWORD='{s}'"],
    ),
    (
        "key:recovery-codes",
        "{a:5}-{a:5}",
        ["GitHub recovery codes:\n{s}\n8f2kd-3mzq1\n", "backup code {s} (one use)"],
    ),
    (
        "key:license-windows",
        "{A:5}-{A:5}-{A:5}-{A:5}-{A:5}",
        ["slmgr /ipk {s}", "Product Key: {s}"],
    ),
    (
        "key:license-jetbrains",
        "{A:10}-eyJsaWNlbnNlSWQiOi{B:200}",
        ["JetBrains license: {s}", "idea.key={s}"],
    ),
    (
        "key:unity-serial",
        "{A:2}-{A:4}-{A:4}-{A:4}-{A:4}-{A:4}",
        [
            "unity-editor -batchmode -serial {s} -username {u}@acme.com -password x",
            "UNITY_SERIAL={s}",
        ],
    ),
    # Personal data kinds.
    (
        "pii:us-ssn",
        "@ssn",
        ["applicant SSN: {s}, DOB 1984-03-02", '{{"ssn": "{s}", "state": "OH"}}'],
    ),
    ("pii:uk-nino", "@nino", ["NI number {s} on payslip", "national_insurance_number={s}"]),
    ("pii:br-cpf", "@cpf", ["CPF do cliente: {s}", '{{"cpf": "{s}", "nome": "João"}}']),
    ("pii:in-aadhaar", "@aadhaar", ["Aadhaar: {s}", "aadhaar_no={s} verified"]),
    ("pii:es-dni", "@dni", ["DNI {s} – titular de la cuenta", "nif: {s}"]),  # noqa: RUF001
    ("pii:nl-bsn", "@bsn", ["BSN {s} gekoppeld aan dossier", "burgerservicenummer={s}"]),
    ("pii:passport", "{u:1}{d:8}", ["passport no. {s}, expires 2031-04-30", "passportNumber: {s}"]),
    (
        "pii:imei",
        "@imei",
        ["device IMEI {s} reported lost", "adb shell service call iphonesubinfo 1 -> {s}"],
    ),
    (
        "pii:us-bank-account",
        "{d:10-12}",
        ["ACH: routing 021000021 account {s}", "account_number={s}&routing_number=011000015"],
    ),
    ("pii:date-of-birth", "@dob", ["patient born {s}, MRN 00231", '{{"dob": "{s}"}}']),
]
