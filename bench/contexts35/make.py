"""Build contexts35: scanner fixtures and fresh draws in network gear, directory and mail servers, wire dumps and data dumps (blind).

``python bench/contexts35/make.py`` writes secrets.jsonl and benign.jsonl (seed 35035). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 35035) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: network gear
(RouterOS export, OpenWrt UCI, pfSense config.xml, Cisco IOS/Junos, strongSwan/OpenVPN/ppp secrets,
SNMP/RADIUS, Wi-Fi supplicants), directory services (LDIF, sssd/Samba/CIFS), mail servers and wire
protocols (Postfix/Dovecot/fetchmail, SMTP AUTH, IMAP/POP3/FTP), Redis RESP frames, packet dumps
(tcpdump -A, ngrep, Wireshark/tshark, curl --trace and HTTP/2 -v, websocket frames, mitmdump/HTTPie),
game and voice servers, terminal recordings (asciinema, script, tmux), document markups (RST,
AsciiDoc, LaTeX, troff), data dumps (psql \\x, mysql \\G, sqlite line mode, pandas/R/polars frames,
Avro/DuckDB/parquet-tools/CSV), encodings (percent-encoded JSON, double-encoded, quoted-printable,
form bodies), strings nested in strings, expect/sshpass/lftp, BMCs (ipmitool, racadm, Redfish) and
hypervisors (libvirt, Proxmox, QEMU, cloud-init, govc).
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts34; a context may return (text, written) when the text holds the value encoded.
"""

# ruff: noqa: RUF001, S608  (box-drawing tables and arrows; SQL text printed, never run)
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
sys.path.insert(0, str(HERE.parent / "draws29"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

SEED = 35035
RNG = random.Random(SEED)

KEY_WORDS = [
    ["api", "key"],
    ["token"],
    ["secret"],
    ["api", "token"],
    ["access", "token"],
    ["secret", "key"],
    ["auth", "token"],
    ["password"],
    ["client", "secret"],
]

# An SSH key fingerprint: fedlearn replaces it by design (docs/anonymization.md's table).
SSH_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
# A home directory's path: fedlearn replaces it by design (``<home>``; labelled after the first
# measurement, rows unchanged).
HOME = re.compile(r"(?<![\w/])(?:/home|/Users)/[a-z][\w.-]*")
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
BARE = re.compile(r"[^\s'\"#;$`\\,&|<>(){}\[\]*?!%]+")


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str], split: int = 0) -> None:
        self.words = words
        self.split = split

    env = property(lambda s: "_".join(s.words).upper())
    snake = property(lambda s: "_".join(s.words))
    camel = property(lambda s: s.words[0] + "".join(w.title() for w in s.words[1:]))
    pascal = property(lambda s: "".join(w.title() for w in s.words))
    kebab = property(lambda s: "-".join(s.words))
    dotted = property(lambda s: ".".join(s.words))
    tail = property(lambda s: Name(s.words[s.split :]) if s.split else s)
    vendor = property(lambda s: "-".join(s.words[: s.split]) or "app")


def vendor_words(rule: str) -> list[str]:
    v = f24.vendor(rule).split("_")
    return ["svc", *v] if v[0][:1].isdigit() else v


def secret_name(rule: str) -> Name:
    v = vendor_words(rule)
    return Name(v + RNG.choice(KEY_WORDS), len(v))


def extra_name(rule: str, value: str, is_secret: bool, label: str = "") -> Name:
    v = vendor_words(rule)
    if label:
        kind = [w for w in re.split(r"[_\W]+", label.lower()) if w][-1:] or ["id"]
    elif is_secret:
        kind = ["secret"]
    elif "@" in value:
        kind = ["user"]
    elif value.startswith("http"):
        kind = ["url"]
    elif "." in value and " " not in value:
        kind = ["host"]
    else:
        kind = ["id"]
    return Name(v + kind, len(v))


def svc(r: str) -> str:
    return f24.vendor(r).replace("_", "-")


def host(r: str) -> str:
    return f24.vendor(r).replace("_", "") + ".example.com"


def dq(v: str) -> str:
    """A double-quoted string literal (JSON escapes: Python, JS, Go, Java, C#, Rust, PHP, HCL)."""
    return json.dumps(v)


def sq(v: str) -> str:
    """A single-quoted literal (Python, JS, PHP, Ruby)."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def yq(v: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    return v if re.fullmatch(r"[A-Za-z0-9_./+=~-][^\s:#'\"{}\[\],&*!|>%@`]*", v) else dq(v)


def x(v: str) -> str:
    return xml_escape(v, {'"': "&quot;"})


def others(pairs):
    return pairs[:-1]


def user_of(pairs) -> str:
    return next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")


def pick(*forms):
    return RNG.choice(forms)


def ident(n: Name) -> str:
    return n.vendor.replace("-", "_")


def cls(n: Name) -> str:
    return n.vendor.title().replace("-", "")


def pyr(v: str) -> str:
    """Python's repr of a str (escapes newlines; picks its quote as Python does)."""
    return repr(v)


def jsq(v: str) -> str:
    """Node util.inspect's single-quoted string."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def shq(v: str) -> str:
    """How bash's xtrace and `set` print a word: bare when safe, else single-quoted."""
    if BARE.fullmatch(v):
        return v
    return "'" + v.replace("'", "'\\''") + "'"


def psq(v: str) -> str:
    """A PowerShell single-quoted string."""
    return "'" + v.replace("'", "''") + "'"


def nq(v: str) -> str:
    """A Nix double-quoted string."""
    return json.dumps(v).replace("${", "\\${")


def ok_bare(v: str) -> bool:
    return BARE.fullmatch(v) is not None


def choose(v: str, esc=(), line=(), bare=()):
    """One form: `esc` take any value (they escape newlines), `line` one-line values, `bare` bare words."""
    forms = list(esc)
    if "\n" not in v:
        forms += list(line)
    if ok_bare(v):
        forms += list(bare)
    return RNG.choice(forms)


def hexid(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text, or
# (text, written) when the text holds the value encoded (percent-encoding, base64, quoted-printable).
# Where values travel through network gear, directory and mail servers, wire dumps, game servers,
# terminal recordings, document markups, data dumps, encodings, BMCs and hypervisors.


def sqlq(v: str) -> str:
    """An SQL string literal ('' doubles a quote)."""
    return "'" + v.replace("'", "''") + "'"


def csvq(v: str) -> str:
    """A CSV field as spreadsheets export it (quoted when it must be)."""
    return '"' + v.replace('"', '""') + '"' if re.search(r'[",\n]', v) else v


def rosq(v: str) -> str:
    """A RouterOS value: bare when safe, else double-quoted with backslash escapes."""
    if re.fullmatch(r"[A-Za-z0-9._@:/+-]+", v):
        return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


def uq(v: str) -> str:
    """A UCI single-quoted value ('\\'' closes, escapes and reopens)."""
    return "'" + v.replace("'", "'\\''") + "'"


def pct(v: str, safe: str = "") -> str:
    from urllib.parse import quote

    return quote(v, safe=safe)


def crlf_dots(s: str) -> str:
    """How tcpdump -A prints a payload: non-printable bytes (CR, LF's pair) as dots."""
    return s.replace("\r\n", "..")


PROMPT = "\x1b]0;mira@build-07: ~\x07\x1b[01;32mmira@build-07\x1b[00m:\x1b[01;34m~\x1b[00m$ "


def c_mikrotik(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"[admin@MikroTik] > /export hide-sensitive=no\n# dec/07/2026 09:14:02 by RouterOS 7.16.1\n"
            f"/interface wireless security-profiles\nset [ find default=yes ] supplicant-identity=MikroTik\n"
            f'add authentication-types=wpa2-psk mode=dynamic-keys name={svc(r)} supplicant-identity="" wpa2-pre-shared-key={rosq(v)}',
            f"/ppp secret\nadd name={u} password={rosq(v)} profile=default-encryption service=l2tp",
            f"/tool e-mail\nset from=router@{host(r)} port=587 server=smtp.{host(r)} tls=starttls user={u} password={rosq(v)}",
            f"/interface pppoe-client\nadd add-default-route=yes disabled=no interface=ether1 name=pppoe-out1 user={u} password={rosq(v)}",
            f"/ip hotspot user\nadd name={u} password={rosq(v)} profile=default server=hotspot1",
            f':global {n.camel} {rosq(v)}\n/tool fetch url="https://{host(r)}/v1/ping" http-header-field="X-Api-Key: $({n.camel})" output=none',
        ),
    )


