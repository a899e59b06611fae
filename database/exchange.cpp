#include "database/exchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace vigie::db {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::db::Exchange)
};

const char *const formatNames[] = {"coco", "yolo", "voc", "mot", "anti-uav", "anti-uav-txt"};

/// Shortest text that reads back as the same double.
QString num(double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, r.ptr - buf);
}

std::optional<double> parseNum(QStringView s)
{
    const QByteArray latin = s.trimmed().toLatin1();
    double v = 0;
    if (latin.isEmpty())
        return std::nullopt;
    const char *begin = latin.constData() + (latin.startsWith('+') ? 1 : 0);
    const auto r = std::from_chars(begin, latin.constData() + latin.size(), v);
    if (r.ec != std::errc() || r.ptr != latin.constData() + latin.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// Names Vigie writes: letters, digits, '-', '_' and '.', never a leading dot.
QString safeName(const QString &name)
{
    QString out;
    for (QChar c : name)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') || c == QLatin1Char('_')
                   ? c
                   : QLatin1Char('_');
    while (out.startsWith(QLatin1Char('.')))
        out.remove(0, 1);
    return out.isEmpty() ? QStringLiteral("_") : out;
}

/// A path inside `root`, or empty when `relative` would leave it ("../../etc/passwd", "/etc").
QString inside(const QString &root, const QString &relative)
{
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.contains(QLatin1Char('\\')))
        return {};
    const QString base = QDir::cleanPath(QDir(root).absolutePath());
    const QString full = QDir::cleanPath(base + QLatin1Char('/') + relative);
    return full.startsWith(base + QLatin1Char('/')) ? full : QString();
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

int lineOf(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

// ---------------------------------------------------------------------------------------
// Export

struct ExportSequence
{
    QString name;
    CampaignRecord campaign;
    CameraRecord camera;
    std::int64_t frameCount = 0;
    std::vector<std::int64_t> frames;                       ///< frames exported, ascending
    std::map<std::int64_t, std::vector<BoxRecord>> boxes;   ///< frame index → boxes
    QString split;
};

struct Gathered
{
    std::vector<ExportSequence> sequences;
    std::vector<ClassRecord> classes; ///< exported classes, in id order
    std::map<std::int64_t, int> classIndex; ///< class id → position in `classes`
};

bool gather(const Dataset &ds, const ExportOptions &o, Gathered &g, QString *error)
{
    const auto allClasses = ds.classes();
    for (const ClassRecord &c : allClasses) {
        if (o.filter.classes.isEmpty() || o.filter.classes.contains(c.name)) {
            g.classIndex[c.id] = int(g.classes.size());
            g.classes.push_back(c);
        }
    }
    for (const QString &wanted : o.filter.classes) {
        if (!ds.classId(wanted)) {
            *error = Tr::tr("no class named '%1' in the dataset").arg(wanted);
            return false;
        }
    }
    std::map<std::int64_t, std::vector<BoxRecord>> byFrame;
    for (const BoxRecord &b : ds.allBoxes()) {
        if (!o.filter.states.contains(b.state))
            continue;
        if (!o.filter.sources.isEmpty() && !o.filter.sources.contains(b.source))
            continue;
        if (!g.classIndex.count(b.classId))
            continue;
        byFrame[b.frameId].push_back(b);
    }
    QStringList seenCameras;
    for (const CampaignRecord &campaign : ds.campaigns()) {
        for (const CameraRecord &camera : ds.cameras(campaign.id)) {
            if (!o.filter.cameras.isEmpty() && !o.filter.cameras.contains(camera.name))
                continue;
            seenCameras << camera.name;
            ExportSequence s;
            s.name = safeName(campaign.name + QLatin1Char('_') + camera.name);
            s.campaign = campaign;
            s.camera = camera;
            const auto frames = ds.frames(camera.id);
            s.frameCount = std::int64_t(frames.size());
            for (const FrameRecord &f : frames) {
                const auto it = byFrame.find(f.id);
                const FrameFlags flags = ds.frameFlags(f.id);
                // Frames with boxes, and frames an analyst marked as without target (negatives).
                const bool negative = flags.reviewed || flags.outOfView || flags.notVisible;
                if (it != byFrame.end()) {
                    s.frames.push_back(f.index);
                    s.boxes[f.index] = it->second;
                } else if (negative) {
                    s.frames.push_back(f.index);
                }
            }
            s.split = splitOf(s.name, o.split);
            if (!s.frames.empty() || o.format == ExchangeFormat::AntiUav)
                g.sequences.push_back(std::move(s));
        }
    }
    for (const QString &wanted : o.filter.cameras) {
        if (!seenCameras.contains(wanted)) {
            *error = Tr::tr("no camera named '%1' in the dataset").arg(wanted);
            return false;
        }
    }
    return true;
}

class Exporter
{
public:
    Exporter(const ExportOptions &o, Gathered &g, ExportReport &r)
        : m_o(o)
        , m_g(g)
        , m_r(r)
        , m_root(QDir::cleanPath(QDir(o.outDir).absolutePath()))
    {
        std::int64_t total = 0;
        for (const auto &s : g.sequences)
            total += std::int64_t(s.frames.size());
        m_total = total;
    }

    bool run(QString *error)
    {
        switch (m_o.format) {
        case ExchangeFormat::Coco: return coco(error);
        case ExchangeFormat::Yolo: return yolo(error);
        case ExchangeFormat::Voc: return voc(error);
        case ExchangeFormat::Mot: return mot(error);
        case ExchangeFormat::AntiUav: return antiUav(error);
        case ExchangeFormat::AntiUavText:
            *error = Tr::tr("anti-uav-txt is an import format; export anti-uav instead");
            return false;
        }
        return false;
    }

private:
    QString ext() const { return m_o.imageFormat == QLatin1String("jpg") ? QStringLiteral(".jpg") : QStringLiteral(".png"); }
    bool images() const { return m_o.imageFormat != QLatin1String("none"); }
    QString imageName(const ExportSequence &s, std::int64_t frame) const
    {
        return s.name + QStringLiteral("_%1").arg(frame, 6, 10, QLatin1Char('0')) + ext();
    }

    QString path(const QString &relative, QString *error) const
    {
        const QString p = inside(m_root, relative);
        if (p.isEmpty())
            *error = Tr::tr("%1: refusing to write outside the export folder").arg(relative);
        return p;
    }

    bool saveImage(const ExportSequence &s, std::int64_t frame, const QString &relative, QString *error)
    {
        ++m_done;
        if (m_o.progress && !m_o.progress(m_done, m_total)) {
            *error = Tr::tr("export cancelled");
            return false;
        }
        ++m_r.images;
        if (!images())
            return true;
        const QString target = path(relative, error);
        if (target.isEmpty())
            return false;
        if (!m_o.frames) {
            *error = Tr::tr("exporting images needs the videos (or pass --images none)");
            return false;
        }
        QString why;
        const QImage image = m_o.frames(s.camera, frame, &why);
        if (image.isNull()) {
            *error = Tr::tr("%1 frame %2: %3").arg(s.name).arg(frame).arg(why);
            return false;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!image.save(target, m_o.imageFormat == QLatin1String("jpg") ? "JPEG" : "PNG",
                        m_o.imageFormat == QLatin1String("jpg") ? 95 : -1)) {
            *error = Tr::tr("%1: cannot write the image").arg(target);
            return false;
        }
        return true;
    }

    /// classes.txt: one exported class name per line, in index order (YOLO, MOT).
    bool writeClassNames(QString *error) const
    {
        QByteArray names;
        for (const ClassRecord &c : m_g.classes)
            names += c.name.toUtf8() + '\n';
        const QString target = path(QStringLiteral("classes.txt"), error);
        return !target.isEmpty() && writeFile(target, names, error);
    }

    bool coco(QString *error)
    {
        QJsonArray categories;
        for (size_t i = 0; i < m_g.classes.size(); ++i)
            categories.append(QJsonObject{{QStringLiteral("id"), int(i) + 1},
                                          {QStringLiteral("name"), m_g.classes[i].name},
                                          {QStringLiteral("supercategory"), QStringLiteral("object")}});
        std::map<QString, std::pair<QJsonArray, QJsonArray>> splits; // images, annotations
        int imageId = 0, annotationId = 0;
        for (const ExportSequence &s : m_g.sequences) {
            m_r.splits[s.name] = s.split;
            ++m_r.sequences;
            auto &[imagesOut, annotations] = splits[s.split];
            for (std::int64_t frame : s.frames) {
                const QString file = imageName(s, frame);
                if (!saveImage(s, frame, QStringLiteral("images/%1/%2").arg(s.split, file), error))
                    return false;
                ++imageId;
                imagesOut.append(QJsonObject{{QStringLiteral("id"), imageId},
                                             {QStringLiteral("file_name"), file},
                                             {QStringLiteral("width"), s.camera.width},
                                             {QStringLiteral("height"), s.camera.height},
                                             {QStringLiteral("vigie_sequence"), s.name},
                                             {QStringLiteral("vigie_modality"), s.camera.modality},
                                             {QStringLiteral("vigie_frame"), qint64(frame)}});
                const auto it = s.boxes.find(frame);
                if (it == s.boxes.end())
                    continue;
                for (const BoxRecord &b : it->second) {
                    QJsonObject a{{QStringLiteral("id"), ++annotationId},
                                  {QStringLiteral("image_id"), imageId},
                                  {QStringLiteral("category_id"), m_g.classIndex.at(b.classId) + 1},
                                  {QStringLiteral("bbox"), QJsonArray{b.x, b.y, b.w, b.h}},
                                  {QStringLiteral("area"), b.w * b.h},
                                  {QStringLiteral("iscrowd"), 0},
                                  {QStringLiteral("vigie_source"), QString::fromLatin1(toString(b.source))},
                                  {QStringLiteral("vigie_state"), QString::fromLatin1(toString(b.state))}};
                    if (b.confidence)
                        a.insert(QStringLiteral("score"), *b.confidence);
                    annotations.append(a);
                    ++m_r.boxes;
                }
            }
        }
        for (const auto &[split, content] : splits) {
            const QJsonObject doc{{QStringLiteral("info"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Vigie export")},
                                                                       {QStringLiteral("version"), QStringLiteral("1")}}},
                                  {QStringLiteral("images"), content.first},
                                  {QStringLiteral("annotations"), content.second},
                                  {QStringLiteral("categories"), categories}};
            const QString target = path(QStringLiteral("annotations/instances_%1.json").arg(split), error);
            if (target.isEmpty() || !writeFile(target, QJsonDocument(doc).toJson(QJsonDocument::Indented), error))
                return false;
        }
        return true;
    }

    bool yolo(QString *error)
    {
        if (!writeClassNames(error))
            return false;
        QByteArray yaml = "# Vigie export, YOLO format\npath: .\ntrain: images/train\nval: images/val\ntest: images/test\n";
        yaml += "nc: " + QByteArray::number(qsizetype(m_g.classes.size())) + "\nnames:\n";
        for (size_t i = 0; i < m_g.classes.size(); ++i) {
            QString name = m_g.classes[i].name;
            name.replace(QLatin1Char('\''), QStringLiteral("''"));
            yaml += "  " + QByteArray::number(qsizetype(i)) + ": '" + name.toUtf8() + "'\n";
        }
        if (!writeFile(path(QStringLiteral("data.yaml"), error), yaml, error))
            return false;
        for (const ExportSequence &s : m_g.sequences) {
            m_r.splits[s.name] = s.split;
            ++m_r.sequences;
            const double W = s.camera.width, H = s.camera.height;
            for (std::int64_t frame : s.frames) {
                const QString file = imageName(s, frame);
                if (!saveImage(s, frame, QStringLiteral("images/%1/%2").arg(s.split, file), error))
                    return false;
                QByteArray label;
                const auto it = s.boxes.find(frame);
                if (it != s.boxes.end()) {
                    for (const BoxRecord &b : it->second) {
                        label += QStringLiteral("%1 %2 %3 %4 %5\n")
                                     .arg(m_g.classIndex.at(b.classId))
                                     .arg(num((b.x + b.w / 2) / W), num((b.y + b.h / 2) / H), num(b.w / W), num(b.h / H))
                                     .toLatin1();
                        ++m_r.boxes;
                    }
                }
                const QString labelPath = path(QStringLiteral("labels/%1/%2.txt").arg(s.split, QFileInfo(file).completeBaseName()), error);
                if (labelPath.isEmpty() || !writeFile(labelPath, label, error))
                    return false;
            }
        }
        return true;
    }

    bool voc(QString *error)
    {
        std::map<QString, QStringList> sets;
        for (const ExportSequence &s : m_g.sequences) {
            m_r.splits[s.name] = s.split;
            ++m_r.sequences;
            for (std::int64_t frame : s.frames) {
                const QString file = imageName(s, frame);
                const QString stem = QFileInfo(file).completeBaseName();
                if (!saveImage(s, frame, QStringLiteral("JPEGImages/%1").arg(file), error))
                    return false;
                sets[s.split] << stem;
                QByteArray xml;
                QXmlStreamWriter w(&xml);
                w.setAutoFormatting(true);
                w.writeStartDocument();
                w.writeStartElement(QStringLiteral("annotation"));
                w.writeTextElement(QStringLiteral("folder"), QStringLiteral("JPEGImages"));
                w.writeTextElement(QStringLiteral("filename"), file);
                w.writeStartElement(QStringLiteral("source"));
                w.writeTextElement(QStringLiteral("database"), QStringLiteral("Vigie"));
                w.writeTextElement(QStringLiteral("sequence"), s.name);
                w.writeTextElement(QStringLiteral("modality"), s.camera.modality);
                w.writeTextElement(QStringLiteral("frame"), QString::number(frame));
                w.writeEndElement();
                w.writeStartElement(QStringLiteral("size"));
                w.writeTextElement(QStringLiteral("width"), QString::number(s.camera.width));
                w.writeTextElement(QStringLiteral("height"), QString::number(s.camera.height));
                w.writeTextElement(QStringLiteral("depth"), s.camera.modality == QLatin1String("ir") ? QStringLiteral("1") : QStringLiteral("3"));
                w.writeEndElement();
                const auto it = s.boxes.find(frame);
                if (it != s.boxes.end()) {
                    for (const BoxRecord &b : it->second) {
                        w.writeStartElement(QStringLiteral("object"));
                        w.writeTextElement(QStringLiteral("name"), m_g.classes[size_t(m_g.classIndex.at(b.classId))].name);
                        w.writeTextElement(QStringLiteral("pose"), QStringLiteral("Unspecified"));
                        w.writeTextElement(QStringLiteral("truncated"), QStringLiteral("0"));
                        w.writeTextElement(QStringLiteral("difficult"), QStringLiteral("0"));
                        w.writeStartElement(QStringLiteral("bndbox"));
                        w.writeTextElement(QStringLiteral("xmin"), num(b.x));
                        w.writeTextElement(QStringLiteral("ymin"), num(b.y));
                        w.writeTextElement(QStringLiteral("xmax"), num(b.x + b.w));
                        w.writeTextElement(QStringLiteral("ymax"), num(b.y + b.h));
                        w.writeEndElement();
                        w.writeEndElement();
                        ++m_r.boxes;
                    }
                }
                w.writeEndElement();
                w.writeEndDocument();
                const QString target = path(QStringLiteral("Annotations/%1.xml").arg(stem), error);
                if (target.isEmpty() || !writeFile(target, xml, error))
                    return false;
            }
        }
        for (const auto &[split, stems] : sets) {
            if (!writeFile(path(QStringLiteral("ImageSets/Main/%1.txt").arg(split), error),
                           (stems.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8(), error))
                return false;
        }
        return true;
    }

    bool mot(QString *error)
    {
        if (!writeClassNames(error))
            return false;
        for (const ExportSequence &s : m_g.sequences) {
            m_r.splits[s.name] = s.split;
            ++m_r.sequences;
            const QString dir = QStringLiteral("%1/%2").arg(s.split, s.name);
            QByteArray gt;
            for (std::int64_t frame : s.frames) {
                if (!saveImage(s, frame, QStringLiteral("%1/img1/%2%3").arg(dir).arg(frame + 1, 6, 10, QLatin1Char('0')).arg(ext()), error))
                    return false;
                const auto it = s.boxes.find(frame);
                if (it == s.boxes.end())
                    continue;
                for (const BoxRecord &b : it->second) {
                    // frame (1-based), id, x, y, w, h, confidence, class (1-based), visibility
                    gt += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,1\n")
                              .arg(frame + 1)
                              .arg(b.trackId ? *b.trackId : b.id)
                              .arg(num(b.x), num(b.y), num(b.w), num(b.h), num(b.confidence.value_or(1.0)))
                              .arg(m_g.classIndex.at(b.classId) + 1)
                              .toLatin1();
                    ++m_r.boxes;
                }
            }
            if (!writeFile(path(dir + QStringLiteral("/gt/gt.txt"), error), gt, error))
                return false;
            const QByteArray ini = QStringLiteral("[Sequence]\nname=%1\nimDir=img1\nframeRate=%2\nseqLength=%3\nimWidth=%4\nimHeight=%5\nimExt=%6\nmodality=%7\n")
                                       .arg(s.name)
                                       .arg(25)
                                       .arg(s.frameCount)
                                       .arg(s.camera.width)
                                       .arg(s.camera.height)
                                       .arg(ext(), s.camera.modality)
                                       .toUtf8();
            if (!writeFile(path(dir + QStringLiteral("/seqinfo.ini"), error), ini, error))
                return false;
        }
        return true;
    }

    bool antiUav(QString *error)
    {
        for (ExportSequence &s : m_g.sequences) {
            m_r.splits[s.name] = s.split;
            ++m_r.sequences;
            const QString dir = QStringLiteral("%1/%2").arg(s.split, s.name);
            QJsonArray exist, rects;
            QString className;
            // Anti-UAV has one target per frame and an entry for every frame.
            s.frames.clear();
            for (std::int64_t frame = 0; frame < s.frameCount; ++frame) {
                const auto it = s.boxes.find(frame);
                if (it == s.boxes.end() || it->second.empty()) {
                    exist.append(0);
                    rects.append(QJsonArray{});
                    continue;
                }
                std::vector<BoxRecord> &boxes = it->second;
                std::stable_sort(boxes.begin(), boxes.end(), [](const BoxRecord &a, const BoxRecord &b) {
                    return a.confidence.value_or(1.0) > b.confidence.value_or(1.0);
                });
                const BoxRecord &b = boxes.front();
                m_r.droppedBoxes += std::int64_t(boxes.size()) - 1;
                className = m_g.classes[size_t(m_g.classIndex.at(b.classId))].name;
                exist.append(1);
                rects.append(QJsonArray{b.x, b.y, b.w, b.h});
                ++m_r.boxes;
                s.frames.push_back(frame);
            }
            for (std::int64_t frame : s.frames) {
                if (!saveImage(s, frame, QStringLiteral("%1/frames/%2%3").arg(dir).arg(frame + 1, 6, 10, QLatin1Char('0')).arg(ext()), error))
                    return false;
            }
            QJsonObject doc{{QStringLiteral("exist"), exist}, {QStringLiteral("gt_rect"), rects},
                            {QStringLiteral("vigie_width"), s.camera.width}, {QStringLiteral("vigie_height"), s.camera.height}};
            if (!className.isEmpty())
                doc.insert(QStringLiteral("vigie_class"), className);
            const QString file = s.camera.modality == QLatin1String("ir") ? QStringLiteral("IR_label.json") : QStringLiteral("RGB_label.json");
            if (!writeFile(path(dir + QLatin1Char('/') + file, error), QJsonDocument(doc).toJson(QJsonDocument::Compact), error))
                return false;
        }
        return true;
    }

    const ExportOptions &m_o;
    Gathered &m_g;
    ExportReport &m_r;
    QString m_root;
    std::int64_t m_done = 0, m_total = 0;
};

// ---------------------------------------------------------------------------------------
// Import

struct ImportBox
{
    std::int64_t frame = 0;
    QString className;
    double x = 0, y = 0, w = 0, h = 0;
    std::optional<double> confidence;
    QString where; ///< file:line or file: json path
};

struct ImportSequence
{
    QString name;
    QString modality = QStringLiteral("rgb");
    QSize size;
    QString video;
    std::set<std::int64_t> frames; ///< frames the file describes, with or without boxes
    std::int64_t frameCount = 0;   ///< 0: from `frames`
    std::vector<ImportBox> boxes;
};

using Sequences = std::map<QString, ImportSequence>;

bool readFile(const QString &path, QByteArray *data, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    *data = f.readAll();
    return true;
}

/// "seq_000123" → (seq, 123).
bool splitImageName(const QString &stem, QString *sequence, std::int64_t *frame)
{
    static const QRegularExpression re(QStringLiteral("^(.*)_(\\d+)$"));
    const auto m = re.match(stem);
    if (!m.hasMatch())
        return false;
    *sequence = m.captured(1);
    *frame = m.captured(2).toLongLong();
    return true;
}

QSize imageSizeOf(const QString &path)
{
    QImageReader reader(path);
    return reader.size();
}

bool importCoco(const ImportOptions &o, Sequences &seqs, QString *error)
{
    QStringList files;
    const QFileInfo in(o.input);
    QString root = in.isDir() ? in.absoluteFilePath() : in.absolutePath();
    if (in.isDir()) {
        const QDir ann(o.input + QStringLiteral("/annotations"));
        for (const QString &f : ann.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            files << ann.filePath(f);
        if (files.isEmpty()) {
            *error = Tr::tr("%1: no annotations/*.json").arg(o.input);
            return false;
        }
    } else {
        files << o.input;
        root = in.absolutePath();
    }
    for (const QString &file : files) {
        QByteArray data;
        if (!readFile(file, &data, error))
            return false;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
        if (pe.error != QJsonParseError::NoError) {
            *error = Tr::tr("%1:%2: invalid JSON: %3").arg(file).arg(lineOf(data, pe.offset)).arg(pe.errorString());
            return false;
        }
        const QJsonObject root2 = doc.object();
        if (!root2.value(QStringLiteral("images")).isArray() || !root2.value(QStringLiteral("annotations")).isArray()
            || !root2.value(QStringLiteral("categories")).isArray()) {
            *error = Tr::tr("%1: a COCO file needs images, annotations and categories arrays").arg(file);
            return false;
        }
        std::map<qint64, QString> categories;
        const QJsonArray cats = root2.value(QStringLiteral("categories")).toArray();
        for (qsizetype i = 0; i < cats.size(); ++i) {
            const QJsonObject c = cats[i].toObject();
            if (!c.value(QStringLiteral("id")).isDouble() || c.value(QStringLiteral("name")).toString().isEmpty()) {
                *error = Tr::tr("%1: categories[%2]: needs an id and a name").arg(file).arg(i);
                return false;
            }
            categories[c.value(QStringLiteral("id")).toInteger()] = c.value(QStringLiteral("name")).toString();
        }
        struct Image { QString sequence; std::int64_t frame; int width, height; };
        std::map<qint64, Image> images;
        const QJsonArray imgs = root2.value(QStringLiteral("images")).toArray();
        for (qsizetype i = 0; i < imgs.size(); ++i) {
            const QJsonObject im = imgs[i].toObject();
            const QString fileName = im.value(QStringLiteral("file_name")).toString();
            const QString where = Tr::tr("%1: images[%2]").arg(file).arg(i);
            if (!im.value(QStringLiteral("id")).isDouble() || fileName.isEmpty()) {
                *error = Tr::tr("%1: needs an id and a file_name").arg(where);
                return false;
            }
            if (inside(root, fileName).isEmpty()) {
                *error = Tr::tr("%1: file name '%2' escapes the dataset folder").arg(where, fileName);
                return false;
            }
            Image image;
            image.width = im.value(QStringLiteral("width")).toInt();
            image.height = im.value(QStringLiteral("height")).toInt();
            if (image.width <= 0 || image.height <= 0) {
                *error = Tr::tr("%1: needs a positive width and height").arg(where);
                return false;
            }
            if (im.contains(QStringLiteral("vigie_sequence"))) {
                image.sequence = im.value(QStringLiteral("vigie_sequence")).toString();
                image.frame = im.value(QStringLiteral("vigie_frame")).toInteger(-1);
            } else if (!splitImageName(QFileInfo(fileName).completeBaseName(), &image.sequence, &image.frame)) {
                image.sequence = QStringLiteral("coco");
                image.frame = i;
            }
            if (image.frame < 0) {
                *error = Tr::tr("%1: no frame number").arg(where);
                return false;
            }
            ImportSequence &s = seqs[image.sequence];
            s.name = image.sequence;
            if (im.contains(QStringLiteral("vigie_modality")))
                s.modality = im.value(QStringLiteral("vigie_modality")).toString();
            if (s.size.isValid() && s.size != QSize(image.width, image.height)) {
                *error = Tr::tr("%1: %2×%3 differs from the sequence's other frames").arg(where).arg(image.width).arg(image.height);
                return false;
            }
            s.size = QSize(image.width, image.height);
            s.frames.insert(image.frame);
            images[im.value(QStringLiteral("id")).toInteger()] = image;
        }
        const QJsonArray anns = root2.value(QStringLiteral("annotations")).toArray();
        for (qsizetype i = 0; i < anns.size(); ++i) {
            const QJsonObject a = anns[i].toObject();
            const QString where = Tr::tr("%1: annotations[%2]").arg(file).arg(i);
            const auto image = images.find(a.value(QStringLiteral("image_id")).toInteger(-1));
            if (image == images.end()) {
                *error = Tr::tr("%1: image_id %2 is not among the images").arg(where).arg(a.value(QStringLiteral("image_id")).toInteger(-1));
                return false;
            }
            const auto cat = categories.find(a.value(QStringLiteral("category_id")).toInteger(-1));
            if (cat == categories.end()) {
                *error = Tr::tr("%1: unknown category_id %2").arg(where).arg(a.value(QStringLiteral("category_id")).toInteger(-1));
                return false;
            }
            const QJsonArray bbox = a.value(QStringLiteral("bbox")).toArray();
            if (bbox.size() != 4 || !bbox[0].isDouble() || !bbox[1].isDouble() || !bbox[2].isDouble() || !bbox[3].isDouble()) {
                *error = Tr::tr("%1: bbox must be four numbers [x, y, w, h]").arg(where);
                return false;
            }
            ImportBox b{image->second.frame, cat->second, bbox[0].toDouble(), bbox[1].toDouble(), bbox[2].toDouble(),
                        bbox[3].toDouble(), {}, where};
            if (a.contains(QStringLiteral("score")))
                b.confidence = a.value(QStringLiteral("score")).toDouble();
            seqs[image->second.sequence].boxes.push_back(b);
        }
    }
    return true;
}

bool readNames(const QString &file, QStringList *names, QString *error)
{
    QByteArray data;
    if (!readFile(file, &data, error))
        return false;
    for (const QByteArray &line : data.split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (!name.isEmpty())
            names->append(name);
    }
    if (names->isEmpty()) {
        *error = Tr::tr("%1: no class name").arg(file);
        return false;
    }
    return true;
}

bool importYolo(const ImportOptions &o, Sequences &seqs, QString *error)
{
    QStringList names;
    if (!readNames(o.input + QStringLiteral("/classes.txt"), &names, error))
        return false;
    const QDir labels(o.input + QStringLiteral("/labels"));
    if (!labels.exists()) {
        *error = Tr::tr("%1: no labels folder").arg(o.input);
        return false;
    }
    for (const QString &split : labels.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(labels.filePath(split));
        for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
            const QString file = dir.filePath(name);
            const QString stem = QFileInfo(name).completeBaseName();
            QString sequence;
            std::int64_t frame = 0;
            if (!splitImageName(stem, &sequence, &frame)) {
                *error = Tr::tr("%1: the name does not end with _<frame number>").arg(file);
                return false;
            }
            // The image gives the size that normalised coordinates need.
            QString image;
            for (const char *ext : {".png", ".jpg", ".jpeg", ".bmp", ".tif"}) {
                const QString candidate = QStringLiteral("%1/images/%2/%3%4").arg(o.input, split, stem, QLatin1String(ext));
                if (QFile::exists(candidate)) {
                    image = candidate;
                    break;
                }
            }
            if (image.isEmpty()) {
                *error = Tr::tr("%1: missing frame: no image %2 beside the labels").arg(file, stem);
                return false;
            }
            const QSize size = imageSizeOf(image);
            if (!size.isValid()) {
                *error = Tr::tr("%1: unreadable image").arg(image);
                return false;
            }
            ImportSequence &s = seqs[sequence];
            s.name = sequence;
            s.size = size;
            s.frames.insert(frame);
            QByteArray data;
            if (!readFile(file, &data, error))
                return false;
            int lineNo = 0;
            for (const QByteArray &raw : data.split('\n')) {
                ++lineNo;
                const QString line = QString::fromUtf8(raw).trimmed();
                if (line.isEmpty())
                    continue;
                const QString where = QStringLiteral("%1:%2").arg(file).arg(lineNo);
                const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (f.size() != 5) {
                    *error = Tr::tr("%1: expected 'class cx cy w h', got %2 fields").arg(where).arg(f.size());
                    return false;
                }
                bool ok = false;
                const int cls = f[0].toInt(&ok);
                if (!ok || cls < 0 || cls >= names.size()) {
                    *error = Tr::tr("%1: unknown class '%2' (classes.txt has %3)").arg(where, f[0]).arg(names.size());
                    return false;
                }
                std::optional<double> v[4];
                for (int k = 0; k < 4; ++k) {
                    v[k] = parseNum(f[k + 1]);
                    if (!v[k]) {
                        *error = Tr::tr("%1: '%2' is not a number").arg(where, f[k + 1]);
                        return false;
                    }
                }
                const double W = size.width(), H = size.height();
                const double w = *v[2] * W, h = *v[3] * H;
                s.boxes.push_back({frame, names[cls], *v[0] * W - w / 2, *v[1] * H - h / 2, w, h, {}, where});
            }
        }
    }
    return true;
}

bool importVoc(const ImportOptions &o, Sequences &seqs, QString *error)
{
    const QDir dir(o.input + QStringLiteral("/Annotations"));
    if (!dir.exists()) {
        *error = Tr::tr("%1: no Annotations folder").arg(o.input);
        return false;
    }
    for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name)) {
        const QString file = dir.filePath(name);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(file, f.errorString());
            return false;
        }
        QXmlStreamReader xml(&f);
        QString filename, sequence, modality, element;
        std::int64_t frame = -1;
        int width = 0, height = 0;
        struct Obj { QString name; std::optional<double> xmin, ymin, xmax, ymax; qint64 line; };
        std::vector<Obj> objects;
        QStringList path;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                path << xml.name().toString();
                if (xml.name() == QLatin1String("object"))
                    objects.push_back({{}, {}, {}, {}, {}, xml.lineNumber()});
            } else if (xml.isEndElement()) {
                path.removeLast();
            } else if (xml.isCharacters() && !xml.isWhitespace() && !path.isEmpty()) {
                const QString tag = path.last();
                const QString text = xml.text().toString().trimmed();
                const QString parent = path.size() > 1 ? path[path.size() - 2] : QString();
                if (tag == QLatin1String("filename") && parent == QLatin1String("annotation"))
                    filename = text;
                else if (tag == QLatin1String("sequence"))
                    sequence = text;
                else if (tag == QLatin1String("modality"))
                    modality = text;
                else if (tag == QLatin1String("frame") && parent == QLatin1String("source"))
                    frame = text.toLongLong();
                else if (tag == QLatin1String("width") && parent == QLatin1String("size"))
                    width = text.toInt();
                else if (tag == QLatin1String("height") && parent == QLatin1String("size"))
                    height = text.toInt();
                else if (!objects.empty() && path.contains(QLatin1String("object"))) {
                    Obj &obj = objects.back();
                    if (tag == QLatin1String("name") && parent == QLatin1String("object"))
                        obj.name = text;
                    else if (parent == QLatin1String("bndbox")) {
                        const auto v = parseNum(text);
                        if (!v) {
                            *error = Tr::tr("%1:%2: %3 '%4' is not a number").arg(file).arg(xml.lineNumber()).arg(tag, text);
                            return false;
                        }
                        if (tag == QLatin1String("xmin")) obj.xmin = v;
                        else if (tag == QLatin1String("ymin")) obj.ymin = v;
                        else if (tag == QLatin1String("xmax")) obj.xmax = v;
                        else if (tag == QLatin1String("ymax")) obj.ymax = v;
                    }
                }
            }
        }
        if (xml.hasError()) {
            *error = Tr::tr("%1:%2: invalid XML: %3").arg(file).arg(xml.lineNumber()).arg(xml.errorString());
            return false;
        }
        if (!filename.isEmpty() && inside(o.input, QStringLiteral("JPEGImages/") + filename).isEmpty()) {
            *error = Tr::tr("%1: file name '%2' escapes the dataset folder").arg(file, filename);
            return false;
        }
        if (sequence.isEmpty() && !splitImageName(QFileInfo(name).completeBaseName(), &sequence, &frame)) {
            *error = Tr::tr("%1: no sequence and frame (source/sequence, source/frame, or a name ending _<frame>)").arg(file);
            return false;
        }
        if (frame < 0 || width <= 0 || height <= 0) {
            *error = Tr::tr("%1: needs size/width, size/height and a frame number").arg(file);
            return false;
        }
        ImportSequence &s = seqs[sequence];
        s.name = sequence;
        if (!modality.isEmpty())
            s.modality = modality;
        s.size = QSize(width, height);
        s.frames.insert(frame);
        for (const Obj &obj : objects) {
            const QString where = QStringLiteral("%1:%2").arg(file).arg(obj.line);
            if (obj.name.isEmpty() || !obj.xmin || !obj.ymin || !obj.xmax || !obj.ymax) {
                *error = Tr::tr("%1: an object needs a name and xmin, ymin, xmax, ymax").arg(where);
                return false;
            }
            s.boxes.push_back({frame, obj.name, *obj.xmin, *obj.ymin, *obj.xmax - *obj.xmin, *obj.ymax - *obj.ymin, {}, where});
        }
    }
    return true;
}

