#include "inference/detector.h"

#include "inference/runtime.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <sstream>

namespace vigie::inference {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::inference::CenterNet)
};

const QByteArray magic = "VIGIE-CENTERNET 1\n";
constexpr int kStride = 4;

/// Grey pixels to about [−2, 2], the same fixed map as the proposer's (never per image).
torch::Tensor toTensor(const QImage &grey)
{
    const QImage g = grey.format() == QImage::Format_Grayscale8 ? grey : grey.convertToFormat(QImage::Format_Grayscale8);
    auto t = torch::empty({1, 1, g.height(), g.width()}, torch::kFloat32);
    float *p = t.data_ptr<float>();
    for (int y = 0; y < g.height(); ++y) {
        const uchar *row = g.constScanLine(y);
        for (int x = 0; x < g.width(); ++x)
            p[y * g.width() + x] = (float(row[x]) / 255.0f - 0.5f) * 4.0f;
    }
    return t;
}

/// Appends conv 3×3 → batch norm → ReLU to a sequence (Sequentials cannot nest in LibTorch).
void convBlock(torch::nn::Sequential &seq, int in, int out, int stride)
{
    using namespace torch::nn;
    seq->push_back(Conv2d(Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    seq->push_back(BatchNorm2d(out));
    seq->push_back(ReLU());
}

torch::nn::Sequential blocks(std::initializer_list<std::array<int, 3>> specs)
{
    torch::nn::Sequential seq;
    for (const auto &s : specs)
        convBlock(seq, s[0], s[1], s[2]);
    return seq;
}

struct NetImpl : torch::nn::Module
{
    explicit NetImpl(const DetectorConfig &c)
        : config(c)
    {
        using namespace torch::nn;
        const int w = c.width;
        stem = register_module("stem", blocks({{1, w, 1}, {w, w, 2}}));
        stage4 = register_module("stage4", blocks({{w, 2 * w, 2}, {2 * w, 2 * w, 1}}));
        stage8 = register_module("stage8", blocks({{2 * w, 4 * w, 2}, {4 * w, 4 * w, 1}}));
        lateral = register_module("lateral", Conv2d(Conv2dOptions(4 * w, 2 * w, 1)));
        fuse = register_module("fuse", blocks({{2 * w, 2 * w, 1}}));
        auto head = [&](const char *name, int out) {
            return register_module(name, Sequential(Conv2d(Conv2dOptions(2 * w, 2 * w, 3).padding(1)), ReLU(),
                                                    Conv2d(Conv2dOptions(2 * w, out, 1))));
        };
        heat = head("heat", c.classes);
        size = head("size", 2);
        offset = head("offset", 2);
        // The authors' prior: every cell starts at p ≈ 0.1, so the loss starts near its scale.
        auto last = heat->ptr<Conv2dImpl>(2);
        torch::NoGradGuard noGrad;
        last->bias.fill_(-2.19);
    }

    /// Heatmap logits, size and offset at stride 4. The input's sides must be multiples of 8.
    std::tuple<torch::Tensor, torch::Tensor, torch::Tensor> forward(const torch::Tensor &x)
    {
        const auto f4 = stage4->forward(stem->forward(x));
        const auto f8 = stage8->forward(f4);
        namespace F = torch::nn::functional;
        const auto up = F::interpolate(lateral->forward(f8), F::InterpolateFuncOptions()
                                                                  .size(std::vector<int64_t>{f4.size(2), f4.size(3)})
                                                                  .mode(torch::kNearest));
        const auto features = fuse->forward(f4 + up);
        return {heat->forward(features), size->forward(features), offset->forward(features)};
    }

    DetectorConfig config;
    torch::nn::Sequential stem{nullptr}, stage4{nullptr}, stage8{nullptr}, fuse{nullptr};
    torch::nn::Conv2d lateral{nullptr};
    torch::nn::Sequential heat{nullptr}, size{nullptr}, offset{nullptr};
};

torch::Tensor focal(const torch::Tensor &logits, const torch::Tensor &target, double alpha, double beta)
{
    const auto p = torch::sigmoid(logits).clamp(1e-4, 1 - 1e-4); // the authors' _sigmoid
    const auto pos = target.eq(1).to(torch::kFloat32);
    const auto neg = 1 - pos;
    const auto posLoss = (torch::log(p) * torch::pow(1 - p, alpha) * pos).sum();
    const auto negLoss = (torch::log(1 - p) * torch::pow(p, alpha) * torch::pow(1 - target, beta) * neg).sum();
    const auto n = pos.sum();
    return torch::where(n > 0, -(posLoss + negLoss) / n.clamp_min(1), -negLoss);
}

/// Targets of one batch: the heatmap, and size, offset and mask at the centre cells.
struct Targets
{
    torch::Tensor heat, size, offset, mask;
};

void splat(float *heat, int side, int cx, int cy, int radius)
{
    const double sigma = (2.0 * radius + 1.0) / 6.0;
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const int x = cx + dx, y = cy + dy;
            if (x < 0 || y < 0 || x >= side || y >= side)
                continue;
            const float g = float(std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
            float &cell = heat[y * side + x];
            cell = std::max(cell, g);
        }
    }
}

Targets targetsFor(const std::vector<std::vector<QRectF>> &boxes, const std::vector<std::vector<int>> &classes,
                   int classCount, int inputSide)
{
    const int side = inputSide / kStride;
    const int64_t b = int64_t(boxes.size());
    Targets t{torch::zeros({b, classCount, side, side}), torch::zeros({b, 2, side, side}),
              torch::zeros({b, 2, side, side}), torch::zeros({b, 1, side, side})};
    for (int64_t i = 0; i < b; ++i) {
        for (size_t j = 0; j < boxes[size_t(i)].size(); ++j) {
            const QRectF &r = boxes[size_t(i)][j];
            const int cls = j < classes[size_t(i)].size() ? std::clamp(classes[size_t(i)][j], 0, classCount - 1) : 0;
            const double cx = (r.x() + r.width() / 2) / kStride, cy = (r.y() + r.height() / 2) / kStride;
            const int ix = int(std::floor(cx)), iy = int(std::floor(cy));
            if (ix < 0 || iy < 0 || ix >= side || iy >= side)
                continue;
            const int radius = int(gaussianRadius(r.height() / kStride, r.width() / kStride));
            splat(t.heat[i][cls].data_ptr<float>(), side, ix, iy, std::max(0, radius));
            t.heat[i][cls][iy][ix] = 1.0f;
            t.size[i][0][iy][ix] = float(r.width());
            t.size[i][1][iy][ix] = float(r.height());
            t.offset[i][0][iy][ix] = float(cx - ix);
            t.offset[i][1][iy][ix] = float(cy - iy);
            t.mask[i][0][iy][ix] = 1.0f;
        }
    }
    return t;
}

torch::Tensor lossOf(NetImpl &net, const torch::Tensor &x, const Targets &t)
{
    const auto [heat, size, offset] = net.forward(x);
    const auto hm = focal(heat, t.heat, 2.0, 4.0);
    // CenterNet's RegL1Loss: the mask spans both channels, hence 2 per object.
    const auto denominator = 2 * t.mask.sum() + 1e-4;
    const auto sizeLoss = (torch::abs(size - t.size) * t.mask).sum() / denominator;
    const auto offsetLoss = (torch::abs(offset - t.offset) * t.mask).sum() / denominator;
    return hm + net.config.sizeWeight * sizeLoss + net.config.offsetWeight * offsetLoss;
}

} // namespace

