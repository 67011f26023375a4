#!/usr/bin/env python3
"""Draws architecture.png, the sample's architecture and data-flow diagram, with the standard library only.

Deterministic: the same script writes the same bytes. Run it from anywhere:
    python3 samples/acme-health/diagrams/draw-architecture.py
"""
import os
import struct
import zlib

W, H, S = 1000, 640, 2  # canvas in pixels; text is drawn at S pixels per font dot

# A 5x7 font: each glyph is seven rows of five dots.
FONT = {
    'A': ".###.#...##...#######...##...##...#", 'B': "####.#...#####.#...##...##...#####.",
    'C': ".###.#...##....#....#....#...#.###.", 'D': "####.#...##...##...##...##...#####.",
    'E': "######....####.#....#....#....#####", 'F': "######....####.#....#....#....#....",
    'G': ".###.#...##....#.####...##...#.####", 'H': "#...##...#######...##...##...##...#",
    'I': ".###...#....#....#....#....#...###.", 'J': "..###...#....#....#....#.#..#..##..",
    'K': "#...##..#.#.#..##...#.#..#..#.#...#", 'L': "#....#....#....#....#....#....#####",
    'M': "#...###.###.#.##...##...##...##...#", 'N': "#...###..##.#.##..###...##...##...#",
    'O': ".###.#...##...##...##...##...#.###.", 'P': "####.#...##...#####.#....#....#....",
    'Q': ".###.#...##...##...##.#.##..#..##.#", 'R': "####.#...##...#####.#.#..#..#.#...#",
    'S': ".#####....#.....###.....#....#####.", 'T': "#####..#....#....#....#....#....#..",
    'U': "#...##...##...##...##...##...#.###.", 'V': "#...##...##...##...##...#.#.#...#..",
    'W': "#...##...##...##.#.##.#.##.#..#.#..", 'X': "#...##...#.#.#...#...#.#.#...##...#",
    'Y': "#...##...#.#.#...#....#....#....#..", 'Z': "#####....#...#...#...#...#....#####",
    '0': ".###.#...##..###.#.###..##...#.###.", '1': "..#...##....#....#....#....#...###.",
    '2': ".###.#...#....#...#...#...#...#####", '3': "#####...#...#.....#.....##...#.###.",
    '4': "...#...##..#.#.#..#.#####...#....#.", '5': "######....####.....#....##...#.###.",
    '6': "..##..#...#....####.#...##...#.###.", '7': "#####....#...#...#...#....#....#...",
    '8': ".###.#...##...#.###.#...##...#.###.", '9': ".###.#...##...#.####....#...#..##..",
    ' ': "." * 35, '-': "................###................",
    '/': ".........#...#...#...#...#.........", '(': "...#...#...#....#....#.....#.....#.",
    ')': ".#.....#.....#....#....#...#...#...", '.': "..............................##...",
    ',': ".....................##....#...#...", ':': ".....##...##........##...##........",
    '+': ".......#....#..#####..#....#.......", '&': ".##..#..#.#.#...#...#.#.##..#..##.#",
}

WHITE, INK, BLUE, GREY, RED, FILL, AZURE = range(7)
PALETTE = [(255, 255, 255), (26, 26, 26), (26, 79, 156), (89, 89, 89), (163, 20, 20), (230, 235, 241), (0, 120, 212)]
pixels = bytearray([WHITE]) * (W * H)


def rect(x, y, w, h, colour):
    for row in range(max(0, y), min(H, y + h)):
        pixels[row * W + max(0, x):row * W + min(W, x + w)] = bytes([colour]) * (min(W, x + w) - max(0, x))