def c_openwrt_uci(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"root@OpenWrt:~# uci show wireless.default_radio0\nwireless.default_radio0=wifi-iface\nwireless.default_radio0.device='radio0'\n"
            f"wireless.default_radio0.network='lan'\nwireless.default_radio0.mode='ap'\nwireless.default_radio0.ssid='{svc(r)}'\n"
            f"wireless.default_radio0.encryption='psk2'\nwireless.default_radio0.key={uq(v)}",
            f"root@OpenWrt:~# cat /etc/config/network\nconfig interface 'wan'\n\toption device 'eth1'\n\toption proto 'pppoe'\n"
            f"\toption username '{u}'\n\toption password {uq(v)}\n\toption ipv6 'auto'",
            f"root@OpenWrt:~# uci set ddns.{ident(n)}.password={uq(v)}\nroot@OpenWrt:~# uci commit ddns && /etc/init.d/ddns restart",
            f"config service '{ident(n)}'\n\toption enabled '1'\n\toption service_name '{host(r)}'\n\toption lookup_host 'home.{host(r)}'\n"
            f"\toption username '{u}'\n\toption password {uq(v)}\n\toption use_https '1'",
        ),
    )


def c_pfsense_xml(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f'<?xml version="1.0"?>\n<pfsense>\n\t<ipsec>\n\t\t<phase1>\n\t\t\t<ikeid>1</ikeid>\n\t\t\t<iketype>ikev2</iketype>\n'
            f"\t\t\t<remote-gateway>vpn.{host(r)}</remote-gateway>\n\t\t\t<authentication_method>pre_shared_key</authentication_method>\n"
            f"\t\t\t<pre-shared-key>{x(v)}</pre-shared-key>\n\t\t</phase1>\n\t</ipsec>\n</pfsense>",
            f"\t<dyndnses>\n\t\t<dyndns>\n\t\t\t<type>custom</type>\n\t\t\t<username>{x(u)}</username>\n"
            f"\t\t\t<password>{x(v)}</password>\n\t\t\t<updateurl>https://{host(r)}/nic/update</updateurl>\n\t\t</dyndns>\n\t</dyndnses>",
            f"\t<installedpackages>\n\t\t<{ident(n)}>\n\t\t\t<config>\n\t\t\t\t<enable>on</enable>\n"
            f"\t\t\t\t<{n.snake}>{x(v)}</{n.snake}>\n\t\t\t</config>\n\t\t</{ident(n)}>\n\t</installedpackages>",
        ),
    )


def c_ios_junos(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        bare=(
            f"sw-core-01#show running-config | section username\nusername {u} privilege 15 password 0 {v}\nusername ops privilege 1 secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM",
            f"sw-core-01(config)#tacacs server {svc(r)}\nsw-core-01(config-server-tacacs)#address ipv4 10.20.0.5\nsw-core-01(config-server-tacacs)#key 0 {v}",
            f"crypto isakmp policy 10\n encr aes 256\n authentication pre-share\n group 14\ncrypto isakmp key {v} address 203.0.113.7",
            f"interface GigabitEthernet0/1\n ip ospf authentication message-digest\n ip ospf message-digest-key 1 md5 {v}",
            f"[edit]\nadmin@mx-edge# set protocols bgp group {svc(r)} authentication-key {v}",
            f"[edit]\nadmin@mx-edge# set system radius-server 10.20.0.6 secret {v}",
        ),
    )


def c_ipsec_vpn(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"$ sudo cat /etc/ipsec.secrets\n# /etc/ipsec.secrets - strongSwan IPsec secrets file\n"
            f"vpn.{host(r)} %any : PSK {dq(v)}",
            f"$ sudo cat /etc/ipsec.secrets\n: RSA server.key.pem\n{u} : EAP {dq(v)}",
            f"secrets {{\n    ike-{svc(r)} {{\n        id = vpn.{host(r)}\n        secret = {dq(v)}\n    }}\n}}",
            f"$ sudo cat /etc/openvpn/client/{svc(r)}.auth\n{u}\n{v}\n$ sudo openvpn --config {svc(r)}.ovpn --auth-user-pass /etc/openvpn/client/{svc(r)}.auth",
            f"$ sudo cat /etc/ppp/chap-secrets\n# Secrets for authentication using CHAP\n# client\tserver\tsecret\t\t\tIP addresses\n{u}\tl2tpd\t{dq(v)}\t*",
        ),
    )


def c_ldif(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    dn = f"uid={u},ou=services,dc=example,dc=com"
    written = b64(v.encode())
    return choose(
        v,
        line=(
            f"$ ldapadd -x -D cn=admin,dc=example,dc=com -W -f {svc(r)}.ldif\n$ cat {svc(r)}.ldif\ndn: {dn}\nobjectClass: account\n"
            f"objectClass: simpleSecurityObject\nuid: {u}\nuserPassword: {v}",
            f"dn: olcDatabase={{1}}mdb,cn=config\nchangetype: modify\nreplace: olcRootPW\nolcRootPW: {v}",
            f"dn: {dn}\nchangetype: modify\nreplace: userPassword\nuserPassword: {v}\n-\nreplace: description\ndescription: {svc(r)} bind account",
        ),
        bare=(
            f'$ ldapsearch -x -H ldaps://ldap.{host(r)} -D "{dn}" -w {v} -b dc=example,dc=com "(objectClass=posixGroup)" cn',
            f'$ ldappasswd -x -D cn=admin,dc=example,dc=com -w {v} -S "{dn}"',
        ),
        esc=(
            (
                f"$ slapcat -a uid={u}\ndn: {dn}\nobjectClass: account\nobjectClass: simpleSecurityObject\nuid: {u}\n"
                f"userPassword:: {written}\nstructuralObjectClass: account",
                written,
            ),
        ),
    )


def c_smb_sssd(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"$ sudo cat /etc/sssd/sssd.conf\n[domain/{host(r)}]\nid_provider = ldap\nldap_uri = ldaps://ldap.{host(r)}\n"
            f"ldap_default_bind_dn = uid={u},ou=services,dc=example,dc=com\nldap_default_authtok_type = password\nldap_default_authtok = {v}",
            f"$ sudo cat /root/.smbcredentials\nusername={u}\npassword={v}\ndomain=CORP",
            f"$ grep {svc(r)} /etc/fstab\n//nas.{host(r)}/backup  /mnt/backup  cifs  username={u},password={v},uid=1000,vers=3.0  0  0"
            if "," not in v
            else f"$ sudo cat /etc/samba/{svc(r)}.cred\nusername={u}\npassword={v}",
        ),
        bare=(
            f"$ smbclient //nas.{host(r)}/backup -U {u}%{v} -c 'ls'",
            f"$ sudo net ads join -U {u}%{v} createcomputer=Servers/Linux",
            f"$ sudo mount -t cifs //nas.{host(r)}/media /mnt/media -o username={u},password={v},vers=3.0",
        ),
    )


def c_mail_server(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"$ sudo cat /etc/postfix/sasl_passwd\n[smtp.{host(r)}]:587 {u}:{v}\n$ sudo postmap /etc/postfix/sasl_passwd",
            f"$ sudo cat /etc/dovecot/users\n{u}:{{PLAIN}}{v}:5000:5000::/var/vmail/{u}::",
            f"$ cat ~/.fetchmailrc\npoll imap.{host(r)} proto IMAP\n  user '{u}' there with password {dq(v)} is 'mira' here\n  ssl",
            f"$ sudo cat /etc/msmtp-relay.conf\nrelayhost = [smtp.{host(r)}]:587\nsmtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps = static:{u}:{v}",
        ),
    )