double gaussianRadius(double height, double width, double minOverlap)
{
    const double b1 = height + width;
    const double c1 = width * height * (1 - minOverlap) / (1 + minOverlap);
    const double r1 = (b1 + std::sqrt(b1 * b1 - 4 * c1)) / 2;
    const double a2 = 4, b2 = 2 * (height + width), c2 = (1 - minOverlap) * width * height;
    const double r2 = (b2 + std::sqrt(b2 * b2 - 4 * a2 * c2)) / 2;
    const double a3 = 4 * minOverlap, b3 = -2 * minOverlap * (height + width), c3 = (minOverlap - 1) * width * height;
    const double r3 = (b3 + std::sqrt(b3 * b3 - 4 * a3 * c3)) / 2;
    return std::max(0.0, std::min({r1, r2, r3}));
}

double focalLoss(const std::vector<float> &predicted, const std::vector<float> &target, double alpha, double beta)
{
    const int64_t n = int64_t(std::min(predicted.size(), target.size()));
    auto p = torch::from_blob(const_cast<float *>(predicted.data()), {n}, torch::kFloat32).clone();
    auto y = torch::from_blob(const_cast<float *>(target.data()), {n}, torch::kFloat32).clone();
    return focal(torch::logit(p.clamp(1e-6, 1 - 1e-6)), y, alpha, beta).item<double>();
}

