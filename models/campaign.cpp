#include "models/campaign.h"

#include "models/telemetry/nmea.h"
#include "models/telemetry/rtklibpos.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::Campaign)
};

std::int64_t secondsToUs(double s)
{
    return std::llround(s * 1e6);
}

/// Reads fields of one JSON object, remembering the first error with its path.
class Reader
{
public:
    Reader(QString *error, QString file)
        : m_error(error)
        , m_file(std::move(file))
    {
    }

    bool failed() const { return m_failed; }

    void fail(const QString &path, const QString &message)
    {
        if (m_failed)
            return;
        m_failed = true;
        // One line, whatever the values quoted in the message hold.
        QString text = message;
        text.replace(QLatin1Char('\n'), QStringLiteral("\\n")).replace(QLatin1Char('\r'), QStringLiteral("\\r"));
        *m_error = QStringLiteral("%1: %2: %3").arg(m_file, path, text);
    }

    QJsonObject object(const QJsonObject &parent, const QString &key, const QString &path,
                       bool required = true)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isObject())
            fail(path + key, v.isUndefined() ? Tr::tr("missing") : Tr::tr("must be an object"));
        return v.toObject();
    }

    double number(const QJsonObject &parent, const QString &key, const QString &path,
                  std::optional<double> fallback, double lo, double hi)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined()) {
            if (!fallback)
                fail(path + key, Tr::tr("missing"));
            return fallback.value_or(0.0);
        }
        if (!v.isDouble()) {
            fail(path + key, Tr::tr("must be a number"));
            return 0.0;
        }
        const double x = v.toDouble();
        if (!(x >= lo && x <= hi))
            fail(path + key, Tr::tr("%1 is outside [%2, %3]").arg(x).arg(lo).arg(hi));
        return x;
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &path,
                   std::optional<QString> fallback)
    {
        const QJsonValue v = parent.value(key);
        if (v.isUndefined()) {
            if (!fallback)
                fail(path + key, Tr::tr("missing"));
            return fallback.value_or(QString());
        }
        if (!v.isString()) {
            fail(path + key, Tr::tr("must be a string"));
            return {};
        }
        return v.toString();
    }

private:
    QString *m_error;
    QString m_file;
    bool m_failed = false;
};

int lineOfOffset(const QByteArray &data, int offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

} // namespace

GnssLog parseGnssFile(const QString &path, const QString &format)
{
    QString kind = format;
    if (kind == QLatin1String("auto")) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            kind = looksLikeRtklibPos(file.peek(4096)) ? QStringLiteral("rtklib-pos")
                                                        : QStringLiteral("nmea");
        else
            kind = QStringLiteral("nmea"); // the parser reports the open error
    }
    return kind == QLatin1String("rtklib-pos") ? parseRtklibPosFile(path) : parseNmeaFile(path);
}

