#!/usr/bin/env python3
"""Writes a large, valid NMEA 0183 log for the parser benchmark: a drone circling at 10 Hz,
GGA + RMC + GST each epoch and a ZDA each second, RTK fixed with float episodes.
Usage: make_nmea.py OUT MEGABYTES"""
import math
import sys


def sentence(body):
    checksum = 0
    for c in body.encode("ascii"):
        checksum ^= c
    return "$%s*%02X\r\n" % (body, checksum)


def angle(deg, lat):
    a = abs(deg)
    d = int(a)
    m = (a - d) * 60.0
    hemi = ("S" if deg < 0 else "N") if lat else ("W" if deg < 0 else "E")
    return ("%02d" if lat else "%03d") % d + "%011.8f" % m + "," + hemi


def main():
    out, megabytes = sys.argv[1], float(sys.argv[2])
    target = int(megabytes * 1e6)
    written = 0
    epoch = 0
    day = 12
    with open(out, "w", newline="") as f:
        while written < target:
            t = epoch / 10.0
            sod = 36000.0 + t
            day_offset = int(sod // 86400)
            sod -= day_offset * 86400
            hh, rem = divmod(sod, 3600)
            mm, ss = divmod(rem, 60)
            tod = "%02d%02d%05.2f" % (hh, mm, ss)
            phase = t / 60.0
            lat = 48.7 + 0.004 * math.sin(phase)
            lon = 2.2 + 0.006 * math.cos(phase)
            alt = 150.0 + 20.0 * math.sin(phase / 3)
            quality = 5 if (epoch // 600) % 7 == 3 else 4
            pos = angle(lat, True) + "," + angle(lon, False)
            chunk = sentence("GNGGA,%s,%s,%d,18,0.7,%.3f,M,47.500,M,1.0,0001" % (tod, pos, quality, alt))
            chunk += sentence("GNRMC,%s,A,%s,%.3f,%.1f,%02d0526,,,%s" % (
                tod, pos, 12.3, (math.degrees(phase) + 90) % 360, day + day_offset, "R" if quality == 4 else "F"))
            chunk += sentence("GNGST,%s,0.02,0.015,0.010,35.0,0.012,0.014,0.025" % tod)
            if epoch % 10 == 0:
                chunk += sentence("GNZDA,%s,%02d,05,2026,00,00" % (tod, day + day_offset))
            f.write(chunk)
            written += len(chunk)
            epoch += 1


if __name__ == "__main__":
    main()