std::vector<std::pair<int, float>> heatmapPeaks(const std::vector<float> &heat, int width, int height, int maxPeaks,
                                                float minScore)
{
    std::vector<std::pair<int, float>> peaks;
    if (int64_t(heat.size()) < int64_t(width) * height || width <= 0 || height <= 0)
        return peaks;
    const auto h = torch::from_blob(const_cast<float *>(heat.data()), {1, 1, height, width}, torch::kFloat32);
    namespace F = torch::nn::functional;
    const auto pooled = F::max_pool2d(h, F::MaxPool2dFuncOptions(3).stride(1).padding(1));
    const auto keep = (pooled == h).to(torch::kFloat32) * h;
    const auto flat = keep.flatten();
    const int k = std::min<int>(maxPeaks, int(flat.numel()));
    const auto [scores, indexes] = flat.topk(k);
    for (int i = 0; i < k; ++i) {
        const float s = scores[i].item<float>();
        if (s < minScore)
            break;
        peaks.emplace_back(int(indexes[i].item<int64_t>()), s);
    }
    return peaks;
}

QJsonObject DetectorConfig::toJson() const
{
    return {{QStringLiteral("architecture"), QStringLiteral("centernet-small-s4")},
            {QStringLiteral("classes"), classes},
            {QStringLiteral("width"), width},
            {QStringLiteral("crop_size"), cropSize},
            {QStringLiteral("size_weight"), sizeWeight},
            {QStringLiteral("offset_weight"), offsetWeight},
            {QStringLiteral("input_scale"), inputScale}};
}

bool DetectorConfig::fromJson(const QJsonObject &json, DetectorConfig *c, QString *error)
{
    if (json.value(QStringLiteral("architecture")).toString() != QLatin1String("centernet-small-s4")) {
        *error = Tr::tr("unknown architecture '%1'").arg(json.value(QStringLiteral("architecture")).toString());
        return false;
    }
    c->classes = json.value(QStringLiteral("classes")).toInt(1);
    c->width = json.value(QStringLiteral("width")).toInt(16);
    c->cropSize = json.value(QStringLiteral("crop_size")).toInt(96);
    c->sizeWeight = json.value(QStringLiteral("size_weight")).toDouble(0.1);
    c->offsetWeight = json.value(QStringLiteral("offset_weight")).toDouble(1.0);
    c->inputScale = json.value(QStringLiteral("input_scale")).toDouble(1.0);
    if (c->inputScale < 0.25 || c->inputScale > 8 || c->classes < 1 || c->classes > 100 || c->width < 4 || c->width > 256 || c->cropSize < 16 || c->cropSize > 1024
        || c->cropSize % 8 != 0) {
        *error = Tr::tr("hyper-parameters out of range");
        return false;
    }
    return true;
}

struct CenterNet::Impl
{
    std::shared_ptr<NetImpl> net;
    std::unique_ptr<torch::optim::Adam> optimizer;
    double learningRate = 0;

    torch::optim::Adam &optimizerFor(double lr)
    {
        if (!optimizer || learningRate != lr) {
            optimizer = std::make_unique<torch::optim::Adam>(net->parameters(), torch::optim::AdamOptions(lr));
            learningRate = lr;
        }
        return *optimizer;
    }
};

CenterNet::CenterNet()
    : d(std::make_unique<Impl>())
{
}

CenterNet::~CenterNet() = default;

std::unique_ptr<CenterNet> CenterNet::create(const DetectorConfig &config, std::uint64_t seed)
{
    torch::manual_seed(seed);
    std::unique_ptr<CenterNet> n(new CenterNet);
    n->d->net = std::make_shared<NetImpl>(config);
    n->d->net->eval();
    return n;
}

const DetectorConfig &CenterNet::config() const
{
    return d->net->config;
}

