"""Whether a value reads as words, names and versions or as generated text (DESIGN.md guarantee 1).

Secrets are generated; identifiers, coordinates and versions are made of words. The rules ask
here before they redact a value that no shape or key alone decides: ``jetbrains.mps.core``,
``jjwt-jackson-0.11.2`` and ``hf_AutoModelForCausalLM`` are names, ``aB3xK9qLmP0zR7tY2w`` is not.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

HEX = Lazy(r"[0-9a-fA-F-]+")
# Letters of one case, no digit, this many or more: no draw from letters and digits.
ONE_CASE_RUN = 24
VERSION_RUN = Lazy(r"[0-9]+(?:\.[0-9]+)+")
VERSION = Lazy(r"(?<![\w.])v?[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,6}(?!\w|\.[0-9])")
PARTS = Lazy(r"[A-Za-z0-9]+")
DIGIT_RUN = Lazy(r"[0-9]+")
SEGMENTS = Lazy(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
HEX_PART = Lazy(r"[0-9a-f]+|[0-9A-F]+")
LONG_HEX = Lazy(r"[0-9a-f]{16}|[0-9A-F]{16}")
# Letter pairs common in English words and names: most pairs of an identifier's words are among
# them, about half of a random run's are not.
PAIRS = """
    th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le
    ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec
    pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na
    ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab
    gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa
    ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi
    rc rr eg au ck ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip
    ub oi rl gu dr hr cc tw ft wn nu af hu nn eo vo rv nf xp gn sm fl iz ok nl my gl aw ju oa
    eq sy sl ps jo lf nv je nk kn gs dy hy ze ks xt bs ik dd cy rp sk xi oe oy ws lv dl rf eu
    dg wr xa yi nm eb rb tm xc eh tc gy ja hn yp za ka nx gx bj sv pg js ql db qt vm cp wt ix
    ux ax dn sq fs kt ky tp lm ln np ko ku hm zi zo ya