std::optional<CampaignManifest> CampaignManifest::load(const QString &path, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Tr::tr("%1:%2: invalid JSON: %3")
                     .arg(path)
                     .arg(lineOfOffset(data, parseError.offset))
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = Tr::tr("%1: the manifest must be a JSON object").arg(path);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    Reader r(error, path);
    CampaignManifest m;
    m.path = QFileInfo(path).absoluteFilePath();
    const QString format = r.string(root, QStringLiteral("format"), {}, QStringLiteral("vigie-campaign"));
    if (format != QLatin1String("vigie-campaign"))
        r.fail(QStringLiteral("format"), Tr::tr("'%1' is not 'vigie-campaign'").arg(format));
    const double version = r.number(root, QStringLiteral("version"), {}, 1.0, 1, 1000);
    if (version > formatVersion)
        r.fail(QStringLiteral("version"),
               Tr::tr("version %1 is newer than this Vigie reads (%2)").arg(version).arg(formatVersion));
    m.name = r.string(root, QStringLiteral("name"), {}, QFileInfo(path).dir().dirName());

    const QString st = QStringLiteral("station.");
    const QJsonObject station = r.object(root, QStringLiteral("station"), {});
    m.station.latitudeDeg = r.number(station, QStringLiteral("latitude_deg"), st, {}, -90, 90);
    m.station.longitudeDeg = r.number(station, QStringLiteral("longitude_deg"), st, {}, -180, 180);
    m.station.heightM = r.number(station, QStringLiteral("height_m"), st, {}, -1000, 10000);

    const QString tu = QStringLiteral("turret.");
    const QJsonObject turret = r.object(root, QStringLiteral("turret"), {});
    m.turretLog = r.string(turret, QStringLiteral("log"), tu, {});
    m.turretOffsetUs = secondsToUs(r.number(turret, QStringLiteral("time_offset_s"), tu, 0.0, -3600, 3600));
    m.turretMaxGapUs = secondsToUs(r.number(turret, QStringLiteral("max_gap_s"), tu, 0.5, 0.001, 3600));
    const QJsonObject sigma = r.object(turret, QStringLiteral("pointing_sigma_deg"), tu, false);
    const QString si = tu + QStringLiteral("pointing_sigma_deg.");
    m.pointingSigmaDeg.panDeg = r.number(sigma, QStringLiteral("pan"), si, 0.05, 0, 45);
    m.pointingSigmaDeg.tiltDeg = r.number(sigma, QStringLiteral("tilt"), si, 0.05, 0, 45);
    m.pointingSigmaDeg.rollDeg = r.number(sigma, QStringLiteral("roll"), si, 0.0, 0, 45);

    const QString ta = QStringLiteral("target.");
    const QJsonObject target = r.object(root, QStringLiteral("target"), {});
    m.targetLog = r.string(target, QStringLiteral("log"), ta, {});
    m.targetFormat = r.string(target, QStringLiteral("format"), ta, QStringLiteral("auto"));
    if (m.targetFormat != QLatin1String("auto") && m.targetFormat != QLatin1String("nmea")
        && m.targetFormat != QLatin1String("rtklib-pos"))
        r.fail(ta + QStringLiteral("format"),
               Tr::tr("'%1' is not auto, nmea or rtklib-pos").arg(m.targetFormat));
    m.targetClass = r.string(target, QStringLiteral("class"), ta, QStringLiteral("quadcopter"));
    m.targetSizeM = r.number(target, QStringLiteral("size_m"), ta, 0.5, 0.01, 100);
    m.targetHeightM = r.number(target, QStringLiteral("height_m"), ta, m.targetSizeM * 0.4, 0.01, 100);
    m.targetOffsetUs = secondsToUs(r.number(target, QStringLiteral("time_offset_s"), ta, 0.0, -3600, 3600));
    m.targetMaxGapUs = secondsToUs(r.number(target, QStringLiteral("max_gap_s"), ta, 2.0, 0.001, 3600));

    const QJsonValue camerasValue = root.value(QStringLiteral("cameras"));
    if (!camerasValue.isArray() || camerasValue.toArray().isEmpty())
        r.fail(QStringLiteral("cameras"), Tr::tr("must be a non-empty array"));
    const QJsonArray cameras = camerasValue.toArray();
    for (qsizetype i = 0; i < cameras.size() && !r.failed(); ++i) {
        const QString cp = QStringLiteral("cameras[%1].").arg(i);
        if (!cameras[i].isObject()) {
            r.fail(cp.chopped(1), Tr::tr("must be an object"));
            break;
        }
        const QJsonObject c = cameras[i].toObject();
        CameraSpec spec;
        spec.name = r.string(c, QStringLiteral("name"), cp, {});
        if (m.cameraIndex(spec.name) >= 0)
            r.fail(cp + QStringLiteral("name"), Tr::tr("'%1' is used twice").arg(spec.name));
        spec.modality = r.string(c, QStringLiteral("modality"), cp, {});
        if (spec.modality != QLatin1String("rgb") && spec.modality != QLatin1String("ir"))
            r.fail(cp + QStringLiteral("modality"), Tr::tr("'%1' is not rgb or ir").arg(spec.modality));
        spec.video = r.string(c, QStringLiteral("video"), cp, QString());
        spec.frameTimes = r.string(c, QStringLiteral("frame_times"), cp, QString());
        spec.fps = r.number(c, QStringLiteral("fps"), cp, 0.0, 0, 10000);
        const QString first = r.string(c, QStringLiteral("first_frame_utc"), cp, QString());
        if (!first.isEmpty()) {
            spec.firstFrameUtc = UtcTime::parse(first);
            if (!spec.firstFrameUtc)
                r.fail(cp + QStringLiteral("first_frame_utc"), Tr::tr("'%1' is not a time").arg(first));
        }
        if (spec.frameTimes.isEmpty() && (!spec.firstFrameUtc || spec.fps <= 0))
            r.fail(cp.chopped(1), Tr::tr("needs frame_times, or first_frame_utc and fps"));
        spec.timeOffsetUs = secondsToUs(r.number(c, QStringLiteral("time_offset_s"), cp, 0.0, -3600, 3600));
        spec.syncSigmaS = r.number(c, QStringLiteral("sync_sigma_s"), cp, 0.02, 0, 60);
        const int width = int(r.number(c, QStringLiteral("width"), cp, {}, 1, 100000));
        const int height = int(r.number(c, QStringLiteral("height"), cp, {}, 1, 100000));
        const QString ip = cp + QStringLiteral("intrinsics.");
        const QJsonObject k = r.object(c, QStringLiteral("intrinsics"), cp);
        if (k.contains(QStringLiteral("hfov_deg"))) {
            spec.model.intrinsics = Intrinsics::fromHfov(
                width, height, r.number(k, QStringLiteral("hfov_deg"), ip, {}, 0.01, 179));
        } else if (k.contains(QStringLiteral("fx"))) {
            Intrinsics in;
            in.width = width;
            in.height = height;
            in.fx = r.number(k, QStringLiteral("fx"), ip, {}, 1e-3, 1e7);
            in.fy = r.number(k, QStringLiteral("fy"), ip, in.fx, 1e-3, 1e7);
            in.cx = r.number(k, QStringLiteral("cx"), ip, width / 2.0, -1e5, 1e5);
            in.cy = r.number(k, QStringLiteral("cy"), ip, height / 2.0, -1e5, 1e5);
            spec.model.intrinsics = in;
        } else {
            r.fail(ip.chopped(1), Tr::tr("needs hfov_deg, or fx, fy, cx, cy"));
        }
        const QJsonValue dist = c.value(QStringLiteral("distortion"));
        if (!dist.isUndefined()) {
            const QJsonArray a = dist.toArray();
            const qsizetype n = a.size();
            if (!dist.isArray() || !(n == 4 || n == 5 || n == 8 || n == 12 || n == 14))
                r.fail(cp + QStringLiteral("distortion"),
                       Tr::tr("must be OpenCV's 4, 5, 8, 12 or 14 coefficients"));
            for (const QJsonValue &v : a) {
                if (!v.isDouble())
                    r.fail(cp + QStringLiteral("distortion"), Tr::tr("must hold numbers"));
                spec.model.intrinsics.distortion.push_back(v.toDouble());
            }
        }
        const QJsonObject bs = r.object(c, QStringLiteral("boresight_deg"), cp, false);
        const QString bp = cp + QStringLiteral("boresight_deg.");
        spec.model.boresight.panDeg = r.number(bs, QStringLiteral("pan"), bp, 0.0, -45, 45);
        spec.model.boresight.tiltDeg = r.number(bs, QStringLiteral("tilt"), bp, 0.0, -45, 45);
        spec.model.boresight.rollDeg = r.number(bs, QStringLiteral("roll"), bp, 0.0, -180, 180);
        const QJsonValue position = c.value(QStringLiteral("position_m"));
        if (!position.isUndefined()) {
            const QJsonArray a = position.toArray();
            if (!position.isArray() || a.size() != 3)
                r.fail(cp + QStringLiteral("position_m"), Tr::tr("must be [right, forward, up] in metres"));
            for (qsizetype j = 0; j < std::min<qsizetype>(a.size(), 3); ++j) {
                if (!a[j].isDouble() || std::abs(a[j].toDouble()) > 100)
                    r.fail(cp + QStringLiteral("position_m"), Tr::tr("must hold three numbers within 100 m"));
                spec.model.positionM[size_t(j)] = a[j].toDouble();
            }
        }
        m.cameras.push_back(spec);
    }
    if (r.failed())
        return std::nullopt;

    // Keys nobody reads are reported (and kept on save: saveOffsets() touches only offsets).
    auto unknown = [&](const QJsonObject &o, const QString &prefix, std::initializer_list<const char *> known) {
        for (const QString &key : o.keys()) {
            if (std::none_of(known.begin(), known.end(), [&key](const char *k) { return key == QLatin1String(k); }))
                m.warnings << Tr::tr("%1: unknown key '%2' (ignored)").arg(path, prefix + key);
        }
    };
    unknown(root, {}, {"format", "version", "name", "station", "turret", "target", "cameras"});
    unknown(station, st, {"latitude_deg", "longitude_deg", "height_m"});
    unknown(turret, tu, {"log", "time_offset_s", "max_gap_s", "pointing_sigma_deg"});
    unknown(sigma, si, {"pan", "tilt", "roll"});
    unknown(target, ta, {"log", "format", "class", "size_m", "height_m", "time_offset_s", "max_gap_s"});
    for (qsizetype i = 0; i < cameras.size(); ++i) {
        const QJsonObject c = cameras[i].toObject();
        const QString cp = QStringLiteral("cameras[%1].").arg(i);
        unknown(c, cp,
                {"name", "modality", "video", "frame_times", "fps", "first_frame_utc", "time_offset_s", "sync_sigma_s", "width",
                 "height", "intrinsics", "distortion", "boresight_deg", "position_m"});
        unknown(c.value(QStringLiteral("intrinsics")).toObject(), cp + QStringLiteral("intrinsics."),
                {"hfov_deg", "fx", "fy", "cx", "cy"});
        unknown(c.value(QStringLiteral("boresight_deg")).toObject(), cp + QStringLiteral("boresight_deg."), {"pan", "tilt", "roll"});
    }
    for (const QString &w : std::as_const(m.warnings))
        qWarning().noquote() << w;
    return m;
}

