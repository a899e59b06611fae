#include "models/buildinfo.h"

#include <GeographicLib/Config.h>
#include <GeographicLib/Constants.hpp>

#include <opencv2/core/utility.hpp>
#include <opencv2/core/version.hpp>

#include <QtGlobal>

namespace vigie {

QString versionString()
{
    return QStringLiteral(VIGIE_VERSION_STRING);
}

QList<ComponentVersion> modelsComponents()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()),
         QStringLiteral("built with %1").arg(QStringLiteral(QT_VERSION_STR))},
        {QStringLiteral("GeographicLib"), QStringLiteral(GEOGRAPHICLIB_VERSION_STRING),
         QStringLiteral("WGS84 a = %1 m").arg(GeographicLib::Constants::WGS84_a(), 0, 'f', 1)},
        {QStringLiteral("OpenCV"), QString::fromLatin1(cv::getVersionString().c_str()),
         QStringLiteral("built with %1").arg(QStringLiteral(CV_VERSION))},
    };
}

} // namespace vigie