bool CenterNet::save(const QString &path, QString *error) const
{
    std::ostringstream weights;
    try {
        torch::serialize::OutputArchive archive;
        d->net->save(archive);
        archive.save_to(weights);
    } catch (const std::exception &e) {
        *error = Tr::tr("%1: cannot serialise the weights: %2").arg(path, QString::fromUtf8(e.what()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = Tr::tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    const std::string bytes = weights.str();
    file.write(magic);
    file.write(QJsonDocument(d->net->config.toJson()).toJson(QJsonDocument::Compact) + '\n');
    file.write(bytes.data(), qint64(bytes.size()));
    if (!file.commit()) {
        *error = Tr::tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::unique_ptr<CenterNet> CenterNet::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: cannot read: %2").arg(path, file.errorString());
        return nullptr;
    }
    const QByteArray all = file.readAll();
    if (!all.startsWith(magic)) {
        *error = Tr::tr("%1: not a Vigie detector model (no '%2' header)").arg(path, QString::fromLatin1(magic.trimmed()));
        return nullptr;
    }
    const qsizetype end = all.indexOf('\n', magic.size());
    if (end < 0) {
        *error = Tr::tr("%1: truncated model header").arg(path);
        return nullptr;
    }
    QJsonParseError parse{};
    const QJsonDocument json = QJsonDocument::fromJson(all.mid(magic.size(), end - magic.size()), &parse);
    DetectorConfig config;
    QString why;
    if (!json.isObject() || !DetectorConfig::fromJson(json.object(), &config, &why)) {
        *error = Tr::tr("%1: bad model header: %2").arg(path, why.isEmpty() ? parse.errorString() : why);
        return nullptr;
    }
    auto net = create(config, 0);
    try {
        std::istringstream in(std::string(all.constData() + end + 1, size_t(all.size() - end - 1)));
        torch::serialize::InputArchive archive;
        archive.load_from(in);
        net->d->net->load(archive);
    } catch (const std::exception &e) {
        *error = Tr::tr("%1: the weights cannot be read: %2")
                     .arg(path, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return nullptr;
    }
    net->d->net->eval();
    return net;
}

bool CenterNet::train(const std::vector<DetectorSample> &samples, const DetectorTrainOptions &options, QString *error)
{
    std::vector<const DetectorSample *> positives, negatives;
    for (const DetectorSample &s : samples)
        (s.boxes.empty() ? negatives : positives).push_back(&s);
    if (positives.empty()) {
        *error = Tr::tr("training needs crops with boxes (%1 without)").arg(negatives.size());
        return false;
    }
    const std::uint64_t seed = options.seed * 1000003ull + std::uint64_t(options.epoch);
    torch::manual_seed(seed);
    std::mt19937_64 rng(seed);
    NetImpl &net = *d->net;
    net.train();
    torch::optim::Adam &optimizer = d->optimizerFor(options.learningRate);
    const int side = net.config.cropSize;
    double lossSum = 0;
    int lossCount = 0;
    TorchJob job;
    for (int step = 1; step <= options.steps; ++step) {
        shareCores();
        // Three crops with drones for one without, when there are any without.
        std::vector<torch::Tensor> inputs;
        std::vector<std::vector<QRectF>> boxes;
        std::vector<std::vector<int>> classes;
        for (int i = 0; i < options.batch; ++i) {
            const bool negative = !negatives.empty() && i % 4 == 3;
            const auto &pool = negative ? negatives : positives;
            const DetectorSample *s = pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
            QImage crop = s->crop;
            std::vector<QRectF> b = s->boxes;
            if (crop.width() != side || crop.height() != side) {
                const double sx = double(side) / crop.width(), sy = double(side) / crop.height();
                for (QRectF &r : b)
                    r = QRectF(r.x() * sx, r.y() * sy, r.width() * sx, r.height() * sy);
                crop = crop.scaled(side, side);
            }
            auto t = toTensor(crop);
            if (rng() & 1) {
                t = t.flip({3});
                for (QRectF &r : b)
                    r.moveLeft(side - r.x() - r.width());
            }
            if (rng() & 1) {
                t = t.flip({2});
                for (QRectF &r : b)
                    r.moveTop(side - r.y() - r.height());
            }
            const float gain = std::uniform_real_distribution<float>(0.7f, 1.4f)(rng);
            const float offset = std::uniform_real_distribution<float>(-0.6f, 0.6f)(rng);
            t = (t - t.mean()) * gain + t.mean() + offset + 0.08f * torch::randn_like(t);
            inputs.push_back(t);
            boxes.push_back(std::move(b));
            classes.push_back(s->classes);
        }
        const auto x = torch::cat(inputs, 0);
        const Targets targets = targetsFor(boxes, classes, net.config.classes, side);
        optimizer.zero_grad();
        const auto loss = lossOf(net, x, targets);
        loss.backward();
        optimizer.step();
        lossSum += loss.item<double>();
        ++lossCount;
        if (options.progress && (step % 10 == 0 || step == options.steps)) {
            if (!options.progress(step, lossSum / lossCount)) {
                net.eval();
                *error = Tr::tr("training cancelled at step %1").arg(step);
                return false;
            }
            lossSum = 0;
            lossCount = 0;
        }
    }
    net.eval();
    return true;
}

bool CenterNet::saveCheckpoint(const QString &path, int epochsDone, QString *error) const
{
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        torch::serialize::OutputArchive model, optimizer;
        d->net->save(model);
        archive.write("model", model);
        if (d->optimizer) {
            d->optimizer->save(optimizer);
            archive.write("optimizer", optimizer);
        }
        archive.write("epochs", torch::tensor(int64_t(epochsDone)));
        archive.write("learning_rate", torch::tensor(d->learningRate, torch::kFloat64));
        archive.save_to(bytes);
    } catch (const std::exception &e) {
        *error = Tr::tr("%1: cannot serialise the checkpoint: %2").arg(path, QString::fromUtf8(e.what()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = Tr::tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    const std::string b = bytes.str();
    file.write("VIGIE-CENTERNET-CHECKPOINT 1\n");
    file.write(QJsonDocument(d->net->config.toJson()).toJson(QJsonDocument::Compact) + '\n');
    file.write(b.data(), qint64(b.size()));
    if (!file.commit()) {
        *error = Tr::tr("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::unique_ptr<CenterNet> CenterNet::loadCheckpoint(const QString &path, int *epochsDone, QString *error)
{
    static const QByteArray header = "VIGIE-CENTERNET-CHECKPOINT 1\n";
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: cannot read: %2").arg(path, file.errorString());
        return nullptr;
    }
    const QByteArray all = file.readAll();
    const qsizetype end = all.indexOf('\n', header.size());
    DetectorConfig config;
    QString why;
    if (!all.startsWith(header) || end < 0
        || !DetectorConfig::fromJson(QJsonDocument::fromJson(all.mid(header.size(), end - header.size())).object(), &config,
                                     &why)) {
        *error = Tr::tr("%1: not a Vigie detector checkpoint").arg(path);
        return nullptr;
    }
    auto net = create(config, 0);
    try {
        std::istringstream in(std::string(all.constData() + end + 1, size_t(all.size() - end - 1)));
        torch::serialize::InputArchive archive, model, optimizer;
        archive.load_from(in);
        archive.read("model", model);
        net->d->net->load(model);
        torch::Tensor epochs, lr;
        archive.read("epochs", epochs);
        archive.read("learning_rate", lr);
        *epochsDone = int(epochs.item<int64_t>());
        if (archive.try_read("optimizer", optimizer)) {
            net->d->optimizerFor(lr.item<double>()).load(optimizer);
        }
    } catch (const std::exception &e) {
        *error = Tr::tr("%1: the checkpoint cannot be read: %2")
                     .arg(path, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
        return nullptr;
    }
    net->d->net->eval();
    return net;
}

double CenterNet::loss(const std::vector<DetectorSample> &samples) const
{
    if (samples.empty())
        return 0;
    TorchJob job;
    torch::NoGradGuard noGrad;
    NetImpl &net = *d->net;
    const int side = net.config.cropSize;
    double sum = 0;
    int batches = 0;
    for (size_t start = 0; start < samples.size(); start += 32) {
        std::vector<torch::Tensor> inputs;
        std::vector<std::vector<QRectF>> boxes;
        std::vector<std::vector<int>> classes;
        for (size_t i = start; i < std::min(samples.size(), start + 32); ++i) {
            if (samples[i].crop.width() != side || samples[i].crop.height() != side)
                continue;
            inputs.push_back(toTensor(samples[i].crop));
            boxes.push_back(samples[i].boxes);
            classes.push_back(samples[i].classes);
        }
        if (inputs.empty())
            continue;
        sum += lossOf(net, torch::cat(inputs, 0), targetsFor(boxes, classes, net.config.classes, side)).item<double>();
        ++batches;
    }
    return batches ? sum / batches : 0;
}

std::vector<Detection> CenterNet::detect(const QImage &input, int maxDetections, double minScore) const
{
    std::vector<Detection> out;
    if (input.isNull())
        return out;
    TorchJob job;
    shareCores();
    const double scale = d->net->config.inputScale;
    const QImage grey = scale == 1.0 ? input
                                     : input.scaled(std::max(1, int(std::lround(input.width() * scale))),
                                                    std::max(1, int(std::lround(input.height() * scale))),
                                                    Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    torch::NoGradGuard noGrad;
    auto x = toTensor(grey);
    const int padW = (8 - grey.width() % 8) % 8, padH = (8 - grey.height() % 8) % 8;
    namespace F = torch::nn::functional;
    if (padW || padH)
        x = F::pad(x, F::PadFuncOptions({0, padW, 0, padH}).mode(torch::kReplicate));
    const auto [heatLogits, size, offset] = d->net->forward(x);
    const auto heat = torch::sigmoid(heatLogits);
    const int64_t classes = heat.size(1), h = heat.size(2), w = heat.size(3);
    const auto pooled = F::max_pool2d(heat, F::MaxPool2dFuncOptions(3).stride(1).padding(1));
    const auto peaks = (pooled == heat).to(torch::kFloat32) * heat;
    const int k = int(std::min<int64_t>(maxDetections, peaks.numel()));
    const auto [scores, indexes] = peaks.flatten().topk(k);
    const auto sizeA = size.accessor<float, 4>();
    const auto offA = offset.accessor<float, 4>();
    for (int i = 0; i < k; ++i) {
        const double s = scores[i].item<double>();
        if (s < minScore)
            break;
        const int64_t flat = indexes[i].item<int64_t>();
        const int64_t cls = flat / (h * w), cell = flat % (h * w), iy = cell / w, ix = cell % w;
        const double cx = (double(ix) + offA[0][0][iy][ix]) * kStride;
        const double cy = (double(iy) + offA[0][1][iy][ix]) * kStride;
        const double bw = std::max(1.0f, sizeA[0][0][iy][ix]), bh = std::max(1.0f, sizeA[0][1][iy][ix]);
        QRectF box(cx - bw / 2, cy - bh / 2, bw, bh);
        box = box.intersected(QRectF(0, 0, grey.width(), grey.height()));
        if (box.isEmpty())
            continue;
        if (scale != 1.0)
            box = QRectF(box.x() / scale, box.y() / scale, box.width() / scale, box.height() / scale);
        out.push_back({box, s, int(std::min<int64_t>(cls, classes - 1))});
    }
    return out;
}

std::vector<Detection> CenterNet::detectTiled(const QImage &grey, int tile, int overlap, int maxDetections,
                                              double minScore) const
{
    if (grey.width() <= tile && grey.height() <= tile)
        return detect(grey, maxDetections, minScore);
    std::vector<Detection> all;
    const int step = std::max(8, tile - overlap);
    for (int y0 = 0;; y0 += step) {
        const int y = std::min(y0, std::max(0, grey.height() - tile));
        for (int x0 = 0;; x0 += step) {
            const int x = std::min(x0, std::max(0, grey.width() - tile));
            const QImage part = grey.copy(x, y, std::min(tile, grey.width() - x), std::min(tile, grey.height() - y));
            for (Detection det : detect(part, maxDetections, minScore)) {
                det.box.translate(x, y);
                all.push_back(det);
            }
            if (x + tile >= grey.width())
                break;
        }
        if (y + tile >= grey.height())
            break;
    }
    std::stable_sort(all.begin(), all.end(), [](const Detection &a, const Detection &b) { return a.score > b.score; });
    std::vector<Detection> kept;
    for (const Detection &det : all) {
        bool duplicate = false;
        for (const Detection &k : kept) {
            const QRectF i = det.box.intersected(k.box);
            const double inter = i.isEmpty() ? 0 : i.width() * i.height();
            const double uni = det.box.width() * det.box.height() + k.box.width() * k.box.height() - inter;
            if (det.classId == k.classId && uni > 0 && inter / uni > 0.5) {
                duplicate = true;
                break;
            }
        }
        if (!duplicate)
            kept.push_back(det);
        if (int(kept.size()) >= maxDetections)
            break;
    }
    return kept;
}

} // namespace vigie::inference