def c_mail_proto(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    plain = b64(f"\0{u}\0{v}".encode())
    login = b64(v.encode())
    return choose(
        v,
        esc=(
            (
                f"$ openssl s_client -starttls smtp -connect smtp.{host(r)}:587 -quiet\n250 SMTPUTF8\nEHLO build-07\n"
                f"250-smtp.{host(r)}\n250-AUTH PLAIN LOGIN\n250 8BITMIME\nAUTH PLAIN {plain}\n235 2.7.0 Authentication successful",
                plain,
            ),
            (
                f"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: {b64(u.encode())}\nS: 334 UGFzc3dvcmQ6\nC: {login}\nS: 235 2.7.0 Authentication successful",
                login,
            ),
        ),
        line=(
            f"$ openssl s_client -connect imap.{host(r)}:993 -crlf -quiet\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot ready.\n"
            f"a1 LOGIN {u} {dq(v)}\na1 OK Logged in",
        ),
        bare=(
            f"$ nc pop.{host(r)} 110\n+OK Dovecot ready.\nUSER {u}\n+OK\nPASS {v}\n+OK Logged in.",
            f"$ ftp -n files.{host(r)}\nftp> quote USER {u}\n331 Please specify the password.\nftp> quote PASS {v}\n230 Login successful.",
        ),
    )


def c_redis_resp(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    blen = len(v.encode())
    esc = json.dumps(v)[1:-1]
    return choose(
        v,
        line=(
            f"$ printf '*3\\r\\n$4\\r\\nAUTH\\r\\n${len(u)}\\r\\n{u}\\r\\n${blen}\\r\\n%s\\r\\n' {shq(v)} | nc redis.{host(r)} 6379"
            if "\\" not in v
            else f"*2\n$4\nAUTH\n${blen}\n{v}",
            f'$ sudo strace -f -e trace=write -s 256 -p 4121\nwrite(7, "*2\\r\\n$4\\r\\nAUTH\\r\\n${blen}\\r\\n{esc}\\r\\n", {blen + 20}) = {blen + 20}',
            f"$ sudo tcpflow -c port 6379\n010.020.000.012.51432-010.020.000.013.06379: *2\n$4\nAUTH\n${blen}\n{v}\n\n010.020.000.013.06379-010.020.000.012.51432: +OK",
            f"*3\n$6\nCONFIG\n$3\nSET\n$11\nrequirepass\n${blen}\n{v}",
        ),
    )


def c_tcpdump(r, pairs):
    n, v = pairs[-1]
    hdr = pick(
        "Authorization: Bearer ",
        f"X-{n.tail.pascal.replace('Key', '-Key')}: ",
        "Authorization: Token ",
    )
    return choose(
        v,
        line=(
            f"$ sudo tcpdump -i eth0 -A -s 0 'tcp port 80 and host api.{host(r)}'\n"
            f"09:14:02.123456 IP 10.20.0.12.51432 > 10.20.0.40.http: Flags [P.], seq 1:312, ack 1, win 502, length 311: HTTP: POST /v1/events HTTP/1.1\n"
            f"E..k..@.@.......(..P.....b.....\n"
            + crlf_dots(
                f"POST /v1/events HTTP/1.1\r\nHost: api.{host(r)}\r\nUser-Agent: python-requests/2.32.3\r\n{hdr}{v}\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n"
            )
            + '{"event":"deploy","ok":1}',
            f"$ sudo ngrep -d any -W byline port 8080\ninterface: any\nfilter: ( port 8080 ) and ((ip || ip6) || (vlan && (ip || ip6)))\n####\n"
            f"T 10.20.0.12:51432 -> 10.20.0.40:8080 [AP] #4\nGET /metrics HTTP/1.1.\nHost: {host(r)}:8080.\n{hdr}{v}.\nAccept: */*.\n.",
        ),
        bare=(
            f"$ sudo tcpdump -i lo -A -s 0 port 8080 | grep -a {n.snake}\n"
            + crlf_dots(
                f"GET /v1/status?{n.snake}={v}&verbose=1 HTTP/1.1\r\nHost: localhost:8080\r\n"
            ),
        ),
    )


def c_wireshark(r, pairs):
    n, v = pairs[-1]
    u = user_of(pairs)
    basic = b64(f"{u}:{v}".encode())
    return choose(
        v,
        line=(
            f"Hypertext Transfer Protocol\n    GET /api/v2/status HTTP/1.1\\r\\n\n    Host: {host(r)}\\r\\n\n"
            f"    Authorization: Basic {basic}\\r\\n\n        Credentials: {u}:{v}\n    \\r\\n\n    [Full request URI: http://{host(r)}/api/v2/status]",
            f"$ tshark -r capture.pcapng -Y http.request -T fields -e ip.src -e http.request.uri -e http.authorization\n"
            f"10.20.0.12\t/v1/hooks\tBearer {v}",
        ),
        esc=(
            f"=== Follow TCP Stream (tcp.stream eq 3) ===\nPOST /v1/token HTTP/1.1\nHost: auth.{host(r)}\nContent-Type: application/json\n\n"
            + json.dumps({"client_id": u, n.snake: v})
            + '\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{"expires_in":3600}',
        ),
    )


def c_curl_trace(r, pairs):
    n, v = pairs[-1]
    hn = pick("authorization: Bearer ", f"x-{n.tail.kebab}: ")
    return choose(
        v,
        esc=(
            f"$ curl -sS --trace-ascii - -H 'content-type: application/json' --data @body.json https://api.{host(r)}/v1/keys\n"
            f"== Info: Connected to api.{host(r)} (203.0.113.40) port 443\n=> Send header, 118 bytes (0x76)\n0000: POST /v1/keys HTTP/1.1\n"
            f"0018: Host: api.{host(r)}\n0034: content-type: application/json\n=> Send data, 64 bytes (0x40)\n0000: "
            + json.dumps({n.snake: v})
            + "\n<= Recv header, 13 bytes (0xd)\n0000: HTTP/1.1 201",
        ),
        line=(
            f"$ curl -v https://api.{host(r)}/v1/me -H '{hn}{v}'\n* Connected to api.{host(r)} (203.0.113.40) port 443\n"
            f"* ALPN: server accepted h2\n* using HTTP/2\n* [HTTP/2] [1] OPENED stream for https://api.{host(r)}/v1/me\n"
            f"* [HTTP/2] [1] [:method: GET]\n* [HTTP/2] [1] [:scheme: https]\n* [HTTP/2] [1] [:authority: api.{host(r)}]\n"
            f"* [HTTP/2] [1] [:path: /v1/me]\n* [HTTP/2] [1] [{hn}{v}]\n> GET /v1/me HTTP/2\n> Host: api.{host(r)}\n< HTTP/2 200",
            f"$ curl --trace - https://{host(r)}/ping -H '{hn}{v}'\n=> Send header, 96 bytes (0x60)\n"
            f"0000: 47 45 54 20 2f 70 69 6e 67 20 48 54 54 50 2f 31 GET /ping HTTP/1\n0010: 2e 31 0d 0a {hn}{v}",
        ),
    )


def c_ws_frames(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ websocat -v wss://ws.{host(r)}/socket\n[INFO  websocat::ws_client_peer] Connected to ws\n"
            + json.dumps({"type": "auth", n.camel: v})
            + '\n{"type":"auth_ok","ha_version":"2026.12.0"}',
            f'42["authenticate",{json.dumps({n.tail.camel: v})}]\n430[{{"ok":true}}]',
            "↑ "
            + json.dumps(["3", "3", f"room:{svc(r)}", "phx_join", {n.tail.snake: v}])
            + "\t09:14:02.118\n"
            '↓ ["3","3","room:'
            + svc(r)
            + '","phx_reply",{"response":{},"status":"ok"}]\t09:14:02.164',
        ),
        line=(
            f"> CONNECT\naccept-version:1.2,1.1\nhost:ws.{host(r)}\nlogin:{user_of(pairs)}\npasscode:{v}\n\n^@",
        ),
    )


def c_mitm_httpie(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"$ http --verbose POST https://api.{host(r)}/v1/sessions {n.snake}={shq(v)}\nPOST /v1/sessions HTTP/1.1\n"
            f"Accept: application/json, */*;q=0.5\nContent-Type: application/json\nHost: api.{host(r)}\nUser-Agent: HTTPie/3.2.4\n\n"
            + json.dumps({n.snake: v}, indent=4),
        ),
        line=(
            f"$ mitmdump -r flows.mitm --flow-detail 2\n10.20.0.12:51432: GET https://api.{host(r)}/v1/projects\n"
            f"    Host: api.{host(r)}\n    X-{n.tail.pascal}: {v}\n    Accept: */*\n << 200 OK 2.1k",
            f"$ http -v https://api.{host(r)}/v1/me 'X-{n.tail.pascal}:{v}'\nGET /v1/me HTTP/1.1\nAccept: */*\n"
            f"Host: api.{host(r)}\nX-{n.tail.pascal}: {v}\n\nHTTP/1.1 200 OK",
        ),
    )


def c_game_servers(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            "$ cat factorio/data/server-settings.json\n"
            + json.dumps(
                {
                    "name": f"{svc(r)} factory",
                    "visibility": {"public": False},
                    "username": user_of(pairs),
                    "token": v,
                    "game_password": "",
                },
                indent=2,
            ),
        ),
        line=(
            f"$ cat server.properties\n#Minecraft server properties\nenable-rcon=true\nrcon.port=25575\nrcon.password={v}\nmotd={svc(r)}",
            f"$ cat murmur.ini\ndatabase=/var/lib/mumble-server/mumble-server.sqlite\nserverpassword={v}\nbandwidth=72000",
            f'// server.cfg\nhostname "{svc(r)} public"\nrcon_password "{v}"\nsv_lan 0',
        ),
        bare=(
            f'$ ./valheim_server.x86_64 -name "{svc(r)}" -port 2456 -world Dedicated -password {v} -public 0',
            f"$ ./ts3server_startscript.sh start serveradmin_password={v} license_accepted=1",
            f"$ telnet ts.{host(r)} 10011\nWelcome to the TeamSpeak 3 ServerQuery interface\nlogin serveradmin {v}\nerror id=0 msg=ok",
            f"$ ./ShooterGameServer TheIsland?listen?SessionName={svc(r)}?ServerAdminPassword={v} -server -log",
        ),
    )


