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
    "az": ("-p", "--password"),
    "openssl": ("-k",),
    "influx": ("-t", "--token", "-password"),
    "schtasks": ("/rp", "/p"),
    "nmcli": ("password",),
    "dotnet": ("-p", "--password", "-k"),  # ``dotnet nuget push -k`` (bench/contexts29)
    "ssh-keygen": ("-N", "-P"),  # the new and the old passphrase (bench/contexts29)
    "racadm": ("-p",),  # Dell iDRAC's remote racadm (bench/contexts35)
    # net-snmp: the SNMPv3 authentication and privacy passphrases, the v1/v2c community
    # (``public`` stays: ``DEFAULT_COMMUNITIES``), bench/contexts35.
    **dict.fromkeys(SNMP_COMMANDS, ("-A", "-X", "-c")),
}
ATTACHED = {
    **dict.fromkeys(("7z", "7za", "7zr", "rar", "unrar"), ("-p",)),
    **dict.fromkeys(
        ("xfreerdp", "xfreerdp3", "wlfreerdp", "sdl-freerdp", "sdl-freerdp3"),
        ("/p:", "/password:"),
    ),
    "winrs": ("-p:", "/p:", "-password:", "/password:"),
}
# Commands that take the flagged password only in one subcommand (``az login -p``).
# ``dotnet nuget add source … -p`` (``dotnet run -p`` names a project).
SUBCOMMANDS = {
    **dict.fromkeys(("az", "helm", "podman", "buildah", "skopeo", "oras", "nerdctl"), "login"),
    "dotnet": "nuget",
}
WINDOWS = frozenset({"schtasks", "winrs", "net", "reg"})
# Commands whose password is part of a word: ``sqlplus user/pass@db``, ``smbclient -U user%pass``,
# ``lftp -u user,pass``; or a plain argument: ``net use \\host\share pass``, ``rabbitmqctl
# add_user name pass``.
LOGON = ("sqlplus", "rman", "expdp", "impdp", "sqlldr", "dgmgrl")
SAMBA = ("smbclient", "rpcclient", "smbcacls", "smbget", "smbtree")
# Commands that take ``user:password`` (``user,password``) after a flag.
USER_PASS = {
    "curl": ("-u", "-U", "--user", "--proxy-user"),
    "lftp": ("-u",),
    **dict.fromkeys(("http", "https"), ("-a", "--auth")),  # HTTPie
}
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
        "htpasswd",
        "convertto-securestring",
        "reg",
        "radtest",
        "wpa_passphrase",
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
# A command that reads a password from its standard input, after a ``|``.
STDIN_PASSWORD = rules.Lazy(
    r"\|[^|\n]*?(?:--passphrase-fd[ =]0|--password-stdin|--passwd-stdin|--pass-stdin"
    r"|smbpasswd[^|\n]*[ \t]-s\b|passwd[ \t]+--stdin|-passin[ \t]+stdin|chpasswd|sudo[ \t]+-\w*S\b)"
)
RABBIT_VERBS = ("add_user", "change_password", "authenticate_user")
# Commands that take a password by position (``command_arguments.positional``): FreeRADIUS's
# ``radtest USER PASSWORD SERVER PORT SECRET`` (its flags that take a value), ``ipmitool user set
# password ID PASSWORD`` (bench/contexts35; ``ipmitool -P`` is in ``SEPARATE``),
# ``wpa_passphrase SSID PASSPHRASE`` (without it, the passphrase is read from standard input).
POSITIONAL = frozenset({"radtest", "ipmitool", "wpa_passphrase"})
RADTEST_VALUED = frozenset({"-t", "-d", "-P"})
SHARE = rules.Lazy(r"[A-Za-z]:|\*")
