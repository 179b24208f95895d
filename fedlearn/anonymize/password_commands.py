"""Commands whose arguments hold a password, and how (``command_arguments`` reads these tables).

A flag and its value as separate words (``SEPARATE``) or attached (``ATTACHED``), a subcommand
that takes it (``SUBCOMMANDS``), a password inside a word (``LOGON``, ``SAMBA``), ``user:password``
after a flag (``USER_PASS``), a password read from standard input (``STDIN_PASSWORD``), and the
words of a command line (``ARGUMENT``, also ``shell_words``').
"""

from __future__ import annotations

from fedlearn.anonymize import rules

SNMP_COMMANDS = tuple(
    f"snmp{verb}"
    for verb in (
        "walk",
        "bulkwalk",
        "get",
        "getnext",
        "bulkget",
        "set",
        "table",
        "trap",
        "inform",
        "df",
        "status",
        "delta",
        "netstat",
        "usm",
        "vacm",
    )
)
# Commands whose manual says a flag's argument is a password (or token): the flag and its value
# as separate words (``sqlcmd -P …``), or the value attached (``7z a -p…``, ``xfreerdp /p:…``).
# Flags are case-sensitive (``ipmitool -p`` is a port), except Windows' (``schtasks /RP``).
SEPARATE = {
    **dict.fromkeys(("sqlcmd", "bcp", "osql", "isql", "ipmitool", "unzip"), ("-P",)),
    **dict.fromkeys(
        ("mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "cqlsh"),
        ("-p", "--password"),
    ),
    **dict.fromkeys(("mosquitto_pub", "mosquitto_sub", "mosquitto_rr"), ("-P", "--pw")),
    **dict.fromkeys(("twine", "helm", "podman", "buildah", "skopeo", "oras", "nerdctl"), ("-p",)),
    **dict.fromkeys(
        ("keytool", "jarsigner"),
        tuple(f"-{side}{kind}pass" for side in ("", "src", "dest") for kind in ("store", "key")),
    ),
    **dict.fromkeys(("psexec", "psexec64", "paexec", "rdesktop"), ("-p",)),
    "zip": ("-P", "--password"),
    # OpenLDAP: ``slappasswd -s V`` hashes a secret, ``ldappasswd … -s V`` sets a new password
    **dict.fromkeys(("slappasswd", "ldappasswd"), ("-s",)),
    "az": ("-p", "--password"),
    "openssl": ("-k", "-K", "-hmac"),  # ``enc -k V``/``-K HEX``, ``dgst -hmac V`` (probes43)
    "influx": ("-t", "--token", "-password"),
    "schtasks": ("/rp", "/p"),
    # ``nmcli dev wifi connect SSID password V``, ``nmcli con modify C wifi-sec.psk V``
    "nmcli": (
        "password",
        "wifi-sec.psk",
        "802-11-wireless-security.psk",
        "wifi-sec.wep-key0",
        "802-1x.password",
    ),
    "dotnet": ("-p", "--password", "-k"),  # ``dotnet nuget push -k`` (bench/contexts29)
    "ssh-keygen": ("-N", "-P"),  # the new and the old passphrase (bench/contexts29)
    "racadm": ("-p",),  # Dell iDRAC's remote racadm (bench/contexts35)
    # net-snmp: the SNMPv3 authentication and privacy passphrases, the v1/v2c community
    # (``public`` stays: ``DEFAULT_COMMUNITIES``), bench/contexts35.
    **dict.fromkeys(SNMP_COMMANDS, ("-A", "-X", "-c")),
    # cli39's probe of 150+ tools' manuals: Windows' remote-admin tools' ``-u U -p V`` (and an NT
    # hash after ``-H``), a registry's or a cluster's ``login -p`` (``SUBCOMMANDS``), a database
    # shell's, a mail tool's, a signing tool's password flag, a CLI's API token flag.
    **dict.fromkeys(("crackmapexec", "netexec", "nxc"), ("-p", "--password", "-H", "--hash")),
    **dict.fromkeys(("evil-winrm", "smbmap", "hydra"), ("-p", "--password")),
    **dict.fromkeys(("rabbitmqadmin", "couchbase-cli", "cypher-shell"), ("-p", "--password")),
    **dict.fromkeys(("oc", "cf", "crane", "regctl", "gitea"), ("-p", "--password")),
    "vsql": ("-w", "--password"),
    **dict.fromkeys(
        ("arangosh", "arangodump", "arangorestore", "arangoimport", "arangoexport", "arangobench"),
        ("--server.password",),
    ),
    "pdftk": ("user_pw", "owner_pw", "input_pw"),  # its keywords: ``output F user_pw V``
    "doveadm": ("-p",),  # ``doveadm pw -p V``
    "testsaslauthd": ("-p",),
    "steghide": ("-p", "--passphrase"),
    "pk12util": ("-W", "-K"),  # the PKCS#12 file's and the NSS database's password
    "certutil": ("-p",),  # Windows' ``certutil -importpfx -p V``
    "signtool": ("/p",),
    "sendemail": ("-xp",),
    "swaks": ("-ap", "--auth-password"),
    "p4": ("-P",),
    "codecov": ("-t", "--token"),
    "doctl": ("-t", "--access-token"),
    "openai": ("-k", "--api-key"),
    "pihole": ("-p",),  # ``pihole -a -p V`` sets the web password
    "ksetup": ("/setcomputerpassword",),
    # cli40's probe of 150 more tools' manuals: publishing (``hatch publish -a``, ``poetry
    # publish -p``, ``vsce publish -p``), Nagios plugins, BMC and IPMI tools, database shells,
    # macOS' keychain, media and sync clients.
    "hatch": ("-a", "--auth"),
    **dict.fromkeys(("poetry", "conan", "fly", "ilorest"), ("-p", "--password")),
    **dict.fromkeys(("vsce", "ovsx"), ("-p", "--pat")),
    **dict.fromkeys(("check_mysql", "check_mysql_query", "check_pgsql"), ("-p", "--password")),
    **dict.fromkeys(("check_ldap", "check_ldaps"), ("-P", "--pass")),
    "check_smtp": ("-P", "--authpass"),
    "check_snmp": ("-A", "-X", "-C", "--authpassword", "--privpasswd", "--community"),
    **dict.fromkeys(
        (
            *(f"ipmi-{tool}" for tool in ("sensors", "power", "chassis", "sel", "fru", "config")),
            *(f"ipmi-{tool}" for tool in ("oem", "raw", "dcmi", "pet")),
            *("ipmipower", "ipmiconsole", "bmc-info", "bmc-device"),
        ),
        ("-p", "--password", "-k", "--k-g"),
    ),
    "ipmiutil": ("-P",),
    "redfishtool": ("-p", "--Password"),
    "clogin": ("-p", "-e"),  # RANCID: the login and the enable password
    "zmu": ("-P", "--pass"),
    "deluge-console": ("-P", "--password"),
    **dict.fromkeys(("nextcloudcmd", "owncloudcmd", "mycli"), ("-p", "--password")),
    "xcrun": ("-p", "--password"),  # ``xcrun altool … -u U -p V``
    "security": ("-p", "-P"),  # macOS: ``security unlock-keychain -p V``, ``import … -P V``
    **dict.fromkeys(("mongostat", "mongotop", "mongofiles"), ("-p", "--password")),
    **dict.fromkeys(("redis-benchmark", "keydb-cli", "valkey-cli"), ("-a", "--pass")),
    "memtier_benchmark": ("-a", "--authenticate"),
    "tsql": ("-P",),
    "hdbsql": ("-p",),
    **dict.fromkeys(("mimirtool", "cortextool"), ("--key",)),
    "lego": ("--hmac", "--eab.hmac"),  # the ACME account's EAB key
    "cfcli": ("-t", "--token"),
    "espota": ("-a", "--auth"),
    "orapki": ("-pwd",),
    "immich-go": ("--key",),
    # forms41 (cli40's open forms): ``gh secret set NAME -b V``/``--body V`` (``SUBCOMMANDS``),
    # IMAP/POP checks' ``-P`` (``-p`` is the port), Supermicro's ``sum -u U -p V``, ``security
    # import F -k KC -P V`` (``command_arguments``: only ``import``'s ``-P`` takes it).
    "gh": ("-b", "--body"),
    **dict.fromkeys(("check_imap", "check_simap", "check_pop", "check_spop"), ("-P",)),
    "sum": ("-p",),
    # probes43: MIT Kerberos' admin password and a principal's new one (``-q "addprinc -pw V u"``)
    "kadmin": ("-w",),
    **dict.fromkeys(("addprinc", "add_principal", "ank", "cpw", "change_password"), ("-pw",)),
    # contexts43: NUT's ``upsrw``/``upscmd -u U -p V``, WildFly's and Keycloak's ``add-user.sh -p
    # V`` (``SUFFIXED``), Redpanda's ``rpk acl user create U -p V`` (``SUBCOMMANDS``).
    **dict.fromkeys(("upsrw", "upscmd", "add-user", "add-user-keycloak"), ("-p", "--password")),
    "rpk": ("-p", "--password", "--new-password"),
    # contexts44: OpenStack Swift's ``swift -U ACCOUNT:USER -K V``, ``ghr -t V``, the Codecov
    # CLI's ``codecovcli upload-process -t V``, ``caprover deploy -p V`` (``SUBCOMMANDS``).
    "swift": ("-K", "--key"),
    "ghr": ("-t", "-token"),
    "codecovcli": ("-t", "--token"),
    "caprover": ("-p", "--caproverPassword"),
}
ATTACHED = {
    **dict.fromkeys(("7z", "7za", "7zr", "rar", "unrar"), ("-p",)),
    **dict.fromkeys(
        ("xfreerdp", "xfreerdp3", "wlfreerdp", "sdl-freerdp", "sdl-freerdp3"),
        ("/p:", "/password:"),
    ),
    "winrs": ("-p:", "/p:", "-password:", "/password:"),
    # getopt's short option touching its value: ``ipmitool -PV``, ``bcp … -P'V'``, ``isql -PV``.
    **dict.fromkeys(("ipmitool", "bcp", "sqlcmd", "osql", "isql", "tsql"), ("-P",)),
    "gh": ("-b",),  # ``gh secret set NAME -b'V'``
    "taos": ("-p",),  # TDengine's shell: ``taos -h H -u U -pV`` (contexts44)
}
# Commands that take the flagged password only in one subcommand (``az login -p``).
# ``dotnet nuget add source … -p`` (``dotnet run -p`` names a project).
# A command's subcommands that take it (any of them among its first three words).
SUBCOMMANDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("az", "helm", "podman", "buildah", "skopeo", "oras", "nerdctl"), ("login",)),
    "dotnet": ("nuget",),
    **dict.fromkeys(("oc", "cf", "crane", "regctl"), ("login",)),  # ``crane auth login``
    "doveadm": ("pw",),  # ``doveadm -p`` is elsewhere no password
    "gitea": ("admin",),  # ``gitea web -p`` is a port
    # cli40: ``poetry publish -p`` (``poetry run -p`` is none), ``conan user -p``/``remote login
    # -p``, ``fly -t T login -p``, ``xcrun altool -p``, the keychain ``security`` verbs' ``-p``.
    **dict.fromkeys(("hatch", "poetry", "vsce", "ovsx"), ("publish", "unpublish")),
    "conan": ("user", "login"),
    **dict.fromkeys(("fly", "ilorest"), ("login",)),
    "xcrun": ("altool",),
    "security": ("unlock-keychain", "create-keychain", "set-keychain-password", "import"),
    "gh": ("secret",),  # ``gh pr create -b main`` is a base branch
    "rpk": ("acl", "security"),  # ``rpk topic produce -p`` is a partition
    "caprover": ("deploy",),  # ``caprover deploy -p V`` (contexts44)
}
WINDOWS = frozenset({"schtasks", "winrs", "net", "reg", "certutil", "signtool", "ksetup"})
# Commands whose password is part of a word: ``sqlplus user/pass@db``, ``smbclient -U user%pass``,
# ``lftp -u user,pass``; or a plain argument: ``net use \\host\share pass``, ``rabbitmqctl
# add_user name pass``.
LOGON = ("sqlplus", "rman", "expdp", "impdp", "sqlldr", "dgmgrl", "exp", "imp", "sqlcl")
SAMBA = ("smbclient", "rpcclient", "smbcacls", "smbget", "smbtree")
# Commands that take ``user:password`` (``user,password``) after a flag.
USER_PASS = {
    "curl": ("-u", "-U", "--user", "--proxy-user"),
    "lftp": ("-u",),
    **dict.fromkeys(("http", "https"), ("-a", "--auth")),  # HTTPie
    "transmission-remote": ("-n", "--auth"),
    "etcdctl": ("--user",),
    **dict.fromkeys(("check_http", "check_curl"), ("-a", "--authorization")),  # Nagios plugins
    # A TSIG key ``[ALGORITHM:]NAME:KEY`` (``dig``/``nsupdate -y``: the key after the last ``:``),
    # MySQL Shell's ``--uri USER:PASSWORD@HOST`` (the password before the last ``@``).
    **dict.fromkeys(("dig", "nsupdate", "delv"), ("-y",)),
    "mysqlsh": ("--uri",),
    # Web terminals, tunnels, proxies and web testers (their manuals; contexts40's ``ttyd -c``).
    **dict.fromkeys(("ttyd", "gotty"), ("-c", "--credential")),
    "ngrok": ("--basic-auth", "-auth", "--auth"),
    **dict.fromkeys(("mitmproxy", "mitmdump", "mitmweb"), ("--proxyauth",)),
    "ncat": ("--proxy-auth",),
    "chisel": ("--auth",),
    "wfuzz": ("--basic",),
    "sqlmap": ("--auth-cred",),
    "nikto": ("-id",),
    "iw": ("key",),  # ``iw dev D connect SSID key [d:]0:V``: the WEP key after the last ``:``
}
# How those words end their password: after the last ``:``, or before the last ``@``.
LAST_COLON = frozenset({"dig", "nsupdate", "delv", "iw"})
AT_HOST = frozenset({"mysqlsh"})
# Commands that take a password by position after a verb (``verb_passwords``, cli39's probe).
# A command: its verb's words (lowercase, in a row), the place of the password among the plain
# words after them, and the flags that take a value (their value is no plain word).
VERBS: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = {
    "bw": ((("unlock",), 0), (("login",), 1)),
    "snyk": ((("auth",), 0),),
    "wandb": ((("login",), 0),),
    "ngrok": ((("add-authtoken",), 0), (("authtoken",), 0)),
    "rclone": ((("obscure",), 0),),
    "openssl": ((("passwd",), 0),),  # ``openssl passwd -6 V``
    **dict.fromkeys(("vault", "bao"), ((("login",), 0), (("unseal",), 0))),  # OpenBao's ``bao``
    "cf": ((("auth",), 1),),
    "db2": ((("using",), 0),),
    "doveadm": ((("auth", "test"), 1),),
    "neo4j-admin": ((("set-initial-password",), 0),),
    **dict.fromkeys(("emqx", "emqx_ctl"), ((("admins", "passwd"), 1),)),
    "syncthing": ((("password", "set"), 0),),
    # cli40: ``grafana-cli admin reset-admin-password V``, ``nuget setapikey V``, ``immich login
    # URL KEY``, ``semaphore connect HOST TOKEN``, pihole v6's ``setpassword V``, hostapd's and
    # wpa_supplicant's control tools (``wpa_cli set_network 0 psk '"V"'``), Oracle's ``mkstore
    # -createCredential ALIAS USER V``.
    **dict.fromkeys(("grafana-cli", "grafana"), ((("reset-admin-password",), 0),)),
    "nuget": ((("setapikey",), 0),),
    "immich": ((("login",), 1), (("login-key",), 1)),
    "semaphore": ((("connect",), 1),),
    "pihole": ((("setpassword",), 0),),
    "hostapd_cli": ((("wpa_passphrase",), 0), (("sae_password",), 0)),
    "wpa_cli": ((("psk",), 0), (("password",), 0), (("sae_password",), 0)),
    "mkstore": ((("-createcredential",), 2), (("-modifycredential",), 2)),
    # forms41: ``xl2tpd-control connect[-lac] LAC USER V``, ``adb shell input text V`` (typed
    # into a device's password field; ``verb_passwords`` wants it to read as a password).
    "xl2tpd-control": ((("connect",), 2), (("connect-lac",), 2)),
    "adb": ((("input", "text"), 0),),
    # session 38's probes: Drupal's ``drush user:password NAME V`` and docker-mailserver's
    # ``setup email add ADDRESS V`` (``update`` too)
    "drush": ((("user:password",), 1), (("upwd",), 1)),
    "setup": ((("email", "add"), 1), (("email", "update"), 1)),
    # contexts43: MaxScale's ``maxctrl create user NAME V``, macOS' ``dscl . -passwd /Users/U V``
    # and ``networksetup -setairportnetwork en0 SSID V``
    "maxctrl": ((("create", "user"), 1), (("alter", "user"), 1)),
    "dscl": ((("-passwd",), 1),),
    "networksetup": ((("-setairportnetwork",), 2),),
    "civo": ((("apikey", "save"), 1), (("apikey", "add"), 1)),  # ``civo apikey save NAME V``
}
# Commands whose flagged or placed value is a password only when it reads as one
# (``login_pairs.is_told_password``): a ``gh secret``'s body may be any text (``-b main``), and
# ``adb shell input text`` types anything.
JUDGED = frozenset({"gh", "adb"})
# The verbs whose argument is an API or login token (``token``), not a password.
TOKEN_VERBS = frozenset(
    {"civo", "snyk", "wandb", "ngrok", "vault", "bao", "nuget", "immich", "semaphore"}
)
VALUED = frozenset(
    {"--host", "--method", "--code", "--passwordenv", "--passwordfile", "-a", "-o", "-salt", "-in"}
    | {"-Source", "-ConfigFile"}  # NuGet's ``setapikey V -Source URL``
)
# The flags of a verb command that take a value (no plain word). What a verb command's trigger needs on its line (one word, no blank: ``on_its_line``).
VERB_NEEDS = {
    "bw": "(?:unlock|login)",
    "snyk": "auth",
    "wandb": "login",
    "ngrok": "authtoken",
    "rclone": "obscure",
    "openssl": "passwd",
    "vault": "(?:login|unseal)",
    "bao": "(?:login|unseal)",
    "cf": "auth",
    "db2": "using",
    "doveadm": "test",
    "neo4j-admin": "set-initial-password",
    "emqx": "passwd",
    "emqx_ctl": "passwd",
    "syncthing": "password",
    "mosquitto_passwd": "-b",
    "grafana-cli": "reset-admin-password",
    "grafana": "reset-admin-password",
    "nuget": "setapikey",
    "immich": "login",
    "semaphore": "connect",
    "pihole": "setpassword",
    "hostapd_cli": "(?:wpa_passphrase|sae_password)",
    "wpa_cli": "(?:psk|password)",
    "mkstore": "-(?:create|modify)credential",
    "drush": "(?:user:password|upwd)",
    "setup": "(?:add|update)",
    "xl2tpd-control": "connect",
    "adb": "text",
    "maxctrl": "user",
    "dscl": "-passwd",
    "networksetup": "-setairportnetwork",
    "civo": "(?:save|add)",
}
MKPASSWD_VALUED = frozenset({"-m", "--method", "-S", "--salt", "-R", "--rounds", "-P"})
# unixODBC's ``isql`` flags that take no value; another flag makes it Sybase's ``isql -U -P``.
ISQL_PLAIN = frozenset({"-v", "-b", "-c", "-w", "-n", "-e", "-q", "-3", "-l"})