def c_asciinema(r, pairs):
    n, v = pairs[-1]
    head = json.dumps(
        {
            "version": 2,
            "width": 120,
            "height": 32,
            "timestamp": 1796634842,
            "env": {"SHELL": "/bin/bash", "TERM": "xterm-256color"},
        }
    )
    return choose(
        v,
        esc=(
            head
            + "\n"
            + json.dumps([0.412, "o", PROMPT])
            + "\n"
            + json.dumps([3.118, "o", f"export {n.env}={shq(v)}\r\n"])
            + "\n"
            + json.dumps([3.121, "o", PROMPT]),
            head
            + "\n"
            + json.dumps([1.02, "o", f"cat .env\r\n{n.env}={v}\r\nLOG_LEVEL=info\r\n"])
            + "\n"
            + json.dumps([1.05, "o", PROMPT]),
            head
            + "\n"
            + json.dumps(
                [2.5, "o", f"{svc(r)} login --token {shq(v)}\r\n\x1b[32m✔\x1b[0m Logged in\r\n"]
            ),
        ),
    )


def c_typescript(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'Script started on 2026-12-07 09:14:02+00:00 [TERM="xterm-256color" TTY="/dev/pts/3" COLUMNS="120" LINES="32"]\n'
            f"\x1b[?2004h{PROMPT}export {n.env}={shq(v)}\r\n\x1b[?2004l\r\x1b[?2004h{PROMPT}exit\r\n\x1b[?2004l\r\nexit\n\n"
            f'Script done on 2026-12-07 09:15:40+00:00 [COMMAND_EXIT_CODE="0"]',
            f"$ tmux capture-pane -p -e -S -20\n{PROMPT}{svc(r)} config get {n.kebab}\r\n\x1b[1m{n.kebab}\x1b[0m = \x1b[33m{v}\x1b[0m\r\n{PROMPT}",
            f'\x1b[?2004h{PROMPT}cat ~/.config/{svc(r)}/config.toml\r\n\x1b[?2004l\r[auth]\r\n{n.tail.snake} = "{v}"\r\n',
        )
        if '"' not in v
        else (
            f'Script started on 2026-12-07 09:14:02+00:00 [TERM="xterm-256color" TTY="/dev/pts/3"]\n'
            f"\x1b[?2004h{PROMPT}export {n.env}={shq(v)}\r\n\x1b[?2004l\r",
        ),
    )


def c_rst_adoc(r, pairs):
    n, v = pairs[-1]
    ind = "\n".join("   " + ln for ln in f"export {n.env}={shq(v)}".splitlines())
    return choose(
        v,
        esc=(
            f"Deploying\n=========\n\nSet the key before running the job:\n\n.. code-block:: bash\n\n{ind}\n   ./deploy.sh prod\n",
            f"== Deploying\n\nSet the key before running the job:\n\n[source,bash]\n----\nexport {n.env}={shq(v)}\n./deploy.sh prod\n----",
        ),
        line=(
            f":orphan:\n\n{svc(r)} client\n{'-' * (len(svc(r)) + 7)}\n\n:{n.snake}: {v}\n:endpoint: https://api.{host(r)}\n",
            f".. |{n.snake}| replace:: {v}\n\nCall the API with |{n.snake}| in the ``Authorization`` header.",
            f"= {svc(r)} runbook\n:{n.kebab}: {v}\n:endpoint: https://api.{host(r)}\n\nCall the API with {{{n.kebab}}}.",
        ),
    )


def c_latex_troff(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"\\section{{Deploying}}\nSet the key first:\n\\begin{{lstlisting}}[language=bash]\nexport {n.env}={shq(v)}\n./deploy.sh prod\n\\end{{lstlisting}}",
            f".SH EXAMPLES\n.nf\n.RS 4\n$ export {n.env}={shq(v)}\n$ {svc(r)} sync \\-\\-all\n.RE\n.fi",
        ),
        line=(
            f"\\newcommand{{\\{ident(n).replace('_', '')}key}}{{{v}}}\n\\begin{{document}}\nThe staging key is \\texttt{{\\{ident(n).replace('_', '')}key}}."
            if not re.search(r"[\\{}%#&]", v)
            else f"\\begin{{verbatim}}\n{n.env}={v}\n\\end{{verbatim}}",
            f".TP\n.B \\-\\-{n.tail.kebab} \\fI{v.replace(chr(92), chr(92) + 'e')}\\fR\nThe key for {svc(r)}.",
        ),
    )


def c_db_expanded(r, pairs):
    n, v = pairs[-1]
    w = max(len(n.snake), 8)
    return choose(
        v,
        line=(
            f"{svc(r)}=# \\x\nExpanded display is on.\n{svc(r)}=# SELECT * FROM integrations WHERE name = '{svc(r)}';\n"
            f"-[ RECORD 1 ]{'-' * (w - 10)}+{'-' * 40}\n{'id':<{w}} | 7\n{'name':<{w}} | {svc(r)}\n{n.snake:<{w}} | {v}\n{'enabled':<{w}} | t",
            f"mysql> SELECT * FROM integrations WHERE name = '{svc(r)}'\\G\n*************************** 1. row ***************************\n"
            f"{'id':>{w}}: 7\n{'name':>{w}}: {svc(r)}\n{n.snake:>{w}}: {v}\n1 row in set (0.00 sec)",
            f"sqlite> .mode line\nsqlite> SELECT name, {n.snake} FROM integrations;\n{'name':>{w}} = {svc(r)}\n{n.snake:>{w}} = {v}",
        ),
    )


def c_frames_print(r, pairs):
    n, v = pairs[-1]
    w = max(len(v), len(n.snake))
    return choose(
        v,
        line=(
            f">>> df[df.service == '{svc(r)}']\n{'':>3}{'service':>12} {n.snake:>{w}}  enabled\n7  {svc(r):>12} {v:>{w}}     True",
            f'> integrations %>% filter(service == "{svc(r)}")\n# A tibble: 1 × 3\n  service{" " * 6}{n.snake:<{w}} enabled\n  <chr>{" " * 8}{"<chr>":<{w}} <lgl>  \n1 {svc(r):<12} {v:<{w}} TRUE',
            f">>> pl.read_parquet('integrations.parquet').filter(pl.col('service') == '{svc(r)}')\nshape: (1, 2)\n"
            f"┌{'─' * 14}┬{'─' * (w + 2)}┐\n│ service{' ' * 6} ┆ {n.snake:<{w}} │\n│ ---{' ' * 10} ┆ ---{' ' * (w - 3)} │\n│ str{' ' * 10} ┆ str{' ' * (w - 3)} │\n"
            f"╞{'═' * 14}╪{'═' * (w + 2)}╡\n│ {svc(r):<12} ┆ {v:<{w}} │\n└{'─' * 14}┴{'─' * (w + 2)}┘",
        ),
    )


def c_columnar_dumps(r, pairs):
    n, v = pairs[-1]
    cv = '"' + v.replace('"', '""') + '"'
    return choose(
        v,
        esc=(
            "$ avro-tools tojson integrations.avro | head -1\n"
            + json.dumps({"service": svc(r), n.snake: {"string": v}, "enabled": True}),
            f"$ duckdb -json -c \"SELECT service, {n.snake} FROM 'integrations.parquet' WHERE service = '{svc(r)}'\"\n"
            + json.dumps([{"service": svc(r), n.snake: v}]),
        ),
        line=(
            f"$ parquet-tools cat --json=false integrations.parquet\nservice = {svc(r)}\n{n.snake} = {v}\nenabled = true\n",
            f'$ head -3 export.csv\n"id","service","{n.snake}","created_at"\n"6","billing","","2026-11-30"\n"7","{svc(r)}",{cv},"2026-12-07"',
        ),
    )