"""
COMMON_PAIRS = frozenset(PAIRS.split())
# An option and its metavariable, as usage text writes them: ``--kms-keyring=KMS_KEYRING``.
OPTION_METAVARIABLE = Lazy(r"--?[a-z][a-z0-9-]*=[A-Z][A-Z0-9_]*")
IDENTIFIER = Lazy(r"[A-Za-z_][A-Za-z0-9_]*")
# From ``bench/draws29``: 16 or more capitals and digits, letters between two digit runs or more
# (``EXI3KIDYMI4547KMQM63SZLEP``): its short letter runs are pieces of one draw, not acronyms,
# so their pairs count (``is_wordy``).
CAPS_DRAW = Lazy(r"(?=[A-Z0-9]{16,}\Z)[A-Z]*(?:[0-9]+[A-Z]+){2,}[0-9]*")
UNSPEAKABLE = Lazy(r"(?i)([a-z])\1\1|[bcdfghjklmnpqrstvwxz]{6}")
# A short part of a dashed name: a word, a size or version (``r1``, ``14b``, ``v0``), a tag of
# one case (``IQ4_XS``, ``Q4_K_M``, ``q8_0``, ``BF16``); ``is_dashed_name`` caps it at 8.
DASH_PART = Lazy(
    r"[a-z]+|[A-Z][a-z]+|[A-Za-z]{0,2}[0-9]+[A-Za-z]{0,2}|[A-Z0-9]+(?:_[A-Z0-9]+)*"
    r"|[a-z0-9]+(?:_[a-z0-9]+)*"
)


def segments(value: str) -> list[str]:
    """
    Return the segments of ``value``: words of its camelCase or snake_case names, digit runs.

    A version (``0.11.2``) and a whole hex part (``5f2c1d``) are one segment each (``"0"`` and
    ``"#"``): an identifier has few and long ones, a generated token many and short ones.
    """
    found = []
    for part in PARTS.compiled.findall(VERSION_RUN.compiled.sub("0", value)):
        if HEX_PART.fullmatch(part) and not part.isdigit() and not part.isalpha():
            found.append("#" * len(part))
        else:
            found += SEGMENTS.compiled.findall(part)
    return found


def is_wordy(value: str, dashed: bool = False) -> bool:
    """
    Return whether ``value`` reads as words, names and versions (``jetbrains.mps.core``); with
    ``dashed``, also a dashed name of words, sizes and tags (``is_dashed_name``).

    Few, long segments; at most three digit runs; few one- or two-letter words; no longer word
    with a letter three times or six consonants in a row; and most letter pairs common in words.
    """
    if HEX.fullmatch(value) or LONG_HEX.search(value):
        return False
    if dashed and "-" in value and is_dashed_name(value):
        return True
    found = segments(value)
    size = sum(len(segment) for segment in found)
    if len(found) * 10 > size * 3 or not any(s.isalpha() and len(s) >= 3 for s in found):
        return False
    digits = sum(segment.isdigit() for segment in found)
    short = sum(segment.isalpha() and len(segment) <= 2 for segment in found)
    if digits > 3 or short > max(1, len(found) // 4):
        return False
    if any(len(segment) >= 6 and UNSPEAKABLE.search(segment) for segment in found):
        return False  # ``udrrmmmh``: a letter three times, or six consonants, in a row
    caps_draw = CAPS_DRAW.fullmatch(value) is not None
    pairs = [
        word[index : index + 2]
        for segment in found
        if segment.isalpha() and (caps_draw or not (segment.isupper() and len(segment) <= 5))
        for word in (segment.lower(),)
        for index in range(len(word) - 1)
    ]
    if not pairs:  # acronyms and numbers only: ``HTTP2``, ``AES256``; not ``LPAXG7195X``
        return len(value) < 10
    return sum(pair in COMMON_PAIRS for pair in pairs) >= 0.8 * len(pairs)


def is_dashed_name(value: str) -> bool:
    """
    Return whether ``value`` is a name of ``-``-separated parts: two or more words of four letters
    or more (lower case or capitalized), the other parts short words, sizes, versions and tags
    (``deepseek-r1-distill-qwen-14b-IQ4_XS``, a model file's name and quantization). A generated
    token's parts are long or mix cases at random.
    """
    parts = value.split("-")
    named = 0
    for part in parts:
        if len(part) >= 4 and part.isalpha() and (part.islower() or part.istitle()):
            named += is_wordy(part.lower())
        elif len(part) > 8 or not DASH_PART.fullmatch(part):
            return False
    return len(parts) >= 3 and named >= 2


def is_drawn_lower_name(part: str) -> bool:
    """
    Return whether a name is a lower-case draw of letters and digits, by its digit runs (not
    ``drawn.is_drawn_lower``, which counts letter-digit switches in longer runs; ``bench/draws29``: Dovico's
    ``<32>.<n>`` key, ``xwrq3977mdnq77c2tzwe…``): 16 or more, digits in three runs or more, ten
    distinct characters or more, not counted, not words. A name's digits stand in one or two
    places (``s3bucket2024``).
    """
    if len(part) < 16 or not (part.isalnum() and part.isascii() and part.islower()):
        return False
    if len(DIGIT_RUN.compiled.findall(part)) < 3 or len(set(part)) < 10:
        return False
    counted = sum(
        ord(part[i + 2]) - ord(part[i + 1]) == ord(part[i + 1]) - ord(part[i]) == 1
        for i in range(len(part) - 2)
    )
    return counted < 2 and not is_wordy(part)  # ``abc123def456ghi789`` counts


def is_named(value: str) -> bool:
    """
    Return whether ``value`` is a name, path or coordinate: wordy, or holding a version, or an
    option with its metavariable (``--kms-keyring=KMS_KEYRING``).
    """
    if "." in value and VERSION.search(value) is not None:
        return True
    return is_wordy(value) or OPTION_METAVARIABLE.fullmatch(value) is not None


def is_token_body(value: str) -> bool:
    """
    Return whether the body of a prefixed token reads as generated.

    Hex with a digit is (a hash-shaped secret after a provider's prefix); otherwise it must not
    read as words (``hf_AutoModelForCausalLM`` is an identifier), and without a digit it must be
    long as well, and not 24 letters or more of one case, hex letters aside
    (``s.thisstringisalllowercase``): a draw from letters and digits holds a digit or both cases
    ((26/36)^24 < 1e-3).
    """
    has_digit = any(c.isdigit() for c in value)
    if has_digit and HEX_PART.fullmatch(value.replace("-", "")):
        return True
    if not has_digit and len(value) < 20:
        return False
    if (
        not has_digit
        and len(value) >= ONE_CASE_RUN
        and value.isalpha()
        and (value.islower() or value.isupper())
        and not HEX_PART.fullmatch(value)
    ):
        return False  # a hex body counts whatever it reads like (``bkua_deadbeef…``)
    return not is_wordy(value)


# Secret words of other languages, by the English words they read as (``secret_words.foreign``; a
# word for key names an API key as often as a cache key: it reads as ``api key``):
# ``Ключ shopify для стенда: …``, ``der wifi-Schlüssel … lautet …``, ``shopifyキーは …``,
# ``la clave «…»``, ``… anahtar …``, ``مفتاح …``. ``_`` is a blank: a word that is part of many
# others stands alone (Korean ``키``, key, is in ``패키지``, package).
FOREIGN_WORDS = {
    "api key": (
        "schlüssel ключ ключа キー 密钥 秘钥 clé chave chiave klucz sleutel nyckel nøgle avain"
        " clave anahtar مفتاح कुंजी 金鑰 _키_ _키는_ κλειδί מפתח"
    ),
    "password": (
        "passwort kennwort пароль пароля パスワード 密码 口令 contraseña senha mot_de_passe hasło"
        " wachtwoord salasana lösenord adgangskode 비밀번호 şifre parola كلمة_المرور"
        " كلمة_السر पासवर्ड 密碼 סיסמה κωδικός_πρόσβασης รหัสผ่าน"
        " passord συνθηματικό heslo hesla jelszó jelszava mật_khẩu geslo lozinka"
        " slaptažodis parool kata_sandi kata_laluan"
    ),
    "token": "токен トークン 令牌 토큰 jeton belirteç टोकन טוקן โทเค็น",
    "secret": "секрет シークレット secreto",
}
# Han, kana and Hangul (and full-width forms): a value may follow one unspaced (``密钥是V``).
CJK = "[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
FOREIGN = {
    word.replace("_", " "): english
    for english, found in FOREIGN_WORDS.items()
    for word in found.split()
}


def is_random_case(part: str) -> bool:
    """
    Return whether a name mixing cases reads as drawn at random, not as camelCase words: over
    half its letter pairs uncommon in words (``nZgKHZfOwcIls``, ``PfXAmrv2crwwlFYDzt``), or a
    ``_``-free run of 9 or more mostly of one- and two-letter humps (``HEe_uNXWakAtSq``). An
    identifier has few short words among long ones (``getElementById``, ``iOSAppId``,
    ``CPyTagged_IsLt_``); about 0.2% of the camelCase names of a Python install read as random.
    """
    if part.isupper() or part.islower() or not part.isascii():
        return False
    humps = [segment for segment in segments(part) if segment.isalpha()]
    pairs = [
        word[index : index + 2]
        for segment in humps
        if not (segment.isupper() and len(segment) <= 5)
        for word in (segment.lower(),)
        for index in range(len(word) - 1)
    ]
    if len(pairs) >= 6 and sum(pair in COMMON_PAIRS for pair in pairs) < 0.55 * len(pairs):
        return True
    return any(len(run) >= 9 and is_humped(run) for run in part.split("_"))


def is_humped(run: str) -> bool:
    """Return whether two thirds or more of a name's letter humps, four or more, are 1-2 letters."""
    humps = [segment for segment in segments(run) if segment.isalpha()]
    short = sum(len(segment) <= 2 for segment in humps)
    return short >= 4 and short * 3 >= len(humps) * 2


def is_code_name(value: str) -> bool:
    """
    Return whether a run reads as words (``is_wordy``, dashed names too) or as a name in code
    that ``is_wordy`` finds too short-worded: a snake_case name of three or more parts, each a
    word or a short tag (4 characters, or 8 of upper case and digits: ``SHA256``), two or more
    words of four letters (``ossl_check_X509_OBJECT_sk_type``, ``TLS_DH_anon_WITH_AES_128_CBC_SHA256``);
    a CamelCase name of three or more words with capitals' acronyms between them
    (``IntelEM64VisualFCompiler``); an option and its metavariable (``--kms-keyring=KMS_KEYRING``).
    """
    if is_wordy(value, dashed=True) or OPTION_METAVARIABLE.fullmatch(value):
        return True
    if not IDENTIFIER.fullmatch(value):
        return False
    parts = [part for part in value.split("_") if part]
    if len(parts) >= 3:
        long = [part for part in parts if len(part) >= 4 and part.isalpha()]
        if len(long) < 2 or not all(is_wordy(part.lower()) for part in long):
            return False
        return all(
            part in long
            or (len(part) <= 4 and part.isalnum())
            or (len(part) <= 8 and part.isupper())
            for part in parts
        )
    found = SEGMENTS.compiled.findall(value)
    long = [segment for segment in found if len(segment) >= 3 and segment.isalpha()]
    short = [segment for segment in found if segment not in long]
    if len(long) < 3 or not all(map(is_wordy, long)) or sum(map(str.isdigit, short)) > 1:
        return False
    return all(segment.isdigit() or segment.isupper() for segment in short) and len(short) <= len(
        long
    )
