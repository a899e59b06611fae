#pragma once

// Writes small, exactly known campaigns for tests: a stationary target at a chosen azimuth,
// elevation and range from the station, a turret holding a chosen pose, and two cameras.

#include "models/geometry/geodesy.h"
#include "models/utctime.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <numbers>

namespace vigie::test {

/// Deletes a dataset file with its WAL and shared-memory files, for a test that starts afresh;
/// returns the path.
inline QString removeDataset(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    return path;
}

inline QByteArray nmeaSentence(const QByteArray &body)
{
    unsigned char sum = 0;
    for (char c : body)
        sum ^= static_cast<unsigned char>(c);
    return '$' + body + '*' + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') + "\r\n";
}

inline QByteArray nmeaAngle(double deg, bool latitude)
{
    const double a = std::abs(deg);
    const int whole = int(a);
    const double minutes = (a - whole) * 60.0;
    QByteArray s = QByteArray::number(whole).rightJustified(latitude ? 2 : 3, '0');
    s += QByteArray::number(minutes, 'f', 8).rightJustified(11, '0');
    s += ',';
    s += latitude ? (deg < 0 ? 'S' : 'N') : (deg < 0 ? 'W' : 'E');
    return s;
}

struct CampaignSpec
{
    Geodetic station{48.0, 2.0, 100.0};
    double azimuthDeg = 31.0, elevationDeg = 10.5, rangeM = 1000.0;
    double panDeg = 30.0, tiltDeg = 10.0;
    UtcTime start = UtcTime::fromCalendar(2026, 5, 12, 10, 15, 0);
    double seconds = 2.0;
    double geoidSeparationM = 47.5;
};

/// Writes campaign.json, drone.nmea, turret.csv and ir.times into `dir`; returns the manifest.
inline QString writeCampaign(const QString &dir, const CampaignSpec &spec = {})
{
    QDir().mkpath(dir);
    const double toRad = std::numbers::pi / 180.0;
    const Station station(spec.station);
    const Enu enu{spec.rangeM * std::sin(spec.azimuthDeg * toRad) * std::cos(spec.elevationDeg * toRad),
                  spec.rangeM * std::cos(spec.azimuthDeg * toRad) * std::cos(spec.elevationDeg * toRad),
                  spec.rangeM * std::sin(spec.elevationDeg * toRad)};
    const Geodetic target = station.toGeodetic(enu);

    QByteArray nmea;
    for (int i = 0; i <= int(spec.seconds * 10); ++i) {
        const UtcTime t = spec.start + std::int64_t(i) * 100000;
        const auto c = t.calendar();
        const QByteArray tod = QString::asprintf("%02d%02d%02d.%02d", c.hour, c.minute, c.second,
                                                 int(c.microsecond / 10000)).toLatin1();
        const QByteArray date = QString::asprintf("%02d%02d%02d", c.day, c.month, c.year % 100).toLatin1();
        const QByteArray pos = nmeaAngle(target.latitudeDeg, true) + ',' + nmeaAngle(target.longitudeDeg, false);
        nmea += nmeaSentence("GNGGA," + tod + ',' + pos + ",4,18,0.7,"
                             + QByteArray::number(target.heightM - spec.geoidSeparationM, 'f', 4) + ",M,"
                             + QByteArray::number(spec.geoidSeparationM, 'f', 3) + ",M,1.0,0001");
        nmea += nmeaSentence("GNRMC," + tod + ",A," + pos + ",0.000,0.0," + date + ",,,R");
        nmea += nmeaSentence("GNGST," + tod + ",0.02,0.02,0.02,0.0,0.02,0.02,0.03");
    }
    QFile n(dir + QStringLiteral("/drone.nmea"));
    n.open(QIODevice::WriteOnly);
    n.write(nmea);
    n.close();

    QByteArray turret = "utc,pan_deg,tilt_deg,roll_deg,hfov_deg.ir\n";
    for (int i = 0; i <= int(spec.seconds * 50); ++i) {
        const UtcTime t = spec.start + std::int64_t(i) * 20000;
        turret += t.toIso().toLatin1() + ',' + QByteArray::number(spec.panDeg, 'f', 6) + ','
                  + QByteArray::number(spec.tiltDeg, 'f', 6) + ",0.0,20.0\n";
    }
    QFile tu(dir + QStringLiteral("/turret.csv"));
    tu.open(QIODevice::WriteOnly);
    tu.write(turret);
    tu.close();

    QByteArray times;
    for (int i = 0; i < int(spec.seconds * 25); ++i)
        times += QByteArray::number(i) + ',' + (spec.start + std::int64_t(i) * 40000).toIso().toLatin1() + '\n';
    QFile ti(dir + QStringLiteral("/ir.times"));
    ti.open(QIODevice::WriteOnly);
    ti.write(times);
    ti.close();

    const QJsonObject manifest{
        {QStringLiteral("format"), QStringLiteral("vigie-campaign")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("name"), QStringLiteral("test")},
        {QStringLiteral("station"), QJsonObject{{QStringLiteral("latitude_deg"), spec.station.latitudeDeg},
                                                {QStringLiteral("longitude_deg"), spec.station.longitudeDeg},
                                                {QStringLiteral("height_m"), spec.station.heightM}}},
        {QStringLiteral("turret"), QJsonObject{{QStringLiteral("log"), QStringLiteral("turret.csv")}}},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("log"), QStringLiteral("drone.nmea")},
                                               {QStringLiteral("class"), QStringLiteral("quadcopter")},
                                               {QStringLiteral("size_m"), 1.0},
                                               {QStringLiteral("height_m"), 0.4}}},
        {QStringLiteral("cameras"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("rgb")},
                                {QStringLiteral("modality"), QStringLiteral("rgb")},
                                {QStringLiteral("video"), QStringLiteral("rgb.mp4")},
                                {QStringLiteral("first_frame_utc"), spec.start.toIso()},
                                {QStringLiteral("fps"), 30},
                                {QStringLiteral("width"), 1920},
                                {QStringLiteral("height"), 1080},
                                {QStringLiteral("intrinsics"), QJsonObject{{QStringLiteral("hfov_deg"), 10.0}}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("ir")},
                                {QStringLiteral("modality"), QStringLiteral("ir")},
                                {QStringLiteral("video"), QStringLiteral("ir.mkv")},
                                {QStringLiteral("frame_times"), QStringLiteral("ir.times")},
                                {QStringLiteral("width"), 640},
                                {QStringLiteral("height"), 512},
                                {QStringLiteral("intrinsics"), QJsonObject{{QStringLiteral("hfov_deg"), 14.0}}}}}}};
    const QString path = dir + QStringLiteral("/campaign.json");
    QFile m(path);
    m.open(QIODevice::WriteOnly);
    m.write(QJsonDocument(manifest).toJson());
    return path;
}

} // namespace vigie::test
