#include "inference/cocoeval.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace vigie::inference::coco {

namespace {

/// The translation context of this file's messages (lupdate reads the same one).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::inference::coco)
};

constexpr double kEps = 2.220446049250313e-16; // numpy.spacing(1)

bool outside(double area, const std::pair<double, double> &range)
{
    return area < range.first || area > range.second;
}

/// numpy.argsort(keys, kind='mergesort'): a stable ascending order.
template<typename Key>
std::vector<std::size_t> stableOrder(std::size_t n, Key key)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return order;
}

/// One image × category × area range, as COCOeval.evaluateImg returns it.
struct ImageEval
{
    std::vector<std::int64_t> dtIds, gtIds;
    std::vector<double> dtScores;
    std::vector<std::vector<std::int64_t>> dtMatches; ///< [T][D] ground-truth ids
    std::vector<std::vector<std::int64_t>> gtMatches; ///< [T][G] detection ids
    std::vector<std::vector<bool>> dtIgnore;          ///< [T][D]
    std::vector<bool> gtIgnore;
};

double mean(const std::vector<double> &values)
{
    double sum = 0;
    int n = 0;
    for (double v : values) {
        if (v > -1) {
            sum += v;
            ++n;
        }
    }
    return n ? sum / n : -1.0;
}

} // namespace

double boxIou(const Box &d, const Box &g, bool crowd)
{
    // maskApi.c's bbIou.
    const double w = std::min(d.w + d.x, g.w + g.x) - std::max(d.x, g.x);
    if (w <= 0)
        return 0;
    const double h = std::min(d.h + d.y, g.h + g.y) - std::max(d.y, g.y);
    if (h <= 0)
        return 0;
    const double i = w * h;
    const double u = crowd ? d.w * d.h : d.w * d.h + g.w * g.h - i;
    return i / u;
}

std::vector<double> linspace(double start, double stop, int num)
{
    std::vector<double> y(std::size_t(std::max(0, num)));
    if (num <= 0)
        return y;
    const int div = num - 1;
    const double step = div > 0 ? (stop - start) / div : 0.0;
    for (int i = 0; i < num; ++i)
        y[std::size_t(i)] = double(i) * step + start;
    if (num > 1)
        y.back() = stop;
    return y;
}

Params Params::defaults()
{
    Params p;
    p.iouThresholds = linspace(0.5, 0.95, int(std::round((0.95 - 0.5) / 0.05)) + 1);
    p.recallThresholds = linspace(0.0, 1.0, int(std::round((1.0 - 0.0) / 0.01)) + 1);
    p.areaRanges = {{0.0, 1e10}, {0.0, 32.0 * 32.0}, {32.0 * 32.0, 96.0 * 96.0}, {96.0 * 96.0, 1e10}};
    return p;
}

double Result::precisionAt(int t, int r, int k, int a, int m) const
{
    return precision[std::size_t((((t * R + r) * K + k) * A + a) * M + m)];
}

double Result::recallAt(int t, int k, int a, int m) const
{
    return recall[std::size_t(((t * K + k) * A + a) * M + m)];
}

QStringList statNames()
{
    return {QStringLiteral("AP"),        QStringLiteral("AP50"),     QStringLiteral("AP75"),
            QStringLiteral("APsmall"),   QStringLiteral("APmedium"), QStringLiteral("APlarge"),
            QStringLiteral("AR1"),       QStringLiteral("AR10"),     QStringLiteral("AR100"),
            QStringLiteral("ARsmall"),   QStringLiteral("ARmedium"), QStringLiteral("ARlarge")};
}