COMMANDS = frozenset(
    {
        *SEPARATE,
        *ATTACHED,
        *LOGON,
        *SAMBA,
        *USER_PASS,
        "net",
        "rabbitmqctl",
        "echo",
        "printf",
        "htpasswd",
        "convertto-securestring",
        "reg",
        "radtest",
        "wpa_passphrase",
        *VERB_NEEDS,
        "isql",
        "mkpasswd",
    }
)
COMMAND_NAMES = tuple(sorted(COMMANDS))
# The words of a command line: quoted (``'…'``, ``"…"``, JSON-escaped ``\"…\"``) or bare, and
# the characters that end a command (``arguments`` stops there).
ARGUMENT = rules.Lazy(
    r"[|;&)`]|(?:\\?\"(?:[^\"\\\n]|\\(?!\"))*\\?\"|'[^'\n]*'|[^\s\"'\\|;&)`]|\\(?!\"))+"
)
CONNECT = rules.Lazy(
    r"(?:(?:userid|target|catalog|auxiliary)=)?[\"']?[A-Za-z0-9_$#.\\]+/(?P<value>[^/@\s\"']+)"
)
# A command that reads a password from its standard input (after a ``|``): by a flag, or as its
# manual says it does when stdin is no terminal (``STDIN_READERS``, also ``here_fed``'s).
STDIN_READERS = (
    r"--passphrase-fd[ =]0|--password-stdin|--passwd-stdin|--pass-stdin|--passwd-on-stdin"
    r"|password_stdin|smbpasswd[^|\n]*[ \t]-[sa]\b|passwd[ \t]+--stdin|-passin[ \t]+stdin|chpasswd"
    r"|sudo[ \t]+-\w*S\b|\bkinit\b|cryptsetup[ \t]+(?:luks)?(?:[oO]pen|[fF]ormat|[aA]dd[kK]ey)"
    r"|keepassxc-cli|lpass[ \t]+login|\bop[ \t]+signin|\b(?:go)?pass[ \t]+insert|saslpasswd2|vncpasswd"
    r"|kubeseal[^|\n<]*--from-file[= ]/dev/stdin"  # ``kubeseal --raw … <<< V`` (forms41)
)
STDIN_PASSWORD = rules.Lazy(r"\|[^|\n]*?(?:" + STDIN_READERS + ")")
RABBIT_VERBS = ("add_user", "change_password", "authenticate_user")
# Commands that take a password by position (``command_arguments.positional``): FreeRADIUS's
# ``radtest USER PASSWORD SERVER PORT SECRET`` (its flags that take a value), ``ipmitool user set
# password ID PASSWORD`` (bench/contexts35; ``ipmitool -P`` is in ``SEPARATE``),
# ``wpa_passphrase SSID PASSPHRASE`` (without it, the passphrase is read from standard input).
POSITIONAL = frozenset({"radtest", "ipmitool", "wpa_passphrase"})
RADTEST_VALUED = frozenset({"-t", "-d", "-P"})
SHARE = rules.Lazy(r"[A-Za-z]:|\*")
