"""Demo pictures, drawn here with Pillow (no photo or logo of anyone else), with their alt texts.

``seed_demo`` gives demo articles and events these, so a local run shows
images. Each drawing is a function of a seed-free geometry: the same bytes
every run.
"""

import io
import math

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900


def _gradient(top, bottom):
    """A vertical gradient from colour ``top`` to ``bottom``."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    return image, draw


def _ridge(draw, base, amplitude, period, phase, colour):
    """A mountain ridge: a sum of two waves, filled down to the bottom."""
    points = [
        (x, base - amplitude * (math.sin(x / period + phase) + 0.5 * math.sin(x / (period / 2.7))))
        for x in range(0, WIDTH + 20, 20)
    ]
    draw.polygon([(0, HEIGHT), *points, (WIDTH, HEIGHT)], fill=colour)


def landscape():
    """Fells under a low midnight sun and a river in the valley."""
    image, draw = _gradient((253, 214, 146), (122, 160, 196))
    draw.ellipse([1040, 250, 1240, 450], fill=(255, 236, 190))
    _ridge(draw, 520, 70, 210, 0.4, (74, 104, 140))
    _ridge(draw, 640, 50, 160, 2.1, (43, 72, 104))
    _ridge(draw, 760, 30, 120, 4.0, (24, 48, 74))
    draw.polygon([(620, HEIGHT), (760, 700), (820, 700), (1000, HEIGHT)], fill=(170, 198, 222))
    return image


def stage():
    """A concert stage in blue light, three spotlights, an audience in silhouette."""
    image, draw = _gradient((14, 30, 58), (40, 62, 104))
    for x in (400, 800, 1200):
        draw.polygon([(x - 20, 0), (x + 20, 0), (x + 260, 620), (x - 260, 620)], fill=(62, 92, 142))
    draw.rectangle([0, 600, WIDTH, 660], fill=(92, 66, 48))
    for row, (y, radius, colour) in enumerate(((760, 46, (10, 16, 30)), (840, 54, (5, 8, 16)))):
        for x in range(40 + row * 50, WIDTH, 110):
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
            draw.rectangle([x - radius - 10, y + radius - 10, x + radius + 10, HEIGHT], fill=colour)
    return image


def workshop():
    """Squares in a grid, like pixels of a game, in the county's blues and a warm yellow."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (232, 238, 244))
    draw = ImageDraw.Draw(image)
    palette = [(0, 66, 106), (0, 82, 138), (74, 130, 180), (255, 209, 102), (246, 246, 246)]
    size = 100
    for row in range(HEIGHT // size):
        for column in range(WIDTH // size):
            colour = palette[(row * 7 + column * 3 + (row * column) % 5) % len(palette)]
            draw.rectangle(
                [column * size + 6, row * size + 6, (column + 1) * size - 6, (row + 1) * size - 6],
                fill=colour,
            )
    return image


def table():
    """A round table from above, with eight chairs and notes on it: a dialogue day."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (226, 220, 208))
    draw = ImageDraw.Draw(image)
    cx, cy = WIDTH // 2, HEIGHT // 2
    for i in range(8):
        angle = i * math.pi / 4
        x, y = cx + 330 * math.cos(angle), cy + 330 * math.sin(angle)
        draw.ellipse([x - 60, y - 60, x + 60, y + 60], fill=(0, 82, 138))
    draw.ellipse([cx - 260, cy - 260, cx + 260, cy + 260], fill=(160, 118, 80))
    for i, colour in enumerate(
        ((255, 209, 102), (250, 250, 250), (255, 170, 150), (190, 226, 190))
    ):
        x, y = cx - 170 + i * 95, cy - 40 + (i % 2) * 60
        draw.rectangle([x, y, x + 80, y + 80], fill=colour)
    return image


# name -> (drawing, alt text in Swedish)
PICTURES = {
    "fjall": (landscape, "Tecknad bild av blå fjäll under en låg midnattssol, med en älv i dalen."),
    "scen": (
        stage,
        "Tecknad bild av en konsertscen i blått ljus med tre strålkastare och publik i siluett.",
    ),
    "spel": (
        workshop,
        "Mönster av färgade rutor i blått och gult, som bildpunkter i ett dataspel.",
    ),
    "dialog": (
        table,
        "Ett runt bord sett ovanifrån med åtta stolar och färgglada lappar på bordet.",
    ),
}


def demo_image(name):
    """``{"image": <upload>, "image_alt": <text>}`` for a model's create(), or ``{}``."""
    if name not in PICTURES:
        return {}
    draw, alt = PICTURES[name]
    buffer = io.BytesIO()
    draw().save(buffer, "JPEG", quality=88)
    return {
        "image": SimpleUploadedFile(f"{name}.jpg", buffer.getvalue(), "image/jpeg"),
        "image_alt": alt,
    }