Result evaluate(const GroundTruthSet &truth, const std::vector<Detection> &detections, const Params &p)
{
    Result result;
    result.params = p;
    std::vector<std::int64_t> imgIds = truth.imageIds;
    std::sort(imgIds.begin(), imgIds.end());
    imgIds.erase(std::unique(imgIds.begin(), imgIds.end()), imgIds.end());
    std::vector<std::int64_t> catIds = truth.categoryIds;
    std::sort(catIds.begin(), catIds.end());
    catIds.erase(std::unique(catIds.begin(), catIds.end()), catIds.end());
    std::vector<int> maxDets = p.maxDets;
    std::sort(maxDets.begin(), maxDets.end());
    const std::set<std::int64_t> imgSet(imgIds.begin(), imgIds.end()), catSet(catIds.begin(), catIds.end());

    // _prepare: boxes by (image, category), in file order.
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const GroundTruth *>> gts;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const Detection *>> dts;
    for (const GroundTruth &g : truth.boxes) {
        if (imgSet.count(g.imageId) && (!p.useCategories || catSet.count(g.categoryId)))
            gts[{g.imageId, g.categoryId}].push_back(&g);
    }
    for (const Detection &d : detections) {
        if (imgSet.count(d.imageId) && (!p.useCategories || catSet.count(d.categoryId)))
            dts[{d.imageId, d.categoryId}].push_back(&d);
    }
    const std::vector<std::int64_t> evalCats = p.useCategories ? catIds : std::vector<std::int64_t>{-1};
    auto gtOf = [&](std::int64_t img, std::int64_t cat) {
        std::vector<const GroundTruth *> out;
        for (std::int64_t c : p.useCategories ? std::vector<std::int64_t>{cat} : catIds) {
            const auto it = gts.find({img, c});
            if (it != gts.end())
                out.insert(out.end(), it->second.begin(), it->second.end());
        }
        return out;
    };
    auto dtOf = [&](std::int64_t img, std::int64_t cat) {
        std::vector<const Detection *> out;
        for (std::int64_t c : p.useCategories ? std::vector<std::int64_t>{cat} : catIds) {
            const auto it = dts.find({img, c});
            if (it != dts.end())
                out.insert(out.end(), it->second.begin(), it->second.end());
        }
        // Highest score first, stable, cut at the largest maxDets (computeIoU and evaluateImg
        // sort and cut the same way).
        const auto order = stableOrder(out.size(), [&](std::size_t i) { return -out[i]->score; });
        std::vector<const Detection *> sorted;
        for (std::size_t i = 0; i < order.size() && int(i) < maxDets.back(); ++i)
            sorted.push_back(out[order[i]]);
        return sorted;
    };

    const int T = int(p.iouThresholds.size()), R = int(p.recallThresholds.size()), K = int(evalCats.size()),
              A = int(p.areaRanges.size()), M = int(maxDets.size()), I = int(imgIds.size());
    // evaluate(): evalImgs[k][a][i].
    std::vector<std::optional<ImageEval>> evalImgs(std::size_t(K) * std::size_t(A) * std::size_t(I));
    for (int k = 0; k < K; ++k) {
        for (int i = 0; i < I; ++i) {
            const auto gt0 = gtOf(imgIds[std::size_t(i)], evalCats[std::size_t(k)]);
            const auto dt = dtOf(imgIds[std::size_t(i)], evalCats[std::size_t(k)]);
            if (gt0.empty() && dt.empty())
                continue;
            // ious[d][g] over the ground truth in file order.
            std::vector<std::vector<double>> ious0(dt.size(), std::vector<double>(gt0.size(), 0.0));
            for (std::size_t d = 0; d < dt.size(); ++d) {
                for (std::size_t g = 0; g < gt0.size(); ++g)
                    ious0[d][g] = boxIou(dt[d]->box, gt0[g]->box, gt0[g]->crowd);
            }
            for (int a = 0; a < A; ++a) {
                const auto &range = p.areaRanges[std::size_t(a)];
                std::vector<int> ignore0(gt0.size());
                for (std::size_t g = 0; g < gt0.size(); ++g)
                    ignore0[g] = (gt0[g]->crowd || outside(gt0[g]->area, range)) ? 1 : 0;
                const auto gtind = stableOrder(gt0.size(), [&](std::size_t g) { return ignore0[g]; });
                const std::size_t G = gt0.size(), D = dt.size();
                ImageEval e;
                e.gtIgnore.resize(G);
                for (std::size_t g = 0; g < G; ++g) {
                    e.gtIds.push_back(gt0[gtind[g]]->id);
                    e.gtIgnore[g] = ignore0[gtind[g]] != 0;
                }
                for (const Detection *d : dt) {
                    e.dtIds.push_back(d->id);
                    e.dtScores.push_back(d->score);
                }
                e.dtMatches.assign(std::size_t(T), std::vector<std::int64_t>(D, 0));
                e.gtMatches.assign(std::size_t(T), std::vector<std::int64_t>(G, 0));
                e.dtIgnore.assign(std::size_t(T), std::vector<bool>(D, false));
                if (D > 0 && G > 0) {
                    for (int t = 0; t < T; ++t) {
                        for (std::size_t d = 0; d < D; ++d) {
                            double best = std::min(p.iouThresholds[std::size_t(t)], 1 - 1e-10);
                            long m = -1;
                            for (std::size_t g = 0; g < G; ++g) {
                                const bool crowd = gt0[gtind[g]]->crowd;
                                if (e.gtMatches[std::size_t(t)][g] > 0 && !crowd)
                                    continue;
                                if (m > -1 && !e.gtIgnore[std::size_t(m)] && e.gtIgnore[g])
                                    break;
                                const double o = ious0[d][gtind[g]];
                                if (o < best)
                                    continue;
                                best = o;
                                m = long(g);
                            }
                            if (m == -1)
                                continue;
                            e.dtIgnore[std::size_t(t)][d] = e.gtIgnore[std::size_t(m)];
                            e.dtMatches[std::size_t(t)][d] = e.gtIds[std::size_t(m)];
                            e.gtMatches[std::size_t(t)][std::size_t(m)] = dt[d]->id;
                        }
                    }
                }
                for (int t = 0; t < T; ++t) {
                    for (std::size_t d = 0; d < D; ++d) {
                        if (e.dtMatches[std::size_t(t)][d] == 0 && outside(dt[d]->area, range))
                            e.dtIgnore[std::size_t(t)][d] = true;
                    }
                }
                evalImgs[(std::size_t(k) * std::size_t(A) + std::size_t(a)) * std::size_t(I) + std::size_t(i)] =
                    std::move(e);
            }
        }
    }

    // accumulate()
    result.T = T;
    result.R = R;
    result.K = K;
    result.A = A;
    result.M = M;
    result.precision.assign(std::size_t(T) * R * K * A * M, -1.0);
    result.recall.assign(std::size_t(T) * K * A * M, -1.0);
    for (int k = 0; k < K; ++k) {
        for (int a = 0; a < A; ++a) {
            for (int m = 0; m < M; ++m) {
                const int maxDet = maxDets[std::size_t(m)];
                std::vector<const ImageEval *> E;
                for (int i = 0; i < I; ++i) {
                    const auto &e = evalImgs[(std::size_t(k) * std::size_t(A) + std::size_t(a)) * std::size_t(I) + std::size_t(i)];
                    if (e)
                        E.push_back(&*e);
                }
                if (E.empty())
                    continue;
                std::vector<double> scores;
                std::vector<std::pair<const ImageEval *, std::size_t>> where;
                int npig = 0;
                for (const ImageEval *e : E) {
                    for (std::size_t d = 0; d < e->dtScores.size() && int(d) < maxDet; ++d) {
                        scores.push_back(e->dtScores[d]);
                        where.emplace_back(e, d);
                    }
                    for (bool ig : e->gtIgnore)
                        npig += ig ? 0 : 1;
                }
                if (npig == 0)
                    continue;
                const auto inds = stableOrder(scores.size(), [&](std::size_t i) { return -scores[i]; });
                const std::size_t nd = inds.size();
                for (int t = 0; t < T; ++t) {
                    std::vector<double> rc(nd), pr(nd);
                    double tp = 0, fp = 0;
                    for (std::size_t j = 0; j < nd; ++j) {
                        const auto [e, d] = where[inds[j]];
                        const bool matched = e->dtMatches[std::size_t(t)][d] != 0;
                        const bool ignored = e->dtIgnore[std::size_t(t)][d];
                        if (matched && !ignored)
                            tp += 1;
                        if (!matched && !ignored)
                            fp += 1;
                        rc[j] = tp / npig;
                        pr[j] = tp / (fp + tp + kEps);
                    }
                    result.recall[std::size_t(((t * K + k) * A + a) * M + m)] = nd ? rc.back() : 0.0;
                    for (std::size_t j = nd; j-- > 1;) {
                        if (pr[j] > pr[j - 1])
                            pr[j - 1] = pr[j];
                    }
                    for (int r = 0; r < R; ++r) {
                        const auto pos = std::size_t(std::lower_bound(rc.begin(), rc.end(), p.recallThresholds[std::size_t(r)]) - rc.begin());
                        const double q = pos < nd ? pr[pos] : 0.0;
                        result.precision[std::size_t((((t * R + r) * K + k) * A + a) * M + m)] = q;
                    }
                    // pycocotools stops at the first threshold beyond the curve and leaves the
                    // rest at zero: lower_bound is monotone, so the zeros above are the same.
                }
            }
        }
    }

    // summarize()
    auto tIndex = [&](double thr) {
        for (int t = 0; t < T; ++t) {
            if (p.iouThresholds[std::size_t(t)] == thr)
                return t;
        }
        return -1;
    };
    auto mIndex = [&](int maxDet) {
        for (int m = 0; m < M; ++m) {
            if (maxDets[std::size_t(m)] == maxDet)
                return m;
        }
        return -1;
    };
    auto summarize = [&](bool ap, std::optional<double> iouThr, int a, int maxDet) {
        const int m = mIndex(maxDet);
        if (m < 0 || a >= A)
            return -1.0;
        const int only = iouThr ? tIndex(*iouThr) : -1;
        if (iouThr && only < 0)
            return -1.0;
        std::vector<double> cells;
        for (int t = 0; t < T; ++t) {
            if (only >= 0 && t != only)
                continue;
            for (int k = 0; k < K; ++k) {
                if (ap) {
                    for (int r = 0; r < R; ++r)
                        cells.push_back(result.precisionAt(t, r, k, a, m));
                } else {
                    cells.push_back(result.recallAt(t, k, a, m));
                }
            }
        }
        return mean(cells);
    };
    const int last = maxDets.back();
    const int d0 = maxDets.front(), d1 = maxDets[std::min<std::size_t>(1, maxDets.size() - 1)];
    const double t75 = T > 5 ? p.iouThresholds[5] : 0.75;
    result.stats = {summarize(true, std::nullopt, 0, last),  summarize(true, 0.5, 0, last),
                    summarize(true, t75, 0, last),           summarize(true, std::nullopt, 1, last),
                    summarize(true, std::nullopt, 2, last),  summarize(true, std::nullopt, 3, last),
                    summarize(false, std::nullopt, 0, d0),   summarize(false, std::nullopt, 0, d1),
                    summarize(false, std::nullopt, 0, last), summarize(false, std::nullopt, 1, last),
                    summarize(false, std::nullopt, 2, last), summarize(false, std::nullopt, 3, last)};

    // Matches for review: IoU 0.5 (the first threshold), all areas, every category.
    if (T > 0 && A > 0) {
        for (int k = 0; k < K; ++k) {
            for (int i = 0; i < I; ++i) {
                const auto &e = evalImgs[std::size_t(k) * std::size_t(A) * std::size_t(I) + std::size_t(i)];
                if (!e)
                    continue;
                for (std::size_t d = 0; d < e->dtIds.size(); ++d)
                    result.detections.push_back({e->dtIds[d], e->dtMatches[0][d], e->dtIgnore[0][d]});
                for (std::size_t g = 0; g < e->gtIds.size(); ++g)
                    result.truths.push_back({e->gtMatches[0][g], e->gtIds[g], e->gtIgnore[g]});
            }
        }
    }
    return result;
}

