"""Product pictures drawn locally with Pillow (no network), one per demo product."""

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from shop.core.text import fold_vietnamese

SIZE = 800
# Background colours per OCOP group: earthy tones of the northern highlands.
GROUP_COLOURS = {
    "food": ((196, 98, 45), (120, 52, 24)),
    "drinks": ((62, 120, 72), (22, 64, 38)),
    "herbal": ((120, 140, 60), (60, 80, 30)),
    "handicraft": ((140, 40, 90), (70, 20, 60)),
    "ornamental": ((200, 90, 120), (110, 40, 70)),
    "tourism": ((40, 110, 160), (20, 50, 90)),
}
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


def _gradient(top, bottom):
    image = Image.new("RGB", (SIZE, SIZE), top)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE):
        ratio = y / SIZE
        colour = tuple(int(t + (b - t) * ratio) for t, b in zip(top, bottom))
        draw.line([(0, y), (SIZE, y)], fill=colour)
    return image


def product_image(title, producer_name, group, stars):
    """JPEG bytes: gradient, a round emblem with the stars, the title and the producer. Without stars (a
    product sold without a valid certificate) the emblem is plain: no OCOP, no stars."""
    top, bottom = GROUP_COLOURS.get(group, GROUP_COLOURS["food"])
    image = _gradient(top, bottom)
    draw = ImageDraw.Draw(image)
    title_font, has_vietnamese = _font(54)
    small_font, _ = _font(32)
    if not has_vietnamese:
        title, producer_name = fold_vietnamese(title), fold_vietnamese(producer_name)

    centre, radius = (SIZE // 2, 250), 150
    draw.ellipse(
        [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
        fill=(250, 246, 235),
        outline=(242, 183, 5),
        width=10,
    )
    if stars:
        draw.text(centre, "OCOP", font=_font(70)[0], fill=(179, 38, 30), anchor="mm")
        star = "★" if has_vietnamese else "*"
        draw.text((centre[0], centre[1] + 70), star * stars, font=_font(60)[0], fill=(242, 183, 5), anchor="mm")

    y = 460
    for line in textwrap.wrap(title, width=22)[:4]:
        draw.text((SIZE // 2, y), line, font=title_font, fill="white", anchor="mm")
        y += 66
    draw.text((SIZE // 2, SIZE - 50), producer_name[:48], font=small_font, fill=(255, 240, 200), anchor="mm")

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
