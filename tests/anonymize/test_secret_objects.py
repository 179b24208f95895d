"""QEMU's ``secret`` objects: the ``data=`` member of an option list whose type is ``secret``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"$ qemu-system-x86_64 -m 4096 -object secret,id=vnc0,data={LOWER} -vnc :1,password-secret=vnc0",
            "$ qemu-system-x86_64 -m 4096 -object secret,id=vnc0,data=<redacted:secret>"
            " -vnc :1,password-secret=vnc0",
        ),
        (
            f"qemu-img convert --object secret,id=sec0,data={MIXED},format=raw -O qcow2 a.img b.qcow2",
            "qemu-img convert --object secret,id=sec0,data=<redacted:secret>,format=raw -O qcow2 a.img b.qcow2",
        ),
        (
            "(qemu) object_add secret,id=sec1,data=letmein2024",
            "(qemu) object_add secret,id=sec1,data=<redacted:secret>",
        ),
        (
            "object_add qom-type=secret,id=sec2,data=c2VjcmV0cGFzcw==,format=base64",
            "object_add qom-type=secret,id=sec2,data=<redacted:secret>,format=base64",
        ),
        (
            f'{{"args": ["-object", "secret,id=s0,data={MIXED}"]}}'.replace('", "', " "),
            '{"args": ["-object secret,id=s0,data=<redacted:secret>"]}',
        ),
        (
            f'# /etc/libvirt/qemu/vm.log\n-object \'{{"qom-type":"secret"}}\' -object secret,id=masterKey0,data={LOWER}',
            '# /etc/libvirt/qemu/vm.log\n-object \'{"qom-type":"secret"}\' -object secret,id=masterKey0,'
            "data=<redacted:secret>",
        ),
    ],
)
def test_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$ qemu-system-x86_64 -object secret,id=sec0,file=/run/secrets/vnc.txt -vnc :0,password=on",
        "-object secret,id=sec0,data=$VNC_PASSWORD",
        "-object secret,id=sec0,data=<password>",
        "-object iothread,id=io0 -device virtio-blk,drive=d0,iothread=io0,data=xyzw1234",
        "-object rng-random,id=rng0,filename=/dev/urandom -drive file=a.qcow2,key-secret=sec0",
        "The secret, data=none of it, stays in prose.",
        "blockdev-add driver=luks,key-secret=sec0,file=disk0",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
