// How many keyframes an analyst places per 100 frames on the real Anti-UAV IR sequences
// (../shared/fixtures/anti-uav-ir) before every visible frame is right, with the boxes between
// keyframes interpolated (a) linearly in pixels, as CVAT and DIVE do, and (b) by Vigie's
// interpolation, which follows the GPS projection and the range (models/annotation/
// interpolation.h). A frame is right when its box's centre is within 3 px of the truth's and
// IoU ≥ 0.3 (issue 16's criterion: 2 px of jitter at 15×10 px already costs IoU 0.5).
//
// The simulated analyst is greedy, as a person stepping through the clip: the first and last
// frames of each visible run are keyframes; then, again and again, the first wrong frame becomes
// a keyframe (drawn right) and the run is re-interpolated. No video is decoded: the ground truth
// is all it needs.
//
// The footage has no GPS, so (b) gets a simulated one, set before any run (docs/EVALUATION.md):
// - the projected point is the truth's centre plus an error that a turret and an RTK fix make:
//   a boresight bias per sequence (N(0, 8 px) per axis), a slow drift (a random walk of 0.15 px
//   per frame per axis, pulled back to the bias at 2 % per frame: turret-log latency, mounting
//   flex), and white noise of 0.7 px (encoder quantisation);
// - the depth is the range, from the apparent size smoothed over ±1 s times a per-sequence size
//   error (log-normal σ 25 %) and a per-frame range error (σ 3 %), as bench_proposer_antiuav.
// Seeds are fixed per sequence; `--seed N` draws another world, `--trials N` averages several.
//
// Usage: bench_interpolation_antiuav [FIXTURES_DIR] [--trials N] [--seed N]

#include "bench/keyframes.h"
#include "models/annotation/interpolation.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace vigie;
using bench::keyframesIdeal;
using bench::keyframesNeeded;

namespace {

/// The simulated GPS of one sequence (see the header).
std::vector<InterpolationGeometry> simulateGeometry(const std::vector<QRectF> &truth, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> unit(0.0, 1.0);
    const QPointF bias(8 * unit(rng), 8 * unit(rng));
    const double sizeError = std::exp(0.25 * unit(rng));
    QPointF drift = bias;
    const int n = int(truth.size());
    std::vector<InterpolationGeometry> out(static_cast<size_t>(n));
    for (int f = 0; f < n; ++f) {
        drift += QPointF(0.15 * unit(rng), 0.15 * unit(rng)) + (bias - drift) * 0.02;
        const QPointF noise(0.7 * unit(rng), 0.7 * unit(rng));
        const double rangeError = 1.0 + 0.03 * unit(rng);
        InterpolationGeometry &g = out[size_t(f)];
        g.seconds = f / 25.0;
        if (truth[size_t(f)].isEmpty())
            continue;
        std::vector<double> sides;
        for (int k = std::max(0, f - 25); k <= std::min(n - 1, f + 25); ++k)
            if (!truth[size_t(k)].isEmpty())
                sides.push_back(std::max(truth[size_t(k)].width(), truth[size_t(k)].height()));
        std::nth_element(sides.begin(), sides.begin() + std::ptrdiff_t(sides.size() / 2), sides.end());
        g.point = truth[size_t(f)].center() + drift + noise;
        g.rangeM = 1000.0 / (sides[sides.size() / 2] * sizeError) * rangeError; // any unit: only ratios count
    }
    return out;
}

/// Calls `run(start, end)` for each run of consecutive frames with a target (ends included).
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir = QStringLiteral(VIGIE_FIXTURES_DIR "/anti-uav-ir");
    int trials = 5;
    std::uint64_t seed = 1;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--trials") && i + 1 < args.size())
            trials = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--seed") && i + 1 < args.size())
            seed = args[++i].toULongLong();
        else
            dir = args[i];
    }
    std::printf("keyframes per 100 visible frames until every frame is right (centre <= 3 px, IoU >= 0.3), greedy analyst;\n"
                "simulated GPS: bias N(0, 8 px), drift 0.15 px/frame, noise 0.7 px; range from the smoothed size, 25 %% size "
                "and 3 %% range error; %d trials\n",
                trials);
    std::printf("                   greedy analyst                        ideal placement\n");
    std::printf("sequence  visible  linear (CVAT/DIVE)  geometry (Vigie)  ratio  linear  geometry  ratio\n");
    double sumLinear = 0, sumGeometry = 0, sumVisible = 0, sumLinearIdeal = 0, sumGeometryIdeal = 0;
    const char *const names[] = {"seq4", "seq5", "seq7", "seq18"};
    for (std::uint64_t i = 0; i < 4; ++i) {
        const char *name = names[i];
        std::vector<QRectF> truth;
        QString error;
        if (!bench::readAntiUavTruth(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".gt.txt"), &truth, &error)) {
            std::fprintf(stderr, "bench_interpolation_antiuav: %s\n", qPrintable(error));
            return 1;
        }
        int visible = 0;
        const InterpolationGeometryFunction none = [](std::int64_t f) {
            InterpolationGeometry g;
            g.seconds = double(f) / 25.0;
            return g;
        };
        const int linear = keyframesNeeded(truth, none, &visible);
        const int linearIdeal = keyframesIdeal(truth, none);
        double geometry = 0, geometryIdeal = 0;
        for (int t = 0; t < trials; ++t) {
            const std::vector<InterpolationGeometry> gps =
                simulateGeometry(truth, seed * 1000003u + i * 7919u + std::uint64_t(t));
            const InterpolationGeometryFunction simulated = [&](std::int64_t f) { return gps[size_t(f)]; };
            int unused = 0;
            geometry += keyframesNeeded(truth, simulated, &unused);
            geometryIdeal += keyframesIdeal(truth, simulated);
        }
        geometry /= trials;
        geometryIdeal /= trials;
        const double per = 100.0 / std::max(1, visible);
        std::printf("%-8s  %7d  %18.2f  %16.2f  %5.2f  %6.2f  %8.2f  %5.2f\n", name, visible, linear * per, geometry * per,
                    geometry > 0 ? double(linear) / geometry : 0.0, linearIdeal * per, geometryIdeal * per,
                    geometryIdeal > 0 ? double(linearIdeal) / geometryIdeal : 0.0);
        std::fflush(stdout);
        sumLinear += linear;
        sumGeometry += geometry;
        sumLinearIdeal += linearIdeal;
        sumGeometryIdeal += geometryIdeal;
        sumVisible += visible;
    }
    std::printf("all       %7.0f  %18.2f  %16.2f  %5.2f  %6.2f  %8.2f  %5.2f\n", sumVisible, 100.0 * sumLinear / sumVisible,
                100.0 * sumGeometry / sumVisible, sumGeometry > 0 ? sumLinear / sumGeometry : 0.0, 100.0 * sumLinearIdeal / sumVisible,
                100.0 * sumGeometryIdeal / sumVisible, sumGeometryIdeal > 0 ? sumLinearIdeal / sumGeometryIdeal : 0.0);
    return 0;
}