def frame(x, y, w, h, colour, thick=2, dash=0):
    for i in range(0, w, 1):
        if dash and (i // dash) % 2:
            continue
        rect(x + i, y, 1, thick, colour)
        rect(x + i, y + h - thick, 1, thick, colour)
    for j in range(0, h, 1):
        if dash and (j // dash) % 2:
            continue
        rect(x, y + j, thick, 1, colour)
        rect(x + w - thick, y + j, thick, 1, colour)


def text(x, y, label, colour=INK):
    for n, ch in enumerate(label.upper()):
        glyph = FONT[ch]
        for r in range(7):
            for c in range(5):
                if glyph[r * 5 + c] == '#':
                    rect(x + (n * 6 + c) * S, y + r * S, S, S, colour)


def width(label):
    return len(label) * 6 * S - S


def box(x, y, w, h, lines, colour=BLUE, fill=FILL):
    rect(x, y, w, h, fill)
    frame(x, y, w, h, colour)
    top = y + (h - (len(lines) * 9 * S - 2 * S)) // 2
    for i, line in enumerate(lines):
        text(x + (w - width(line)) // 2, top + i * 9 * S, line)


def arrow(points, colour=INK, head=True):
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        rect(min(x0, x1) - 1, min(y0, y1) - 1, abs(x1 - x0) + 3, abs(y1 - y0) + 3, colour)
    if head:
        (x0, y0), (x1, y1) = points[-2], points[-1]
        dx, dy = (x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0)
        for k in range(10):
            if dx:
                rect(x1 - dx * k, y1 - k // 2 - 1, 1, k + 2, colour)
            else:
                rect(x1 - k // 2 - 1, y1 - dy * k, k + 2, 1, colour)


# People and systems outside the boundary.
box(25, 20, 190, 56, ["CLINICIANS", "WEB, FIELD APP"], GREY, WHITE)
box(215 + 5, 20, 185, 56, ["PARTNER EHRS", "FHIR R4, MTLS"], GREY, WHITE)
box(415, 20, 190, 56, ["REFERRAL HUB", "SFTP, KEY ONLY"], GREY, WHITE)

# The AWS production account, inside the boundary.
frame(20, 110, 600, 390, RED, 2, 8)
box(60, 170, 340, 50, ["LOAD BALANCER + WAF"])
box(60, 260, 240, 60, ["ECS FARGATE", "APPLICATION"])
box(340, 260, 240, 60, ["TRANSFER FAMILY", "SFTP ENDPOINT"])
box(40, 370, 170, 60, ["AURORA", "POSTGRESQL"])
box(225, 370, 170, 60, ["OPENSEARCH"])
box(410, 370, 190, 60, ["S3 DOCUMENTS", "AND BACKUPS"])
text(34, 446, "BOUNDARY: AWS PROD-PHI", RED)
text(34, 462, "US-EAST-1, STANDBY US-WEST-2", RED)
text(34, 478, "ENCRYPTED WITH KMS KEYS", BLUE)
arrow([(120, 76), (120, 170)])
arrow([(312, 76), (312, 170)])
arrow([(510, 76), (510, 260)])
arrow([(180, 220), (180, 260)])
arrow([(100, 320), (100, 370)])
arrow([(260, 320), (260, 370)])
arrow([(285, 320), (285, 350), (440, 350), (440, 370)])
arrow([(540, 320), (540, 370)])

# The Azure analytics subscription, inside the boundary.
frame(660, 20, 320, 240, RED, 2, 8)
box(690, 80, 260, 50, ["DATA FACTORY"], AZURE)
box(690, 180, 120, 56, ["AZURE", "SQL DB"], AZURE)
box(830, 180, 120, 56, ["STORAGE"], AZURE)
text(674, 30, "BOUNDARY: AZURE", RED)
text(674, 46, "ACME-ANALYTICS-PROD", RED)
arrow([(750, 130), (750, 180)])
arrow([(890, 130), (890, 180)])
arrow([(600, 385), (640, 385), (640, 105), (690, 105)], BLUE)
text(652, 290, "NIGHTLY LIMITED DATA SET", BLUE)
text(652, 306, "HTTPS TO PRIVATE ENDPOINT", BLUE)

# Shared services and the parties outbound feeds go to.
frame(20, 530, 600, 90, RED, 2, 8)
box(40, 548, 560, 56, ["AWS SHARED-SERVICES: CLOUDTRAIL, CONFIG,", "GUARDDUTY, SECURITY HUB, LOG ARCHIVE"])
arrow([(320, 500), (320, 548)], GREY)
text(332, 512, "AUDIT LOGS", GREY)
box(660, 410, 320, 45, ["PANTHER: AUDIT EVENTS"], GREY, WHITE)
box(660, 470, 320, 45, ["TENANT WEBHOOKS (HMAC)"], GREY, WHITE)
box(660, 540, 320, 45, ["OKTA: WORKFORCE SSO"], GREY, WHITE)
arrow([(620, 432), (660, 432)], GREY)
arrow([(620, 492), (660, 492)], GREY)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + bytes(pixels[y * W:(y + 1) * W]) for y in range(H))
png = (b"\x89PNG\r\n\x1a\n"
       + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 3, 0, 0, 0))
       + chunk(b"PLTE", b"".join(bytes(c) for c in PALETTE))
       + chunk(b"IDAT", zlib.compress(rows, 9))
       + chunk(b"IEND", b""))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "architecture.png"), "wb") as out:
    out.write(png)
