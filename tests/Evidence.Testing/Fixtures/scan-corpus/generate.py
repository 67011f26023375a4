#!/usr/bin/env python3
"""Writes corpus.tsv: the labelled scanner corpus. Every value is synthetic and obviously fake
(documentation IP ranges, 555-01xx phone numbers, payment-network test cards, .example domains,
EXAMPLE keys). Each line is `kind<TAB>text`: the expected value is between ⟦ and ⟧, several per
line allowed; kind `none` marks a look-alike that must not be a hit. Run from this folder:
`python3 generate.py > corpus.tsv`. Deterministic."""
import base64, json, random

rng = random.Random(20261205)
lines = []

def pos(kind, *texts):
    for t in texts:
        lines.append(f"{kind}\t{t}")

def neg(*texts):
    for t in texts:
        lines.append(f"none\t{t}")

def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    return str((10 - s % 10) % 10)

def npi():
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return body + luhn_digit("80840" + body)

def dea():
    p = rng.choice("ABFGMPR") + rng.choice("ACDEFGHJKLMNPQRSTUVWXY")
    d = [rng.randrange(10) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return p + "".join(map(str, d)) + str(c)

def mbi():
    a = "ACDEFGHJKMNPQRTUVWXY"
    an = a + "0123456789"
    shape = "CAXNAXNAANN"
    out = ""
    for s in shape:
        out += {"C": rng.choice("123456789"), "A": rng.choice(a), "N": rng.choice("0123456789"), "X": rng.choice(an)}[s]
    return out

def ssn():
    while True:
        a, g, s = rng.randrange(1, 900), rng.randrange(1, 100), rng.randrange(1, 10000)
        if a != 666:
            return f"{a:03d}-{g:02d}-{s:04d}"

def iban(country, bban):
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"

def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")

def jwt(sub):
    return b64url({"alg": "HS256", "typ": "JWT"}) + "." + b64url({"sub": sub, "name": "Example"}) + "." + "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(43))

def rand(chars, n):
    return "".join(rng.choice(chars) for _ in range(n))

ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
B64 = ALNUM + "+/"

pos("ssn", "patient SSN ⟦219-09-9999⟧ found in tag", '{"Key": "ssn", "Value": "⟦078-05-1120⟧"}', "ssn: ⟦" + ssn() + "⟧",
    "Member ⟦" + ssn().replace("-", " ") + "⟧ on file", "SSNs ⟦" + ssn() + "⟧ and ⟦" + ssn() + "⟧ in the export", "| " + "⟦" + ssn() + "⟧ | row |",
    "error: value '⟦" + ssn() + "⟧' rejected")
neg("invalid area 000-12-3456", "invalid area 666-12-3456", "invalid area 912-34-5678", "invalid group 123-00-4567", "invalid serial 123-45-0000",
    "evaluated 2026-11-20, version 12-34-5678 of the rule", "ticket 1234-56-7890", "uuid 123e4567-e89b-12d3-a456-426614174000",
    "build 20261121-123-45-6789x", "route 123-45-67890")

pos("phone", "call ⟦(212) 555-0199⟧ after hours", "Phone: ⟦312-555-0142⟧", "fax ⟦+1 415 555 0173⟧", "mobile ⟦202.555.0111⟧",
    '"phone": "⟦1-800-555-0188⟧"', "contact ⟦(617)555-0123⟧")
neg("account 111122223333 in us-east-1", "port 5432 open to 0.0.0.0/0", "HTTP 503 at 08:02:11Z", "field app 2026.40", "counts 100 200 3000",
    "id 123-456-789", "build 555-0100", "range 10-100-1000")

pos("email", "owner ⟦jane.doe+phi@clinic.example⟧ asked", "sent to ⟦pat.roe@mail.example⟧", '"email": "⟦m.smith@patients.example.net⟧"',
    "cc: ⟦j_lee@home.example⟧.")
neg("owner dana@example.org approved", "icon logo@2x.png", "package @scope/name", "user@localhost", "lead lee@sub.example.org")

pos("credit-card", "card ⟦4111 1111 1111 1111⟧ on file", "card ⟦5555555555554444⟧", "amex ⟦3782 822463 10005⟧", "discover ⟦6011-1111-1111-1117⟧")
neg("card 4111 1111 1111 1112 (check digit)", "id 1234567812345678", "epoch ms 1764900000000", "request 9999999999999999")

pos("iban", "IBAN ⟦GB82 WEST 1234 5698 7654 32⟧", "pay to ⟦" + iban("DE", "370400440532013000") + "⟧", "⟦" + iban("FR", "20041010050500013M02606") + "⟧ account",
    "iban: ⟦" + iban("NL", "ABNA0417164300") + "⟧")
neg("IBAN GB82WEST12345698765433", "code AB12CDEFGHIJKLMNOP", "region EU12 and US34")

pos("ip-address", "login from ⟦203.0.113.41⟧", "client ⟦198.51.100.23⟧, web", '"sourceIPAddress": "⟦192.0.2.77⟧"', "peer ⟦2001:db8:85a3::8a2e:370:7334⟧ connected",
    "address ⟦2001:0db8:0000:0000:0000:ff00:0042:8329⟧")
neg("cidr 0.0.0.0/0 on 5432", "vpc 10.0.0.0/16", "private 10.20.4.18 console", "home 192.168.1.1", "loopback 127.0.0.1", "version 1.2.3",
    "date 2026.11.21", "bad 999.1.1.1", "release v1.2.3.4", "time 12:30:00", "link-local fe80::1", "loopback ::1", "nat 172.16.0.5",
    "subnet 203.0.113.0/24", "arn:aws:s3:::acme-bucket/key", "arn:aws:iam::123456789012:role/x")

pos("aws-access-key-id", "access key ⟦AKIAIOSFODNN7EXAMPLE⟧ in use", "session ⟦ASIAY34FZKBOKMUTVV7A⟧ expired", '"AccessKeyId": "⟦AKIA' + rand("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + '⟧"')
pos("aws-secret-key", "aws_secret_access_key=⟦wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY⟧", '"SecretAccessKey": "⟦' + rand(B64, 38) + 'aZ⟧"')
pos("aws-access-key-id", "⟦AKIAI44QH8DHBEXAMPLE⟧,⟦je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY⟧".replace("⟧,⟦", "⟧,⟦"))
lines[-1] = "aws-access-key-id,aws-secret-key\t⟦AKIAI44QH8DHBEXAMPLE⟧,⟦je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY⟧"
pos("aws-session-token", '"SessionToken": "⟦IQoJb3JpZ2luX2VjE' + rand(B64, 180) + '⟧"')
neg("key AKIAIOSFODNN7EXAMPL short", "secret_version: 4f1c2a9b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b", '"SessionToken": null', "region southeastasia and eastasia",
    "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 of the file")

pos("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=acmeexample;AccountKey=⟦" + rand(B64, 86) + "==⟧;EndpointSuffix=core.windows.net")
pos("azure-sas-token", "https://acmeexample.blob.core.windows.net/c/x?sv=2022-11-02&ss=b&se=2026-12-01T00:00:00Z&sp=r&sig=⟦" + rand(ALNUM, 40) + "%2B" + rand(ALNUM, 6) + "%3D⟧",
    "?sp=r&st=2026-11-01&se=2026-11-02&sv=2022-11-02&sr=b&sig=⟦" + rand(ALNUM, 43) + "%3D⟧")
neg("AccountKey=<your key>", "sig=abc short", "sig=" + rand(ALNUM, 40) + " without a SAS around it")

pos("private-key", r'"key": "⟦-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAexamplenotarealkey0123456789\nAbCdEf==\n-----END RSA PRIVATE KEY-----⟧"',
    "⟦-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAAexample -----END OPENSSH PRIVATE KEY-----⟧", "⟦-----BEGIN PRIVATE KEY-----⟧")
neg("-----BEGIN CERTIFICATE----- MIIBexample -----END CERTIFICATE-----", "-----BEGIN PUBLIC KEY----- MFkwexample -----END PUBLIC KEY-----")

pos("jwt", "token ⟦" + jwt("12345") + "⟧ seen", '"id_token": "⟦' + jwt("patient-77") + '⟧"')
pos("bearer-token", "Authorization: Bearer ⟦" + rand(ALNUM, 8) + "7" + rand(ALNUM, 24) + "⟧", "Bearer ⟦abcdef0123456789.xyz⟧ rejected")
neg("eyJhbGciOi alone", "eyJub3Rqc29u.eyJub3Rqc29u.c2lnbmF0dXJlc2ln not a header", "Bearer token required", "bearer authentication is enabled")

pos("github-token", "token ⟦ghp_" + rand(ALNUM, 36) + "⟧", "GITHUB_TOKEN=⟦github_pat_11AAAAAAA0" + rand(ALNUM, 72) + "⟧")
pos("slack-token", "slack ⟦xoxb-000000000000-000000000000-" + rand(ALNUM, 24) + "⟧ posted")
neg("ghp_short token", "xoxo hugs", "gho_ tokens are described in the docs")

pos("password", "jdbc url; password=⟦Sup3rS3cret!⟧", "Server=db;User Id=app;Password=⟦hunter2hunter⟧;", 'db_password: "⟦c0rrect-horse⟧"',
    "postgres://app:⟦s3cr3tpass⟧@db.example:5432/x", "pwd=⟦Tr0ub4dor&3⟧".replace("&3⟧", "3⟧"))
neg('"MinimumPasswordLength": 14', '"RequireSymbols": true, "PasswordReusePrevention": 24', "password: ${DB_PASSWORD}", "password=<redacted>",
    "password: ********", "passwords must rotate every 90 days", "https://example.org/path@v2")

pos("url-token", "https://api.example/v1/records?access_token=⟦ya29a0AfH6SMBx3kL9pQ2rT7vW1yZ4⟧&page=2",
    "GET /export?api_key=⟦4f9K2mQ7xR1tZ8vB3nL6pW0s⟧ 200", "https://b.s3.example/x?X-Amz-Date=1&X-Amz-Security-Token=⟦FwoGZXIvYXdzEJr3pQ7kL2mN9xR⟧&X-Amz-Expires=300",
    "callback?state=xyz&code=⟦4/0AX4XfWh7Kp2LmQ9rT⟧")
neg("?page_token=next", "url?token=${TOKEN}", "?code=200", "token_type=bearer&expires_in=3600", "the token= parameter is documented", "tokens=1234567890123456789")
pos("date-of-birth", "DOB: ⟦1980-02-29⟧", '{"dob": "⟦03/14/1975⟧"}', "born on ⟦July 4, 1961⟧", "Date of birth ⟦12 March 1990⟧", "birthdate=⟦19850101⟧",
    '"Key": "birth_date", "Value": "⟦2001-09-11⟧"'.replace('"Key": "birth_date", "Value": "', 'birth_date: "'))
neg("evaluated 2026-11-21T09:00:00Z", "Adobe 2020-01-01 licence", "birth date: unknown", "dob: 2026-13-45", "stubborn 1999-01-01", "created 03/14/1975")

pos("date-of-birth", '{"Key": "dob", "Value": "⟦1975-06-30⟧"}', '"tags": {"owner": "x", "DOB": "⟦04/01/1969⟧"}')
pos("mrn", '{"Key": "MRN", "Value": "⟦A99-771234⟧"}')
pos("mrn", "MRN: ⟦00471234⟧", '"mrn": "⟦AH-2026-77813⟧"', "medical record number ⟦MR99812345⟧", "Medical record #⟦4471-0093⟧")
neg("MRN: pending", "mrn policy 2026 applies", "MRN field is optional")

n1, n2 = npi(), npi()
bad = n1[:-1] + str((int(n1[-1]) + 1) % 10)
pos("npi", f"NPI: ⟦{n1}⟧", f'"npi": "⟦{n2}⟧"', f"provider NPI ⟦{npi()}⟧ billed")
neg(f"NPI: {bad}", "npi 12345", f"order {n1} shipped")

d1, d2 = dea(), dea()
bad = d1[:-1] + str((int(d1[-1]) + 1) % 10)
pos("dea", f"DEA ⟦{d1}⟧ on the script", f"prescriber ⟦{d2}⟧", f"dea: ⟦{dea()}⟧")
neg(f"DEA {bad}", "id AB123456Z", "instance i-0a1b2c3d4")

pos("medicare-mbi", "MBI ⟦1EG4TE5MK73⟧", f"beneficiary id ⟦{mbi()}⟧", f'"mbi": "⟦{mbi()}⟧"')
neg("MBI 1SG4TE5MK73 (S is not used)", "serial 12345678901", "code 0EG4TE5MK73")

pos("street-address", "lives at ⟦42 Wallaby Way⟧, Sydney", "ship to ⟦1600 Example Avenue⟧ NW", "⟦221 Baker Street⟧ flat B", "address: ⟦77 N Elm Rd⟧.")
neg("12 Factor App", "Version 2 Release Notes", "3 Main items", "the 5 Ways we test", "port 443 open")

pos("zip-plus-4", "Springfield, IL ⟦62704-1234⟧", '"zip": "⟦90210-0001⟧"')
neg("run 2026-1121", "part 12345-678", "id 123456-7890", "date 20261-1211x")

pos("patient-name", "Patient: ⟦Jonah Q. Testcase⟧", '"patient_name": "⟦Maria Example⟧"', '{"Key": "patient", "Value": "⟦Ada Placeholder⟧"}', "member name = ⟦Sam Fakename⟧")
neg("patient: true", "the patient portal is down", "member of Cloud Platform", "Members: 12", "patient_name: null", "Patient: Unknown")

for line in lines:
    print(line)