bool CampaignManifest::save(const QString &path, QString *error) const
{
    QJsonArray cams;
    for (const CameraSpec &c : cameras) {
        QJsonObject o{{QStringLiteral("name"), c.name},
                      {QStringLiteral("modality"), c.modality},
                      {QStringLiteral("width"), c.model.intrinsics.width},
                      {QStringLiteral("height"), c.model.intrinsics.height},
                      {QStringLiteral("intrinsics"),
                       QJsonObject{{QStringLiteral("fx"), c.model.intrinsics.fx},
                                   {QStringLiteral("fy"), c.model.intrinsics.fy},
                                   {QStringLiteral("cx"), c.model.intrinsics.cx},
                                   {QStringLiteral("cy"), c.model.intrinsics.cy}}},
                      {QStringLiteral("boresight_deg"),
                       QJsonObject{{QStringLiteral("pan"), c.model.boresight.panDeg},
                                   {QStringLiteral("tilt"), c.model.boresight.tiltDeg},
                                   {QStringLiteral("roll"), c.model.boresight.rollDeg}}},
                      {QStringLiteral("position_m"),
                       QJsonArray{c.model.positionM[0], c.model.positionM[1], c.model.positionM[2]}},
                      {QStringLiteral("time_offset_s"), double(c.timeOffsetUs) * 1e-6},
                      {QStringLiteral("sync_sigma_s"), c.syncSigmaS}};
        if (!c.video.isEmpty())
            o.insert(QStringLiteral("video"), c.video);
        if (!c.frameTimes.isEmpty())
            o.insert(QStringLiteral("frame_times"), c.frameTimes);
        if (c.firstFrameUtc)
            o.insert(QStringLiteral("first_frame_utc"), c.firstFrameUtc->toIso());
        if (c.fps > 0)
            o.insert(QStringLiteral("fps"), c.fps);
        if (!c.model.intrinsics.distortion.empty()) {
            QJsonArray d;
            for (double k : c.model.intrinsics.distortion)
                d.append(k);
            o.insert(QStringLiteral("distortion"), d);
        }
        cams.append(o);
    }
    const QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("vigie-campaign")},
        {QStringLiteral("version"), formatVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("station"),
         QJsonObject{{QStringLiteral("latitude_deg"), station.latitudeDeg},
                     {QStringLiteral("longitude_deg"), station.longitudeDeg},
                     {QStringLiteral("height_m"), station.heightM}}},
        {QStringLiteral("turret"),
         QJsonObject{{QStringLiteral("log"), turretLog},
                     {QStringLiteral("time_offset_s"), double(turretOffsetUs) * 1e-6},
                     {QStringLiteral("max_gap_s"), double(turretMaxGapUs) * 1e-6},
                     {QStringLiteral("pointing_sigma_deg"),
                      QJsonObject{{QStringLiteral("pan"), pointingSigmaDeg.panDeg},
                                  {QStringLiteral("tilt"), pointingSigmaDeg.tiltDeg},
                                  {QStringLiteral("roll"), pointingSigmaDeg.rollDeg}}}}},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("log"), targetLog},
                     {QStringLiteral("format"), targetFormat},
                     {QStringLiteral("class"), targetClass},
                     {QStringLiteral("size_m"), targetSizeM},
                     {QStringLiteral("height_m"), targetHeightM},
                     {QStringLiteral("time_offset_s"), double(targetOffsetUs) * 1e-6},
                     {QStringLiteral("max_gap_s"), double(targetMaxGapUs) * 1e-6}}},
        {QStringLiteral("cameras"), cams}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool CampaignManifest::saveOffsets(const QString &path, QString *error) const
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return fail(in.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (!doc.isObject())
        return fail(QCoreApplication::translate("vigie::CampaignManifest", "not a JSON object (%1)").arg(parseError.errorString()));
    QJsonObject root = doc.object();
    auto setOffset = [](QJsonObject &o, std::int64_t us) { o.insert(QStringLiteral("time_offset_s"), double(us) * 1e-6); };
    QJsonObject turret = root.value(QStringLiteral("turret")).toObject();
    setOffset(turret, turretOffsetUs);
    root.insert(QStringLiteral("turret"), turret);
    QJsonObject target = root.value(QStringLiteral("target")).toObject();
    setOffset(target, targetOffsetUs);
    root.insert(QStringLiteral("target"), target);
    QJsonArray cams = root.value(QStringLiteral("cameras")).toArray();
    for (qsizetype i = 0; i < cams.size(); ++i) {
        QJsonObject c = cams[i].toObject();
        for (const CameraSpec &spec : cameras) {
            if (spec.name == c.value(QStringLiteral("name")).toString())
                setOffset(c, spec.timeOffsetUs);
        }
        cams[i] = c;
    }
    root.insert(QStringLiteral("cameras"), cams);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

QString CampaignManifest::resolve(const QString &relative) const
{
    if (relative.isEmpty())
        return {};
    return QFileInfo(QFileInfo(path).dir(), relative).absoluteFilePath();
}

int CampaignManifest::cameraIndex(const QString &cameraName) const
{
    for (size_t i = 0; i < cameras.size(); ++i) {
        if (cameras[i].name == cameraName)
            return int(i);
    }
    return -1;
}

std::unique_ptr<Campaign> Campaign::open(const QString &manifestPath, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    auto manifest = CampaignManifest::load(manifestPath, error);
    if (!manifest)
        return nullptr;
    std::unique_ptr<Campaign> c(new Campaign);
    c->m_manifest = *manifest;
    c->m_station = Station(manifest->station);
    c->m_target = parseGnssFile(manifest->resolve(manifest->targetLog), manifest->targetFormat);
    if (!c->m_target.report.ok()) {
        *error = QStringLiteral("%1: %2").arg(c->m_target.report.file, c->m_target.report.error);
        return nullptr;
    }
    c->m_turret = parseTurretLogFile(manifest->resolve(manifest->turretLog));
    if (!c->m_turret.report.ok()) {
        *error = QStringLiteral("%1: %2").arg(c->m_turret.report.file, c->m_turret.report.error);
        return nullptr;
    }
    for (const CameraSpec &spec : manifest->cameras) {
        std::vector<UtcTime> times;
        if (!spec.frameTimes.isEmpty()) {
            FrameTimes ft = parseFrameTimesFile(manifest->resolve(spec.frameTimes));
            if (!ft.report.ok()) {
                *error = QStringLiteral("%1: %2").arg(ft.report.file, ft.report.error);
                return nullptr;
            }
            times = std::move(ft.utc);
        }
        c->m_frameTimes.push_back(std::move(times));
    }
    c->m_targetTrack = std::make_unique<TargetTrack>(c->m_station, c->m_target.fixes,
                                                     manifest->targetOffsetUs,
                                                     manifest->targetMaxGapUs);
    c->m_turretTrack = std::make_unique<TurretTrack>(c->m_turret.samples, manifest->turretOffsetUs,
                                                     manifest->turretMaxGapUs);
    return c;
}

bool Campaign::setContainerFrameTimes(int camera, std::vector<UtcTime> times)
{
    if (camera < 0 || camera >= int(m_frameTimes.size()))
        return false;
    if (m_manifest.cameras[size_t(camera)].frameTimes.isEmpty())
        m_frameTimes[size_t(camera)] = std::move(times);
    return true;
}

bool Campaign::hasFrameTimes(int camera) const
{
    return camera >= 0 && camera < int(m_frameTimes.size()) && !m_frameTimes[size_t(camera)].empty();
}

std::optional<UtcTime> Campaign::frameUtc(int camera, std::int64_t index) const
{
    if (camera < 0 || camera >= int(m_manifest.cameras.size()) || index < 0)
        return std::nullopt;
    const CameraSpec &spec = m_manifest.cameras[size_t(camera)];
    const auto &times = m_frameTimes[size_t(camera)];
    if (!times.empty()) {
        if (index >= std::int64_t(times.size()))
            return std::nullopt;
        return times[size_t(index)] + spec.timeOffsetUs;
    }
    // Frame i starts at first + i / fps, computed from the index so that no rounding adds up.
    const std::int64_t us = std::llround(double(index) * 1e6 / spec.fps);
    return *spec.firstFrameUtc + us + spec.timeOffsetUs;
}

namespace {

/// A zoom lens: the logged field of view sets the focal length; the principal point and
/// distortion stay as calibrated.
CameraModel zoomed(const CameraSpec &spec, const TurretTrack::Pose &pose)
{
    CameraModel model = spec.model;
    const auto zoom = pose.hfovDeg.constFind(spec.name);
    if (zoom != pose.hfovDeg.cend()) {
        const Intrinsics z = Intrinsics::fromHfov(model.intrinsics.width, model.intrinsics.height,
                                                  zoom.value());
        model.intrinsics.fx = z.fx;
        model.intrinsics.fy = z.fy * (spec.model.intrinsics.fy / spec.model.intrinsics.fx);
    }
    return model;
}

} // namespace

CameraProjection Campaign::project(int camera, UtcTime utc) const
{
    return project(camera, utc, 0, 0);
}

CameraProjection Campaign::project(int camera, UtcTime utc, std::int64_t turretDeltaUs,
                                   std::int64_t targetDeltaUs) const
{
    CameraProjection out;
    out.utc = utc;
    if (camera < 0 || camera >= int(m_manifest.cameras.size())) {
        out.reason = Tr::tr("no camera %1").arg(camera);
        return out;
    }
    const CameraSpec &spec = m_manifest.cameras[size_t(camera)];
    const auto target = m_targetTrack->at(utc - targetDeltaUs);
    if (!target) {
        out.reason = Tr::tr("no target fix within %1 s at %2")
                         .arg(double(m_manifest.targetMaxGapUs) * 1e-6)
                         .arg(utc.toIso());
        return out;
    }
    const auto pose = m_turretTrack->at(utc - turretDeltaUs);
    if (!pose) {
        out.reason = Tr::tr("no turret sample within %1 s at %2")
                         .arg(double(m_manifest.turretMaxGapUs) * 1e-6)
                         .arg(utc.toIso());
        return out;
    }
    const CameraModel model = zoomed(spec, *pose);
    Uncertainty u;
    u.positionCovarianceEnu = target->covarianceEnu;
    u.velocityEnu = target->velocityEnu;
    u.syncSigmaS = spec.syncSigmaS;
    u.pointingSigmaDeg = m_manifest.pointingSigmaDeg;
    out.projection = projectTarget(model, target->position, pose->attitude, u,
                                   m_manifest.targetSizeM, m_manifest.targetHeightM);
    out.target = *target;
    out.turret = pose->attitude;
    out.model = model;
    out.ok = true;
    return out;
}

CameraModel Campaign::cameraModel(int camera, UtcTime utc) const
{
    if (camera < 0 || camera >= int(m_manifest.cameras.size()))
        return {};
    const CameraSpec &spec = m_manifest.cameras[size_t(camera)];
    const auto pose = m_turretTrack->at(utc);
    return pose ? zoomed(spec, *pose) : spec.model;
}

} // namespace vigie
