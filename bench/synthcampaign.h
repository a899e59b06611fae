#pragma once

// The campaign a synthetic-campaign bench runs on: --campaign DIR, or one generated from --seed,
// --preset and --duration into a temporary folder. Shared by bench_transfer_synth and
// bench_analyst_synth.

#include "models/synth/generator.h"

#include <QCommandLineParser>
#include <QTemporaryDir>

#include <cstdio>

namespace vigie::bench {

inline void addSynthOptions(QCommandLineParser &parser, const char *defaultSeed)
{
    parser.addOption({QStringLiteral("campaign"), QStringLiteral("A generated campaign folder (else one is generated)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed to generate (default %1).").arg(QLatin1String(defaultSeed)),
                      QStringLiteral("n"), QLatin1String(defaultSeed)});
    parser.addOption({QStringLiteral("preset"), QStringLiteral("Preset (default realistic)."), QStringLiteral("name"),
                      QStringLiteral("realistic")});
    parser.addOption({QStringLiteral("duration"), QStringLiteral("Seconds (default 60)."), QStringLiteral("s"),
                      QStringLiteral("60")});
}

/// The campaign folder: --campaign's, or `temp` after generating into it. Empty on failure (said
/// on stderr).
inline QString synthCampaignDir(const QCommandLineParser &parser, const QTemporaryDir &temp)
{
    const QString given = parser.value(QStringLiteral("campaign"));
    if (!given.isEmpty())
        return given;
    const auto preset = synth::presetFromString(parser.value(QStringLiteral("preset")));
    if (!preset) {
        std::fprintf(stderr, "unknown preset '%s'\n", qPrintable(parser.value(QStringLiteral("preset"))));
        return {};
    }
    const auto config = synth::Config::forPreset(*preset, parser.value(QStringLiteral("seed")).toULongLong(),
                                                  parser.value(QStringLiteral("duration")).toDouble());
    std::fprintf(stderr, "generating %s seed %llu into %s\n", qPrintable(synth::toString(*preset)),
                 static_cast<unsigned long long>(config.seed), qPrintable(temp.path()));
    QString error;
    if (!synth::generate(config, temp.path(), {}, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return {};
    }
    return temp.path();
}

} // namespace vigie::bench
