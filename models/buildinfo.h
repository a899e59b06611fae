#pragma once

#include <QList>
#include <QString>

namespace vigie {

/// One third-party component linked into Vigie and the version it runs with.
struct ComponentVersion
{
    QString name;     ///< e.g. "Qt", "libavcodec"
    QString version;  ///< the version found at run time where the library tells it
    QString detail;   ///< optional: build-time version, configuration, or an error
};

/// Vigie's own version ("major.minor.patch"). Thread-safe.
QString versionString();

/// The components vigie_models links (Qt, GeographicLib, OpenCV). Thread-safe.
QList<ComponentVersion> modelsComponents();

} // namespace vigie