bool importMot(const ImportOptions &o, Sequences &seqs, QString *error)
{
    QStringList names;
    if (QFile::exists(o.input + QStringLiteral("/classes.txt"))) {
        if (!readNames(o.input + QStringLiteral("/classes.txt"), &names, error))
            return false;
    }
    QStringList gts;
    const QDir root(o.input);
    for (const QString &split : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir sd(root.filePath(split));
        for (const QString &seq : sd.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (QFile::exists(sd.filePath(seq + QStringLiteral("/gt/gt.txt"))))
                gts << sd.filePath(seq);
        }
        if (QFile::exists(root.filePath(split + QStringLiteral("/gt/gt.txt"))))
            gts << root.filePath(split);
    }
    if (gts.isEmpty()) {
        *error = Tr::tr("%1: no <sequence>/gt/gt.txt").arg(o.input);
        return false;
    }
    for (const QString &dir : std::as_const(gts)) {
        const QString ini = dir + QStringLiteral("/seqinfo.ini");
        QByteArray iniData;
        if (!readFile(ini, &iniData, error))
            return false;
        QMap<QString, QString> info;
        for (const QByteArray &line : iniData.split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                info.insert(QString::fromUtf8(line.left(eq)).trimmed(), QString::fromUtf8(line.mid(eq + 1)).trimmed());
        }
        ImportSequence &s = seqs[info.value(QStringLiteral("name"), QFileInfo(dir).fileName())];
        s.name = info.value(QStringLiteral("name"), QFileInfo(dir).fileName());
        s.size = QSize(info.value(QStringLiteral("imWidth")).toInt(), info.value(QStringLiteral("imHeight")).toInt());
        s.frameCount = info.value(QStringLiteral("seqLength")).toLongLong();
        s.modality = info.value(QStringLiteral("modality"), QStringLiteral("rgb"));
        if (!s.size.isValid() || s.frameCount <= 0) {
            *error = Tr::tr("%1: needs imWidth, imHeight and seqLength").arg(ini);
            return false;
        }
        const QString file = dir + QStringLiteral("/gt/gt.txt");
        QByteArray data;
        if (!readFile(file, &data, error))
            return false;
        int lineNo = 0;
        for (const QByteArray &raw : data.split('\n')) {
            ++lineNo;
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty())
                continue;
            const QString where = QStringLiteral("%1:%2").arg(file).arg(lineNo);
            const QStringList f = line.split(QLatin1Char(','));
            if (f.size() < 6) {
                *error = Tr::tr("%1: expected frame,id,x,y,w,h[,conf,class,visibility]").arg(where);
                return false;
            }
            std::optional<double> v[5];
            for (int k = 0; k < 5; ++k) {
                v[k] = parseNum(f[k == 0 ? 0 : k + 1]);
                if (!v[k]) {
                    *error = Tr::tr("%1: field %2 '%3' is not a number").arg(where).arg(k == 0 ? 1 : k + 2).arg(f[k == 0 ? 0 : k + 1]);
                    return false;
                }
            }
            const std::int64_t frame = std::int64_t(*v[0]) - 1;
            if (frame < 0 || frame >= s.frameCount) {
                *error = Tr::tr("%1: missing frame: frame %2 is not in 1..%3").arg(where).arg(frame + 1).arg(s.frameCount);
                return false;
            }
            QString cls = o.className;
            if (f.size() >= 8) {
                bool ok = false;
                const int c = f[7].trimmed().toInt(&ok);
                if (!ok || c < 1 || (!names.isEmpty() && c > names.size())) {
                    *error = Tr::tr("%1: unknown class '%2'").arg(where, f[7]);
                    return false;
                }
                if (!names.isEmpty())
                    cls = names[c - 1];
            }
            std::optional<double> conf;
            if (f.size() >= 7) {
                conf = parseNum(f[6]);
                if (conf && (*conf < 0 || *conf > 1))
                    conf.reset(); // MOT uses 1 or -1 as flags, not probabilities
            }
            s.boxes.push_back({frame, cls, *v[1], *v[2], *v[3], *v[4], conf, where});
            s.frames.insert(frame);
        }
    }
    return true;
}