namespace {

std::optional<QJsonDocument> readJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        const int line = int(bytes.left(parse.offset).count('\n')) + 1;
        *error = Tr::tr("%1:%2: not JSON: %3").arg(path).arg(line).arg(parse.errorString());
        return std::nullopt;
    }
    return doc;
}

bool readBox(const QJsonValue &value, Box *box)
{
    const QJsonArray a = value.toArray();
    if (a.size() != 4)
        return false;
    for (const auto &v : a) {
        if (!v.isDouble())
            return false;
    }
    *box = {a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble()};
    return std::isfinite(box->x) && std::isfinite(box->y) && std::isfinite(box->w) && std::isfinite(box->h);
}

bool readId(const QJsonObject &o, const char *key, std::int64_t *id)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return false;
    *id = std::int64_t(v.toDouble());
    return true;
}

} // namespace

std::optional<GroundTruthSet> loadGroundTruth(const QString &path, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const auto doc = readJson(path, error);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        *error = Tr::tr("%1: a COCO ground truth is an object with \"images\" and \"annotations\"").arg(path);
        return std::nullopt;
    }
    const QJsonObject root = doc->object();
    if (!root.value(QLatin1String("images")).isArray() || !root.value(QLatin1String("annotations")).isArray()) {
        *error = Tr::tr("%1: no \"images\" or \"annotations\" list").arg(path);
        return std::nullopt;
    }
    GroundTruthSet set;
    const QJsonArray images = root.value(QLatin1String("images")).toArray();
    for (qsizetype i = 0; i < images.size(); ++i) {
        std::int64_t id = 0;
        if (!readId(images[i].toObject(), "id", &id)) {
            *error = Tr::tr("%1: images[%2] has no integer \"id\"").arg(path).arg(i);
            return std::nullopt;
        }
        set.imageIds.push_back(id);
    }
    const std::set<std::int64_t> known(set.imageIds.begin(), set.imageIds.end());
    const QJsonArray annotations = root.value(QLatin1String("annotations")).toArray();
    std::set<std::int64_t> annotationCats;
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const QJsonObject o = annotations[i].toObject();
        GroundTruth g;
        if (!readId(o, "id", &g.id) || !readId(o, "image_id", &g.imageId) || !readId(o, "category_id", &g.categoryId)) {
            *error = Tr::tr("%1: annotations[%2] needs integer \"id\", \"image_id\" and \"category_id\"").arg(path).arg(i);
            return std::nullopt;
        }
        if (!readBox(o.value(QLatin1String("bbox")), &g.box)) {
            *error = Tr::tr("%1: annotations[%2] (id %3): \"bbox\" is not [x, y, width, height]").arg(path).arg(i).arg(g.id);
            return std::nullopt;
        }
        if (!known.count(g.imageId)) {
            *error = Tr::tr("%1: annotations[%2] (id %3) is on image %4, which \"images\" does not list")
                         .arg(path)
                         .arg(i)
                         .arg(g.id)
                         .arg(g.imageId);
            return std::nullopt;
        }
        const QJsonValue area = o.value(QLatin1String("area"));
        g.area = area.isDouble() ? area.toDouble() : g.box.w * g.box.h;
        g.crowd = o.value(QLatin1String("iscrowd")).toInt(0) != 0;
        annotationCats.insert(g.categoryId);
        set.boxes.push_back(g);
    }
    const QJsonArray categories = root.value(QLatin1String("categories")).toArray();
    for (qsizetype i = 0; i < categories.size(); ++i) {
        std::int64_t id = 0;
        if (!readId(categories[i].toObject(), "id", &id)) {
            *error = Tr::tr("%1: categories[%2] has no integer \"id\"").arg(path).arg(i);
            return std::nullopt;
        }
        set.categoryIds.push_back(id);
    }
    if (set.categoryIds.empty()) // lenient: a file without "categories" has those it uses
        set.categoryIds.assign(annotationCats.begin(), annotationCats.end());
    return set;
}