def c_encoded(r, pairs):
    n, v = pairs[-1]
    once = pct(json.dumps({n.camel: v}))
    written1 = pct(json.dumps(v)[1:-1])
    twice = pct(once)
    written2 = pct(written1)
    qp_v = v.replace("=", "=3D")
    return choose(
        v,
        esc=(
            (
                f"GET /oauth/callback?state={once}&code=4%2F0AX4XfWh HTTP/1.1\nHost: app.{host(r)}",
                written1,
            ),
            (
                f"https://app.{host(r)}/login?next=%2Fsettings%3Fcfg%3D{twice}",
                written2,
            ),
        ),
        line=(
            (
                f'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
                f"Hi Mira,=0A=0Athe new {svc(r)} key for staging:=0A=0A{n.env}=3D{qp_v}=0A=0ACheers",
                qp_v,
            )
            if len(qp_v) < 60 and re.fullmatch(r"[!-<>-~]+", v)
            else (
                f"POST /v1/config HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nservice={svc(r)}&{n.snake}={pct(v)}",
                pct(v),
            ),
            (
                f"POST /v1/config HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nservice={svc(r)}&{n.snake}={pct(v)}",
                pct(v),
            ),
        ),
    )


def c_nested_strings(r, pairs):
    n, v = pairs[-1]
    inner = json.dumps({n.snake: v})
    return choose(
        v,
        esc=(
            f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {svc(r)}-client\ndata:\n  client.json: {sq(inner).replace(chr(92) + chr(39), chr(39) * 2)}"
            if "\\" not in inner
            else f"data:\n  client.json: {json.dumps(inner)}",
            json.dumps(
                {"name": svc(r), "settings": json.dumps({n.camel: v, "timeout": 30})}, indent=2
            ),
            json.dumps(
                {
                    "files": {
                        "values.yaml": f"{svc(r)}:\n  {n.tail.camel}: {json.dumps(v)}\n  replicas: 2\n"
                    }
                },
                indent=2,
            ),
            f"{svc(r)}_cfg = {json.dumps(json.dumps({'auth': {n.tail.snake: v}}))}",
        ),
    )


def c_snmp_radius(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"$ sudo cat /etc/freeradius/3.0/clients.conf\nclient {svc(r)} {{\n\tipaddr = 10.20.0.0/24\n\tsecret = {v}\n\tshortname = {svc(r)}\n}}",
            f"$ sudo cat /etc/snmp/snmpd.conf\nsysLocation rack-3\ncreateUser {u} SHA-256 {dq(v)} AES {dq(v)}\nrouser {u} priv",
        ),
        bare=(
            f"$ snmpwalk -v3 -l authPriv -u {u} -a SHA -A {v} -x AES -X {v} 10.20.0.1 sysDescr",
            f"$ snmpwalk -v2c -c {v} 10.20.0.1 ifDescr\nIF-MIB::ifDescr.1 = STRING: lo",
            f"$ radtest {u} {v} 10.20.0.7 0 testing123",
            f"rocommunity {v} 10.20.0.0/24\nsyscontact ops",
        ),
    )


def c_wifi_cfg(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'$ sudo cat /etc/wpa_supplicant/wpa_supplicant.conf\nctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev\ncountry=DE\n\nnetwork={{\n\tssid="{svc(r)}"\n\tpsk="{v}"\n\tkey_mgmt=WPA-PSK\n}}'
            if '"' not in v
            else f"$ sudo cat /etc/hostapd/hostapd.conf\ninterface=wlan0\nssid={svc(r)}\nwpa=2\nwpa_passphrase={v}",
            f"$ sudo cat /etc/NetworkManager/system-connections/{svc(r)}.nmconnection\n[connection]\nid={svc(r)}\ntype=wifi\n\n[wifi]\nssid={svc(r)}\n\n[wifi-security]\nkey-mgmt=wpa-psk\npsk={v}",
            f"$ sudo cat /etc/hostapd/hostapd.conf\ninterface=wlan0\nssid={svc(r)}\nwpa=2\nwpa_key_mgmt=WPA-PSK\nwpa_passphrase={v}",
            f"$ sudo cat /var/lib/iwd/{svc(r)}.psk\n[Security]\nPassphrase={v}",
        ),
        bare=(f"$ nmcli device wifi connect {svc(r)} password {v} ifname wlan0",),
    )


