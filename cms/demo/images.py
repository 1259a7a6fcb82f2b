"""Product pictures drawn locally with Pillow (no network), one per demo product."""

import io
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from shop.core.text import fold_vietnamese

SIZE = 800
# Fonts with Vietnamese glyphs, when the machine has one (Debian: fonts-dejavu-core).
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def _font(size):
    """A font and whether it can draw Vietnamese; Pillow's bundled font cannot."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size), True
    return ImageFont.load_default(size=size), False


def _shade(colour, factor):
    return tuple(max(0, min(255, int(c * factor))) for c in colour)


def _studio(tint):
    """A studio backdrop: a pale wall fading into a table top, lit from the upper left."""
    image = Image.new("RGB", (SIZE, SIZE))
    draw = ImageDraw.Draw(image)
    wall, table = _shade(tint, 1.0), _shade(tint, 0.86)
    horizon = int(SIZE * 0.62)
    for y in range(SIZE):
        base = wall if y < horizon else table
        light = 1.04 - 0.12 * (y / SIZE)
        draw.line([(0, y), (SIZE, y)], fill=_shade(base, light))
    return image, draw, horizon


def _shadow(image, box):
    """A soft contact shadow under an object standing on the table."""
    layer = Image.new("L", image.size, 0)
    ImageDraw.Draw(layer).ellipse(box, fill=90)
    layer = layer.filter(ImageFilter.GaussianBlur(18))
    image.paste((0, 0, 0), mask=layer)


def _jar(draw, content, lid):
    draw.rounded_rectangle([250, 300, 550, 640], radius=40, fill=(235, 240, 240), outline=(200, 205, 205), width=4)
    draw.rounded_rectangle([262, 360, 538, 628], radius=32, fill=content)
    draw.rounded_rectangle([270, 240, 530, 310], radius=14, fill=lid)
    draw.rectangle([290, 430, 510, 530], fill=(246, 238, 214))  # a blank paper label
    draw.line([(285, 330), (285, 600)], fill=(255, 255, 255), width=10)  # the glass's highlight


def _bottle(draw, content, tall):
    top = 140 if tall else 300
    draw.rounded_rectangle([300, top + 120, 500, 650], radius=36, fill=content, outline=_shade(content, 0.7), width=4)
    draw.rectangle([370, top, 430, top + 130], fill=_shade(content, 0.9))
    draw.rectangle([362, top - 30, 438, top + 10], fill=(120, 80, 40))
    draw.rectangle([320, top + 260, 480, top + 360], fill=(246, 238, 214))
    draw.line([(325, top + 150), (325, 620)], fill=_shade(content, 1.5), width=8)


def _pouch(draw, colour):
    draw.polygon([(250, 260), (550, 260), (580, 650), (220, 650)], fill=colour, outline=_shade(colour, 0.7))
    draw.rectangle([250, 240, 550, 275], fill=_shade(colour, 0.8))
    draw.ellipse([340, 380, 460, 500], fill=(246, 238, 214))
    draw.ellipse([560, 560, 700, 660], fill=(70, 100, 40))  # loose leaves beside it
    for x in range(575, 690, 18):
        draw.line([(x, 600), (x + 12, 625)], fill=(45, 70, 25), width=5)


def _board(draw, colour):
    draw.rounded_rectangle([160, 520, 640, 640], radius=20, fill=(150, 105, 60), outline=(110, 75, 40), width=4)
    draw.polygon([(220, 530), (580, 500), (600, 560), (240, 590)], fill=colour)
    for x in range(260, 580, 40):
        draw.line([(x, 545), (x + 20, 575)], fill=_shade(colour, 1.25), width=5)


def _basket(draw, colour, items):
    draw.pieslice([180, 380, 620, 700], 0, 180, fill=(176, 130, 72), outline=(120, 85, 45), width=5)
    for y in range(560, 690, 22):
        draw.line([(200, y), (600, y)], fill=(140, 100, 55), width=3)
    if items:
        for index in range(7):
            x = 230 + index * 50
            draw.ellipse(
                [x, 470 - (index % 2) * 30, x + 90, 560 - (index % 2) * 30], fill=_shade(colour, 0.9 + 0.05 * index)
            )


def _cloth(draw, colour):
    for index in range(3):
        top = 520 - index * 80
        fill = _shade(colour, 1.0 - 0.12 * index)
        draw.rounded_rectangle([200 + index * 10, top, 600 - index * 10, top + 90], radius=12, fill=fill)
        for x in range(220 + index * 10, 590 - index * 10, 30):
            draw.polygon(
                [(x, top + 45), (x + 15, top + 25), (x + 30, top + 45), (x + 15, top + 65)], fill=(242, 200, 60)
            )


def _plant(draw, colour):
    draw.polygon([(300, 480), (500, 480), (470, 650), (330, 650)], fill=(170, 90, 55))
    for angle, (dx, dy) in enumerate([(-150, -220), (-60, -300), (40, -320), (140, -230), (0, -180)]):
        draw.ellipse([400 + dx - 50, 480 + dy, 400 + dx + 50, 480 + dy + 170], fill=_shade(colour, 0.8 + 0.08 * angle))
    draw.ellipse([360, 240, 440, 300], fill=(230, 90, 120))


def _stilt_house(image, draw):
    """Tourism: terraced hills and a stilt house, as a landscape photograph."""
    for y in range(SIZE):
        draw.line([(0, y), (SIZE, y)], fill=_shade((150, 195, 225), 1.05 - 0.3 * y / SIZE))
    for index, colour in enumerate([(70, 125, 60), (95, 150, 70), (125, 175, 85), (150, 190, 95)]):
        base = 430 + index * 95
        draw.polygon(
            [(x, base + int(20 * ((x / 80) % 2 - 1) ** 2)) for x in range(0, SIZE + 40, 40)]
            + [(SIZE, SIZE), (0, SIZE)],
            fill=colour,
        )
    draw.rectangle([300, 380, 520, 470], fill=(120, 80, 45))
    draw.polygon([(270, 385), (410, 290), (550, 385)], fill=(90, 60, 35))
    for x in (310, 380, 450, 510):
        draw.line([(x, 470), (x, 540)], fill=(90, 60, 35), width=8)


# Which still life each OCOP subgroup gets, and its colour.
SHOTS = {
    "honey": ("jar", (214, 140, 30)),
    "sauces-spices": ("jar", (170, 60, 35)),
    "processed-food": ("jar", (150, 90, 50)),
    "alcoholic": ("tall-bottle", (205, 190, 150)),
    "non-alcoholic": ("bottle", (200, 80, 90)),
    "essential-oils": ("bottle", (110, 150, 70)),
    "tea": ("pouch", (60, 110, 60)),
    "herbal-tea": ("pouch", (120, 130, 60)),
    "herbs": ("basket", (90, 140, 60)),
    "meat-fish": ("board", (235, 120, 80)),
    "fresh-produce": ("basket", (220, 120, 60)),
    "rice-grains": ("basket", (235, 220, 170)),
    "brocade": ("cloth", (60, 40, 110)),
    "embroidery": ("cloth", (160, 40, 60)),
    "bamboo-rattan": ("empty-basket", (176, 130, 72)),
    "wood": ("empty-basket", (140, 95, 55)),
    "herbal-cosmetics": ("jar", (200, 210, 170)),
    "ornamental-plants": ("plant", (60, 130, 60)),
    "community-tourism": ("tourism", None),
    "eco-tourism": ("tourism", None),
    "tourist-sites": ("tourism", None),
}


def product_image(title, subgroup):
    """JPEG bytes: a studio still life of the kind of product (a jar of honey, a bottle, a pouch of tea, folded
    brocade, a basket…), varied per title — a stand-in for a producer's photograph. Nothing is written on it and
    it carries no OCOP mark: the storefront draws the seal over the picture from the product's certificate, so a
    product that loses its certificate loses the mark without a new picture."""
    kind, colour = SHOTS.get(subgroup, ("jar", (180, 120, 60)))
    variation = 0.85 + (zlib.crc32(title.encode()) % 30) / 100  # two honeys of two producers differ a little
    colour = _shade(colour or (0, 0, 0), variation)
    tint = (236, 228, 214) if zlib.crc32(title.encode()) % 2 else (226, 232, 226)
    image, draw, _horizon = _studio(tint)
    if kind != "tourism":
        _shadow(image, [170, 610, 630, 690])
        draw = ImageDraw.Draw(image)
    if kind == "jar":
        _jar(draw, colour, _shade(colour, 0.55))
    elif kind in ("bottle", "tall-bottle"):
        _bottle(draw, colour, tall=kind == "tall-bottle")
    elif kind == "pouch":
        _pouch(draw, colour)
    elif kind == "board":
        _board(draw, colour)
    elif kind in ("basket", "empty-basket"):
        _basket(draw, colour, items=kind == "basket")
    elif kind == "cloth":
        _cloth(draw, colour)
    elif kind == "plant":
        _plant(draw, colour)
    else:
        _stilt_house(image, draw)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def hero_image():
    """A wide banner of stylised terraced hills for the home page."""
    width, height = 1200, 500
    image = Image.new("RGB", (width, height), (120, 170, 200))
    draw = ImageDraw.Draw(image)
    greens = [(60, 120, 50), (80, 145, 60), (100, 165, 70), (130, 180, 80), (160, 195, 95)]
    for index, colour in enumerate(greens):
        base = 200 + index * 60
        points = [(x, base + int(25 * ((x / 90) % 2 - 1) ** 2)) for x in range(0, width + 30, 30)]
        draw.polygon(points + [(width, height), (0, height)], fill=colour)
    draw.ellipse([960, 50, 1060, 150], fill=(250, 220, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def certificate_scan(product_title, producer_name, stars, decision_number, decision_date, issuer):
    """A PNG that looks like a scanned OCOP certificate (demo only)."""
    width, height = 1000, 700
    image = Image.new("RGB", (width, height), (252, 248, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 20, width - 20, height - 20], outline=(179, 38, 30), width=8)
    heading, has_vietnamese = _font(44)
    body, _ = _font(30)
    lines = [
        (heading, "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP"),
        (body, f"Hạng: {stars} sao"),
        (body, product_title[:60]),
        (body, producer_name[:60]),
        (body, f"Quyết định số {decision_number}, ngày {decision_date:%d/%m/%Y}"),
        (body, issuer[:60]),
    ]
    y = 90
    for font, text in lines:
        if not has_vietnamese:
            text = fold_vietnamese(text)
        draw.text((width // 2, y), text, font=font, fill=(40, 30, 20), anchor="mm")
        y += 90 if font is heading else 70
    draw.ellipse([width - 230, height - 230, width - 70, height - 70], outline=(179, 38, 30), width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