std::optional<std::vector<Detection>> loadDetections(const QString &path, const GroundTruthSet &truth, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const auto doc = readJson(path, error);
    if (!doc)
        return std::nullopt;
    if (!doc->isArray()) {
        *error = Tr::tr("%1: a COCO result file is a list of {image_id, category_id, bbox, score}").arg(path);
        return std::nullopt;
    }
    const std::set<std::int64_t> known(truth.imageIds.begin(), truth.imageIds.end());
    const QJsonArray list = doc->array();
    std::vector<Detection> out;
    out.reserve(std::size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        Detection d;
        d.id = std::int64_t(i) + 1;
        if (!readId(o, "image_id", &d.imageId) || !readId(o, "category_id", &d.categoryId)) {
            *error = Tr::tr("%1: entry %2 needs integer \"image_id\" and \"category_id\"").arg(path).arg(i);
            return std::nullopt;
        }
        if (!readBox(o.value(QLatin1String("bbox")), &d.box)) {
            *error = Tr::tr("%1: entry %2: \"bbox\" is not [x, y, width, height]").arg(path).arg(i);
            return std::nullopt;
        }
        const QJsonValue score = o.value(QLatin1String("score"));
        if (!score.isDouble() || !std::isfinite(score.toDouble())) {
            *error = Tr::tr("%1: entry %2 has no numeric \"score\"").arg(path).arg(i);
            return std::nullopt;
        }
        if (!known.count(d.imageId)) {
            *error = Tr::tr("%1: entry %2 is on image %3, which the ground truth does not have").arg(path).arg(i).arg(d.imageId);
            return std::nullopt;
        }
        d.score = score.toDouble();
        d.area = d.box.w * d.box.h;
        out.push_back(d);
    }
    return out;
}

