"""TeX macros defined as secrets (``latex_macros``): the name reads as a key, the value is judged."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"\\newcommand{{\\netlifykey}}{{{LOWER}}}\n\\begin{{document}}\nThe key is \\texttt{{\\netlifykey}}.",
            "\\newcommand{\\netlifykey}{<redacted:high-entropy>}\n\\begin{document}\n"
            "The key is \\texttt{\\netlifykey}.",
        ),
        ("\\def\\dbpassword{Tr0ub4dor!3}", "\\def\\dbpassword{<redacted:password>}"),
        (f"\\newcommand\\apitoken{{{MIXED}}}", "\\newcommand\\apitoken{<redacted:token>}"),
        (
            f"\\renewcommand*{{\\stripekey}}[0]{{{LOWER}}}",
            "\\renewcommand*{\\stripekey}[0]{<redacted:api-key>}",
        ),
        (
            f"```latex\n\\providecommand{{\\slacktoken}}{{{MIXED}}}\n```",
            "```latex\n\\providecommand{\\slacktoken}{<redacted:token>}\n```",
        ),
        (
            f"% keys.tex\n\\gdef\\acmesecret{{{MIXED}}}",
            "% keys.tex\n\\gdef\\acmesecret{<redacted:secret>}",
        ),
    ],
)
def test_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\\def\\monkey{banana}",
        "\\newcommand{\\hotkey}{Ctrl+K}",
        "\\newcommand{\\mykey}{\\textbf{K}}",
        "\\newcommand{\\apikey}{\\texttt{API\\_KEY}}",
        "\\newcommand{\\apikey}{YOUR_API_KEY}",
        "\\newcommand{\\tokenlen}{4096}",
        "\\newcommand{\\dockey}{DOC-2024-001}",
        f"\\newcommand{{\\sortkey}}{{{LOWER}}}",
        f"\\newcommand{{\\commitkey}}{{{SHA}}}",
        "\\newcommand{\\password}[1]{#1}",
        "\\def\\secret{\\relax}",
        "\\newcommand{\\apitoken}{$API_TOKEN}",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