bool importAntiUav(const ImportOptions &o, Sequences &seqs, QString *error)
{
    QStringList files;
    QDirIterator it(o.input, {QStringLiteral("IR_label.json"), QStringLiteral("RGB_label.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    if (QFileInfo(o.input).isFile())
        files = {o.input};
    if (files.isEmpty()) {
        *error = Tr::tr("%1: no IR_label.json or RGB_label.json").arg(o.input);
        return false;
    }
    for (const QString &file : std::as_const(files)) {
        QByteArray data;
        if (!readFile(file, &data, error))
            return false;
        QJsonParseError pe;
        const QJsonObject doc = QJsonDocument::fromJson(data, &pe).object();
        if (pe.error != QJsonParseError::NoError) {
            *error = Tr::tr("%1:%2: invalid JSON: %3").arg(file).arg(lineOf(data, pe.offset)).arg(pe.errorString());
            return false;
        }
        const QJsonArray exist = doc.value(QStringLiteral("exist")).toArray();
        const QJsonArray rects = doc.value(QStringLiteral("gt_rect")).toArray();
        if (exist.size() != rects.size() || exist.isEmpty()) {
            *error = Tr::tr("%1: exist and gt_rect must have one entry per frame").arg(file);
            return false;
        }
        const QString name = QFileInfo(file).dir().dirName();
        ImportSequence &s = seqs[name];
        s.name = name;
        s.modality = QFileInfo(file).fileName().startsWith(QLatin1String("IR")) ? QStringLiteral("ir") : QStringLiteral("rgb");
        s.frameCount = exist.size();
        s.size = QSize(doc.value(QStringLiteral("vigie_width")).toInt(o.frameSize.width()),
                       doc.value(QStringLiteral("vigie_height")).toInt(o.frameSize.height()));
        if (!s.size.isValid() || s.size.isEmpty()) {
            *error = Tr::tr("%1: the frame size is unknown: give it with --size WxH").arg(file);
            return false;
        }
        const QString cls = doc.value(QStringLiteral("vigie_class")).toString(o.className);
        for (qsizetype i = 0; i < exist.size(); ++i) {
            s.frames.insert(i);
            if (exist[i].toInt() == 0)
                continue;
            const QJsonArray r = rects[i].toArray();
            const QString where = Tr::tr("%1: gt_rect[%2]").arg(file).arg(i);
            if (r.size() != 4) {
                *error = Tr::tr("%1: exist is 1 but the rectangle is not [x, y, w, h]").arg(where);
                return false;
            }
            s.boxes.push_back({i, cls, r[0].toDouble(), r[1].toDouble(), r[2].toDouble(), r[3].toDouble(), {}, where});
        }
    }
    return true;
}

bool importAntiUavText(const ImportOptions &o, Sequences &seqs, QString *error)
{
    QByteArray data;
    if (!readFile(o.input, &data, error))
        return false;
    if (!o.frameSize.isValid() || o.frameSize.isEmpty()) {
        *error = Tr::tr("%1: the frame size is unknown: give the video (--video) or --size WxH").arg(o.input);
        return false;
    }
    QString name = QFileInfo(o.input).fileName();
    name = name.left(name.indexOf(QLatin1Char('.')));
    ImportSequence &s = seqs[name];
    s.name = name;
    s.modality = QStringLiteral("ir");
    s.size = o.frameSize;
    s.video = o.videoPath;
    std::int64_t frame = 0;
    int lineNo = 0;
    QList<QByteArray> lines = data.split('\n');
    if (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    for (const QByteArray &raw : std::as_const(lines)) {
        ++lineNo;
        const QString where = QStringLiteral("%1:%2").arg(o.input).arg(lineNo);
        const QStringList f = QString::fromUtf8(raw).split(QRegularExpression(QStringLiteral("[\\t ,]+")), Qt::SkipEmptyParts);
        if (f.size() != 4) {
            *error = Tr::tr("%1: expected 'x y w h' separated by tabs, got %2 fields").arg(where).arg(f.size());
            return false;
        }
        std::optional<double> v[4];
        for (int k = 0; k < 4; ++k) {
            v[k] = parseNum(f[k]);
            if (!v[k]) {
                *error = Tr::tr("%1: '%2' is not a number").arg(where, f[k]);
                return false;
            }
        }
        s.frames.insert(frame);
        if (*v[2] > 0 && *v[3] > 0) // zero-size rows mark frames without the target
            s.boxes.push_back({frame, o.className, *v[0], *v[1], *v[2], *v[3], {}, where});
        ++frame;
    }
    s.frameCount = frame;
    if (o.frameCount >= 0 && o.frameCount != frame) {
        *error = Tr::tr("%1: %2 lines, but the video has %3 frames").arg(o.input).arg(frame).arg(o.frameCount);
        return false;
    }
    return true;
}

} // namespace

std::optional<ExchangeFormat> exchangeFormatFromString(QStringView name)
{
    for (int i = 0; i < 6; ++i) {
        if (name == QLatin1String(formatNames[i]))
            return ExchangeFormat(i);
    }
    return std::nullopt;
}

QString toString(ExchangeFormat format)
{
    return QString::fromLatin1(formatNames[int(format)]);
}

QStringList exchangeFormatNames()
{
    QStringList names;
    for (const char *n : formatNames)
        names << QString::fromLatin1(n);
    return names;
}

QString splitOf(const QString &sequence, const SplitRatios &ratios)
{
    // FNV-1a of the UTF-8 name: the same on every machine and every run.
    std::uint64_t h = 1469598103934665603ull;
    for (char c : sequence.toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    // FNV's high bits barely move between names like seq1, seq2: finish with the MurmurHash3
    // mixer so that the split follows the ratios.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    const double u = double(h >> 11) * 0x1.0p-53;
    const double total = ratios.train + ratios.val + ratios.test;
    if (u < ratios.train / total)
        return QStringLiteral("train");
    if (u < (ratios.train + ratios.val) / total)
        return QStringLiteral("val");
    return QStringLiteral("test");
}

bool exportDataset(const Dataset &dataset, const ExportOptions &options, ExportReport *report, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    ExportReport local;
    if (!report)
        report = &local;
    if (options.outDir.isEmpty()) {
        *error = Tr::tr("no export folder given");
        return false;
    }
    if (options.imageFormat != QLatin1String("png") && options.imageFormat != QLatin1String("jpg")
        && options.imageFormat != QLatin1String("none")) {
        *error = Tr::tr("image format '%1' is not png, jpg or none").arg(options.imageFormat);
        return false;
    }
    if (!QDir().mkpath(options.outDir)) {
        *error = Tr::tr("%1: cannot create the export folder").arg(options.outDir);
        return false;
    }
    Gathered g;
    if (!gather(dataset, options, g, error))
        return false;
    return Exporter(options, g, *report).run(error);
}

bool importDataset(Dataset &dataset, const ImportOptions &options, ImportReport *report, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    ImportReport local;
    if (!report)
        report = &local;
    if (!QFileInfo::exists(options.input)) {
        *error = Tr::tr("%1: no such file or folder").arg(options.input);
        return false;
    }
    Sequences seqs;
    bool parsed = false;
    switch (options.format) {
    case ExchangeFormat::Coco: parsed = importCoco(options, seqs, error); break;
    case ExchangeFormat::Yolo: parsed = importYolo(options, seqs, error); break;
    case ExchangeFormat::Voc: parsed = importVoc(options, seqs, error); break;
    case ExchangeFormat::Mot: parsed = importMot(options, seqs, error); break;
    case ExchangeFormat::AntiUav: parsed = importAntiUav(options, seqs, error); break;
    case ExchangeFormat::AntiUavText: parsed = importAntiUavText(options, seqs, error); break;
    }
    if (!parsed)
        return false;
    // Validate everything before writing anything.
    constexpr double slack = 1e-6;
    for (const auto &[name, s] : seqs) {
        if (s.modality != QLatin1String("rgb") && s.modality != QLatin1String("ir")) {
            *error = Tr::tr("sequence %1: modality '%2' is not rgb or ir").arg(name, s.modality);
            return false;
        }
        for (const ImportBox &b : s.boxes) {
            if (!(b.w > 0 && b.h > 0)) {
                *error = Tr::tr("%1: the box has no area (w %2, h %3)").arg(b.where).arg(b.w).arg(b.h);
                return false;
            }
            if (b.x < -slack || b.y < -slack || b.x + b.w > s.size.width() + slack || b.y + b.h > s.size.height() + slack) {
                *error = Tr::tr("%1: the box [%2, %3, %4, %5] lies outside the %6×%7 image")
                             .arg(b.where)
                             .arg(b.x).arg(b.y).arg(b.w).arg(b.h)
                             .arg(s.size.width()).arg(s.size.height());
                return false;
            }
            if (b.className.trimmed().isEmpty()) {
                *error = Tr::tr("%1: the box has no class").arg(b.where);
                return false;
            }
        }
    }
    if (dataset.campaignByName(options.campaign)) {
        *error = Tr::tr("campaign '%1' is already in the dataset: import under another name (--campaign)").arg(options.campaign);
        return false;
    }
    return dataset.transaction(
        [&](QString *e) {
            const auto campaign = dataset.addCampaign({0, options.campaign, QString(), 0}, e);
            if (!campaign)
                return false;
            std::map<QString, std::int64_t> classIds;
            for (const auto &[name, s] : seqs) {
                const auto camera = dataset.addCamera({0, *campaign, name, s.modality, s.video, s.size.width(), s.size.height()}, e);
                if (!camera)
                    return false;
                std::int64_t count = s.frameCount;
                if (!s.frames.empty())
                    count = std::max<std::int64_t>(count, *s.frames.rbegin() + 1);
                if (!dataset.ensureFrames(*camera, count, {}, e))
                    return false;
                ++report->sequences;
                report->frames += count;
                std::vector<BoxRecord> boxes;
                boxes.reserve(s.boxes.size());
                for (const ImportBox &b : s.boxes) {
                    auto cls = classIds.find(b.className);
                    if (cls == classIds.end()) {
                        const auto id = dataset.ensureClass(b.className, e);
                        if (!id)
                            return false;
                        cls = classIds.emplace(b.className, *id).first;
                        if (!report->classes.contains(b.className))
                            report->classes << b.className;
                    }
                    BoxRecord r;
                    r.frameId = *dataset.frameId(*camera, b.frame);
                    r.classId = cls->second;
                    r.x = b.x;
                    r.y = b.y;
                    r.w = b.w;
                    r.h = b.h;
                    r.source = options.source;
                    r.state = options.state;
                    r.confidence = b.confidence;
                    r.author = options.author;
                    boxes.push_back(r);
                }
                if (!dataset.insertBoxes(boxes, e))
                    return false;
                report->boxes += std::int64_t(boxes.size());
            }
            return true;
        },
        error);
}

} // namespace vigie::db
