#include "inference/wildcat.h"

#include "inference/runtime.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace vigie::inference {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::inference::WildcatNet)
};

const QByteArray magic = "VIGIE-WILDCAT 1\n";

/// Grey pixels scaled to about [−2, 2] with a fixed affine map. Not standardised per image: with
/// a per-crop mean and deviation, a bright drone shifts every background pixel of its crop, and
/// the network learns to tell positive crops by that shift instead of by where the drone is.
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

struct NetImpl : torch::nn::Module
{
    explicit NetImpl(const WildcatConfig &c)
        : config(c)
    {
        using namespace torch::nn;
        const int w = c.width;
        Sequential layers;
        const int channels[5][3] = {{1, w, 1}, {w, w, 2}, {w, 2 * w, 1}, {2 * w, 2 * w, 2}, {2 * w, 2 * w, 1}};
        for (const auto &[in, out, stride] : channels) {
            layers->push_back(Conv2d(Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(!c.batchNorm)));
            if (c.batchNorm)
                layers->push_back(BatchNorm2d(out));
            layers->push_back(ReLU());
        }
        backbone = register_module("backbone", layers);
        transfer = register_module("transfer", Conv2d(Conv2dOptions(2 * w, c.classes * c.mapsPerClass, 1)));
    }

    /// B × C × h × w: the transfer layer's C×M maps, averaged over each class's M maps.
    torch::Tensor classMaps(const torch::Tensor &x)
    {
        auto t = transfer->forward(backbone->forward(x));
        const auto sizes = t.sizes();
        auto maps = t.view({sizes[0], config.classes, config.mapsPerClass, sizes[2], sizes[3]}).mean(2);
        return config.positiveMaps ? torch::softplus(maps) : maps;
    }

    /// B × C: the WILDCAT pooling of each class map.
    torch::Tensor pool(const torch::Tensor &maps) const
    {
        const auto flat = maps.flatten(2);
        const int n = int(flat.size(2));
        const int kMax = positiveK(config.kMax, n);
        const int kMin = positiveK(config.effectiveKMin(), n);
        auto top = std::get<0>(flat.topk(kMax, 2, true, false)).mean(2);
        if (kMin > 0 && config.alpha != 0) {
            auto bottom = std::get<0>(flat.topk(kMin, 2, false, false)).mean(2);
            return (top + config.alpha * bottom) / 2;
        }
        return top;
    }

    WildcatConfig config;
    torch::nn::Sequential backbone{nullptr};
    torch::nn::Conv2d transfer{nullptr};
};

} // namespace

int positiveK(double k, int n)
{
    if (k <= 0)
        return 0;
    if (k < 1)
        return int(std::nearbyint(k * n)); // half to even, as Python's round()
    if (k > n)
        return n;
    return int(k);
}

double wildcatPool(std::vector<double> values, double kMax, double kMin, double alpha)
{
    const int n = int(values.size());
    const int kp = positiveK(kMax, n), km = positiveK(kMin < 0 ? kMax : kMin, n);
    std::sort(values.begin(), values.end(), std::greater<>());
    double top = 0;
    for (int i = 0; i < kp; ++i)
        top += values[size_t(i)];
    top /= std::max(1, kp);
    if (km <= 0 || alpha == 0)
        return top;
    double bottom = 0;
    for (int i = n - km; i < n; ++i)
        bottom += values[size_t(i)];
    bottom /= km;
    return (top + alpha * bottom) / 2;
}

QJsonObject WildcatConfig::toJson() const
{
    return {{QStringLiteral("classes"), classes},   {QStringLiteral("maps_per_class"), mapsPerClass},
            {QStringLiteral("k_max"), kMax},         {QStringLiteral("k_min"), kMin},
            {QStringLiteral("alpha"), alpha},        {QStringLiteral("crop_size"), cropSize},
            {QStringLiteral("width"), width},        {QStringLiteral("architecture"), QStringLiteral("wildcat-small-s4")},
            {QStringLiteral("positive_maps"), positiveMaps}, {QStringLiteral("batch_norm"), batchNorm}};
}

bool WildcatConfig::fromJson(const QJsonObject &json, WildcatConfig *c, QString *error)
{
    if (json.value(QStringLiteral("architecture")).toString() != QLatin1String("wildcat-small-s4")) {
        *error = Tr::tr("unknown architecture '%1'").arg(json.value(QStringLiteral("architecture")).toString());
        return false;
    }
    c->classes = json.value(QStringLiteral("classes")).toInt(1);
    c->mapsPerClass = json.value(QStringLiteral("maps_per_class")).toInt(4);
    c->kMax = json.value(QStringLiteral("k_max")).toDouble(3);
    c->kMin = json.value(QStringLiteral("k_min")).toDouble(-1);
    c->alpha = json.value(QStringLiteral("alpha")).toDouble(0.7);
    c->cropSize = json.value(QStringLiteral("crop_size")).toInt(64);
    c->width = json.value(QStringLiteral("width")).toInt(16);
    c->positiveMaps = json.value(QStringLiteral("positive_maps")).toBool(true);
    c->batchNorm = json.value(QStringLiteral("batch_norm")).toBool(false);
    if (c->classes < 1 || c->classes > 100 || c->mapsPerClass < 1 || c->mapsPerClass > 64 || c->width < 4
        || c->width > 256 || c->cropSize < 16 || c->cropSize > 1024) {
        *error = Tr::tr("hyper-parameters out of range");
        return false;
    }
    return true;
}