def c_expect_sshpass(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    tcl = v.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("[", "\\[")
    return choose(
        v,
        line=(
            f'#!/usr/bin/expect -f\nset timeout 20\nspawn ssh {u}@bastion.{host(r)}\nexpect "password:"\nsend "{tcl}\\r"\nexpect "$ "\nsend "uptime\\r"',
            f"$ lftp -e 'mirror -R dist /www; bye' -u {u},{shq(v)} sftp://files.{host(r)}",
        ),
        bare=(
            f"$ sshpass -p {v} ssh -o StrictHostKeyChecking=no {u}@bastion.{host(r)} uptime",
            f"$ sshpass -p {v} rsync -az dist/ {u}@files.{host(r)}:/srv/www/",
            f"$ plink -ssh {u}@bastion.{host(r)} -pw {v} -batch uptime",
        ),
    )


def c_ipmi_bmc(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        esc=(
            f"$ curl -sk -X PATCH https://bmc-07.{host(r)}/redfish/v1/AccountService/Accounts/3 -H 'Content-Type: application/json' -d @- <<'EOF'\n"
            + json.dumps({"UserName": u, "Password": v, "RoleId": "Operator"}, indent=2)
            + "\nEOF",
        ),
        bare=(
            f"$ ipmitool -I lanplus -H bmc-07.{host(r)} -U {u} -P {v} chassis power status\nChassis Power is on",
            f"$ racadm -r idrac-07.{host(r)} -u {u} -p {v} getsysinfo",
            f"$ ipmitool user set password 3 {v}\nSet User Password command successful (user 3)",
            f'$ curl -sk -u {u}:{v} https://bmc-07.{host(r)}/redfish/v1/Systems/1 | jq .PowerState\n"On"',
        ),
    )


def c_hypervisor(r, pairs):
    _n, v = pairs[-1]
    u = user_of(pairs)
    return choose(
        v,
        line=(
            f"$ virsh dumpxml {svc(r)}-vm | grep graphics\n    <graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0' passwd='{x(v).replace(chr(39), '&apos;')}'/>",
            f"#cloud-config\nchpasswd:\n  expire: false\n  users:\n    - name: {u}\n      password: {yq(v)}\n      type: text",
        ),
        bare=(
            f"$ qm set 107 --ciuser {u} --cipassword {v}\nupdate VM 107: -ciuser {u} -cipassword <hidden>",
            f"$ qemu-system-x86_64 -m 4096 -object secret,id=vnc0,data={v} -vnc :1,password-secret=vnc0 -drive file={svc(r)}.qcow2",
            f"$ govc vm.create -c 2 -m 4096 {svc(r)}-vm\n$ GOVC_USERNAME={u} GOVC_PASSWORD={v} govc ls /dc1/vm",
        ),
    )


CONTEXTS = {
    "mikrotik": c_mikrotik,
    "openwrt_uci": c_openwrt_uci,
    "pfsense_xml": c_pfsense_xml,
    "ios_junos": c_ios_junos,
    "ipsec_vpn": c_ipsec_vpn,
    "ldif": c_ldif,
    "smb_sssd": c_smb_sssd,
    "mail_server": c_mail_server,
    "mail_proto": c_mail_proto,
    "redis_resp": c_redis_resp,
    "tcpdump": c_tcpdump,
    "wireshark": c_wireshark,
    "curl_trace": c_curl_trace,
    "ws_frames": c_ws_frames,
    "mitm_httpie": c_mitm_httpie,
    "game_servers": c_game_servers,
    "asciinema": c_asciinema,
    "typescript": c_typescript,
    "rst_adoc": c_rst_adoc,
    "latex_troff": c_latex_troff,
    "db_expanded": c_db_expanded,
    "frames_print": c_frames_print,
    "columnar_dumps": c_columnar_dumps,
    "encoded": c_encoded,
    "nested_strings": c_nested_strings,
    "snmp_radius": c_snmp_radius,
    "wifi_cfg": c_wifi_cfg,
    "expect_sshpass": c_expect_sshpass,
    "ipmi_bmc": c_ipmi_bmc,
    "hypervisor": c_hypervisor,
}
# Contexts with a form for a multi-line value (it escapes or encodes it).
HAS_ESC = {
    "pfsense_xml", "mail_proto", "wireshark", "curl_trace", "ws_frames", "mitm_httpie", "game_servers",
    "asciinema", "rst_adoc", "latex_troff", "columnar_dumps", "encoded", "nested_strings", "ipmi_bmc",
    "ldif",
}  # fmt: skip
# Contexts with no form for a one-line value that is not a bare word.
BARE_ONLY = {"ios_junos"}


def fits(context: str, v: str) -> bool:
    if "\n" in v:
        return context in HAS_ESC
    if context in BARE_ONLY:
        return ok_bare(v)
    return True


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "tcpdump_ascii": lambda s: (
        "09:14:02.123456 IP 10.20.0.12.51432 > 10.20.0.40.8080: Flags [P.], seq 1:200, ack 1, win 502, length 199\n"
        "E.....@.@.......(....P....b.....\n" + "..".join(s.splitlines()) + ".."
    ),
    "asciinema_out": lambda s: "\n".join(
        json.dumps([round(0.5 + i * 0.013, 3), "o", ln + "\r\n"])
        for i, ln in enumerate(s.splitlines())
    ),
    "rst_literal": lambda s: (
        "The scanner flagged this line in the fixtures::\n\n"
        + each("    {}", s)
        + "\n\nIt is a test value."
    ),
    "latex_listing": lambda s: (
        "\\begin{lstlisting}[caption={Scanner false positive}]\n" + s + "\n\\end{lstlisting}"
    ),
    "troff_nf": lambda s: ".SH EXAMPLE\n.nf\n" + s.replace("\\", "\\e") + "\n.fi",
    "psql_x": lambda s: (
        "-[ RECORD 1 ]+------------------------\nid     | 4211\nrule   | generic\nsnippet| "
        + s.replace("\n", "\n       | ")
        + "\nverdict| false positive"
    ),
    "routeros_log": lambda s: each("dec/07 09:14:02 script,info {}", s),
    "ws_message": lambda s: (
        "↓ " + json.dumps({"type": "finding", "verdict": "fp", "line": s}) + "\t09:14:02.164"
    ),
    "typescript_ansi": lambda s: (
        f"\x1b[?2004h{PROMPT}cat fp.txt\r\n\x1b[?2004l\r" + "\r\n".join(s.splitlines()) + "\r\n"
    ),
    "ldif_description": lambda s: (
        "dn: cn=fp-4211,ou=findings,dc=example,dc=com\nobjectClass: applicationProcess\ncn: fp-4211\n"
        + "description: "
        + s.replace("\n", "\n ")
    ),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


def colon_hex(b: bytes) -> str:
    return ":".join(f"{c:02X}" for c in b)


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    out = []
    kinds = 25
    for i in range(kinds * 16):
        seed = f"c35-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        raw = hashlib.sha256(seed + b"raw").digest()
        u = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4)
        )
        u2 = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4)
        )
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
        kind = i % kinds
        if kind == 0:
            t = (
                f"[admin@MikroTik] > /system license print\n  software-id: {b32(raw)[:4]}-{b32(raw)[4:8]}\n       nlevel: 4\n"
                f"[admin@MikroTik] > /system routerboard print\n  routerboard: yes\n        model: RB5009UG+S+\n  serial-number: {h1[:12].upper()}\n"
                f'  current-firmware: 7.16.1\n[admin@MikroTik] > /interface wireguard peers print\n 0 interface=wg-{s} public-key="{b64(raw)}" allowed-address=10.9.0.2/32'
            )
            out.append(("routeros-ids", t))
        elif kind == 1:
            t = (
                f"root@OpenWrt:~# opkg info luci-app-{s}\nPackage: luci-app-{s}\nVersion: {ver}-r1\nArchitecture: all\n"
                f"Filename: luci-app-{s}_{ver}-r1_all.ipk\nSize: {RNG.randint(4000, 90000)}\nSHA256sum: {h256}\n"
                f"root@OpenWrt:~# uci show system.@system[0].hostname\nsystem.cfg01e48a.hostname='{s}-gw'"
            )
            out.append(("opkg-sums", t))
        elif kind == 2:
            t = (
                f"\t<cert>\n\t\t<refid>{h1[:13]}</refid>\n\t\t<descr><![CDATA[{s} web]]></descr>\n\t\t<caref>{md5[:13]}</caref>\n\t</cert>\n"
                f"\t<openvpn-server>\n\t\t<vpnid>1</vpnid>\n\t\t<certref>{h1[:13]}</certref>\n\t\t<tls_type>auth</tls_type>\n\t\t<digest>SHA256</digest>\n\t</openvpn-server>\n"
                f"\t<rule>\n\t\t<tracker>{1700000000 + i}</tracker>\n\t\t<uuid>{u}</uuid>\n\t</rule>"
            )
            out.append(("pfsense-refs", t))
        elif kind == 3:
            t = (
                f"sw-core-01#show version | include ID\nProcessor board ID FOC{h1[:8].upper()}\n"
                f"sw-core-01#show snmp engineID\nLocal SNMP engineID: 800000090300{h1[:12].upper()}\n"
                f"sw-core-01#show crypto pki certificates | include Hash\n  Fingerprint MD5: {' '.join(md5[j : j + 8].upper() for j in range(0, 32, 8))}\n"
                f"  Fingerprint SHA1: {' '.join(h1[j : j + 8].upper() for j in range(0, 40, 8))}"
            )
            out.append(("ios-ids", t))
        elif kind == 4:
            t = (
                f"$ sudo swanctl --list-sas\nike-{s}: #{i + 3}, ESTABLISHED, IKEv2, {h1[:16]}_i* {md5[:16]}_r\n"
                f"  local  'gw.{s}' @ 198.51.100.1[4500]\n  AES_GCM_16-256/PRF_HMAC_SHA2_256/ECP_256\n"
                f"  child-{s}: #{i + 4}, reqid 1, INSTALLED, TUNNEL-in-UDP, ESP:AES_GCM_16-256\n    installed 812s ago, rekeying in 2602s\n"
                f"    in  c{h256[:7]},  21456 bytes,   187 packets\n    out c{h256[8:15]},  19012 bytes,   164 packets"
            )
            out.append(("ipsec-spis", t))
        elif kind == 5:
            t = (
                f"$ ldapsearch -x -LLL -b dc=example,dc=com uid=svc-{s} + \ndn: uid=svc-{s},ou=services,dc=example,dc=com\n"
                f"entryUUID: {u}\nentryCSN: 20261207091402.{RNG.randint(100000, 999999)}Z#000000#000#000000\n"
                f"creatorsName: cn=admin,dc=example,dc=com\nentryDN: uid=svc-{s},ou=services,dc=example,dc=com\n"
                f"objectGUID:: {b64(hashlib.md5(seed + b'g', usedforsecurity=False).digest())}\nhasSubordinates: FALSE"
            )
            out.append(("ldap-operational", t))
        elif kind == 6:
            a, b, c = (RNG.randint(10**8, 4 * 10**9) for _ in range(3))
            t = (
                f"$ wbinfo -n 'CORP\\svc-{s}'\nS-1-5-21-{a}-{b}-{c}-{1100 + i} SID_USER (1)\n"
                f"$ klist\nTicket cache: KCM:1000:{RNG.randint(10000, 99999)}\nDefault principal: svc-{s}@CORP.EXAMPLE.COM\n\n"
                f"Valid starting       Expires              Service principal\n12/07/2026 09:14:02  12/07/2026 19:14:02  krbtgt/CORP.EXAMPLE.COM@CORP.EXAMPLE.COM"
            )
            out.append(("ad-sids", t))
        elif kind == 7:
            sess = b64(hashlib.md5(seed + b"s", usedforsecurity=False).digest()[:12])
            t = (
                f"Dec  7 09:14:02 mx1 dovecot: imap-login: Login: user=<svc-{s}>, method=PLAIN, mpid={RNG.randint(1000, 99999)}, TLS, session=<{sess}>\n"
                f"Dec  7 09:14:02 mx1 postfix/qmgr[812]: {md5[:10].upper()}: from=<>, size={RNG.randint(900, 90000)}, nrcpt=1 (queue active)\n"
                f"Dec  7 09:14:03 mx1 postfix/smtp[4121]: {md5[:10].upper()}: status=sent (250 2.0.0 Ok: queued as {h1[:10].upper()})"
            )
            out.append(("mail-queue-ids", t))
        elif kind == 8:
            sig = b64(
                hashlib.sha512(seed + b"sig").digest() + hashlib.sha512(seed + b"sig2").digest()
            )
            t = (
                f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={s}.example.com;\n\ts=sel{i % 3 + 1}; t=1796634842;\n"
                f"\tbh={b64(hashlib.sha256(seed + b'body').digest())};\n\th=From:To:Subject:Date:Message-ID;\n\tb={sig[:64]}\n\t {sig[64:128]}\n\t {sig[128:]}\n"
                f"ARC-Seal: i=1; a=rsa-sha256; t=1796634842; cv=none; d={s}.example.com; s=arc;\n\tb={sig[20:84]}"
            )
            out.append(("dkim-signatures", t))
        elif kind == 9:
            t = (
                f"$ redis-cli -h cache INFO server | grep -E 'run_id|redis_git|executable'\nredis_git_sha1:00000000\nredis_build_id:{h256[:16]}\n"
                f"run_id:{h1}\nexecutable:/usr/local/bin/redis-server\n$ redis-cli -h cache INFO replication | grep replid\n"
                f"master_replid:{hashlib.sha1(seed + b'r', usedforsecurity=False).hexdigest()}\nmaster_replid2:0000000000000000000000000000000000000000"
            )
            out.append(("redis-run-ids", t))
        elif kind == 10:
            key = b64(hashlib.md5(seed + b"k", usedforsecurity=False).digest())
            acc = b64(
                hashlib.sha1(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode(), usedforsecurity=False
                ).digest()
            )
            t = (
                f"GET /socket HTTP/1.1\nHost: ws.{s}.example.com\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: {key}\n"
                f"Sec-WebSocket-Version: 13\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\n\n"
                f"HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: {acc}"
            )
            out.append(("ws-handshake", t))
        elif kind == 11:
            t = (
                f"Transport Layer Security\n    TLSv1.3 Record Layer: Handshake Protocol: Server Hello\n        Handshake Protocol: Server Hello\n"
                f"            Version: TLS 1.2 (0x0303)\n            Random: {h256}\n            Session ID Length: 32\n"
                f"            Session ID: {hashlib.sha256(seed + b'sid').hexdigest()}\n            Cipher Suite: TLS_AES_128_GCM_SHA256 (0x1301)\n"
                f"            [JA3S: {md5}]"
            )
            out.append(("tls-handshake", t))
        elif kind == 12:
            t = (
                f"$ curl -sSI https://{s}-assets.s3.eu-west-1.amazonaws.com/app-{ver}.tar.gz\nHTTP/1.1 200 OK\n"
                f"x-amz-id-2: {b64(hashlib.sha512(seed + b'id2').digest())[:76]}\nx-amz-request-id: {h1[:16].upper()}\n"
                f'Last-Modified: Mon, 07 Dec 2026 09:14:02 GMT\nETag: "{md5}"\nx-amz-version-id: {b64(raw)[:32].replace("+", ".").replace("/", "_")}\n'
                f"x-amz-server-side-encryption: AES256"
            )
            out.append(("s3-response-ids", t))
        elif kind == 13:
            t = (
                f"$ mitmdump -r flows.mitm --flow-detail 2 | grep -iE 'digest|etag|request-id'\n"
                f"    content-digest: sha-256=:{b64(hashlib.sha256(seed + b'body').digest())}:\n"
                f"    repr-digest: sha-512=:{b64(hashlib.sha512(seed + b'repr').digest())}:\n"
                f'    etag: W/"{h1}"\n    x-request-id: {u}\n    traceparent: 00-{md5}-{h1[:16]}-01'
            )
            out.append(("http-digests", t))
        elif kind == 14:
            t = (
                f'$ cat whitelist.json\n[\n  {{\n    "uuid": "{u}",\n    "name": "mira_{i}"\n  }}\n]\n'
                f"$ grep level-seed server.properties\nlevel-seed={RNG.randint(-(2**62), 2**62)}\n"
                f'$ steamcmd +app_info_print 896660 +quit | grep -E \'buildid|manifest\'\n\t\t"buildid"\t\t"{RNG.randint(10**7, 10**8)}"\n'
                f'\t\t\t\t"gid"\t\t"{RNG.randint(10**18, 9 * 10**18)}"\n\t\t\t"steamid"\t"7656119{RNG.randint(10**9, 10**10 - 1)}"'
            )
            out.append(("game-ids", t))
        elif kind == 15:
            head = json.dumps({"version": 2, "width": 120, "height": 32, "timestamp": 1796634842})
            t = (
                head
                + "\n"
                + json.dumps([0.4, "o", PROMPT + "sha256sum dist/*\r\n"])
                + "\n"
                + json.dumps(
                    [
                        0.5,
                        "o",
                        f"{h256}  dist/{s}-{ver}.tar.gz\r\n{hashlib.sha256(seed + b'w').hexdigest()}  dist/{s}-{ver}-py3-none-any.whl\r\n",
                    ]
                )
                + "\n"
                + json.dumps([1.2, "o", PROMPT + "git rev-parse HEAD\r\n" + h1 + "\r\n"])
            )
            out.append(("cast-hashes", t))
        elif kind == 16:
            t = (
                f'Script started on 2026-12-07 09:14:02+00:00 [TERM="xterm-256color" TTY="/dev/pts/3"]\n'
                f"\x1b[?2004h{PROMPT}docker pull ghcr.io/acme/{s}:{ver}\r\n\x1b[?2004l\r{ver}: Pulling from acme/{s}\r\n"
                f"Digest: sha256:{h256}\r\nStatus: Downloaded newer image for ghcr.io/acme/{s}:{ver}\r\n"
                f"\x1b[?2004h{PROMPT}docker images --no-trunc -q ghcr.io/acme/{s}\r\n\x1b[?2004l\rsha256:{hashlib.sha256(seed + b'img').hexdigest()}\r\n"
            )
            out.append(("typescript-digests", t))
        elif kind == 17:
            t = (
                f"{s} {ver}\n{'=' * (len(s) + len(ver) + 1)}\n\n:Release: {ver}\n:Commit: {h1}\n:SHA256: ``{h256}``\n\n"
                f".. image:: https://img.shields.io/badge/build-{h1[:7]}-green\n\n"
                f"Verify the tarball with ``sha256sum -c {s}-{ver}.tar.gz.sha256``.\n\n:revnumber: {ver}\n:commit-id: {h1[:12]}"
            )
            out.append(("doc-release-fields", t))
        elif kind == 18:
            t = (
                f"@article{{mira{2020 + i % 6}{s.replace('-', '')},\n  title   = {{On {s} at scale}},\n  year    = {{{2020 + i % 6}}},\n"
                f"  doi     = {{10.{RNG.randint(1000, 9999)}/{h1[:4]}.{RNG.randint(100000, 999999)}}},\n  eprint  = {{{2300 + i % 90}.{RNG.randint(10000, 99999)}}},\n"
                f"  note    = {{artifact sha256 {h256[:32]}}},\n  orcid   = {{0000-000{i % 3 + 1}-{RNG.randint(1000, 9999)}-{RNG.randint(1000, 9999)}}}\n}}\n"
                f"\\pdfinfo{{/ID [<{md5.upper()}> <{hashlib.md5(seed + b'x', usedforsecurity=False).hexdigest().upper()}>]}}"
            )
            out.append(("bib-ids", t))
        elif kind == 19:
            t = (
                f"{s}=# \\x\nExpanded display is on.\n{s}=# SELECT rolname, rolpassword, rolvaliduntil FROM pg_authid WHERE rolname = 'svc_{s.replace('-', '_')}';\n"
                f"-[ RECORD 1 ]-+---------\nrolname       | svc_{s.replace('-', '_')}\nrolpassword   | ********\nrolvaliduntil | \n"
                f"{s}=# SELECT queryid, calls FROM pg_stat_statements LIMIT 1;\n-[ RECORD 1 ]------------\nqueryid | {RNG.randint(-(2**63), 2**63 - 1)}\ncalls   | {RNG.randint(1, 99999)}\n"
                f"{s}=# SELECT system_identifier FROM pg_control_system();\n-[ RECORD 1 ]-----+--------------------\nsystem_identifier | {RNG.randint(7 * 10**18, 9 * 10**18)}"
            )
            out.append(("psql-masked-ids", t))
        elif kind == 20:
            masked = f"sk-…{h1[:4]}"
            t = (
                f">>> keys[['service', 'api_key', 'fingerprint', 'created_by']]\n"
                f"     service     api_key                       fingerprint created_by\n"
                f"0  {s:>9}  {masked:>10}  {h256[:28]}…  {u[:8]}\n1  {'search':>9}  {'********':>10}  {md5[:28]}…  {u2[:8]}"
            )
            out.append(("frame-masked-keys", t))
        elif kind == 21:
            t = (
                f"$ avro-tools getschema integrations.avro | jq -c '{{name, fingerprint: .\"avro.fingerprint\"}}'\n"
                f'{{"name":"Integration","fingerprint":"{h256[:16]}"}}\n$ parquet-tools meta integrations.parquet | head -4\n'
                f"creator:     parquet-mr version 1.13.1 (build {h1})\nfile schema: spark_schema\nrow group 1: RC:{RNG.randint(100, 9999)} TS:{RNG.randint(10**4, 10**6)} OFFSET:4\n"
                f"api_key:     BINARY SNAPPY DO:0 FPO:4 SZ:{RNG.randint(100, 9000)}/{RNG.randint(100, 9000)}/1.00 VC:{RNG.randint(100, 9999)} ENC:PLAIN,RLE ST:[no stats for this column]"
            )
            out.append(("columnar-meta", t))
        elif kind == 22:
            nxt = pct(f"/builds/{h1}?tab=logs", safe="")
            t = (
                f"GET /login?next={nxt}&utm_source=mail&utm_campaign=release-{ver} HTTP/1.1\nHost: ci.{s}.example.com\n"
                f"Referer: https://ci.{s}.example.com/compare/{h1[:12]}...{hashlib.sha1(seed + b'b', usedforsecurity=False).hexdigest()[:12]}\n"
                f'GET /assets/app.{md5[:20]}.js HTTP/1.1\nIf-None-Match: "{pct(b64(raw)[:27])}"'
            )
            out.append(("urlencoded-refs", t))
        elif kind == 23:
            integ = "sha512-" + b64(hashlib.sha512(seed + b"i").digest())
            t = (
                f'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {s}-lock\ndata:\n  lock.json: \'{{"name": "{s}", "version": "{ver}", '
                f'"resolved": "https://registry.npmjs.org/{s}/-/{s}-{ver}.tgz", "integrity": "{integ}", "gitHead": "{h1}"}}\''
            )
            out.append(("lock-in-yaml", t))
        elif kind == 24:
            t = (
                f"$ virsh dumpxml {s}-vm | grep -E 'uuid|genid|serial'\n  <uuid>{u}</uuid>\n  <genid>{u2}</genid>\n"
                f"      <entry name='serial'>{h1[:20].upper()}</entry>\n$ cat /etc/machine-id\n{md5}\n"
                f"$ ipmitool fru print 0 | grep -E 'Serial|GUID'\n Board Serial          : {h1[20:32].upper()}\n Product Serial        : {md5[:10].upper()}\n"
                f"$ ipmitool mc guid\nSystem GUID  : {u2}"
            )
            out.append(("vm-bmc-ids", t))
    return out