VocCurve vocCurve(const GroundTruthSet &truth, const std::vector<Detection> &detections, std::int64_t categoryId,
                  double iouThreshold)
{
    VocCurve curve;
    std::map<std::int64_t, std::vector<const GroundTruth *>> byImage;
    for (const GroundTruth &g : truth.boxes) {
        if (g.categoryId != categoryId)
            continue;
        byImage[g.imageId].push_back(&g);
        curve.positives += g.crowd ? 0 : 1;
    }
    std::vector<const Detection *> dets;
    for (const Detection &d : detections) {
        if (d.categoryId == categoryId)
            dets.push_back(&d);
    }
    std::stable_sort(dets.begin(), dets.end(), [](const Detection *a, const Detection *b) { return a->score > b->score; });
    std::map<const GroundTruth *, bool> used;
    double tp = 0, fp = 0;
    for (const Detection *d : dets) {
        double best = -1;
        const GroundTruth *match = nullptr;
        for (const GroundTruth *g : byImage[d->imageId]) {
            const double o = boxIou(d->box, g->box);
            if (o > best) {
                best = o;
                match = g;
            }
        }
        if (match && best > iouThreshold) {
            if (match->crowd)
                continue; // "difficult": neither
            if (!used[match]) {
                used[match] = true;
                tp += 1;
            } else {
                fp += 1;
            }
        } else {
            fp += 1;
        }
        curve.recall.push_back(curve.positives > 0 ? tp / curve.positives : 0.0);
        curve.precision.push_back(tp / std::max(tp + fp, std::numeric_limits<double>::epsilon()));
    }
    return curve;
}

