"""Personal numbers in HL7 v2 segments, by their identifier type code or their field's position."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MSH = "MSH|^~\\&|REG|CLINIC|EHR|ACME|20270114083000||ADT^A08|Q77120|P|2.4\r"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PID-3's identifiers: the fifth component, the type code, names each (repeated with ~).
        (
            MSH + "PID|1||X7718204^^^UKPO^PPN~D9930-44817^^^DVLA^DL||DOE^ANN",
            MSH + "PID|1||<passport>^^^UKPO^PPN~<driving-licence>^^^DVLA^DL||DOE^ANN",
        ),
        (
            "PID|1||4471 0923 88^^^SVB^NNNLD||ROE^BO",
            "PID|1||<national-id>^^^SVB^NNNLD||ROE^BO",
        ),
        ("PID|1||MRN-0088213^^^GEN^MR", "PID|1||<health-id>^^^GEN^MR"),
        # The same code in another segment's identifier field (an insured's, a next of kin's).
        (
            "IN1|1|GOLD|ACME||||||||||||||||||||||||||||||||||||||||||||||ZQ-5512-0730^^^TAXO^TAX",
            "IN1|1|GOLD|ACME||||||||||||||||||||||||||||||||||||||||||||||<tax-id>^^^TAXO^TAX",
        ),
        # By position: PID-19 (SSN), PID-20 (driver's licence), PID-13 (home phone).
        (
            "PID|1||||ROE^BO||19900101|M|||||^PRN^PH^^1^617^5550172||||||318-27-5521|W2288104^MA^20300101",
            "PID|1||||ROE^BO||19900101|M|||||^PRN^PH^^1^<phone>||||||<national-id>|<driving-licence>^MA^20300101",
        ),
        ("GT1|1||ROE^BO|||0046812345678", "GT1|1||ROE^BO|||<phone>"),
    ],
)
def test_hl7_numbers_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """An HL7 field whose type code or position names a personal number is redacted as that kind."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Message ids, event types, visit numbers and codes of other kinds stay.
        MSH + "MSA|AE|4KQ7ZP0W2M9D8XT1",
        "PV1|1|O|CLIN^101^2||||0042^SMITH^JO|||||||||||VN77120034^^^GEN^VN",
        "PID|1||A7718204^^^GEN^PI||DOE^ANN",  # a patient's internal id: the clinic's own key
        "OBX|1|NM|2345-7^GLUCOSE^LN||104|mg/dL|70-99|H",
        # A type code over a value that is no number, or a field in a line that is no segment.
        "PID|1||UNKNOWN^^^UKPO^PPN||DOE^ANN",
        "see PID|1||X7718204^^^UKPO^PPN in the spec",
    ],
)
def test_other_hl7_fields_stay(anonymizer: Anonymizer, text: str) -> None:
    """Fields whose code or position names no personal number stay."""
    assert anonymizer.anonymize(text) == text