# ---------------------------------------------------------------- fresh draws (draws29's sampler)
def fresh_draws() -> list[dict]:
    """One value per gitleaks rule and per trufflehog detector draws29's sampler translates."""
    import tomllib

    import draw  # draws29's sampler (reads the mirrors when called)

    draw.RNG = random.Random(SEED)
    out: list[dict] = []
    config = tomllib.loads(draw.git_show(draw.GITLEAKS, "HEAD:config/gitleaks.toml"))
    for rule in config["rules"]:
        regex = rule.get("regex")
        if not regex:
            continue
        try:
            pattern = draw.go_to_python(regex)
            full = re.compile(pattern)
            group = rule.get("secretGroup", 0) or (1 if full.groups else 0)
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        out.append({"source": "gitleaks", "rule": rule["id"], "value": values[0], "extra": []})
    files = draw.subprocess.run(
        [
            "git",
            "-C",
            str(draw.TRUFFLEHOG),
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "pkg/detectors/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        parts = f.split("/")
        if f.endswith(".go") and not f.endswith("_test.go") and len(parts) >= 4:
            by_dir.setdefault("/".join(parts[2:-1]), []).append(f)
    for det, fs in sorted(by_dir.items()):
        src = "\n".join(draw.git_show(draw.TRUFFLEHOG, f"HEAD:{f}") for f in fs)
        pats = draw.detector_patterns(src)
        if not pats:
            continue
        name = draw.key_name(list(pats))
        if name is None or isinstance(pats[name], draw.Untranslatable):
            continue
        try:
            pattern = draw.go_to_python(pats[name])
            full = re.compile(pattern)
            group = 1 if full.groups else 0
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
            extra = []
            for other, p in pats.items():
                if other == name or isinstance(p, draw.Untranslatable):
                    continue
                if not draw.IDISH.search(other):
                    continue
                try:
                    op = draw.go_to_python(p)
                    ov = draw.draw_values(op, 1 if re.compile(op).groups else 0, ["mid"])[1][0]
                except (draw.Untranslatable, re.error, RecursionError):
                    continue
                extra.append((re.sub(r"(?i)_?pat(?:tern)?$", "", other) or "id", ov))
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        kw = draw.KEYWORDS.search(src)
        keywords = re.findall(r'"([^"]*)"', kw.group(1)) if kw else []
        word = next((k for k in keywords if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", k)), None)
        out.append(
            {
                "source": "trufflehog",
                "rule": det,
                "context_rule": word.lower() if word else det,
                "value": values[0],
                "extra": extra[:2],
            }
        )
    for d in out:
        d["label"] = draw.label(d["value"])
    return out


def as_written(v: str, text: str) -> str:
    """The value as the text holds it (escaped by its string syntax when it had to be)."""
    for form in (
        v,
        json.dumps(v)[1:-1],
        sq(v)[1:-1],
        x(v),
        json.dumps(json.dumps(v)[1:-1])[1:-1],
        json.dumps(v)[1:-1].replace('"', '\\"'),
        repr(v)[1:-1],
        jsq(v)[1:-1],
        psq(v)[1:-1],
        nq(v)[1:-1],
        shq(v).strip("'"),
        sqlq(v)[1:-1],
        csvq(v).strip('"'),
        sqlq(json.dumps(v))[2:-2],
    ):
        if form in text:
            return form
    return v


def emit(rows, family, source, rule, context_rule, value, pairs_extra, also, label):
    pool = [c for c in sorted(CONTEXTS) if fits(c, value)]
    for context in RNG.sample(pool, 2):
        pairs = [(n, w) for n, w in pairs_extra]
        pairs.append((secret_name(context_rule), value))
        made = CONTEXTS[context](context_rule, pairs)
        text, secret = made if isinstance(made, tuple) else (made, as_written(value, made))
        assert secret in text, (context, value, text)
        rows.append(
            {
                "family": family,
                "context": context,
                "text": text,
                "secret": secret,
                "source": source,
                "also": [a for a in also if a in text],
                "rule": rule,
                "kind": "value" if source != "draw" else "draw",
                "label": label,
            }
        )


def main() -> None:
    data = json.loads((HERE.parent / "fixtures24" / "samples.json").read_text(encoding="utf-8"))
    rows, seen = [], set()
    for scanner, block in data.items():
        for s in block["tps"]:
            value = (s.get("secret") or "").strip().strip("'\"=: ")
            extra_with = list(s.get("with", []))
            if scanner == "trufflehog" and value == s.get("want"):
                value, beside = f24.split_want(value)
                extra_with += beside
            if len(value) < 6 or (s["rule"], value) in seen or f24.secret_label(value):
                continue
            seen.add((s["rule"], value))
            also = [a for a in s.get("also", []) if len(a) >= 6]
            extra = [(extra_name(s["rule"], a, a in also), a) for a in also + extra_with][:3]
            emit(
                rows,
                f"{scanner}:{s['rule']}",
                scanner,
                s["rule"],
                s["rule"],
                value,
                extra,
                also,
                "",
            )
    n_fixture = len(rows)
    for d in fresh_draws():
        rule = d["rule"]
        crule = d.get("context_rule", rule)
        extra = [(extra_name(crule, w, False, lab), w) for lab, w in d["extra"]]
        emit(
            rows,
            f"draw-{d['source']}:{rule}",
            "draw",
            rule,
            crule,
            d["value"],
            extra,
            [],
            d["label"],
        )
        rows[-1]["draw_source"] = rows[-2]["draw_source"] = d["source"]
    benign, seen_b = [], set()
    for scanner, block in data.items():
        for f in block.get("fps", []):
            line = f["line"].strip("\n")
            if not line.strip() or line in seen_b or f24.benign_label(line):
                continue
            seen_b.add(line)
            for context in RNG.sample(sorted(LINE_CONTEXTS), 2 if RNG.random() < 0.5 else 1):
                benign.append(
                    {
                        "family": f"{scanner}:{f['rule']}",
                        "context": context,
                        "text": LINE_CONTEXTS[context](line),
                        "source": scanner,
                        "kind": "fixture",
                    }
                )
    for kind, text in lookalikes():
        benign.append(
            {
                "family": f"lookalike:{kind}",
                "context": kind,
                "text": text,
                "source": "lookalike",
                "kind": "lookalike",
                "label": "pii"
                if f24.PII.search(text) or SSH_FINGERPRINT.search(text) or HOME.search(text)
                else "",
            }
        )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows), "secret rows (", n_fixture, "fixture rows,", len(rows) - n_fixture, "draw rows,",
        sum(1 for r in rows if r["label"]), "labelled ) in", len({r["family"] for r in rows}),
        "families;", len(benign), "benign rows (", len(seen_b), "fixtures )",
    )  # fmt: skip


if __name__ == "__main__":
    main()