struct WildcatNet::Impl
{
    std::shared_ptr<NetImpl> net;
};

WildcatNet::WildcatNet()
    : d(std::make_unique<Impl>())
{
}

WildcatNet::~WildcatNet() = default;

std::unique_ptr<WildcatNet> WildcatNet::create(const WildcatConfig &config, std::uint64_t seed)
{
    torch::manual_seed(seed);
    std::unique_ptr<WildcatNet> n(new WildcatNet);
    n->d->net = std::make_shared<NetImpl>(config);
    n->d->net->eval();
    return n;
}

const WildcatConfig &WildcatNet::config() const
{
    return d->net->config;
}

bool WildcatNet::save(const QString &path, QString *error) const
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

std::unique_ptr<WildcatNet> WildcatNet::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("%1: cannot read: %2").arg(path, file.errorString());
        return nullptr;
    }
    const QByteArray all = file.readAll();
    if (!all.startsWith(magic)) {
        *error = Tr::tr("%1: not a Vigie WILDCAT model (no '%2' header)").arg(path, QString::fromLatin1(magic.trimmed()));
        return nullptr;
    }
    const qsizetype end = all.indexOf('\n', magic.size());
    if (end < 0) {
        *error = Tr::tr("%1: truncated model header").arg(path);
        return nullptr;
    }
    QJsonParseError parse{};
    const QJsonDocument json = QJsonDocument::fromJson(all.mid(magic.size(), end - magic.size()), &parse);
    WildcatConfig config;
    QString why;
    if (!json.isObject() || !WildcatConfig::fromJson(json.object(), &config, &why)) {
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
        QString what = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
        *error = Tr::tr("%1: the weights cannot be read: %2").arg(path, what);
        return nullptr;
    }
    net->d->net->eval();
    return net;
}

bool WildcatNet::train(const std::vector<WeakSample> &samples, const TrainOptions &options, QString *error)
{
    std::vector<const WeakSample *> positives, negatives;
    for (const WeakSample &s : samples)
        (s.label > 0.5f ? positives : negatives).push_back(&s);
    if (positives.empty() || negatives.empty()) {
        *error = Tr::tr("training needs positive and negative crops (%1 positive, %2 negative)")
                     .arg(positives.size())
                     .arg(negatives.size());
        return false;
    }
    torch::manual_seed(options.seed);
    std::mt19937_64 rng(options.seed);
    NetImpl &net = *d->net;
    net.train();
    torch::optim::Adam optimizer(net.parameters(), torch::optim::AdamOptions(options.learningRate));
    const int size = net.config.cropSize;
    double lossSum = 0;
    int lossCount = 0;
    TorchJob job;
    for (int step = 1; step <= options.steps; ++step) {
        shareCores();
        // Balanced batches: half drones, half background.
        std::vector<torch::Tensor> inputs;
        std::vector<float> labels;
        for (int i = 0; i < options.batch; ++i) {
            const auto &pool = (i % 2 == 0) ? positives : negatives;
            const WeakSample *s = pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
            QImage crop = s->crop;
            if (crop.width() != size || crop.height() != size)
                crop = crop.scaled(size, size);
            auto t = toTensor(crop);
            if (rng() & 1)
                t = t.flip({3});
            if (rng() & 1)
                t = t.flip({2});
            const float gain = std::uniform_real_distribution<float>(0.7f, 1.4f)(rng);
            const float offset = std::uniform_real_distribution<float>(-0.6f, 0.6f)(rng);
            t = (t - t.mean()) * gain + t.mean() + offset + 0.08f * torch::randn_like(t);
            inputs.push_back(t);
            labels.push_back(s->label);
        }
        const auto x = torch::cat(inputs, 0);
        const auto y = torch::tensor(labels).view({options.batch, 1});
        optimizer.zero_grad();
        const auto logits = net.pool(net.classMaps(x));
        const auto loss = torch::binary_cross_entropy_with_logits(logits, y);
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

std::vector<float> WildcatNet::classMap(const QImage &grey, int *mapWidth, int *mapHeight) const
{
    TorchJob job;
    shareCores();
    torch::NoGradGuard noGrad;
    const auto maps = d->net->classMaps(toTensor(grey));
    const auto m = maps.index({0, 0}).contiguous();
    *mapHeight = int(m.size(0));
    *mapWidth = int(m.size(1));
    return std::vector<float>(m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
}

double WildcatNet::score(const QImage &grey) const
{
    TorchJob job;
    shareCores();
    torch::NoGradGuard noGrad;
    return d->net->pool(d->net->classMaps(toTensor(grey))).item<double>();
}

double WildcatNet::pool(const std::vector<float> &map, int mapWidth, int mapHeight) const
{
    torch::NoGradGuard noGrad;
    auto t = torch::from_blob(const_cast<float *>(map.data()), {1, 1, mapHeight, mapWidth}, torch::kFloat32).clone();
    return d->net->pool(t).item<double>();
}

} // namespace vigie::inference
