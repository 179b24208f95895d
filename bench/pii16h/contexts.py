"""Contexts of pii16h: where phone numbers, cards, IBANs, bank accounts and e-mail addresses really
appear, none of them in an earlier corpus's context list.

A context is ``f(kind, secret, printed, rng) -> (text, secret_in_text)``: ``printed`` is the
value as written (it holds ``secret``: a phone number's extension, a ``tel:`` or ``mailto:``
wrapper, a routing code beside an account are printed but are not the secret); a context that
encodes the value (JSON, SQL, URL encoding) encodes the secret the same way, so a leak is the
secret as the text carries it. ``KINDS`` says which kinds a context takes.
"""

from __future__ import annotations

import json
import random
import urllib.parse
from collections.abc import Callable

from money import FIRST, LAST

Ctx = Callable[[str, str, str, random.Random], tuple[str, str]]
FIELD = {
    "phone": "phone",
    "card": "card_number",
    "iban": "iban",
    "bban": "account_number",
    "email": "email",
}
LABEL = {
    "phone": "Phone",
    "card": "Card number",
    "iban": "IBAN",
    "bban": "Bank account",
    "email": "E-mail",
}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST).title()} {rng.choice(LAST).title()}"


def ts(rng: random.Random) -> str:
    return f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"


def hx(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def js(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)[1:-1]


def exp(rng: random.Random) -> str:
    return f"{rng.randrange(1, 13):02d}/{rng.randrange(27, 32)}"


def vcard(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    name = person(rng)
    line = {
        "phone": f"TEL;TYPE={rng.choice(['cell', 'work,voice', 'home'])};VALUE=uri:{printed}"
        if printed.startswith("tel:")
        else f"TEL;TYPE=cell:{printed}",
        "email": f"EMAIL;TYPE=work:{printed}",
        "iban": f"X-IBAN:{printed}",
        "bban": f"NOTE:Bankverbindung {printed}",
    }[kind]
    first, last = name.split()
    return (
        f"BEGIN:VCARD\nVERSION:4.0\nFN:{name}\nN:{last};{first};;;\n{line}\nREV:20261205T101500Z\nEND:VCARD",
        secret,
    )


def icalendar(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    line = {
        "phone": f"LOCATION:Telefonkonferenz {printed}",
        "email": f"ATTENDEE;CN={person(rng)};ROLE=REQ-PARTICIPANT:mailto:{printed}"
        if not printed.startswith("mailto:")
        else f"ATTENDEE;PARTSTAT=ACCEPTED:{printed}",
        "iban": f"DESCRIPTION:Miete Dezember - Dauerauftrag auf {printed}",
        "bban": f"DESCRIPTION:Pay deposit to {printed} before check-in",
    }[kind]
    return (
        f"BEGIN:VEVENT\nUID:{hx(rng, 16)}@calendar.local\nDTSTART:20261212T090000Z\nSUMMARY:Termin\n{line}\nEND:VEVENT",
        secret,
    )


def csv_export(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    cell = '"' + printed.replace('"', '""') + '"' if ("," in printed or '"' in printed) else printed
    sec = secret.replace('"', '""')
    head = f"customer_id,name,{FIELD[kind]},created_at"
    rows = [
        f"{rng.randrange(10000, 99999)},{person(rng)},,{ts(rng)}",
        f"{rng.randrange(10000, 99999)},{person(rng)},{cell},{ts(rng)}",
    ]
    return "import failed at line 3 of contacts.csv:\n" + "\n".join([head, *rows]), sec


def tsv_export(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    head = "\t".join(["Nr", "Nachname", "Vorname", LABEL[kind], "Status"])
    first, last = person(rng).split()
    return f"{head}\n{rng.randrange(1, 400)}\t{last}\t{first}\t{printed}\tbounced", secret


def crm_webhook(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    props = {
        "firstname": rng.choice(FIRST).title(),
        "lastname": rng.choice(LAST).title(),
        FIELD[kind]: printed,
        "lifecyclestage": "lead",
    }
    body = {
        "eventId": rng.randrange(10**8, 10**9),
        "subscriptionType": "contact.propertyChange",
        "objectId": rng.randrange(10**6, 10**7),
        "properties": props,
    }
    return "webhook handler raised KeyError('hs_object_id') for payload " + json.dumps(
        body, ensure_ascii=False
    ), js(secret)


def payment_webhook(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    if kind == "card":
        pm = {
            "type": "card",
            "card": {
                "number": printed,
                "exp_month": rng.randrange(1, 13),
                "exp_year": rng.randrange(2027, 2032),
                "cvc": str(rng.randrange(100, 999)),
            },
        }
    elif kind == "iban":
        pm = {
            "type": "sepa_debit",
            "sepa_debit": {"iban": printed, "mandate": f"mandate_{hx(rng, 12)}"},
        }
    elif kind == "bban":
        pm = {
            "type": "bank_transfer",
            "bank_account": {"account_holder_name": person(rng), "account": printed},
        }
    else:
        pm = {"type": "card", "billing_details": {"email": printed, "name": person(rng)}}
    event = {"id": f"evt_{hx(rng, 14)}", "type": "payment_method.attached", "data": {"object": pm}}
    return f"signature ok but handler failed (500): {json.dumps(event, ensure_ascii=False)}", js(
        secret
    )


def sms_gateway(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    sid = "SM" + hx(rng, 32)
    if kind == "phone":
        q = urllib.parse.quote(printed, safe="")
        return (
            f"POST /sms/status 502 body=MessageSid={sid}&MessageStatus=undelivered&To={q}&From=%2B15017122661&ErrorCode=30003",
            urllib.parse.quote(secret, safe=""),
        )
    return (
        f'{ts(rng)} outbound SMS {sid} status=failed body="Bitte überweisen Sie den Betrag auf {printed}. Danke!"',
        secret,
    )


def asterisk_cdr(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    t = ts(rng)
    return (
        f'"","{printed}","{rng.randrange(200, 299)}","from-trunk","""{person(rng)}"" <{printed}>","PJSIP/trunk-{hx(rng, 8)}",'
        f'"PJSIP/{rng.randrange(200, 299)}-{hx(rng, 8)}","Dial","PJSIP/{rng.randrange(200, 299)},30","{t}","{t}","{t}",{rng.randrange(0, 300)},0,"NO ANSWER","DOCUMENTATION"',
        secret,
    )


def freeswitch_cdr(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    p = printed.replace("&", "&amp;")
    return (
        f'<cdr core-uuid="{hx(rng, 8)}-{hx(rng, 4)}"><callflow><caller_profile><caller_id_name>{person(rng)}</caller_id_name>'
        f"<caller_id_number>{p}</caller_id_number><destination_number>{rng.randrange(1000, 1999)}</destination_number>"
        f"</caller_profile></callflow><variables><hangup_cause>NO_USER_RESPONSE</hangup_cause></variables></cdr>",
        secret.replace("&", "&amp;"),
    )


def sip_invite(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    if printed.startswith("sip:"):
        frm = f'"{person(rng)}" <{printed}>'
    elif kind == "email" or printed.startswith("tel:"):
        frm = f"<sip:{printed}>" if kind == "email" else f'"{person(rng)}" <{printed}>'
    elif " " in printed or "(" in printed:
        frm = f'"{printed}" <sip:anonymous@anonymous.invalid>'
    else:
        frm = f"<sip:{printed}@gw.sipgate-eu.net;user=phone>"
    return (
        f"INVITE sip:200@pbx.local SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK{hx(rng, 10)}\n"
        f"From: {frm};tag={hx(rng, 8)}\nTo: <sip:200@pbx.local>\nCall-ID: {hx(rng, 20)}\nCSeq: 1 INVITE\n\nSIP/2.0 486 Busy Here",
        secret,
    )


def email_headers(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    addr = printed[7:] if printed.startswith("mailto:") else printed
    sec = secret
    hdr = rng.choice(["From", "Reply-To", "Cc", "Return-Path"])
    return (
        f"550 5.1.1 bounce; original headers:\nReceived: from mx{rng.randrange(1, 9)}.mailhost.net by inbound.local\n"
        f'{hdr}: "{person(rng)}" <{addr}>\nSubject: Re: Angebot {rng.randrange(100, 999)}\nMessage-ID: <{hx(rng, 16)}@mailhost.net>',
        sec,
    )


def email_signature(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    label = {
        "phone": rng.choice(["Tel.", "Mobil:", "M:", "Phone:", "T "]),
        "email": "E-Mail:",
        "iban": "IBAN:",
        "bban": "Bank:",
    }[kind]
    name = person(rng)
    return (
        f"mail parser: unclosed quote in body; tail was:\n\nMit freundlichen Grüßen\n\n{name}\nBuchhaltung\nHolzbau Kessler GmbH\n{label} {printed}\nhttps://holzbau-kessler.example",
        secret,
    )


def invoice_ocr(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    label = {
        "phone": "T e l e f o n :",
        "card": "Kart en-Nr .",
        "iban": "I BAN :",
        "bban": "Konto - Nr :",
        "email": "E - Mail :",
    }[kind]
    value, sec = printed, secret
    if secret == printed and " " in printed and rng.random() < 0.5:
        value = sec = printed.replace(" ", "  ")
    return (
        f"ocr page 1 confidence 0.71\nRECHNUNG   Nr .  {rng.randrange(1000, 9999)}\nDatum : {rng.randrange(1, 28):02d} . 11 . 2026\n"
        f"{label}    {value}\nBetrag :  {rng.randrange(10, 999)} , {rng.randrange(0, 99):02d}  EUR",
        sec,
    )


def sql_insert(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    v = printed.replace("'", "''")
    return (
        f"ERROR 1062 (23000) at line {rng.randrange(10, 900)}: Duplicate entry for key 'PRIMARY'\n"
        f"INSERT INTO customers (id, full_name, {FIELD[kind]}, country) VALUES ({rng.randrange(1, 9999)}, '{person(rng)}', '{v}', '{rng.choice(['DE', 'IT', 'PL', 'BR', 'IN'])}');",
        secret.replace("'", "''"),
    )


def graphql_vars(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    key = {
        "phone": "phoneNumber",
        "card": "cardNumber",
        "iban": "iban",
        "bban": "accountNumber",
        "email": "emailAddress",
    }[kind]
    body = {
        "operationName": "UpdateCustomer",
        "variables": {
            "input": {"id": f"gid://shop/Customer/{rng.randrange(10**9, 10**10)}", key: printed}
        },
    }
    return (
        f'GraphQL error: Variable "$input" got invalid value; request {json.dumps(body, ensure_ascii=False)}',
        js(secret),
    )


def form_post(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    key = {
        "phone": "billing_phone",
        "card": "card%5Bnumber%5D",
        "iban": "sepa%5Biban%5D",
        "bban": "account_number",
        "email": "billing_email",
    }[kind]
    extra = (
        f"&card%5Bexp%5D={urllib.parse.quote(exp(rng), safe='')}&card%5Bcvc%5D={rng.randrange(100, 999)}"
        if kind == "card"
        else ""
    )
    q = urllib.parse.quote_plus(printed)
    return (
        f"POST /checkout 422 Unprocessable Entity form=first_name={rng.choice(FIRST)}&{key}={q}{extra}&country=DE&_token={hx(rng, 10)}",
        urllib.parse.quote_plus(secret),
    )


def chat_transcript(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    ask = {
        "phone": "what's the best number to reach you?",
        "card": "can you read me the card number?",
        "iban": "where should the refund go?",
        "bban": "which account for the refund?",
        "email": "which e-mail is on the account?",
    }[kind]
    tail = f" exp {exp(rng)}" if kind == "card" and rng.random() < 0.6 else ""
    a, b = person(rng), "Support Bot"
    return (
        f"[{ts(rng)}] {b}: {ask}\n[{ts(rng)}] {a}: {printed}{tail}\n[{ts(rng)}] {b}: thanks, one moment",
        secret,
    )


def ecommerce_log(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    key = {
        "phone": "telephone",
        "card": "cc_number",
        "iban": "iban",
        "bban": "bank_account",
        "email": "customer_email",
    }[kind]
    app = rng.choice(["main.CRITICAL", "report.ERROR", "woocommerce.ERROR", "shopware.WARNING"])
    return (
        f'[{ts(rng)}] {app}: Order #{rng.randrange(100000, 999999)} placement failed {{"{key}":"{js(printed)}","quote_id":{rng.randrange(1000, 99999)}}} []',
        js(secret),
    )


def stripe_error(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    msg = {
        "phone": f"Invalid phone number: '{printed}' is not a valid E.164 number.",
        "card": f"Your card number ({printed}) is incorrect.",
        "iban": f"The IBAN you provided ({printed}) is not valid for this country.",
        "bban": f"Bank account {printed} could not be verified.",
        "email": f"Invalid email address: {printed}",
    }[kind]
    code = {"card": "incorrect_number", "iban": "invalid_bank_account_iban"}.get(
        kind, "parameter_invalid"
    )
    body = {
        "error": {
            "code": code,
            "message": msg,
            "param": FIELD[kind],
            "request_log_url": f"https://dashboard.payments.test/logs/req_{hx(rng, 14)}",
            "type": "invalid_request_error",
        }
    }
    return (
        f"payments.error.InvalidRequestError: Request req_{hx(rng, 14)}: {json.dumps(body, ensure_ascii=False)}",
        js(secret),
    )


def spreadsheet(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
    v = printed.replace('"', '""')
    cell = f"{rng.choice('BCDE')}{rng.randrange(2, 400)}"
    f = {
        "phone": f'=HYPERLINK("tel:{v}";"anrufen")'
        if not printed.startswith(("tel:", "sip:"))
        else f'=HYPERLINK("{v}")',
        "card": f'=IF(LEN(SUBSTITUTE("{v}";" ";""))=16;"ok";"check")',
        "iban": f'=MOD(VALUE(MID(SUBSTITUTE("{v}";" ";"");5;30));97)',
        "bban": f'=CONCATENATE("Konto: ";"{v}")',
        "email": f'=HYPERLINK("mailto:{v}";"{person(rng)}")'
        if not printed.startswith("mailto:")
        else f'=HYPERLINK("{v}")',
    }[kind]
    return f"#VALUE! in Sheet1!{cell}: {f}", secret.replace('"', '""')


def _prose(templates: dict[str, str]) -> Ctx:
    def make(kind: str, secret: str, printed: str, rng: random.Random) -> tuple[str, str]:
        return templates[kind].format(
            v=printed, n=person(rng), e=exp(rng), k=rng.randrange(100, 999)
        ), secret

    return make


PROSE = {
    "prose-it": {
        "phone": "Buongiorno, sono {n}, potete richiamarmi al {v}? Grazie.",
        "card": "Ho pagato con la carta {v} (scad. {e}) ma l'ordine risulta annullato.",
        "iban": "Vi prego di rimborsare sul conto IBAN {v} intestato a {n}.",
        "bban": "Il rimborso va sul conto {v}, grazie.",
        "email": "Scrivetemi pure a {v} per la conferma.",
    },
    "prose-nl": {
        "phone": "Hoi, ik ben {n}. Bel me even terug op {v}.",
        "card": "Mijn kaart {v} wordt steeds geweigerd bij het afrekenen.",
        "iban": "Graag het bedrag terugstorten op {v} t.n.v. {n}.",
        "bban": "Terugstorten op rekening {v} aub.",
        "email": "Mijn nieuwe mailadres is {v}, kun je dat aanpassen?",
    },
    "prose-pl": {
        "phone": "Dzień dobry, proszę o kontakt pod numerem {v}. Pozdrawiam, {n}",
        "card": "Płaciłem kartą {v}, ważna do {e}, i pieniądze zeszły dwa razy.",
        "iban": "Proszę o zwrot na rachunek {v}.",
        "bban": "Zwrot proszę przelać na konto {v}.",
        "email": "Proszę wysłać fakturę na adres {v}.",
    },
    "prose-sv": {
        "phone": "Hej! Ring mig på {v} efter lunch. /{n}",
        "card": "Kortet {v} drogs två gånger för samma order.",
        "iban": "Betala tillbaka till {v}, tack.",
        "bban": "Pengarna kan sättas in på konto {v}.",
        "email": "Skicka kvittot till {v} istället.",
    },
    "prose-el": {
        "phone": "Καλησπέρα, είμαι ο/η {n}. Το τηλέφωνό μου είναι {v}.",  # noqa: RUF001
        "card": "Πλήρωσα με την κάρτα {v} αλλά η παραγγελία ακυρώθηκε.",
        "iban": "Παρακαλώ επιστρέψτε τα χρήματα στο IBAN {v}.",
        "bban": "Η επιστροφή να γίνει στον λογαριασμό {v}.",  # noqa: RUF001
        "email": "Στείλτε μου το τιμολόγιο στο {v}.",
    },
    "prose-cs": {
        "phone": "Dobrý den, zavolejte mi prosím na {v}. {n}",
        "card": "Platil jsem kartou {v} a platba neprošla.",
        "iban": "Vraťte prosím peníze na účet {v}.",
        "bban": "Peníze pošlete na číslo účtu {v}.",
        "email": "Fakturu pošlete na {v}, děkuji.",
    },
    "prose-vi": {
        "phone": "Chào bạn, tôi là {n}, số điện thoại của tôi là {v}.",
        "card": "Tôi đã thanh toán bằng thẻ {v} nhưng đơn hàng bị hủy.",
        "iban": "Vui lòng hoàn tiền vào tài khoản {v}.",
        "bban": "Xin chuyển khoản hoàn tiền vào số tài khoản {v}.",
        "email": "Vui lòng gửi hóa đơn qua email {v}.",
    },
    "prose-id": {
        "phone": "Halo kak, nomor WA saya {v} ya. Makasih, {n}",
        "card": "Kartu saya {v} ditolak terus waktu bayar.",
        "iban": "Tolong refund ke rekening {v}.",
        "bban": "Refund ke nomor rekening {v} a.n. {n}.",
        "email": "Kirim invoice ke {v} aja.",
    },
    "prose-hu": {
        "phone": "Jó napot, kérem hívjanak vissza a {v} számon. {n}",
        "card": "A {v} kártyámmal fizettem, de kétszer vonták le.",
        "iban": "Kérem, utalják vissza a {v} számlára.",
        "bban": "A visszatérítést a {v} számlaszámra kérem.",
        "email": "A számlát a {v} címre kérem.",
    },
}

CONTEXTS: dict[str, Ctx] = {
    "vcard": vcard,
    "icalendar": icalendar,
    "csv-export": csv_export,
    "tsv-export": tsv_export,
    "crm-webhook": crm_webhook,
    "payment-webhook": payment_webhook,
    "sms-gateway": sms_gateway,
    "asterisk-cdr": asterisk_cdr,
    "freeswitch-cdr": freeswitch_cdr,
    "sip-invite": sip_invite,
    "email-headers": email_headers,
    "email-signature": email_signature,
    "invoice-ocr": invoice_ocr,
    "sql-insert": sql_insert,
    "graphql-vars": graphql_vars,
    "form-post": form_post,
    "chat-transcript": chat_transcript,
    "ecommerce-log": ecommerce_log,
    "stripe-error": stripe_error,
    "spreadsheet": spreadsheet,
    **{k: _prose(v) for k, v in PROSE.items()},
}
ALL = {"phone", "card", "iban", "bban", "email"}
KINDS: dict[str, set[str]] = {name: ALL for name in CONTEXTS}
KINDS.update(
    {
        "vcard": {"phone", "email", "iban", "bban"},
        "icalendar": {"phone", "email", "iban", "bban"},
        "crm-webhook": {"phone", "email", "iban", "bban"},
        "payment-webhook": {"card", "iban", "bban", "email"},
        "sms-gateway": {"phone", "iban"},
        "asterisk-cdr": {"phone"},
        "freeswitch-cdr": {"phone"},
        "sip-invite": {"phone", "email"},
        "email-headers": {"email"},
        "email-signature": {"phone", "email", "iban", "bban"},
    }
)