double vocAveragePrecision(const VocCurve &curve, bool elevenPoint)
{
    const auto &rec = curve.recall;
    const auto &prec = curve.precision;
    if (elevenPoint) {
        double ap = 0;
        for (int i = 0; i <= 10; ++i) {
            const double t = i / 10.0;
            double p = 0;
            for (std::size_t j = 0; j < rec.size(); ++j) {
                if (rec[j] >= t)
                    p = std::max(p, prec[j]);
            }
            ap += p / 11.0;
        }
        return ap;
    }
    std::vector<double> mrec{0.0}, mpre{0.0};
    mrec.insert(mrec.end(), rec.begin(), rec.end());
    mpre.insert(mpre.end(), prec.begin(), prec.end());
    mrec.push_back(1.0);
    mpre.push_back(0.0);
    for (std::size_t i = mpre.size() - 1; i > 0; --i)
        mpre[i - 1] = std::max(mpre[i - 1], mpre[i]);
    double ap = 0;
    for (std::size_t i = 1; i < mrec.size(); ++i) {
        if (mrec[i] != mrec[i - 1])
            ap += (mrec[i] - mrec[i - 1]) * mpre[i];
    }
    return ap;
}

StateAccuracy stateAccuracy(const std::vector<FrameState> &frames)
{
    StateAccuracy out;
    out.frames = int(frames.size());
    if (frames.empty())
        return out;
    double sum = 0, penalty = 0;
    for (const FrameState &f : frames) {
        if (f.exists) {
            const double o = f.predicted ? boxIou(*f.predicted, f.truth) : 0.0;
            sum += o;
            if (!f.predicted || o < 1e-5)
                penalty += 1;
        } else {
            sum += f.predicted ? 0.0 : 1.0;
        }
    }
    out.accuracy = sum / double(frames.size());
    out.penalized = out.accuracy - 0.2 * std::pow(penalty / double(frames.size()), 0.3);
    return out;
}

} // namespace vigie::inference::coco
