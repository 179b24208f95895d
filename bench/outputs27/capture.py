"""Capture real command output on this machine into bench/outputs27/capture.jsonl (run once).

``python bench/outputs27/capture.py [--scratch /tmp/outputs27-scratch]`` builds a scratch folder
(a small git history, a bare clone, a Python project, C and Rust files that do not compile,
throwaway SSH/GPG/OpenSSL keys, a local ``python3 -m http.server``), runs each command of
``COMMANDS`` there through ``bash -c`` and records ``{"kind", "cmd", "output"}`` (stdout and
stderr together, at most 400 lines). The recorded capture is what ``make.py`` cuts: the corpus
never depends on this machine's state at test time. Never run in a real repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = str(Path(__file__).resolve().parents[2] / ".venv" / "bin")

SETUP = r"""
set -e
git config --global init.defaultBranch main >/dev/null 2>&1 || true
export GIT_AUTHOR_NAME=dev GIT_COMMITTER_NAME=dev GIT_AUTHOR_EMAIL=dev@example.invalid GIT_COMMITTER_EMAIL=dev@example.invalid
mkdir -p proj/src/demo proj/tests && cd proj && git init -q
printf 'def add(a: int, b: int) -> int:\n    return a + b\n' > src/demo/__init__.py
printf '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.9"\ndependencies = ["requests>=2.31"]\n' > pyproject.toml
git add -A && git commit -qm "initial: demo package"
for i in 1 2 3 4 5 6; do printf 'line %s\n' $i >> notes.txt; printf 'VALUE_%s = %s\n' $i $((i*7)) >> src/demo/consts.py; git add -A; git commit -qm "notes: step $i"; done
git checkout -qb feature && printf 'def mul(a, b):\n    return a * b\n' >> src/demo/__init__.py && git commit -qam "feature: mul" && git checkout -q main
git merge -q --no-ff feature -m "Merge branch 'feature'"
git tag -a v0.1.0 -m "release 0.1.0" && git tag v0.1.1
printf 'import demo\n\ndef test_add():\n    assert demo.add(2, 2) == 5\n\ndef test_mul():\n    assert demo.mul(3, 3) == 9\n\ndef test_err():\n    {}["missing"]\n' > tests/test_demo.py
printf 'import os\nimport sys\nx: int = "str"\ndef f(a):\n  return undefined_name + a\n' > src/demo/bad.py
git commit -qm wip --allow-empty && git reset -q --hard HEAD~1
cd .. && git clone -q --bare proj proj.git
mkdir -p keys && ssh-keygen -q -t ed25519 -N '' -C throwaway -f keys/id_ed25519 && ssh-keygen -q -t rsa -b 2048 -N '' -C throwaway -f keys/id_rsa
openssl genpkey -algorithm ed25519 -out keys/ed.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout keys/self.key -out keys/self.crt -days 30 -subj '/CN=test.local/O=Scratch' 2>/dev/null
mkdir -p c && printf '#include <stdio.h>\nint main(void) {\n  int x = "a";\n  printf("%%d\\n", y);\n  return 0\n}\n' > c/bad.c
printf 'fn main() {\n    let v: Vec<i32> = vec![1, 2];\n    let s: String = v;\n    println!("{}", s)\n}\n' > c/bad.rs
printf 'all:\n\tgcc -o c/bad c/bad.c\n' > Makefile
mkdir -p www && printf 'hello\n' > www/index.html && cp /etc/os-release www/
printf 'requests==2.31.0 --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000\n' > req-bad-hash.txt
printf 'let x = 1; in x +\n' > bad.nix
printf '{ a = 1; b = { c = "x"; d = [ 1 2 3 ]; }; }\n' > ok.nix
tar -czf proj.tgz proj
"""

# (kind, command) run in the scratch folder.
# fmt: off
COMMANDS = [
    ("git", "cd proj && git log --stat"),
    ("git", "cd proj && git log --stat --format='commit %H%nDate: %ad%n%n    %s'"),
    ("git", "cd proj && git log --oneline --graph --decorate --all"),
    ("git", "cd proj && git log -p -3 --format='%H %s'"),
    ("git", "cd proj && git show --format='%H%n%T%n%P%n%s' HEAD~2"),
    ("git", "cd proj && git show v0.1.0"),
    ("git", "cd proj && git reflog"),
    ("git", "cd proj && git reflog --date=iso"),
    ("git", "cd proj && git blame src/demo/consts.py"),
    ("git", "cd proj && git blame -l src/demo/__init__.py"),
    ("git", "cd proj && git fsck --lost-found --full 2>&1"),
    ("git", "cd proj && git fsck --unreachable --no-reflogs 2>&1"),
    ("git", "cd proj && git count-objects -v && git rev-parse HEAD HEAD~1 HEAD^{tree}"),
    ("git", "cd proj && git cat-file -p HEAD && git ls-tree -r HEAD"),
    ("git", "cd proj && git ls-files -s && git show-ref"),
    ("git", "cd proj && git status && git diff --stat HEAD~3"),
    ("git", "cd proj && git describe --tags --long && git for-each-ref"),
    ("git", "cd proj && git verify-pack -v ../proj.git/objects/pack/*.idx 2>&1 | head -40"),
    ("git", "rm -rf clone1 && git clone -v proj.git clone1 2>&1 && cd clone1 && git branch -avv && git remote -v"),
    ("git", "cd proj && git push ../proj.git main:refs/heads/other 2>&1; git ls-remote ../proj.git"),
    ("git", "cd proj && git checkout nosuchbranch 2>&1; git rev-parse deadbeef 2>&1; git cherry-pick 0123456789abcdef 2>&1; git merge nothing 2>&1"),
    ("git", "cd proj && git stash list; echo x >> notes.txt; git stash 2>&1; git stash show -p 2>&1; git stash drop 2>&1"),
    ("git", "cd proj && git gc --prune=now 2>&1 && git count-objects -vH"),
    ("git", "cd proj && git shortlog -sn --all && git log --format='%h %an %ar %s' --all"),
    ("git", "cd proj && git log -5 --format=fuller"),
    ("git-real", "git --git-dir=/work/.mirror/BurntSushi+ripgrep/repo log --stat -12 --format='commit %H%nDate:   %ad%n%n    %s%n' 2>&1"),
    ("git-real", "git --git-dir=/work/.mirror/NixOS+nix/repo log --oneline -80 2>&1"),
    ("git-real", "git --git-dir=/work/.mirror/docker+compose/repo log --stat -10 --format='%H %cd %s' 2>&1"),
    ("git-real", "git --git-dir=/work/.mirror/cli+cli/repo log --format='%h %G? %s' -60 2>&1"),
    ("git-real", "git --git-dir=/work/.mirror/actions+checkout/repo show --stat --format='commit %H%nTree %T%nParents %P%n%n%s%n%n%b' HEAD 2>&1"),
    ("git-real", "git --git-dir=/work/.mirror/containerd+containerd/repo log --merges --format='%H%n  %s' -25 2>&1"),
    ("git-real", "git --git-dir=/work/.mirror/prettier+prettier/repo ls-tree -r HEAD 2>&1 | head -150"),
    ("git-real", "git --git-dir=/work/.mirror/nix-community+home-manager/repo log -6 -p --format='commit %H%n%s' -- flake.lock 2>&1 | head -200"),
    ("git-real", "git --git-dir=/work/.mirror/python-poetry+poetry/repo tag -n1 2>&1 | tail -60; git --git-dir=/work/.mirror/python-poetry+poetry/repo show-ref --tags 2>&1 | tail -40"),
    ("pip", f"{PY}/pip list 2>&1"),
    ("pip", f"{PY}/pip list --outdated --no-index 2>&1; {PY}/pip list --format=freeze 2>&1 | head -40"),
    ("pip", f"{PY}/pip freeze 2>&1"),
    ("pip", f"{PY}/pip show -f ruff mypy 2>&1 | head -80"),
    ("pip", f"{PY}/pip show requests pytest packaging 2>&1"),
    ("pip", f"{PY}/pip install --dry-run --require-hashes -r req-bad-hash.txt 2>&1"),
    ("pip", f"{PY}/pip install --dry-run -v 'requests==2.31.0' 2>&1 | head -120"),
    ("pip", f"{PY}/pip download -v -d dl --no-deps packaging 2>&1 | head -80; sha256sum dl/* 2>&1"),
    ("pip", f"{PY}/pip hash dl/* 2>&1; {PY}/pip install nosuchpackage-xyz==9.9 2>&1"),
    ("pip", f"{PY}/pip install 'requests==0.0.1' 2>&1; {PY}/pip check 2>&1"),
    ("pip", f"{PY}/pip debug --verbose 2>&1 | head -120"),
    ("pip", f"{PY}/pip config list -v 2>&1; {PY}/pip cache info 2>&1; {PY}/pip inspect 2>&1 | head -150"),
    ("pip", f"{PY}/pip install -e proj --no-deps --dry-run -v 2>&1 | head -80"),
    ("apt", "apt-cache policy python3 git openssl curl libssl3 gcc nix-bin 2>&1"),
    ("apt", "apt-cache show git 2>&1 | head -60"),
    ("apt", "apt-cache show openssl libc6 2>&1 | head -120"),
    ("apt", "apt-cache depends curl gcc 2>&1; apt-cache rdepends --installed libssl3 2>&1 | head -40"),
    ("apt", "apt-cache showpkg zlib1g 2>&1 | head -60; apt-cache stats 2>&1"),
    ("apt", "apt-cache search --names-only '^python3-(req|url)' 2>&1 | head -40"),
    ("apt", "dpkg -l | head -80; dpkg -s openssl ca-certificates 2>&1"),
    ("apt", "dpkg -L ca-certificates 2>&1 | head -40; dpkg --verify coreutils 2>&1 | head; dpkg -S /usr/bin/sha256sum 2>&1"),
    ("apt", "cat /etc/apt/sources.list.d/* /etc/apt/sources.list 2>/dev/null; ls -la /var/lib/apt/lists | head -30"),
    ("nix", "nix-instantiate --eval -E '1 + 2' 2>&1; nix-instantiate --eval -E 'builtins.hashString \"sha256\" \"hello\"' 2>&1; nix-instantiate --eval --strict ok.nix 2>&1"),
    ("nix", "nix-instantiate --eval bad.nix 2>&1; nix-instantiate --eval -E 'let a = 1; in b' 2>&1; nix-instantiate --eval -E 'builtins.toJSON { x = builtins.currentSystem; }' 2>&1"),
    ("nix", "nix-instantiate --eval -E 'throw \"boom\"' 2>&1; nix-instantiate --eval -E 'assert 1 == 2; 3' 2>&1; nix-instantiate --eval -E '{ a = 1; }.b' 2>&1; nix-instantiate --eval -E 'import <nixpkgs> {}' 2>&1"),
    ("nix", "nix-instantiate --eval -E 'builtins.fetchurl \"http://127.0.0.1:1/x\"' 2>&1; nix-instantiate --eval -E 'builtins.map (x: x * 2) [ 1 2 3 ]' --strict 2>&1; nix-instantiate --parse ok.nix 2>&1"),
    ("nix", "nix-instantiate --eval -E 'builtins.hashFile \"sha512\" ./ok.nix' 2>&1; nix-instantiate --eval -E 'builtins.toFile \"x\" \"y\"' 2>&1; nix-instantiate --eval -E 'builtins.substring 0 12 (builtins.hashString \"sha1\" \"z\")' 2>&1"),
    ("nix", "nix-instantiate -E 'derivation { name = \"hello-2.12.1\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; args = [ \"-c\" \"echo hi > $out\" ]; }' 2>&1; nix show-derivation --extra-experimental-features nix-command $(nix-instantiate -E 'derivation { name = \"hello-2.12.1\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; }' 2>/dev/null) 2>&1"),
    ("nix", "for f in ok.nix bad.nix www/os-release; do nix-hash --type sha256 --flat $f; nix-hash --type sha256 --flat --base32 $f; nix-hash --type sha512 --flat --sri $f 2>&1; done; nix-hash --type sha256 proj/src 2>&1"),
    ("nix", "nix --extra-experimental-features nix-command hash file ok.nix bad.nix 2>&1; nix --extra-experimental-features nix-command hash path proj/src 2>&1; nix --extra-experimental-features nix-command hash to-base32 sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= 2>&1; nix --extra-experimental-features nix-command hash to-sri --type sha256 0b1bxzb8kw9mkm0yzy4s8h6ph2v3csv5lswn4ck0j1pnx4s0kfmi 2>&1"),
    ("nix", "nix --extra-experimental-features 'nix-command flakes' eval --expr '1+1' 2>&1; nix --extra-experimental-features nix-command store add-file ok.nix 2>&1; nix --extra-experimental-features nix-command path-info --json /nix/store/* 2>&1 | head -c 3000; ls /nix/store 2>&1 | head -30"),
    ("nix", "nix-store --query --references /nix/store/* 2>&1 | head -30; nix-store --verify 2>&1 | head; nix-env -q 2>&1; nix-channel --list 2>&1; nix --version; nix show-config --extra-experimental-features nix-command 2>&1 | head -60"),
    ("python", "python3 -c 'import json; json.loads(\"{bad\")' 2>&1"),
    ("python", "python3 -c 'd = {\"a\": 1}; print(d[\"b\"])' 2>&1; python3 -c 'import nosuchmodule' 2>&1; python3 -c '1/0' 2>&1"),
    ("python", "python3 -c 'import urllib.request; urllib.request.urlopen(\"http://127.0.0.1:9/x\")' 2>&1"),
    ("python", "python3 -c 'import subprocess; subprocess.run([\"git\", \"rev-parse\", \"nosuch\"], check=True)' 2>&1; python3 -c 'open(\"/nonexistent/file.txt\")' 2>&1"),
    ("python", "python3 -c 'import hashlib, base64, uuid, secrets; print(hashlib.sha256(b\"x\").hexdigest()); print(uuid.uuid4()); print(uuid.uuid5(uuid.NAMESPACE_DNS, \"example.org\")); print(base64.b64encode(hashlib.sha1(b\"x\").digest()).decode())' 2>&1"),
    ("python", "python3 -c 'import ssl, sys, platform; print(ssl.OPENSSL_VERSION); print(sys.version); print(platform.platform()); print(sys.path)' 2>&1; python3 -m site 2>&1"),
    ("python", "python3 -c 'import struct; struct.unpack(\">I\", b\"ab\")' 2>&1; python3 -c 'int(\"0x1f\")' 2>&1; python3 -c 'import re; re.compile(\"(\")' 2>&1"),
    ("python", "python3 -c 'import asyncio\nasync def f():\n    raise TimeoutError(\"read timed out after 30.0s\")\nasyncio.run(f())' 2>&1"),
    ("python", "python3 -c 'import sqlite3; c = sqlite3.connect(\":memory:\"); c.execute(\"select * from nosuch\")' 2>&1; python3 -c 'import tomllib; tomllib.loads(\"a = [\")' 2>&1"),
    ("python", "python3 -X importtime -c 'import json' 2>&1 | tail -20; python3 -m json.tool www/index.html 2>&1; python3 -c 'import zipfile; zipfile.ZipFile(\"proj.tgz\")' 2>&1"),
    ("python", "python3 -c 'class A:\n    pass\nA().missing()' 2>&1; python3 -c 'def r(n): return r(n+1)\nr(0)' 2>&1 | tail -8; python3 -c 'import pickle; pickle.loads(b\"x\")' 2>&1"),
    ("pytest", f"cd proj && PYTHONPATH=src {PY}/pytest -q 2>&1"),
    ("pytest", f"cd proj && PYTHONPATH=src {PY}/pytest -v --tb=long 2>&1"),
    ("pytest", f"cd proj && PYTHONPATH=src {PY}/pytest -rA --tb=short -p no:cacheprovider 2>&1; PYTHONPATH=src {PY}/pytest --collect-only -q 2>&1"),
    ("pytest", f"cd proj && PYTHONPATH=src {PY}/pytest --co tests/nosuch.py 2>&1; PYTHONPATH=src {PY}/pytest -x --durations=3 2>&1 | tail -25"),
    ("ruff", f"cd proj && {PY}/ruff check --select ALL --no-cache . 2>&1 | head -120"),
    ("ruff", f"cd proj && {PY}/ruff check --output-format=concise --select E,F,W,I,UP,B --no-cache . 2>&1; {PY}/ruff format --diff --no-cache . 2>&1; {PY}/ruff --version"),
    ("ruff", f"cd proj && {PY}/ruff check --statistics --select ALL --no-cache . 2>&1; {PY}/ruff check --output-format=json --select F --no-cache . 2>&1 | head -60"),
    ("mypy", f"cd proj && {PY}/mypy --no-incremental src 2>&1; {PY}/mypy --strict --no-incremental src 2>&1; {PY}/mypy --version"),
    ("mypy", f"cd proj && {PY}/mypy --no-incremental --show-error-codes --pretty --show-column-numbers src tests 2>&1"),
    ("openssl", "for c in $(ls /etc/ssl/certs/*.pem | head -4); do openssl x509 -in $c -noout -text 2>&1; done"),
    ("openssl", "for c in $(ls /etc/ssl/certs/*.pem | sed -n '40,70p'); do openssl x509 -in $c -noout -subject -issuer -serial -dates -fingerprint -sha256 2>&1; done"),
    ("openssl", "openssl x509 -in keys/self.crt -noout -text 2>&1; openssl x509 -in keys/self.crt -noout -fingerprint -sha1 -pubkey 2>&1"),
    ("openssl", "openssl s_client -connect 127.0.0.1:9 2>&1 | head; openssl version -a; openssl list -digest-algorithms 2>&1 | head -30"),
    ("openssl", "for f in www/os-release ok.nix; do openssl dgst -sha256 $f; openssl dgst -sha512 $f; openssl dgst -md5 $f; openssl dgst -sha3-256 $f; done; openssl rand -hex 16; openssl rand -base64 24"),
    ("openssl", "openssl speed -seconds 1 md5 sha256 2>&1 | tail -12"),
    ("openssl", "openssl speed -seconds 1 -evp aes-128-gcm 2>&1 | tail -8; openssl verify keys/self.crt 2>&1; openssl crl2pkcs7 -nocrl -certfile keys/self.crt 2>&1 | openssl pkcs7 -print_certs -noout 2>&1"),
    ("openssl", "openssl asn1parse -in keys/self.crt 2>&1 | head -60; openssl x509 -in keys/self.crt 2>&1"),
    ("openssl-private", "cat keys/self.key; openssl pkey -in keys/ed.pem 2>&1"),
    ("ssh", "ssh-keygen -l -f keys/id_ed25519.pub; ssh-keygen -l -E md5 -f keys/id_rsa.pub; ssh-keygen -lv -f keys/id_ed25519.pub; ssh-keygen -l -f /etc/ssh/ssh_host_ed25519_key.pub 2>&1"),
    ("ssh", "cat keys/id_ed25519.pub keys/id_rsa.pub; ssh-keygen -y -f keys/id_ed25519 2>&1; ssh-keygen -B -f keys/id_rsa.pub 2>&1"),
    ("ssh", "ssh -V 2>&1; ssh -o BatchMode=yes -o ConnectTimeout=2 -p 9 127.0.0.1 true 2>&1; ssh -vvv -o BatchMode=yes -o ConnectTimeout=2 -p 9 localhost true 2>&1 | head -40"),
    ("ssh-private", "cat keys/id_ed25519; head -8 keys/id_rsa"),
    ("gpg", "export GNUPGHOME=$PWD/gnupg; mkdir -p -m 700 $GNUPGHOME; gpg --batch --passphrase '' --quick-gen-key 'Scratch Key <scratch@example.invalid>' ed25519 default 1y 2>&1; gpg --list-keys --keyid-format long 2>&1; gpg --fingerprint 2>&1; gpg --list-secret-keys --with-keygrip 2>&1"),
    ("gpg", "export GNUPGHOME=$PWD/gnupg; gpg --armor --export 2>&1 | head -20; gpg --batch --verify www/index.html 2>&1; gpg --version 2>&1; echo hi | gpg --batch --clearsign 2>&1; echo hi | gpg --batch --clearsign | gpg --verify 2>&1"),
    ("hashes", "sha256sum www/* ok.nix bad.nix c/* proj.tgz; b2sum www/* ok.nix; md5sum www/*; sha1sum www/* c/*; sha512sum www/os-release; cksum www/*"),
    ("hashes", "sha256sum /usr/bin/* 2>/dev/null | head -60"),
    ("hashes", "b2sum -l 256 /etc/*.conf 2>/dev/null | head -30; sha256sum -c <(echo '0000000000000000000000000000000000000000000000000000000000000000  ok.nix') 2>&1; md5sum /usr/lib/os-release /etc/debian_version"),
    ("base64", "base64 www/os-release; base64 -w 0 ok.nix; echo; base64 /etc/debian_version; head -c 600 /usr/share/common-licenses/MIT 2>/dev/null | base64; head -c 300 /etc/services | base64"),
    ("base64", "head -c 2400 /usr/share/doc/git/copyright 2>/dev/null | base64; xxd -l 256 /bin/ls; od -A x -t x1z -N 96 /bin/true"),
    ("uuid", "for i in $(seq 12); do cat /proc/sys/kernel/random/uuid; done; python3 -c 'import uuid; [print(uuid.uuid1()) for _ in range(6)]'; cat /proc/sys/kernel/random/boot_id; cat /etc/machine-id 2>&1"),
    ("curl", "(cd www && python3 -m http.server 18727 --bind 127.0.0.1 >/dev/null 2>&1 & echo $! > ../http.pid); sleep 1; curl -v http://127.0.0.1:18727/ 2>&1; curl -sI http://127.0.0.1:18727/os-release 2>&1; curl -v http://127.0.0.1:18727/nosuch 2>&1; curl -v -H 'Accept: application/json' http://localhost:18727/index.html 2>&1"),
    ("curl", "curl -sS -o /dev/null -w '%{http_code} %{time_total} %{size_download} %{url_effective}\\n' http://127.0.0.1:18727/ 2>&1; curl -v --max-time 2 http://127.0.0.1:9/ 2>&1; curl -v https://127.0.0.1:18727/ 2>&1; curl --trace-ascii - http://127.0.0.1:18727/index.html 2>&1 | head -50; kill $(cat http.pid)"),
    ("system", "ps aux 2>&1 | head -40"),
    ("system", "ps -eo pid,ppid,user,stat,rss,vsz,etime,comm --sort=-rss 2>&1 | head -30; ps -ef --forest 2>&1 | head -30"),
    ("system", "ip addr 2>&1; ip route 2>&1; ip -s link 2>&1; ip -6 addr 2>&1; ip neigh 2>&1"),
    ("system", "ls -la; ls -la proj proj/.git; ls -lai /etc | head -60; ls -la --time-style=full-iso /usr/bin | head -40"),
    ("system", "stat ok.nix proj proj.tgz /etc/passwd /bin/ls; stat -f /; stat -c '%n %s %i %U %G %a %y' www/*"),
    ("system", "locale 2>&1; locale -a 2>&1; uname -a; cat /etc/os-release; id; umask; ulimit -a"),
    ("system", "df -h; df -i; df -T; free -m; lsblk 2>&1; cat /proc/meminfo | head -20; nproc; cat /proc/cpuinfo | head -28"),
    ("system", "mount 2>&1 | head -50; cat /proc/self/mountinfo | head -30; findmnt 2>&1 | head -30"),
    ("system", "find proj -maxdepth 3 -printf '%M %u %g %s %TY-%Tm-%Td %TH:%TM %p\\n' | head -60; find /etc -maxdepth 1 -newer /etc/hostname 2>&1 | head -20; find / -maxdepth 2 -name '*.nosuch' 2>&1 | head"),
    ("system", "tar -tvzf proj.tgz | head -60; tar -xzf nosuch.tgz 2>&1; tar -czvf out.tgz www 2>&1; tar --version | head -2"),
    ("system", "cat /proc/self/status | head -40; cat /proc/loadavg /proc/uptime; cat /proc/version; cat /proc/self/cgroup; cat /proc/self/limits"),
    ("system", "systemctl status 2>&1; systemctl list-units 2>&1 | head; journalctl -n 5 2>&1; date; date -u --iso-8601=ns; date +%s; timedatectl 2>&1; hostname 2>&1"),
    ("system", "ls -la /nix/store 2>&1 | head -30; du -sh /usr/lib/python3* 2>&1; du -ah proj | sort -h | tail -20; wc -l proj/src/demo/*.py; file /bin/ls /etc/os-release proj.tgz keys/*.pub 2>&1"),
    ("system", "lsof -p $$ 2>&1 | head -30; ss -tlnp 2>&1 | head; netstat -tlnp 2>&1 | head; cat /etc/hosts; cat /etc/resolv.conf; getent hosts localhost"),
    ("system", "ldd /bin/ls /usr/bin/openssl /usr/bin/git 2>&1; readelf -h /bin/true 2>&1 | head -20; objdump -f /bin/true 2>&1"),
    ("gcc", "gcc -Wall -Wextra -c c/bad.c -o c/bad.o 2>&1; make 2>&1; gcc --version; gcc -v 2>&1 | tail -3"),
    ("gcc", "printf 'int f(int);\\nint main(void){return g(1);}\\n' > c/link.c && gcc c/link.c -o c/link 2>&1; printf '#include <nosuch.h>\\n' > c/inc.c && gcc -c c/inc.c 2>&1; printf 'int main(){char b[4]; b[10]=1; return b[10];}\\n' > c/warn.c && gcc -O2 -Wall -Warray-bounds c/warn.c -o c/warn 2>&1"),
    ("gcc", "printf 'int main(){int *p=0; return *p;}\\n' > c/seg.c && gcc -g -fsanitize=address c/seg.c -o c/seg 2>&1 && ./c/seg 2>&1 | head -30; gcc -E -dM - </dev/null | head -40"),
    ("rust", "rustc --edition 2021 c/bad.rs -o c/badrs 2>&1; rustc --version --verbose; cargo --version"),
    ("rust", "rm -rf rs && cargo new -q --vcs none rs 2>&1 && cd rs && printf 'fn main() {\\n    let x: u8 = 300;\\n    let v = vec![1];\\n    println!(\"{}\", v[5]);\\n}\\n' > src/main.rs && cargo build --offline 2>&1; cargo run --offline 2>&1 | tail -15; cat Cargo.toml; cargo metadata --offline --format-version 1 2>&1 | head -c 2500"),
    ("node", "node -e 'JSON.parse(\"{bad\")' 2>&1; node -e 'require(\"nosuch\")' 2>&1; node -e 'undefined.x' 2>&1; node --version; node -p 'process.versions' 2>&1"),
    ("node", "node -e 'const c=require(\"crypto\"); console.log(c.randomUUID(), c.createHash(\"sha256\").update(\"x\").digest(\"hex\"), c.createHash(\"sha512\").update(\"x\").digest(\"base64\"))'; npm --version 2>&1; npm config list 2>&1 | head -20; npm ls -g 2>&1 | head -20"),
    ("docker", "docker version 2>&1; docker ps -a 2>&1; docker info 2>&1 | head -30; docker images 2>&1; docker pull alpine:3.19 2>&1 | head; docker run --rm alpine:3.19 true 2>&1"),
    ("docker", "docker inspect nosuch 2>&1; docker compose version 2>&1; docker buildx version 2>&1; docker context ls 2>&1; docker network ls 2>&1; docker system df 2>&1"),
    ("kubectl", "kubectl version --client -o yaml 2>&1; kubectl get pods -A 2>&1; kubectl config view 2>&1; kubectl get nodes -o wide 2>&1; kubectl api-resources 2>&1 | head"),
    ("kubectl", "kubectl create deployment web --image=nginx:1.25 --dry-run=client -o yaml 2>&1; kubectl create configmap app-config --from-literal=LOG_LEVEL=debug --dry-run=client -o yaml 2>&1; kubectl run tmp --image=busybox:1.36 --dry-run=client -o json 2>&1"),
    ("kubectl", "kubectl explain deployment.spec.strategy 2>&1 | head -40; kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml 2>&1; kubectl create job j --image=alpine --dry-run=client -o yaml -- sh -c 'echo hi' 2>&1"),
    ("systemctl", "systemctl --version 2>&1; systemctl cat ssh 2>&1 | head -30; systemctl show -p Names,FragmentPath,ExecStart nosuch.service 2>&1; systemd-analyze --version 2>&1 | head -3; ls -la /lib/systemd/system | head -40"),
    ("systemctl", "for u in $(ls /lib/systemd/system/*.service | head -8); do echo \"# $u\"; cat $u; done"),
    ("make", "make -n 2>&1; make nosuchtarget 2>&1; make -p 2>/dev/null | head -60"),
]
# fmt: on


def main() -> None:
    """Build the scratch folder, run every command there and write capture.jsonl."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--scratch", default="/tmp/outputs27-scratch")
    parser.add_argument("--out", default=str(HERE / "capture.jsonl"))
    args = parser.parse_args()
    scratch = Path(args.scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    env = dict(os.environ, GIT_CONFIG_GLOBAL=str(scratch / "gitconfig"), PIP_NO_INPUT="1")
    subprocess.run(["bash", "-c", SETUP], cwd=scratch, env=env, check=True)
    with Path(args.out).open("w", encoding="utf-8") as out:
        for kind, cmd in COMMANDS:
            try:
                result = subprocess.run(
                    ["bash", "-c", cmd],
                    cwd=scratch,
                    env=env,
                    capture_output=True,
                    text=True,
                    errors="replace",
                    timeout=120,
                )
                output = result.stdout + result.stderr
            except subprocess.TimeoutExpired as error:
                output = (
                    (error.stdout or b"").decode(errors="replace")
                    if isinstance(error.stdout, bytes)
                    else (error.stdout or "")
                )
            lines = output.splitlines()[:400]
            out.write(
                json.dumps(
                    {"kind": kind, "cmd": cmd, "output": "\n".join(lines)}, ensure_ascii=False
                )
                + "\n"
            )
            print(f"{kind:10} {len(lines):4} lines  {cmd[:70]}")


if __name__ == "__main__":
    main()
